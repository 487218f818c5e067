// A final assessment is locked in storage itself (every edit refused, nothing written, until it is
// reopened, which is logged); a reassessment carries the open actions with where they came from; the
// room's own metrics are stored with their names.
#include "assessment_json.h"
#include "feature_edits.h"
#include "reassessment.h"
#include "storage_support.h"

#include <catch2/catch.hpp>

using namespace hicm;
using namespace hicm::storage;
using namespace hicm::test;

namespace {

std::int64_t workshop(Workspace &ws)
{
    const auto id = newAssessment(ws, "North Shire", {{0, "North ICB", OrgType::Icb, ""}, {0, "Shire Council", OrgType::LocalAuthority, ""}});
    const Assessment a = *ws.loadAssessment(id);
    requireOk(ws.updateFeature(id, "B1", partnerLevelEdit(partnerId(a, "North ICB"), 1, "one door")));
    requireOk(ws.updateFeature(id, "B1", agreedLevelEdit(2, "two of three places")));
    requireOk(ws.updateFeature(id, "B1", targetEdit(3)));
    requireOk(ws.updateFeature(id, "B2", weightEdit(3)));
    for (auto [text, status] : {std::pair{"Open a single point of access", ActionStatus::NotStarted},
                                std::pair{"Pilot discharge to assess", ActionStatus::InProgress},
                                std::pair{"Agree the shared dataset", ActionStatus::Done},
                                std::pair{"Buy a new system", ActionStatus::Dropped}}) {
        Action action;
        action.text = text;
        action.owner = "Jo";
        action.due = "2025-03-31";
        action.status = status;
        REQUIRE(ws.addAction(id, action).ok());
    }
    return id;
}

}  // namespace

TEST_CASE("a final assessment refuses every edit until it is reopened, which the change log records", "[storage][final]")
{
    TempDir dir("hicm-final");
    auto ws = openWorkspace(dir.file("w.hicmws"));
    const auto id = workshop(ws);
    requireOk(ws.setStatus(id, AssessmentStatus::Final));
    const auto before = assessmentToJson(*ws.loadAssessment(id));
    const auto logBefore = ws.changeLog(id)->size();
    const Assessment a = *ws.loadAssessment(id);
    const std::int64_t icb = partnerId(a, "North ICB");
    MetricValue m;
    m.metricId = "B1.M1";
    m.value = "14";
    Action action;
    action.text = "x";
    const std::vector<std::pair<const char *, Status>> edits = {
        {"agreed level", ws.updateFeature(id, "B1", agreedLevelEdit(3))},
        {"partner level", ws.updateFeature(id, "B1", partnerLevelEdit(icb, 3))},
        {"target", ws.updateFeature(id, "B1", targetEdit(2))},
        {"confidence", ws.updateFeature(id, "B1", confidenceEdit(Confidence::High))},
        {"weight", ws.updateFeature(id, "B1", weightEdit(1))},
        {"evidence", ws.updateFeature(id, "B1", evidenceEdit("new"))},
        {"metric", ws.setMetric(id, "B1", m)},
        {"title", ws.setAssessmentField(id, AssessmentField::Title, "changed")},
        {"partner", ws.removePartner(id, icb)},
        {"action", ws.addAction(id, action).ok() ? Status(Done{}) : Status(StorageError{StorageError::Kind::Final, "", ""})},
        {"override", ws.setOverride(id, {"A", OverrideKind::Pin, "r"})},
        {"merge", ws.applyMerge(id, a)},
    };
    for (const auto &[what, status] : edits) {
        INFO(what);
        REQUIRE_FALSE(status.ok());
        CHECK(status.error().kind == StorageError::Kind::Final);
    }
    CHECK(ws.updateFeature(id, "B1", agreedLevelEdit(3)).error().message.find("is final") != std::string::npos);
    CHECK(assessmentToJson(*ws.loadAssessment(id)) == before);
    CHECK(ws.changeLog(id)->size() == logBefore);

    requireOk(ws.setStatus(id, AssessmentStatus::Draft));
    const auto log = *ws.changeLog(id);
    CHECK(log.back().what == "status");
    CHECK(log.back().from == "final");
    CHECK(log.back().to == "draft");
    requireOk(ws.updateFeature(id, "B1", agreedLevelEdit(3)));
    CHECK(ws.loadAssessment(id)->feature("B1")->agreedLevel == 3);
}

