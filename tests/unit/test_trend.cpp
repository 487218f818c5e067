// Trend over an area's assessments on fixtures with known answers (tests/data/compare/README.md).
// Worked by hand for "North Shire" (the 2026 one spells it "  north shire ", against edition 2):
// - points by date: 2024-05-01 (1), 2025-05-01 (2), 2026-05-01 (3); South Vale is left out.
// - features in edition 2's order: B1 1,2,3; B2 2,2,2; B3 1,3,3; B4 -,-,1 (only edition 2 has it).
// - targets: B1 3,3,3; B2 3,2,3 (top when not set); B3 2,2,3; B4 -,-,3.
// - B1.M1 per month 120, 150, 160. B1.M2: the latest number is in weeks, so 10 and 7 days are left out
//   with a note each: -, -, 5. B2.M1 "12%" is 12 (no unit), "about 10%" is not a number (a note), none in
//   2026: 12, -, -. B4.M1 "n/a" is no number at all: not charted, with a note.
#include "exchange_support.h"
#include "trend.h"

#include <catch2/catch.hpp>

using namespace hicm;
using namespace hicm::test;
using nlohmann::json;

namespace {

std::vector<ScoredAssessment> fixtures()
{
    const auto mini = frameworkFile(miniFrameworkFile());
    const auto ed2 = frameworkFile(edition2File());
    // Deliberately out of date order.
    return {{fixtureAssessment("compare/north-2026-edition2.json"), ed2},
            {fixtureAssessment("compare/south-2025.json"), mini},
            {fixtureAssessment("compare/north-2024.json"), mini},
            {fixtureAssessment("compare/north-2025.json"), mini}};
}

using Levels = std::vector<std::optional<int>>;

} // namespace

TEST_CASE("trend: each feature's agreed level over time, across editions", "[trend]")
{
    const Trend t = buildTrend(fixtures(), "north shire");
    CHECK(t.area == "north shire"); // as the latest assessment writes it, trimmed
    REQUIRE(t.points.size() == 3);
    CHECK(t.points[0].date == "2024-05-01");
    CHECK(t.points[1].id == 2);
    CHECK(t.points[2].framework == "Mini test framework (test-2)");
    CHECK(t.minLevel == 1);
    CHECK(t.maxLevel == 3);
    REQUIRE(t.features.size() == 4);
    CHECK(t.features[0].featureId == "B1");
    CHECK(t.features[0].levels == Levels{1, 2, 3});
    CHECK(t.features[1].levels == Levels{2, 2, 2});
    CHECK(t.features[2].levels == Levels{1, 3, 3});
    CHECK(t.features[3].featureId == "B4");
    CHECK(t.features[3].title == "Discharge");
    CHECK(t.features[3].levels == Levels{std::nullopt, std::nullopt, 1});
    CHECK(t.features[1].targets == Levels{3, 2, 3});
    CHECK(t.features[3].targets == Levels{std::nullopt, std::nullopt, 3});
}

TEST_CASE("trend: numeric metric values over time, in one unit", "[trend]")
{
    const Trend t = buildTrend(fixtures(), "North Shire");
    REQUIRE(t.metrics.size() == 3);
    CHECK(t.metrics[0].metricId == "B1.M1");
    CHECK(t.metrics[0].unit == "per month");
    CHECK(t.metrics[0].values == std::vector<std::optional<double>>{120, 150, 160});
    CHECK(t.metrics[1].metricId == "B1.M2");
    CHECK(t.metrics[1].unit == "weeks");
    CHECK(t.metrics[1].values == std::vector<std::optional<double>>{std::nullopt, std::nullopt, 5});
    CHECK(t.metrics[1].raw == std::vector<std::string>{"10", "7", "5"});
    CHECK(t.metrics[2].metricId == "B2.M1");
    CHECK(t.metrics[2].values == std::vector<std::optional<double>>{12, std::nullopt, std::nullopt});

    const auto has = [&](const std::string &part) {
        return std::any_of(t.notes.begin(), t.notes.end(),
                           [&](const auto &n) { return n.find(part) != std::string::npos; });
    };
    CHECK(has("from 2026-05-01 the assessments use Mini test framework (test-2)"));
    CHECK(has("B1.M2 on 2024-05-01: recorded in \"days\", not \"weeks\"; not charted"));
    CHECK(has("B1.M2 on 2025-05-01"));
    CHECK(has("B2.M1 on 2025-05-01: \"about 10%\" is not a number; not charted"));
    CHECK(has("B4.M1 has values but none is a number; not charted"));
    CHECK(t.notes.size() == 5);
}

TEST_CASE("trend: an area with no assessments, and one with a single one", "[trend]")
{
    const Trend none = buildTrend(fixtures(), "East Riding");
    CHECK(none.points.empty());
    CHECK(none.features.empty());
    const Trend one = buildTrend(fixtures(), "South Vale");
    REQUIRE(one.points.size() == 1);
    CHECK(one.features.size() == 3);
    CHECK(one.features[0].levels == Levels{3});
    CHECK(one.features[2].levels == Levels{std::nullopt});
}

TEST_CASE("trend: the JSON has the documented keys", "[trend]")
{
    const json j = trendToJson(buildTrend(fixtures(), "north shire"));
    CHECK(j["assessments"].size() == 3);
    CHECK(j["assessments"][0] == json{{"id", 1},
                                      {"date", "2024-05-01"},
                                      {"title", "First workshop"},
                                      {"framework", "Mini test framework (test-1)"}});
    CHECK(j["features"][3]["levels"] == json::parse("[null, null, 1]"));
    CHECK(j["features"][1]["targets"] == json::parse("[3, 2, 3]"));
    CHECK(j["metrics"][0] == json{{"feature", "B1"},
                                  {"metric", "B1.M1"},
                                  {"label", "Referrals per month"},
                                  {"unit", "per month"},
                                  {"values", {120, 150, 160}},
                                  {"raw", {"120", "150", "160"}}});
    CHECK(j["min_level"] == 1);
    CHECK(j["max_level"] == 3);
    CHECK(j["notes"].size() == 5);
    CHECK(j["area"] == "north shire");
}
