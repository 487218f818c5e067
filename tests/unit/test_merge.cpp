// Merging a partner's assessment into the workshop's: the plan lists every item side by side, conflicts
// wait for a choice, and applying changes nothing but the copy it returns.
#include "assessment_json.h"
#include "exchange_support.h"
#include "merge.h"

#include <catch2/catch.hpp>

using namespace hicm;
using namespace hicm::test;
using nlohmann::json;

namespace {

Partner partner(const std::string &name, OrgType type)
{
    Partner p;
    p.organisation = name;
    p.type = type;
    return p;
}

FeatureAssessment &feature(Assessment &a, const std::string &id)
{
    if (FeatureAssessment *f = a.feature(id))
        return *f;
    a.features.push_back({});
    a.features.back().featureId = id;
    return a.features.back();
}

// The workshop: North ICB scored B1 at 1 with a note; B1.M1 is 120; B1 has evidence.
Assessment workshop()
{
    Assessment a;
    a.id = 5;
    a.area = "North Shire";
    a.partners = {partner("North ICB", OrgType::Icb)};
    for (const char *id : {"B1", "B2", "B3"})
        feature(a, id);
    feature(a, "B1").partnerLevels.push_back({"North ICB", 1, "three doors"});
    feature(a, "B1").metrics.push_back({"B1.M1", "120", "per month", "", ""});
    feature(a, "B1").evidence = "Audit 2024";
    return a;
}

std::vector<MergeItemStatus> statuses(const MergePlan &plan)
{
    std::vector<MergeItemStatus> out;
    for (const auto &i : plan.items)
        out.push_back(i.status);
    return out;
}

} // namespace

TEST_CASE("merge: a new partner's view comes in without conflicts", "[merge]")
{
    const auto fw = frameworkFile(miniFrameworkFile());
    Assessment incoming;
    incoming.area = "North Shire";
    incoming.partners = {partner("Care Co", OrgType::CareProvider)};
    feature(incoming, "B1").partnerLevels.push_back({"Care Co", 2, "two doors"});
    feature(incoming, "B2").partnerLevels.push_back({"Care Co", 3, ""});
    feature(incoming, "B2").metrics.push_back({"B2.M1", "8%", "", "2024", "ESR"});
    feature(incoming, "B2").evidence = "Workforce plan signed off";

    const Assessment before = workshop();
    const MergePlan plan = planMerge(before, *fw, incoming, *fw);
    CHECK(plan.conflicts() == 0);
    CHECK(plan.newItems() == 6); // partner, B1 level and note, B2 level, metric, evidence
    REQUIRE(plan.items.size() == 6);
    CHECK(plan.items[0].key == "partner/Care Co");
    CHECK(plan.items[1].key == "level/B1/Care Co");
    CHECK(plan.items[1].label == "B1 Access, level of Care Co");
    CHECK(plan.items[2].key == "note/B1/Care Co");
    CHECK(plan.items[3].key == "level/B2/Care Co");
    CHECK(plan.items[4].key == "metric/B2.M1");
    CHECK(plan.items[4].incoming == "8%; period: 2024; source: ESR");
    CHECK(plan.items[5].key == "evidence/B2");
    CHECK(plan.notes.empty());
    CHECK(plan.warnings.empty());

    const MergeOutcome out = applyMerge(plan, {});
    REQUIRE(out.ok());
    CHECK(out.applied == 6);
    const Assessment &m = *out.merged;
    REQUIRE(m.partners.size() == 2);
    CHECK(m.partners[1].organisation == "Care Co");
    CHECK(m.partners[1].type == OrgType::CareProvider);
    CHECK(m.feature("B1")->partnerLevel("Care Co")->level == 2);
    CHECK(m.feature("B1")->partnerLevel("Care Co")->note == "two doors");
    CHECK(m.feature("B1")->partnerLevel("North ICB")->level == 1); // the workshop's own, untouched
    CHECK(m.feature("B2")->metrics.at(0).source == "ESR");
    CHECK(m.feature("B2")->evidence == "Workforce plan signed off");
    std::vector<Problem> problems;
    CHECK(checkAssessmentAgainstFramework(m, *fw, "merged", problems));
    // Nothing changed in the plan's copy of the workshop.
    CHECK(assessmentToJson(plan.workshop) == assessmentToJson(before));

    // Merging the merged result again finds everything already there.
    const MergePlan again = planMerge(m, *fw, incoming, *fw);
    CHECK(again.conflicts() == 0);
    CHECK(again.newItems() == 0);
}

