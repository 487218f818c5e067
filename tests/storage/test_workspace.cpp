// A workspace stores everything an assessment holds, logs every edit, and refuses unknown ids.
#include "feature_edits.h"
#include "framework_loader.h"
#include "storage_support.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include <filesystem>

using namespace hicm;
using namespace hicm::storage;
using namespace hicm::test;

TEST_CASE("a workspace is created on first use with WAL, foreign keys and the current schema", "[storage]")
{
    TempDir dir("hicm-ws");
    const std::string path = dir.file("new.hicmws");
    REQUIRE_FALSE(std::filesystem::exists(path));
    auto ws = openWorkspace(path);
    CHECK(std::filesystem::exists(path));
    CHECK_FALSE(ws.readOnly());
    CHECK(ws.database().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(ws.database().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(ws.database().execAndGet("PRAGMA synchronous").getInt() == 2);  // FULL
    CHECK(ws.database().execAndGet("PRAGMA user_version").getInt() == kSchemaVersion);
    CHECK(ws.database().execAndGet("PRAGMA application_id").getInt() == kApplicationId);
    CHECK(ws.listAssessments()->empty());
    CHECK(*ws.integrityCheck() == "ok");
    // create() refuses a path that exists.
    auto again = Workspace::create(path);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.find("already exists") != std::string::npos);
}

TEST_CASE("an assessment round-trips with every field", "[storage]")
{
    TempDir dir("hicm-ws");
    const std::string path = dir.file("w.hicmws");
    std::int64_t id = 0, first = 0, actionId = 0;
    {
        auto ws = openWorkspace(path);
        first = newAssessment(ws, "Earlier");
        storage::NewAssessment fields{"North Shire", "Reassessment", "2025-02-03", "Ana",
                                      {{0, "North ICB", OrgType::Icb, "Jo"}, {0, "Shire Council", OrgType::LocalAuthority, ""}},
                                      first};
        auto created = ws.createAssessment(fields, miniFrameworkJson());
        REQUIRE(created.ok());
        id = *created;
        auto a = *ws.loadAssessment(id);
        const auto icb = partnerId(a, "North ICB"), council = partnerId(a, "Shire Council");
        FeatureEdit edit;
        edit.agreedLevel = 2;
        edit.rationale = "two of three";
        edit.targetLevel = 3;
        edit.confidence = Confidence::High;
        edit.weight = 3;
        edit.evidence = "audit";
        edit.partnerLevels = {{icb, 2, "ICB note"}, {council, 1, std::nullopt}};
        requireOk(ws.updateFeature(id, "B1", edit));
        requireOk(ws.setMetric(id, "B1", {"B1.M2", "14", "days", "2024", "SUS"}));
        requireOk(ws.setMetric(id, "B1", {"B1.M1", "420", "per month", "", ""}));
        requireOk(ws.setPlannedAction(id, "B2", "B2.T2", true));
        auto act = ws.addAction(id, {0, "Open one door", "A", "B1", "Jo", "2025-06-30", ActionStatus::NotStarted, "n"});
        REQUIRE(act.ok());
        actionId = *act;
        requireOk(ws.setActionStatus(id, actionId, ActionStatus::InProgress));
        requireOk(ws.setOverride(id, {"B", OverrideKind::Pin, "governance first"}));
        requireOk(ws.setStatus(id, AssessmentStatus::Final));
    }
    auto ws = openWorkspace(path);  // everything is there after reopening: nothing needed saving
    auto loaded = ws.loadAssessment(id);
    REQUIRE(loaded.ok());
    const Assessment &a = *loaded;
    CHECK(a.area == "North Shire");
    CHECK(a.title == "Reassessment");
    CHECK(a.date == "2025-02-03");
    CHECK(a.facilitator == "Ana");
    CHECK(a.status == AssessmentStatus::Final);
    CHECK(a.previousId == first);
    CHECK(a.frameworkTitle == "Mini test framework");
    CHECK(a.frameworkEdition == "test-1");
    CHECK(a.frameworkHash == sha256Hex(miniFrameworkJson()));
    CHECK(!a.created.empty());
    CHECK(a.updated >= a.created);
    REQUIRE(a.partners.size() == 2);
    CHECK(a.partners[0].organisation == "North ICB");
    CHECK(a.partners[0].type == OrgType::Icb);
    CHECK(a.partners[0].contact == "Jo");
    CHECK(a.partners[1].type == OrgType::LocalAuthority);
    REQUIRE(a.features.size() == 3);  // one per framework feature, in framework order
    CHECK(a.features[0].featureId == "B1");
    CHECK(a.features[2].featureId == "B3");
    const FeatureAssessment &b1 = *a.feature("B1");
    CHECK(b1.agreedLevel == 2);
    CHECK(b1.rationale == "two of three");
    CHECK(b1.targetLevel == 3);
    CHECK(b1.confidence == Confidence::High);
    CHECK(b1.weight == 3);
    CHECK(b1.evidence == "audit");
    REQUIRE(b1.partnerLevels.size() == 2);
    CHECK(b1.partnerLevel("North ICB")->level == 2);
    CHECK(b1.partnerLevel("North ICB")->note == "ICB note");
    CHECK(b1.partnerLevel("Shire Council")->level == 1);
    REQUIRE(b1.metrics.size() == 2);
    CHECK(b1.metrics[0].metricId == "B1.M1");  // framework order, not entry order
    CHECK(b1.metrics[1].value == "14");
    CHECK(b1.metrics[1].unit == "days");
    CHECK(b1.metrics[1].period == "2024");
    CHECK(b1.metrics[1].source == "SUS");
    CHECK(a.feature("B2")->plannedActions == std::vector<std::string>{"B2.T2"});
    CHECK(a.feature("B3")->weight == 2);  // untouched features have the defaults
    CHECK_FALSE(a.feature("B3")->agreedLevel.has_value());
    REQUIRE(a.actions.size() == 1);
    CHECK(a.actions[0].id == actionId);
    CHECK(a.actions[0].text == "Open one door");
    CHECK(a.actions[0].change == "A");
    CHECK(a.actions[0].feature == "B1");
    CHECK(a.actions[0].due == "2025-06-30");
    CHECK(a.actions[0].status == ActionStatus::InProgress);
    REQUIRE(a.overrides.size() == 1);
    CHECK(a.overrides[0].kind == OverrideKind::Pin);
    CHECK(a.overrides[0].reason == "governance first");

    auto list = ws.listAssessments();
    REQUIRE(list->size() == 2);
    const auto &s = (*list)[1];
    CHECK(s.id == id);
    CHECK(s.agreedCount == 1);
    CHECK(s.featureCount == 3);
    CHECK(s.status == AssessmentStatus::Final);
    REQUIRE(s.levels.size() == 3);
    CHECK(s.levels[0] == std::pair<std::string, std::optional<int>>{"B1", 2});
    CHECK_FALSE(s.levels[1].second.has_value());
}

TEST_CASE("every edit appends a change-log row with what, from and to", "[storage]")
{
    TempDir dir("hicm-ws");
    auto ws = openWorkspace(dir.file("w.hicmws"));
    const auto id = newAssessment(ws, "Area", {{0, "ICB", OrgType::Icb, ""}});
    requireOk(ws.updateFeature(id, "B2", agreedLevelEdit(1)));
    requireOk(ws.updateFeature(id, "B2", agreedLevelEdit(3)));
    requireOk(ws.updateFeature(id, "B2", agreedLevelEdit(3)));  // no change, no row
    requireOk(ws.updateFeature(id, "B2", weightEdit(1)));
    const auto icb = partnerId(*ws.loadAssessment(id), "ICB");
    requireOk(ws.updateFeature(id, "B1", partnerLevelEdit(icb, 2)));
    requireOk(ws.updateFeature(id, "B2", agreedLevelEdit(std::nullopt)));
    requireOk(ws.updateFeature(id, "B3", partnerLevelEdit(icb, 1, std::string("one door"))));
    requireOk(ws.updateFeature(id, "B3", partnerLevelEdit(icb, 1, std::string("one door"))));  // no change, no row
    requireOk(ws.updateFeature(id, "B3", partnerLevelEdit(icb, std::nullopt)));  // the note goes with the level, and says so
    const auto after = ws.loadAssessment(id);
    REQUIRE(after.ok());
    const FeatureAssessment *b3 = after->feature("B3");
    CHECK((b3 == nullptr || b3->partnerLevel("ICB") == nullptr));
    auto log = ws.changeLog(id);
    REQUIRE(log.ok());
    std::vector<std::tuple<std::string, std::string, std::string>> rows;
    for (const auto &e : *log) {
        rows.emplace_back(e.what, e.from, e.to);
        CHECK(e.when.size() == 24);  // 2024-05-01T10:11:12.345Z
        CHECK(e.when.back() == 'Z');
    }
    CHECK(rows == std::vector<std::tuple<std::string, std::string, std::string>>{
                      {"assessment created", "", "Area"},
                      {"partner added", "", "ICB (icb)"},
                      {"agreed level B2", "", "1"},
                      {"agreed level B2", "1", "3"},
                      {"weight B2", "2", "1"},
                      {"partner level B1 ICB", "", "2"},
                      {"agreed level B2", "3", ""},
                      {"partner level B3 ICB", "", "1"},
                      {"partner note B3 ICB", "", "one door"},
                      {"partner level B3 ICB", "1", ""},
                      {"partner note B3 ICB", "one door", ""}});
    // The log is append-only, even for someone with the database in hand.
    CHECK_THROWS_AS(ws.database().exec("DELETE FROM change_log"), SQLite::Exception);
    CHECK_THROWS_AS(ws.database().exec("UPDATE change_log SET to_value = 'x'"), SQLite::Exception);
}

TEST_CASE("unknown features, levels, metrics, partners and changes are refused, listing the valid ones", "[storage]")
{
    TempDir dir("hicm-ws");
    auto ws = openWorkspace(dir.file("w.hicmws"));
    const auto id = newAssessment(ws);
    auto refused = [](const Status &s, StorageError::Kind kind, const std::string &mustContain) {
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().kind == kind);
        INFO(s.error().message);
        CHECK(s.error().message.find(mustContain) != std::string::npos);
    };
    refused(ws.updateFeature(id, "B9", agreedLevelEdit(1)), StorageError::Kind::InvalidInput, "features are: B1, B2, B3");
    refused(ws.updateFeature(id, "B1", agreedLevelEdit(4)), StorageError::Kind::InvalidInput,
            "levels are: 1 (Not yet established, Foundational), 2 (Developing), 3 (Established)");
    refused(ws.updateFeature(id, "B1", targetEdit(0)), StorageError::Kind::InvalidInput, "not on the scale");
    refused(ws.setMetric(id, "B1", {"B2.M1", "1", "", "", ""}), StorageError::Kind::InvalidInput,
            "its metrics are: B1.M1, B1.M2");
    refused(ws.updateFeature(id, "B1", partnerLevelEdit(999, 2)), StorageError::Kind::NotFound, "no partner 999");
    refused(ws.setOverride(id, {"Z", OverrideKind::Exclude, ""}), StorageError::Kind::InvalidInput, "changes are: A, B");
    refused(ws.setPlannedAction(id, "B3", "B3.T1", true), StorageError::Kind::InvalidInput, "targeted actions are: none");
    refused(ws.updateFeature(id, "B1", weightEdit(4)), StorageError::Kind::InvalidInput, "1, 2 or 3");
    refused(ws.updateFeature(77, "B1", agreedLevelEdit(1)), StorageError::Kind::NotFound, "no assessment 77");
    refused(ws.setActionStatus(id, 5, ActionStatus::Done), StorageError::Kind::NotFound, "no action 5");
    auto badDate = ws.addAction(id, {0, "x", "", "", "", "2024-02-30", ActionStatus::NotStarted, ""});
    REQUIRE_FALSE(badDate.ok());
    CHECK(badDate.error().message.find("YYYY-MM-DD") != std::string::npos);
    // Nothing of the refused edits was stored or logged.
    CHECK(ws.changeLog(id)->size() == 1);
    CHECK(ws.loadAssessment(id)->agreedCount() == 0);
}

