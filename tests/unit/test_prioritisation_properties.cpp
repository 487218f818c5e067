// Properties of the prioritisation engine over many generated assessments (seeded, so reproducible),
// on the bundled framework and on the test fixtures.
#include "prioritisation.h"
#include "prioritisation_support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <random>
#include <set>

using namespace hicm;
using namespace hicm::test;

namespace {

constexpr int kRuns = 300;

std::vector<std::string> propertyFrameworks()
{
    return {"bundled", "frameworks/workshop.json", "frameworks/chain4.json"};
}

const Framework &frameworkNamed(const std::string &name)
{
    std::string problems;
    const Framework *fw = caseFramework(name, problems);
    INFO(name << ": " << problems);
    REQUIRE(fw != nullptr);
    return *fw;
}

int uniform(std::mt19937 &rng, int lo, int hi)
{
    return std::uniform_int_distribution<int>(lo, hi)(rng);
}

// A random assessment: each feature agreed, scored by partners only, or not scored; random targets,
// weights, confidence; sometimes overrides.
Assessment randomAssessment(const Framework &fw, std::mt19937 &rng)
{
    const int top = fw.topLevel();
    const std::vector<std::string> partners{"ICB", "Council", "Trust", "Care Co"};
    Assessment a;
    a.area = "Generated";
    for (const auto &p : partners)
        a.partners.push_back(Partner{0, p, OrgType::Other, ""});
    for (const auto &f : fw.features) {
        FeatureAssessment fa;
        fa.featureId = f.id;
        const int kind = uniform(rng, 0, 9);
        if (kind >= 3) {
            const int n = uniform(rng, 1, 4);
            for (int i = 0; i < n; ++i)
                fa.partnerLevels.push_back(
                    PartnerLevel{partners[static_cast<std::size_t>(i)], uniform(rng, 1, top), ""});
        }
        if (kind >= 5)
            fa.agreedLevel = uniform(rng, 1, top);
        if (uniform(rng, 0, 1) == 1)
            fa.targetLevel = uniform(rng, 1, top);
        fa.weight = uniform(rng, 1, 3);
        fa.confidence = static_cast<Confidence>(uniform(rng, 0, 3));
        if (uniform(rng, 0, 9) != 0) // sometimes a feature is missing altogether
            a.features.push_back(std::move(fa));
    }
    if (uniform(rng, 0, 3) == 0) {
        const int n = uniform(rng, 1, 3);
        for (int i = 0; i < n; ++i) {
            const auto &c =
                fw.changes[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(fw.changes.size()) - 1))];
            a.overrides.push_back(
                Override{c.id, uniform(rng, 0, 1) ? OverrideKind::Pin : OverrideKind::Exclude, "test"});
        }
    }
    return a;
}

// Every change a change requires, directly or through others.
std::set<std::string> closureOf(const Framework &fw, const std::string &id)
{
    std::set<std::string> out;
    std::vector<std::string> todo{id};
    while (!todo.empty()) {
        const std::string next = todo.back();
        todo.pop_back();
        for (const auto &r : fw.prerequisitesOf(next))
            if (out.insert(r).second)
                todo.push_back(r);
    }
    return out;
}

// Each change's score, total and priority (0 when not recommended).
std::map<std::string, std::array<double, 3>> scores(const Prioritisation &p)
{
    std::map<std::string, std::array<double, 3>> out;
    for (const auto &n : p.notRecommended)
        out[n.id] = {0, 0, 0};
    for (const auto &c : p.changes)
        out[c.id] = {c.score, c.total, c.priority};
    return out;
}

} // namespace

TEST_CASE("all features at target: nothing is recommended", "[prioritisation][properties]")
{
    for (const auto &name : propertyFrameworks()) {
        const Framework &fw = frameworkNamed(name);
        std::mt19937 rng(20250301);
        for (int run = 0; run < kRuns; ++run) {
            Assessment a = randomAssessment(fw, rng);
            for (auto &fa : a.features) {
                const int target = fa.targetLevel.value_or(fw.topLevel());
                if (fa.agreedLevel)
                    fa.agreedLevel = uniform(rng, target, fw.topLevel());
                for (auto &pl : fa.partnerLevels)
                    pl.level = uniform(rng, target, fw.topLevel());
            }
            const Prioritisation p = prioritise(fw, a);
            INFO(name << " run " << run);
            CHECK(p.changes.empty());
            CHECK(p.notRecommended.size() == fw.changes.size());
            for (const auto &n : p.notRecommended)
                CHECK((n.reason != NotRecommendedReason::AtTarget || n.notScored.size() + n.atTarget.size() > 0));
        }
    }
}