TEST_CASE("merge: conflicts wait for the facilitator's choice", "[merge]")
{
    const auto fw = frameworkFile(miniFrameworkFile());
    Assessment incoming;
    incoming.area = "north shire";
    incoming.partners = {partner(" north  ICB", OrgType::Icb)}; // the same partner, typed differently
    feature(incoming, "B1").partnerLevels.push_back({" north  ICB", 2, "two doors now"});
    feature(incoming, "B1").metrics.push_back({"B1.M1", "130", "per month", "", ""});
    feature(incoming, "B1").evidence = "Audit 2025";
    feature(incoming, "B3").partnerLevels.push_back({" north  ICB", 1, ""});

    const MergePlan plan = planMerge(workshop(), *fw, incoming, *fw);
    CHECK(plan.warnings.empty()); // the same area, written differently
    CHECK(statuses(plan) == std::vector<MergeItemStatus>{MergeItemStatus::Same, MergeItemStatus::Conflict,
                                                         MergeItemStatus::Conflict, MergeItemStatus::Conflict,
                                                         MergeItemStatus::Conflict, MergeItemStatus::New});
    CHECK(plan.items[0].key == "partner/North ICB");
    CHECK(plan.items[1].key == "level/B1/North ICB");
    CHECK(plan.items[1].workshop == "1");
    CHECK(plan.items[1].incoming == "2");
    CHECK(plan.conflicts() == 4);

    SECTION("without choices nothing is merged")
    {
        const MergeOutcome out = applyMerge(plan, {});
        CHECK_FALSE(out.ok());
        CHECK(out.unresolved ==
              std::vector<std::string>{"level/B1/North ICB", "note/B1/North ICB", "metric/B1.M1", "evidence/B1"});
    }
    SECTION("take every incoming value")
    {
        const MergeOutcome out = applyMerge(plan, {MergeChoice::Incoming, {}});
        REQUIRE(out.ok());
        const FeatureAssessment *b1 = out.merged->feature("B1");
        CHECK(b1->partnerLevel("North ICB")->level == 2);
        CHECK(b1->partnerLevel("North ICB")->note == "two doors now");
        CHECK(b1->metrics.at(0).value == "130");
        CHECK(b1->evidence == "Audit 2025");
        CHECK(out.merged->feature("B3")->partnerLevel("North ICB")->level == 1);
        CHECK(out.merged->partners.size() == 1);
    }
    SECTION("keep every workshop value; new items still come in")
    {
        const MergeOutcome out = applyMerge(plan, {MergeChoice::Workshop, {}});
        REQUIRE(out.ok());
        CHECK(out.applied == 1);
        CHECK(out.merged->feature("B1")->partnerLevel("North ICB")->level == 1);
        CHECK(out.merged->feature("B3")->partnerLevel("North ICB")->level == 1);
    }
    SECTION("one choice per conflict, texts kept both")
    {
        MergeChoices choices;
        choices.byKey = {{"level/B1/North ICB", MergeChoice::Incoming},
                         {"note/B1/North ICB", MergeChoice::Both},
                         {"metric/B1.M1", MergeChoice::Workshop},
                         {"evidence/B1", MergeChoice::Both},
                         {"level/B3/North ICB", MergeChoice::Workshop}}; // declining a new item
        const MergeOutcome out = applyMerge(plan, choices);
        REQUIRE(out.ok());
        const FeatureAssessment *b1 = out.merged->feature("B1");
        CHECK(b1->partnerLevel("North ICB")->level == 2);
        CHECK(b1->partnerLevel("North ICB")->note == "three doors\n\ntwo doors now");
        CHECK(b1->metrics.at(0).value == "120");
        CHECK(b1->evidence == "Audit 2024\n\nAudit 2025");
        CHECK(out.merged->feature("B3")->partnerLevels.empty());
        // Merged with both texts, the file's texts are now covered: planning again finds them the same.
        const MergePlan again = planMerge(*out.merged, *fw, incoming, *fw);
        CHECK(again.item("note/B1/North ICB")->status == MergeItemStatus::Same);
        CHECK(again.item("evidence/B1")->status == MergeItemStatus::Same);
    }
    SECTION("impossible choices are refused")
    {
        MergeChoices choices{MergeChoice::Incoming,
                             {{"level/B1/North ICB", MergeChoice::Both}, {"level/B9/X", MergeChoice::Incoming}}};
        const MergeOutcome out = applyMerge(plan, choices);
        CHECK_FALSE(out.ok());
        CHECK(out.errors.size() == 2);
    }
}