TEST_CASE("partner names are unique per assessment; removing a partner removes their levels", "[storage]")
{
    TempDir dir("hicm-ws");
    auto ws = openWorkspace(dir.file("w.hicmws"));
    const auto id = newAssessment(ws, "A", {{0, "Council", OrgType::LocalAuthority, ""}});
    const auto other = newAssessment(ws, "B", {{0, "Council", OrgType::LocalAuthority, ""}});  // another assessment: fine
    auto dup = ws.addPartner(id, {0, "Council", OrgType::Other, ""});
    REQUIRE_FALSE(dup.ok());
    CHECK(dup.error().message.find("already has a partner named \"Council\"") != std::string::npos);
    auto trust = ws.addPartner(id, {0, "Trust", OrgType::NhsTrust, ""});
    REQUIRE(trust.ok());
    requireOk(ws.updateFeature(id, "B1", partnerLevelEdit(*trust, 3)));
    requireOk(ws.updatePartner(id, {*trust, "Shire Trust", OrgType::NhsTrust, "Sam"}));
    CHECK(ws.loadAssessment(id)->feature("B1")->partnerLevel("Shire Trust")->level == 3);  // by id, follows the rename
    requireOk(ws.removePartner(id, *trust));
    auto a = *ws.loadAssessment(id);
    CHECK(a.partners.size() == 1);
    CHECK(a.feature("B1")->partnerLevels.empty());
    CHECK(ws.loadAssessment(other)->partners.size() == 1);
    CHECK(ws.database().execAndGet("SELECT count(*) FROM partner_levels").getInt() == 0);
}

