// Comparing assessments on fixtures with known answers (tests/data/compare/README.md). Worked by hand:
//
// North 2024 -> 2025 (same edition, mini framework: A <- B1, B3; B <- B2, B3 (app); A requires B):
// - levels: B1 1 -> 2 (up 1), B2 2 -> 2, B3 1 -> 3 (up 2). Targets: B1 3 -> 3, B2 3 (top) -> 2, B3 2 -> 2.
// - what moved, largest first: B3 then B1, each with the 2025 rationale.
// - metrics: B1.M1 120 -> 150 per month (up, +30); B1.M2 10 -> 7 days (down, -3); B2.M1 "12%" ->
//   "about 10%" (changed: the later one is not a number).
// - recommended then: gaps B1 2, B2 1, B3 1 -> A and B both score; A requires B, so B is first, then A.
//   Now: B1 gap 1 only; B2 and B3 at target -> A alone (B's features are all at target: in place).
// - actions: "create a single point of access" matches the earlier "Create a single point of access"
//   (case and spacing ignored), done now and not then -> completed, from the earlier plan. "Write a
//   workforce plan" was done already -> not listed. "Train staff across settings" is new and done ->
//   listed. "Publish a data dashboard" was open and is not done now -> still open.
#include "compare.h"
#include "exchange_support.h"

#include <catch2/catch.hpp>

using namespace hicm;
using namespace hicm::test;
using nlohmann::json;

namespace {

const FeatureComparison &feature(const Comparison &c, const std::string &id)
{
    for (const auto &f : c.features)
        if (f.featureId == id)
            return f;
    FAIL("no feature " << id);
    throw;
}

const MetricChange &metric(const FeatureComparison &f, const std::string &id)
{
    for (const auto &m : f.metrics)
        if (m.metricId == id)
            return m;
    FAIL("no metric " << id);
    throw;
}

std::vector<std::string> ids(const std::vector<RecommendedRef> &list)
{
    std::vector<std::string> out;
    for (const auto &r : list)
        out.push_back(r.id);
    return out;
}

} // namespace

TEST_CASE("compare: a year apart on one edition shows exactly what moved", "[compare]")
{
    const auto fw = frameworkFile(miniFrameworkFile());
    const Assessment before = fixtureAssessment("compare/north-2024.json");
    const Assessment after = fixtureAssessment("compare/north-2025.json");
    const Comparison c = compareAssessments(*fw, before, *fw, after);

    CHECK(c.warnings.empty());
    CHECK_FALSE(c.editions.differs);
    REQUIRE(c.features.size() == 3);
    CHECK(feature(c, "B1").delta() == 1);
    CHECK(feature(c, "B2").delta() == 0);
    CHECK_FALSE(feature(c, "B2").moved());
    CHECK(feature(c, "B3").delta() == 2);
    CHECK(c.movedUp() == 2);
    CHECK(c.movedDown() == 0);
    CHECK(feature(c, "B2").targetChanged());
    CHECK(feature(c, "B2").effectiveTargetBefore == 3);
    CHECK(feature(c, "B2").effectiveTargetAfter == 2);
    CHECK_FALSE(feature(c, "B1").targetChanged());

    REQUIRE(c.whatMoved.size() == 2);
    CHECK(c.whatMoved[0] ==
          "B3 Data: up from 1 Not yet established to 3 Established. Why: Dashboard shared across partners.");
    CHECK(c.whatMoved[1] ==
          "B1 Access: up from 1 Foundational to 2 Developing. Why: The single point of access opened in March.");

    const auto &m1 = metric(feature(c, "B1"), "B1.M1");
    CHECK(m1.direction == MetricDirection::Up);
    CHECK(m1.difference == Approx(30));
    CHECK(m1.label == "Referrals per month");
    CHECK(metric(feature(c, "B1"), "B1.M2").direction == MetricDirection::Down);
    CHECK(metric(feature(c, "B1"), "B1.M2").difference == Approx(-3));
    CHECK(metric(feature(c, "B2"), "B2.M1").direction == MetricDirection::Changed);
    CHECK_FALSE(metric(feature(c, "B2"), "B2.M1").difference.has_value());
    CHECK(feature(c, "B3").metrics.empty());

    CHECK(ids(c.recommendedBefore) == std::vector<std::string>{"B", "A"});
    CHECK(ids(c.recommendedAfter) == std::vector<std::string>{"A"});
    CHECK(c.newlyRecommended.empty());
    CHECK(c.noLongerRecommended == std::vector<std::string>{"B"});

    REQUIRE(c.actionsCompleted.size() == 2);
    CHECK(c.actionsCompleted[0].text == "  create a single   point of access ");
    CHECK(c.actionsCompleted[0].fromEarlierPlan);
    CHECK(c.actionsCompleted[1].text == "Train staff across settings");
    CHECK_FALSE(c.actionsCompleted[1].fromEarlierPlan);
    CHECK(c.stillOpen == std::vector<std::string>{"Publish a data dashboard"});
}