TEST_CASE("merge: a partner who scored as 'agreed' on their own laptop", "[merge]")
{
    const auto fw = frameworkFile(miniFrameworkFile());
    Assessment incoming;
    incoming.area = "North Shire";
    feature(incoming, "B1").agreedLevel = 3;
    feature(incoming, "B1").rationale = "our view";
    feature(incoming, "B2").agreedLevel = 2;
    feature(incoming, "B2").targetLevel = 3;

    const MergePlan plain = planMerge(workshop(), *fw, incoming, *fw);
    CHECK(plain.items.empty());
    REQUIRE(plain.notes.size() == 2);
    CHECK(plain.notes[0].find("agreed levels and rationales are not merged") != std::string::npos);
    CHECK(plain.notes[1].find("targets, weights, action plan and overrides are not merged") != std::string::npos);

    MergeOptions options;
    options.asPartner = partner("Care Co", OrgType::CareProvider);
    const MergePlan as = planMerge(workshop(), *fw, incoming, *fw, options);
    REQUIRE(as.items.size() == 4);
    CHECK(as.items[0].key == "partner/Care Co");
    CHECK(as.items[1].key == "level/B1/Care Co");
    CHECK(as.items[2].key == "note/B1/Care Co");
    CHECK(as.items[2].incoming == "our view");
    CHECK(as.items[3].key == "level/B2/Care Co");
    const MergeOutcome out = applyMerge(as, {});
    REQUIRE(out.ok());
    CHECK(out.merged->partner("Care Co")->type == OrgType::CareProvider);
    CHECK(out.merged->feature("B2")->partnerLevel("Care Co")->level == 2);
    CHECK_FALSE(out.merged->feature("B2")->targetLevel.has_value()); // targets are the workshop's

    // Declining the new partner leaves out everything that hangs on it.
    MergeChoices decline;
    decline.byKey["partner/Care Co"] = MergeChoice::Workshop;
    const MergeOutcome declined = applyMerge(as, decline);
    REQUIRE(declined.ok());
    CHECK(declined.merged->partners.size() == 1);
    CHECK(declined.merged->feature("B1")->partnerLevels.size() == 1);
}

TEST_CASE("merge: a file of another framework edition is mapped by feature id, with a note", "[merge]")
{
    const auto mini = frameworkFile(miniFrameworkFile());
    const auto ed2 = frameworkFile(edition2File());
    Assessment incoming;
    incoming.area = "South Vale";
    incoming.partners = {partner("Care Co", OrgType::CareProvider)};
    feature(incoming, "B1").partnerLevels.push_back({"Care Co", 2, ""});
    feature(incoming, "B4").partnerLevels.push_back({"Care Co", 1, "ad hoc"});
    feature(incoming, "B4").metrics.push_back({"B4.M1", "40", "", "", ""});

    const MergePlan plan = planMerge(workshop(), *mini, incoming, *ed2);
    REQUIRE(plan.warnings.size() == 1);
    CHECK(plan.warnings[0] == "the file is an assessment of \"South Vale\", the workshop's of \"North Shire\"");
    REQUIRE(plan.notes.size() == 1);
    CHECK(plan.notes[0] == "features Mini test framework (test-1) does not have were left out: B4 Discharge");
    REQUIRE(plan.items.size() == 2);
    CHECK(plan.items[1].key == "level/B1/Care Co");

    const json j = mergePlanToJson(plan);
    CHECK(j["conflicts"] == 0);
    CHECK(j["new"] == 2);
    CHECK(j["items"][1] == json{{"key", "level/B1/Care Co"},
                                {"kind", "partner-level"},
                                {"status", "new"},
                                {"partner", "Care Co"},
                                {"feature", "B1"},
                                {"metric", nullptr},
                                {"label", "B1 Access, level of Care Co"},
                                {"workshop", nullptr},
                                {"incoming", "2"}});
    CHECK(j["workshop"]["id"] == 5);
    CHECK(j["notes"].size() == 1);
}