TEST_CASE("deleting an assessment removes its data but keeps its change log", "[storage]")
{
    TempDir dir("hicm-ws");
    auto ws = openWorkspace(dir.file("w.hicmws"));
    const auto id = newAssessment(ws, "Gone", {{0, "P", OrgType::Other, ""}});
    const auto kept = newAssessment(ws, "Kept");
    requireOk(ws.updateFeature(id, "B1", agreedLevelEdit(2)));
    REQUIRE(ws.addAction(id, {0, "act", "", "", "", "", ActionStatus::NotStarted, ""}).ok());
    requireOk(ws.deleteAssessment(id));
    auto gone = ws.loadAssessment(id);
    REQUIRE_FALSE(gone.ok());
    CHECK(gone.error().kind == StorageError::Kind::NotFound);
    CHECK(ws.listAssessments()->size() == 1);
    CHECK(ws.loadAssessment(kept).ok());
    for (const char *table : {"partners", "feature_scores", "actions"})
        CHECK(ws.database().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt() == 0);
    auto log = ws.changeLog(id);
    REQUIRE(log.ok());
    CHECK(log->back().what == "assessment deleted");
    CHECK(log->back().from == "Gone");
    // Ids are never reused, so an old log never attaches to a new assessment.
    CHECK(newAssessment(ws, "New") > kept);
}