TEST_CASE("compare: a new framework edition compares the shared features and names changed texts", "[compare]")
{
    const auto mini = frameworkFile(miniFrameworkFile());
    const auto ed2 = frameworkFile(edition2File());
    const Assessment before = fixtureAssessment("compare/north-2025.json");
    const Assessment after = fixtureAssessment("compare/north-2026-edition2.json");
    const Comparison c = compareAssessments(*mini, before, *ed2, after);

    REQUIRE(c.warnings.size() == 1); // the areas match despite case and spaces; the editions differ
    CHECK(c.warnings[0].find("different framework editions") != std::string::npos);
    CHECK(c.editions.differs);
    CHECK(c.editions.before == "Mini test framework (test-1)");
    CHECK(c.editions.after == "Mini test framework (test-2)");
    REQUIRE(c.editions.changedTexts.size() == 1);
    const TextChange &t = c.editions.changedTexts[0];
    CHECK(t.featureId == "B1");
    CHECK(t.what == "level 2 descriptor");
    CHECK(t.before == "Fewer doors.");
    CHECK(t.after == "Fewer doors, with one shared waiting list.");
    CHECK(c.editions.onlyAfter == std::vector<std::string>{"B4 Discharge"});
    CHECK(c.editions.onlyBefore.empty());

    REQUIRE(c.features.size() == 3); // B4 is not shared
    CHECK(feature(c, "B1").delta() == 1);
    CHECK(feature(c, "B2").targetChanged()); // 2 -> top (3)
    // B1.M2 went from days to weeks: not comparable as numbers.
    CHECK(metric(feature(c, "B1"), "B1.M2").direction == MetricDirection::Changed);
    CHECK(metric(feature(c, "B1"), "B1.M1").difference == Approx(10));
    CHECK(metric(feature(c, "B2"), "B2.M1").direction == MetricDirection::Removed);
    CHECK(c.whatMoved ==
          std::vector<std::string>{"B1 Access: up from 2 Developing to 3 Established. Why: One door, one list."});
    CHECK(c.stillOpen == std::vector<std::string>{"Recruit two therapists"});
}

TEST_CASE("compare: two areas are compared with a warning; reversed order warns too", "[compare]")
{
    const auto fw = frameworkFile(miniFrameworkFile());
    const Assessment north = fixtureAssessment("compare/north-2025.json");
    const Assessment south = fixtureAssessment("compare/south-2025.json");
    const Comparison c = compareAssessments(*fw, south, *fw, north);
    REQUIRE(c.warnings.size() == 2);
    CHECK(c.warnings[0].find("different areas") != std::string::npos);
    CHECK(c.warnings[1].find("dated after") != std::string::npos);
    CHECK(feature(c, "B1").delta() == -1);
    CHECK(c.movedDown() == 1); // B1 3 -> 2
    CHECK(c.movedUp() == 1);   // B2 1 -> 2; B3 none -> 3 is newly agreed, neither up nor down
    CHECK(c.whatMoved.back() ==
          "B3 Data: agreed at 3 Established (not agreed before). Why: Dashboard shared across partners.");
}

TEST_CASE("compare: the JSON has the documented keys", "[compare]")
{
    const auto mini = frameworkFile(miniFrameworkFile());
    const auto ed2 = frameworkFile(edition2File());
    const json j = compareToJson(compareAssessments(*mini, fixtureAssessment("compare/north-2024.json"), *ed2,
                                                    fixtureAssessment("compare/north-2026-edition2.json")));
    for (const char *key :
         {"before", "after", "warnings", "summary", "features", "recommended_before", "recommended_after",
          "newly_recommended", "no_longer_recommended", "actions_completed", "still_open", "what_moved", "editions"})
        CHECK(j.contains(key));
    CHECK(j["before"]["id"] == 1);
    CHECK(j["after"]["framework"] == "Mini test framework (test-2)");
    const json &b1 = j["features"][0];
    CHECK(b1["feature"] == "B1");
    CHECK(b1["level_before"] == 1);
    CHECK(b1["level_after"] == 3);
    CHECK(b1["delta"] == 2);
    CHECK(b1["metrics"][0]["direction"] == "up");
    CHECK(b1["metrics"][0]["difference"] == 40);
    CHECK(b1["metrics"][0]["before"]["unit"] == "per month");
    CHECK(j["features"][2]["level_before"] == 1);
    CHECK(j["editions"]["changed_texts"][0]["what"] == "level 2 descriptor");
    CHECK(j["editions"]["only_after"][0] == "B4 Discharge");
    CHECK(j["summary"]["moved_up"] == 2);
}

TEST_CASE("compare: metric values read as numbers where they are numbers", "[compare]")
{
    CHECK(parseMetricNumber("12") == Approx(12));
    CHECK(parseMetricNumber(" -3.5 ") == Approx(-3.5));
    CHECK(parseMetricNumber("1,234") == Approx(1234));
    CHECK(parseMetricNumber("45%") == Approx(45));
    CHECK(parseMetricNumber("\xC2\xA3"
                            "1,200") == Approx(1200));
    CHECK(parseMetricNumber("+7") == Approx(7));
    for (const char *no : {"", "about 10%", "n/a", "1,2,", ",5", "12 days", "inf", "nan", "1e999", "--1"})
        CHECK_FALSE(parseMetricNumber(no).has_value());
    CHECK(sameArea(" North  Shire", "north shire"));
    CHECK_FALSE(sameArea("North Shire", "North Shires"));
}