TEST_CASE("a reassessment carries every open action with where it came from, and starts the levels afresh", "[storage][reassess]")
{
    TempDir dir("hicm-reassess");
    auto ws = openWorkspace(dir.file("w.hicmws"));
    const auto first = workshop(ws);
    requireOk(ws.setStatus(first, AssessmentStatus::Final));  // reassessing a final assessment changes nothing in it
    const auto before = assessmentToJson(*ws.loadAssessment(first));

    auto second = ws.reassess(first, "2026-11-30", "Reassessment 2026");
    REQUIRE(second.ok());
    CHECK(assessmentToJson(*ws.loadAssessment(first)) == before);
    const Assessment prev = *ws.loadAssessment(first);
    const Assessment next = *ws.loadAssessment(*second);
    CHECK(next.title == "Reassessment 2026");
    CHECK(next.date == "2026-11-30");
    CHECK(next.status == AssessmentStatus::Draft);
    CHECK(next.previousId == first);
    CHECK(next.partners.size() == 2);
    CHECK(next.feature("B1")->targetLevel == 3);
    CHECK(next.feature("B2")->weight == 3);
    CHECK_FALSE(next.feature("B1")->agreedLevel);
    CHECK(next.feature("B1")->partnerLevels.empty());

    REQUIRE(next.actions.size() == 2);  // the not-started and the in-progress ones
    CHECK(next.actions[0].text == "Open a single point of access");
    CHECK(next.actions[0].status == ActionStatus::NotStarted);
    CHECK(next.actions[1].text == "Pilot discharge to assess");
    CHECK(next.actions[1].status == ActionStatus::InProgress);
    for (const auto &a : next.actions) {
        CHECK(a.owner == "Jo");
        CHECK(a.due == "2025-03-31");
        REQUIRE(a.carriedFrom);
        CHECK(prev.actions[static_cast<std::size_t>(&a - next.actions.data())].id == *a.carriedFrom);
    }
    const auto outcomes = previousActions(prev, next);
    REQUIRE(outcomes.size() == 4);
    CHECK(outcomes[0].outcome == ActionOutcome::Carried);
    CHECK(outcomes[1].outcome == ActionOutcome::Carried);
    CHECK(outcomes[2].outcome == ActionOutcome::Completed);
    CHECK(outcomes[3].outcome == ActionOutcome::Dropped);

    // The title is kept when none is given.
    auto third = ws.reassess(*second, "2027-11-30");
    REQUIRE(third.ok());
    CHECK(ws.loadAssessment(*third)->title == "Reassessment 2026");
}

TEST_CASE("the room's own metrics are stored with their names, on any feature", "[storage][metrics]")
{
    TempDir dir("hicm-own");
    auto ws = openWorkspace(dir.file("w.hicmws"));
    const auto id = newAssessment(ws);
    MetricValue own;
    own.metricId = "B3.own1";  // B3 lists no data to use
    own.value = "42";
    CHECK(ws.setMetric(id, "B3", own).error().message.find("needs a name") != std::string::npos);
    own.name = "Reablement starts within 48 hours";
    requireOk(ws.setMetric(id, "B3", own));
    const auto stored = ws.loadAssessment(id)->feature("B3")->metrics;
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].name == "Reablement starts within 48 hours");
    CHECK(stored[0].value == "42");
    own.metricId = "B3.owner";
    CHECK(ws.setMetric(id, "B3", own).error().kind == StorageError::Kind::InvalidInput);
}
