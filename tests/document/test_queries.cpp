// The shared reads of document/queries.h that the app's Compare, Trend and report screens and the CLI's
// commands use: an assessment with its framework, two compared, an area's history.
#include "queries.h"
#include "storage_support.h"

#include <catch2/catch.hpp>

using namespace hicm;
using namespace hicm::document;
using namespace hicm::test;

TEST_CASE("shared reads: a scored assessment, a comparison and an area's history", "[document][queries]")
{
    TempDir dir{"hicm-document-queries"};
    storage::Workspace ws = openWorkspace(dir.file("w.hicmws"));
    const std::int64_t first = newAssessment(ws, "North Shire");
    requireOk(ws.setAgreedLevel(first, "B1", 1));
    auto next = ws.reassess(first, "2025-05-01");
    REQUIRE(next.ok());
    requireOk(ws.setAgreedLevel(*next, "B1", 3));
    const std::int64_t other = newAssessment(ws, "South Shire");

    auto scored = loadScored(ws, *next);
    REQUIRE(scored.ok());
    CHECK(scored->assessment.id == *next);
    REQUIRE(scored->framework);
    CHECK(scored->framework->feature("B1") != nullptr);
    auto missing = loadScored(ws, 999);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == storage::StorageError::Kind::NotFound);

    auto compared = compareStored(ws, first, *next);
    REQUIRE(compared.ok());
    CHECK(compared->before.assessment.id == first);
    CHECK(compared->after.assessment.id == *next);
    bool sawB1 = false;
    for (const auto &f : compared->comparison.features)
        if (f.featureId == "B1") {
            sawB1 = true;
            CHECK(f.levelBefore == 1);
            CHECK(f.levelAfter == 3);
        }
    CHECK(sawB1);
    // The first problem, in the order assessments then frameworks, is the one reported.
    auto refused = compareStored(ws, first, 999);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("999") != std::string::npos);

    auto list = ws.listAssessments();
    REQUIRE(list.ok());
    const auto history = areaHistory(ws, *list, "  north shire ");
    CHECK(history.unread.empty());
    REQUIRE(history.assessments.size() == 2);
    for (const auto &s : history.assessments)
        CHECK(s.assessment.id != other);
    // An assessment listed but gone meanwhile is reported, the others still read.
    std::vector<storage::AssessmentSummary> stale = *list;
    stale.push_back(stale.front());
    stale.back().id = 999;
    stale.back().area = "North Shire";
    const auto partly = areaHistory(ws, stale, "North Shire");
    CHECK(partly.assessments.size() == 2);
    REQUIRE(partly.unread.size() == 1);
    CHECK(partly.unread.front().kind == storage::StorageError::Kind::NotFound);
}
