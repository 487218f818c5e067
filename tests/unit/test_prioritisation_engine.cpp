// The prioritisation engine's smaller rules, and that it knows no id: only the framework data.
#include "prioritisation.h"
#include "prioritisation_support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <random>

using namespace hicm;
using namespace hicm::test;
using nlohmann::json;

namespace {

const Framework &workshop()
{
    std::string problems;
    const Framework *fw = caseFramework("frameworks/workshop.json", problems);
    INFO(problems);
    REQUIRE(fw != nullptr);
    return *fw;
}

FeatureAssessment agreed(const std::string &id, int level, int weight = 2)
{
    FeatureAssessment f;
    f.featureId = id;
    f.agreedLevel = level;
    f.weight = weight;
    return f;
}

// Every feature at level 2 of the workshop fixture: P, S, Q, R recommended (see golden case 09).
Assessment allAtTwo()
{
    Assessment a;
    a.area = "Test";
    for (const char *id : {"W1", "W2", "W3", "W4", "W5", "W6"})
        a.features.push_back(agreed(id, 2));
    return a;
}

} // namespace

TEST_CASE("the partners' median is rounded down", "[prioritisation]")
{
    CHECK_FALSE(medianRoundedDown({}).has_value());
    CHECK(medianRoundedDown({2}) == 2);
    CHECK(medianRoundedDown({1, 2}) == 1);
    CHECK(medianRoundedDown({1, 3}) == 2);
    CHECK(medianRoundedDown({3, 3}) == 3);
    CHECK(medianRoundedDown({3, 1, 2, 2}) == 2);
    CHECK(medianRoundedDown({1, 1, 3, 3}) == 2);
    CHECK(medianRoundedDown({1, 2, 3, 4}) == 2);
    CHECK(medianRoundedDown({3, 1, 2}) == 2);
}

TEST_CASE("scores are shown with at most two decimals", "[prioritisation]")
{
    CHECK(formatScore(4) == "4");
    CHECK(formatScore(2.5) == "2.5");
    CHECK(formatScore(8.0 / 3.0) == "2.67");
    CHECK(formatScore(0) == "0");
    CHECK(formatScore(0.125) == "0.13");
}

TEST_CASE("the JSON has the keys of the CLI contract", "[prioritisation]")
{
    const json j = prioritisationToJson(prioritise(workshop(), allAtTwo()));
    REQUIRE(j["changes"].size() == 4);
    for (const auto &c : j["changes"])
        for (const char *key : {"id", "title", "rank", "score", "phase", "reasons", "actions"})
            CHECK(c.contains(key));
    REQUIRE(j["not_recommended"].size() == 1);
    CHECK(j["not_recommended"][0]["id"] == "T");
    CHECK(j["not_recommended"][0].contains("why"));
    for (const char *key : {"no_shared_view", "low_confidence", "not_scored", "provisional"})
        CHECK(j["findings"].contains(key));
    CHECK(j["overrides"] == json::array());
    CHECK_FALSE(j.contains("facilitator_sequence"));
    // Added keys: each change's reason in words, and the order the room agreed (here the engine's).
    for (const auto &c : j["changes"])
        CHECK(c["reasons"]["plain"].get<std::string>().rfind(c["phase_label"].get<std::string>() + ": ", 0) == 0);
    REQUIRE(j["agreed_plan"]["changes"].size() == 4);
    CHECK(j["agreed_plan"]["adjusted"] == false);
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(j["agreed_plan"]["changes"][i]["id"] == j["changes"][i]["id"]);
        CHECK(j["agreed_plan"]["changes"][i]["engine_rank"] == j["changes"][i]["rank"]);
        CHECK(j["agreed_plan"]["changes"][i]["difference"] == "");
    }
    CHECK(j["agreed_plan"]["left_out"] == json::array());
}

TEST_CASE("an override of an unknown change is shown, not applied", "[prioritisation][overrides]")
{
    Assessment a = allAtTwo();
    a.overrides.push_back(Override{"Z", OverrideKind::Pin, "typo"});
    const Prioritisation p = prioritise(workshop(), a);
    REQUIRE(p.overrides.size() == 1);
    CHECK_FALSE(p.overrides[0].applied);
    CHECK(p.overrides[0].note == "not a change of this framework; ignored");
    // The facilitator's sequence is the engine's, and the engine's is untouched.
    REQUIRE(p.facilitatorSequence.size() == p.changes.size());
    for (std::size_t i = 0; i < p.changes.size(); ++i)
        CHECK(p.facilitatorSequence[i].id == p.changes[i].id);
}