TEST_CASE("raising one feature's gap never lowers any change's score, total or priority", "[prioritisation][properties]")
{
    for (const auto &name : propertyFrameworks()) {
        const Framework &fw = frameworkNamed(name);
        std::mt19937 rng(7);
        int raised = 0;
        for (int run = 0; run < kRuns; ++run) {
            Assessment a = randomAssessment(fw, rng);
            const Prioritisation before = prioritise(fw, a);
            // Pick a scored feature whose gap can grow: lower its level, or raise its target.
            std::vector<const FeatureInput *> candidates;
            for (const auto &in : before.inputs)
                if (in.level && (*in.level > 1 || in.target < fw.topLevel()))
                    candidates.push_back(&in);
            if (candidates.empty())
                continue;
            const FeatureInput &in =
                *candidates[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(candidates.size()) - 1))];
            FeatureAssessment *fa = a.feature(in.featureId);
            REQUIRE(fa != nullptr);
            if (*in.level > 1 && (in.target == fw.topLevel() || uniform(rng, 0, 1) == 0))
                fa->agreedLevel = *in.level - 1;
            else
                fa->targetLevel = in.target + 1;
            const Prioritisation after = prioritise(fw, a);
            const auto &changed = *std::find_if(after.inputs.begin(), after.inputs.end(),
                                                [&](const FeatureInput &x) { return x.featureId == in.featureId; });
            INFO(name << " run " << run << ", feature " << in.featureId);
            CHECK(changed.gap >= in.gap);
            if (changed.gap > in.gap)
                ++raised;
            const auto s0 = scores(before), s1 = scores(after);
            for (const auto &[change, score] : s0)
                for (std::size_t k = 0; k < score.size(); ++k) // score, total, priority
                    CHECK(s1.at(change)[k] >= score[k] - 1e-9);
        }
        CHECK(raised > kRuns / 3);
    }
}

TEST_CASE("a prerequisite never comes after its dependent", "[prioritisation][properties]")
{
    for (const auto &name : propertyFrameworks()) {
        const Framework &fw = frameworkNamed(name);
        std::mt19937 rng(42);
        for (int run = 0; run < kRuns; ++run) {
            const Assessment a = randomAssessment(fw, rng);
            const Prioritisation p = prioritise(fw, a);
            INFO(name << " run " << run);
            std::map<std::string, int> rank, adjusted;
            for (const auto &c : p.changes)
                rank[c.id] = c.rank;
            for (const auto &e : p.facilitatorSequence)
                adjusted[e.id] = e.rank;
            for (const auto &c : p.changes) {
                CHECK(c.rank == static_cast<int>(&c - p.changes.data()) + 1);
                if (c.rank > 1)
                    CHECK(static_cast<int>((&c - 1)->phase) <= static_cast<int>(c.phase)); // phases grouped
                for (const auto &req : closureOf(fw, c.id)) {
                    if (rank.count(req))
                        CHECK(rank[req] < c.rank);
                    if (adjusted.count(req) && adjusted.count(c.id))
                        CHECK(adjusted[req] < adjusted[c.id]);
                }
            }
            CHECK(p.changes.size() + p.notRecommended.size() == fw.changes.size());
        }
    }
}

TEST_CASE("the same input always gives the same output", "[prioritisation][properties]")
{
    for (const auto &name : propertyFrameworks()) {
        const Framework &fw = frameworkNamed(name);
        std::mt19937 rng(1234);
        for (int run = 0; run < 200; ++run) { // fewer: three JSON documents a run
            const Assessment a = randomAssessment(fw, rng);
            const std::string first = prioritisationToJson(prioritise(fw, a)).dump();
            const std::string second = prioritisationToJson(prioritise(fw, a)).dump();
            // The order in which the assessment lists its features does not matter either.
            Assessment shuffled = a;
            std::shuffle(shuffled.features.begin(), shuffled.features.end(), rng);
            const std::string third = prioritisationToJson(prioritise(fw, shuffled)).dump();
            INFO(name << " run " << run);
            CHECK(first == second);
            CHECK(first == third);
        }
    }
}

TEST_CASE("a feature scored at its target never lowers any change's priority", "[prioritisation][properties]")
{
    for (const auto &name : propertyFrameworks()) {
        const Framework &fw = frameworkNamed(name);
        std::mt19937 rng(99);
        int tried = 0;
        for (int run = 0; run < kRuns; ++run) {
            Assessment a = randomAssessment(fw, rng);
            const Prioritisation before = prioritise(fw, a);
            std::vector<const FeatureInput *> unscored;
            for (const auto &in : before.inputs)
                if (!in.level)
                    unscored.push_back(&in);
            if (unscored.empty())
                continue;
            const FeatureInput &in =
                *unscored[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(unscored.size()) - 1))];
            FeatureAssessment *fa = a.feature(in.featureId);
            if (!fa) {
                a.features.push_back(FeatureAssessment{});
                fa = &a.features.back();
                fa->featureId = in.featureId;
            }
            fa->agreedLevel = in.target; // scored, at its target: gap 0
            ++tried;
            const auto s0 = scores(before), s1 = scores(prioritise(fw, a));
            INFO(name << " run " << run << ", feature " << in.featureId);
            for (const auto &[change, score] : s0)
                for (std::size_t k = 0; k < score.size(); ++k)
                    CHECK(s1.at(change)[k] == Approx(score[k]).margin(1e-9));
        }
        CHECK(tried > kRuns / 4);
    }
}