TEST_CASE("the framework is stored with each assessment, deduplicated, and old editions keep loading", "[storage]")
{
    TempDir dir("hicm-ws");
    auto ws = openWorkspace(dir.file("w.hicmws"));
    const auto a = newAssessment(ws);
    const auto b = newAssessment(ws);
    CHECK(ws.database().execAndGet("SELECT count(*) FROM frameworks").getInt() == 1);
    // A newer edition: same model, renamed feature B1 and a new edition string.
    std::string newer = miniFrameworkJson();
    newer.replace(newer.find("\"test-1\""), 8, "\"test-2\"");
    newer.replace(newer.find("\"Access\""), 8, "\"Access to care\"");
    storage::NewAssessment fields;
    fields.area = "Later";
    auto c = ws.createAssessment(fields, newer);
    REQUIRE(c.ok());
    CHECK(ws.database().execAndGet("SELECT count(*) FROM frameworks").getInt() == 2);
    CHECK((*ws.framework(a))->feature("B1")->title.text == "Access");
    CHECK((*ws.framework(*c))->feature("B1")->title.text == "Access to care");
    CHECK(ws.loadAssessment(b)->frameworkEdition == "test-1");
    CHECK(ws.loadAssessment(*c)->frameworkEdition == "test-2");
    CHECK(*ws.frameworkJson(a) == miniFrameworkJson());  // byte for byte
    auto bad = ws.createAssessment(fields, "{\"format\": 1}");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("framework does not load") != std::string::npos);
}

TEST_CASE("a framework parsed already is shared with the assessments stored with the same file, and only those", "[storage]")
{
    TempDir dir("hicm-ws");
    const std::string path = dir.file("w.hicmws");
    std::string newer = miniFrameworkJson();
    newer.replace(newer.find("\"test-1\""), 8, "\"test-2\"");
    std::int64_t a = 0, b = 0;
    {
        auto ws = openWorkspace(path);
        a = newAssessment(ws);
        storage::NewAssessment fields;
        fields.area = "Later";
        auto c = ws.createAssessment(fields, newer);
        REQUIRE(c.ok());
        b = *c;
    }
    auto parsed = parseFramework(miniFrameworkJson(), "the app's copy");
    REQUIRE(parsed.ok());
    const auto known = std::make_shared<const Framework>(std::move(*parsed.framework));
    auto ws = openWorkspace(path);
    ws.shareFramework(known);
    CHECK(ws.framework(a)->get() == known.get());  // the same file: not parsed again
    auto other = ws.framework(b);  // another edition: its own stored copy
    REQUIRE(other.ok());
    CHECK(other->get() != known.get());
    CHECK((*other)->meta.edition == "test-2");
    auto summaries = ws.listAssessments();
    REQUIRE(summaries.ok());
    CHECK(summaries->size() == 2);
}
