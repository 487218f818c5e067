// The shared reads of document/queries.h that the app's Compare, Trend and report screens and the CLI's
// commands use: an assessment with its framework, two compared, an area's history.
#include "feature_edits.h"
#include "queries.h"
#include "roomstate.h"
#include "storage_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace hicm;
using namespace hicm::document;
using namespace hicm::test;

TEST_CASE("shared reads: a scored assessment, a comparison and an area's history", "[document][queries]")
{
    TempDir dir{"hicm-document-queries"};
    storage::Workspace ws = openWorkspace(dir.file("w.hicmws"));
    const auto [first, next] = assessedTwice(ws, "North Shire");
    requireOk(ws.updateFeature(first, "B1", agreedLevelEdit(1)));
    requireOk(ws.updateFeature(next, "B1", agreedLevelEdit(3)));
    const std::int64_t other = newAssessment(ws, "South Shire");

    auto scored = loadScored(ws, next);
    REQUIRE(scored.ok());
    CHECK(scored->assessment.id == next);
    REQUIRE(scored->framework);
    CHECK(scored->framework->feature("B1") != nullptr);
    auto missing = loadScored(ws, 999);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == storage::StorageError::Kind::NotFound);

    auto compared = compareStored(ws, first, next);
    REQUIRE(compared.ok());
    CHECK(compared->before.assessment.id == first);
    CHECK(compared->after.assessment.id == next);
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

TEST_CASE("shared reads: the board report's input, from the file and from an open assessment", "[document][queries]")
{
    TempDir dir{"hicm-document-report-basis"};
    storage::Workspace ws = openWorkspace(dir.file("w.hicmws"));
    const auto [first, next] = assessedTwice(ws, "North Shire");
    requireOk(ws.updateFeature(first, "B1", agreedLevelEdit(1)));
    requireOk(ws.updateFeature(next, "B1", agreedLevelEdit(3)));
    requireOk(ws.updateFeature(next, "B2", agreedLevelEdit(1)));

    // From the file, as the CLI's report command reads it.
    auto basis = reportBasis(ws, next, first);
    REQUIRE(basis.ok());
    CHECK(basis->assessment.assessment.id == next);
    REQUIRE(basis->assessment.framework);
    // The prioritisation is the engine's for that assessment, not an empty one.
    CHECK(prioritisationToJson(basis->prioritisation) ==
          prioritisationToJson(prioritise(*basis->assessment.framework, basis->assessment.assessment)));
    CHECK_FALSE(basis->prioritisation.inputs.empty());
    REQUIRE(basis->previous);
    CHECK(basis->previous->assessment.id == first);
    CHECK(basis->previous->framework);
    auto alone = reportBasis(ws, next, std::nullopt);
    REQUIRE(alone.ok());
    CHECK_FALSE(alone->previous);
    // The assessment's problem first, then the one compared with.
    auto missing = reportBasis(ws, 999, 998);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("999") != std::string::npos);
    auto missingPrevious = reportBasis(ws, next, 998);
    REQUIRE_FALSE(missingPrevious.ok());
    CHECK(missingPrevious.error().message.find("998") != std::string::npos);

    // For an open assessment (the app's document copy): the one it reassesses, with its own framework.
    auto scored = loadScored(ws, next);
    auto before = loadScored(ws, first);
    REQUIRE(scored.ok());
    REQUIRE(before.ok());
    const ReportBasis open = reportBasis(ws, *scored, &before->assessment);
    CHECK(open.assessment.assessment.id == next);
    CHECK(prioritisationToJson(open.prioritisation) == prioritisationToJson(basis->prioritisation));
    REQUIRE(open.previous);
    CHECK(open.previous->assessment.id == first);
    CHECK(open.previous->framework);
    CHECK_FALSE(reportBasis(ws, *scored, nullptr).previous);
    // An assessment that reassesses none has nothing to compare with, whatever is passed.
    CHECK_FALSE(reportBasis(ws, *before, &scored->assessment).previous);
}

TEST_CASE("the live room's own state: saved durably, read back, not part of the assessment", "[document][room]")
{
    TempDir dir{"hicm-document-room-state"};
    const std::string path = dir.file("w.hicmws");
    std::int64_t id = 0;
    {
        storage::Workspace ws = openWorkspace(path);
        id = newAssessment(ws, "North Shire");
        auto none = loadRoomState(ws, id);
        REQUIRE(none.ok());
        CHECK(none->empty());
        requireOk(saveRoomState(ws, id, R"({"feature":"B2"})"));
        CHECK_FALSE(loadRoomState(ws, id + 1).ok());
        CHECK_FALSE(saveRoomState(ws, id + 1, "{}").ok());
    }
    storage::Workspace again = openWorkspace(path);
    auto state = loadRoomState(again, id);
    REQUIRE(state.ok());
    CHECK(*state == R"({"feature":"B2"})");
    auto log = again.changeLog(id);
    REQUIRE(log.ok());
    for (const auto &entry : *log)
        CHECK(entry.what.find("room") == std::string::npos);
}