TEST_CASE("phases follow the deepest gap and the prerequisites", "[prioritisation][properties]")
{
    for (const auto &name : propertyFrameworks()) {
        const Framework &fw = frameworkNamed(name);
        std::mt19937 rng(2026);
        for (int run = 0; run < kRuns; ++run) {
            const Prioritisation p = prioritise(fw, randomAssessment(fw, rng));
            double top = 0;
            for (const auto &c : p.changes)
                top = std::max(top, c.score);
            INFO(name << " run " << run);
            for (const auto &c : p.changes) {
                CHECK(c.score > 0);
                CHECK(c.total >= c.score - 1e-9);
                CHECK(c.priority >= c.score - 1e-9);
                CHECK(static_cast<int>(c.phase) >= std::min(2, c.step));
                REQUIRE(!c.drivers.empty());
                CHECK(c.score == Approx(c.drivers.front().contribution)); // the deepest weighted gap
                // The change holding the deepest weighted gap starts now, unless something must come first.
                if (c.step == 0 && c.score >= top - 1e-9)
                    CHECK(c.phase == Phase::StartNow);
                CHECK(!c.plain.empty());
                CHECK(c.plain.find(c.drivers.front().title) != std::string::npos);
            }
        }
    }
}

TEST_CASE("the agreed plan: pinned first, excluded left out, nothing else lost",
          "[prioritisation][properties][overrides]")
{
    for (const auto &name : propertyFrameworks()) {
        const Framework &fw = frameworkNamed(name);
        std::mt19937 rng(515);
        for (int run = 0; run < kRuns; ++run) {
            const Assessment a = randomAssessment(fw, rng);
            const Prioritisation p = prioritise(fw, a);
            const AgreedPlan plan = agreedPlan(p);
            INFO(name << " run " << run);
            std::map<std::string, int> at;
            for (const auto &s : plan.steps) {
                CHECK(s.rank == static_cast<int>(&s - plan.steps.data()) + 1);
                CHECK(at.emplace(s.id, s.rank).second);
                // Only where the room's order moved it, or the room pinned it, does a change say how it differs.
                if (!s.pinned && s.engineRank && *s.engineRank == s.rank) {
                    INFO(s.difference);
                    CHECK(s.difference.empty());
                }
                // A board reads the difference and then the why: the why says something the difference has not.
                if (!s.difference.empty() && s.why.size() > 1) {
                    auto lower = [](std::string t) {
                        for (char &ch : t)
                            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                        return t;
                    };
                    INFO(s.difference << " / " << s.why);
                    CHECK(lower(s.difference).find(lower(s.why.substr(0, s.why.size() - 1))) == std::string::npos);
                }
            }
            std::vector<std::string> pins;
            std::set<std::string> excluded;
            for (const auto &o : p.overrides)
                if (o.applied)
                    (o.decision.kind == OverrideKind::Pin ? pins.push_back(o.decision.change)
                                                          : void(excluded.insert(o.decision.change)));
            // The pinned changes, and what they need first, come before everything else.
            std::size_t prefix = 0;
            while (prefix < plan.steps.size() &&
                   (plan.steps[prefix].pinned || !plan.steps[prefix].broughtForwardBy.empty()))
                ++prefix;
            for (const auto &pin : pins) {
                REQUIRE(at.count(pin));
                CHECK(static_cast<std::size_t>(at[pin]) <= prefix);
                CHECK(!plan.steps[static_cast<std::size_t>(at[pin] - 1)].difference.empty());
            }
            for (const auto &c : p.changes) // every recommended change is kept or said to be left out
                CHECK(at.count(c.id) + std::count_if(plan.leftOut.begin(), plan.leftOut.end(),
                                                     [&](const LeftOutStep &l) { return l.id == c.id; }) == 1);
            for (const auto &id : excluded)
                CHECK(!at.count(id));
            if (a.overrides.empty()) {
                CHECK_FALSE(plan.adjusted);
                REQUIRE(plan.steps.size() == p.changes.size());
                for (std::size_t i = 0; i < p.changes.size(); ++i)
                    CHECK((plan.steps[i].id == p.changes[i].id && plan.steps[i].difference.empty()));
            }
        }
    }
}