TEST_CASE("excluding a prerequisite of a kept change is flagged", "[prioritisation][overrides]")
{
    Assessment a = allAtTwo();
    a.overrides.push_back(Override{"P", OverrideKind::Exclude, "done elsewhere"});
    const Prioritisation p = prioritise(workshop(), a);
    CHECK(p.changes.front().id == "P"); // the engine's own result keeps it
    std::vector<std::string> ids;
    for (const auto &e : p.facilitatorSequence)
        ids.push_back(e.id);
    CHECK(ids == std::vector<std::string>{"S", "Q", "R"});
    CHECK(p.overrideWarnings ==
          std::vector<std::string>{"P is excluded, but Q needs it first.", "P is excluded, but R needs it first."});
}

TEST_CASE("values the framework does not know are left out and said so", "[prioritisation]")
{
    Assessment a = allAtTwo();
    a.feature("W1")->agreedLevel = 7;
    a.feature("W1")->partnerLevels = {{"ICB", 1, ""}, {"Council", 9, ""}};
    a.feature("W2")->targetLevel = 0;
    a.features.push_back(agreed("B9", 1));
    const Prioritisation p = prioritise(workshop(), a);
    const FeatureInput &w1 = p.inputs[0];
    CHECK(w1.level == 1); // the one partner level on the scale, provisional
    CHECK(w1.provisional);
    CHECK(p.inputs[1].target == 3);
    CHECK(p.findings.ignored ==
          std::vector<std::string>{"W1: Council's level 9 is not on the scale; left out",
                                   "W1: agreed level 7 is not on the scale; left out",
                                   "W2: target level 0 is not on the scale; the top level is used",
                                   "B9: not a feature of this framework; left out"});
}

TEST_CASE("the engine knows no id: renaming every id renames the result and nothing else", "[prioritisation]")
{
    // Rename features W1..W6 to F-1..F-6 and changes P..T to HIC-1..HIC-5 throughout the fixture.
    json doc = json::parse(readFile(prioritisationDir() + "/frameworks/workshop.json"));
    std::map<std::string, std::string> rename;
    for (std::size_t i = 0; i < doc["features"].size(); ++i)
        rename[doc["features"][i]["id"]] = "F-" + std::to_string(i + 1);
    for (std::size_t i = 0; i < doc["changes"].size(); ++i)
        rename[doc["changes"][i]["id"]] = "HIC-" + std::to_string(i + 1);
    for (auto &f : doc["features"]) {
        f["id"] = rename[f["id"]];
        for (auto &al : f["aligns_with"])
            al["change"] = rename[al["change"]];
        for (auto &t : f["targeted_actions"])
            t["id"] = f["id"].get<std::string>() + t["id"].get<std::string>().substr(2);
    }
    for (auto &c : doc["changes"])
        c["id"] = rename[c["id"]];
    for (auto &p : doc["prerequisites"]) {
        p["change"] = rename[p["change"]];
        p["requires"] = rename[p["requires"]];
    }
    const FrameworkLoadResult renamed = parseFramework(doc.dump(), "renamed.json");
    INFO(formatProblems(renamed.problems));
    REQUIRE(renamed.ok());

    std::mt19937 rng(99);
    for (int run = 0; run < 100; ++run) {
        Assessment a, b;
        for (const auto &f : workshop().features) {
            FeatureAssessment fa = agreed(f.id, std::uniform_int_distribution<int>(1, 3)(rng),
                                          std::uniform_int_distribution<int>(1, 3)(rng));
            a.features.push_back(fa);
            fa.featureId = rename[f.id];
            b.features.push_back(fa);
        }
        const Prioritisation pa = prioritise(workshop(), a), pb = prioritise(*renamed.framework, b);
        REQUIRE(pa.changes.size() == pb.changes.size());
        for (std::size_t i = 0; i < pa.changes.size(); ++i) {
            CHECK(rename[pa.changes[i].id] == pb.changes[i].id);
            CHECK(pa.changes[i].score == Approx(pb.changes[i].score));
            CHECK(pa.changes[i].phase == pb.changes[i].phase);
        }
    }
}

TEST_CASE("the golden comparison reports differences with their pointers", "[prioritisation][golden]")
{
    const json actual = {{"changes", {{{"id", "A"}, {"score", 2.5}}}}, {"findings", json::object()}};
    std::vector<std::string> diffs;
    jsonSubsetDiff({{"changes", {{{"id", "A"}, {"score", 2.504}}}}}, actual, "", diffs);
    CHECK(diffs.empty());
    jsonSubsetDiff({{"changes", {{{"id", "B"}, {"score", 3}}}}, {"missing", 1}}, actual, "", diffs);
    CHECK(diffs == std::vector<std::string>{"/changes/0/id: expected \"B\", got \"A\"",
                                            "/changes/0/score: expected 3, got 2.5", "/missing: missing (expected 1)"});
    diffs.clear();
    jsonSubsetDiff({{"changes", json::array()}}, actual, "", diffs);
    CHECK(diffs == std::vector<std::string>{"/changes: expected 0 elements, got 1 [\"A\"]"});
}
