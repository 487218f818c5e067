// Workspaces of the first released schema are migrated forward, after a backup, keeping every value;
// rotating backups are written when a workspace is opened for writing.
#include "backup.h"
#include "feature_edits.h"
#include "schema/migrations.h"
#include "storage_support.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <thread>

using namespace hicm;
using namespace hicm::storage;
using namespace hicm::test;

namespace {

std::string buildV1(const TempDir &dir, const std::string &name = "old.hicmws")
{
    const std::string path = dir.file(name);
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(readFile(kFixturesDir + "/workspace-v1.sql"));
    return path;
}

std::vector<std::string> schemaOf(SQLite::Database &db)
{
    std::vector<std::string> out;
    SQLite::Statement q(db, "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master "
                            "WHERE sql IS NOT NULL ORDER BY name");
    while (q.executeStep())
        out.push_back(q.getColumn(0).getString());
    return out;
}

void checkFixtureData(const Assessment &a)
{
    CHECK(a.area == "North Shire");
    CHECK(a.title == "Baseline 2024");
    CHECK(a.facilitator == "Ana O'Neill");
    CHECK(a.status == AssessmentStatus::Final);
    CHECK(a.created == "2024-03-01T09:00:00.000Z");
    CHECK_FALSE(a.previousId.has_value());  // the column v2 added
    CHECK(a.overrides.empty());             // the table v2 added
    REQUIRE(a.partners.size() == 2);
    CHECK(a.partners[0].organisation == "North Shire ICB");
    CHECK(a.partners[0].contact == "Dr Jo Smith");
    CHECK(a.partners[1].type == OrgType::LocalAuthority);
    const FeatureAssessment &b1 = *a.feature("B1");
    CHECK(b1.agreedLevel == 2);
    CHECK(b1.targetLevel == 3);
    CHECK(b1.confidence == Confidence::Medium);
    CHECK(b1.weight == 3);
    CHECK(b1.evidence == "Referral audit, \"Q4\" report");
    CHECK(b1.partnerLevel("North Shire ICB")->note == "ICB view");
    CHECK(b1.partnerLevel("Shire Council")->level == 1);
    REQUIRE(b1.metrics.size() == 2);
    CHECK(b1.metrics[0].metricId == "B1.M1");
    CHECK(b1.metrics[0].value == "420");
    CHECK(b1.plannedActions == std::vector<std::string>{"B1.T1"});
    CHECK(a.feature("B2")->agreedLevel == 1);
    REQUIRE(a.actions.size() == 2);
    CHECK(a.actions[0].status == ActionStatus::InProgress);
    CHECK(a.actions[0].notes == "Pilot in the north first");
}

}  // namespace

TEST_CASE("a first-schema (v1) workspace is migrated with every value kept, after a backup", "[storage][migration]")
{
    TempDir dir("hicm-migrate");
    const std::string path = buildV1(dir);
    const std::string v1Hash = fileHash(path);
    auto ws = openWorkspace(path);
    CHECK(ws.foundSchemaVersion() == 1);
    CHECK(ws.database().execAndGet("PRAGMA user_version").getInt() == kSchemaVersion);
    CHECK(*ws.integrityCheck() == "ok");
    SQLite::Statement foreignKeys(ws.database(), "PRAGMA foreign_key_check");
    CHECK_FALSE(foreignKeys.executeStep());
    // The backup was written before the migration and is the v1 file's content.
    REQUIRE_FALSE(ws.backupWritten().empty());
    CHECK(ws.backupWritten().find("before-upgrade-from-v1") != std::string::npos);
    CHECK(std::filesystem::path(ws.backupWritten()).parent_path() == std::filesystem::path(path + ".backups"));
    {
        SQLite::Database backup(ws.backupWritten(), SQLite::OPEN_READONLY);
        CHECK(backup.execAndGet("PRAGMA user_version").getInt() == 1);
        CHECK(backup.execAndGet("SELECT count(*) FROM actions").getInt() == 2);
        CHECK(backup.execAndGet("PRAGMA integrity_check").getString() == "ok");
    }
    auto a = ws.loadAssessment(1);
    REQUIRE(a.ok());
    checkFixtureData(*a);
    CHECK(ws.loadAssessment(2)->feature("B3")->evidence == "Café notes — ünïcödé ✓");
    CHECK(ws.changeLog(1)->size() == 3);
    // The new parts work on migrated data. Assessment 1 is final: locked until it is reopened.
    CHECK(ws.setOverride(1, {"A", OverrideKind::Exclude, "not this year"}).error().kind == StorageError::Kind::Final);
    requireOk(ws.setStatus(1, AssessmentStatus::Draft));
    requireOk(ws.setOverride(1, {"A", OverrideKind::Exclude, "not this year"}));
    requireOk(ws.setPreviousId(2, 1));
    CHECK(ws.loadAssessment(2)->previousId == 1);
    CHECK(fileHash(path) != v1Hash);
}

TEST_CASE("the migrated schema equals the schema of a new workspace", "[storage][migration]")
{
    TempDir dir("hicm-migrate");
    const std::string old = buildV1(dir);
    { openWorkspace(old); }
    { openWorkspace(dir.file("fresh.hicmws")); }
    SQLite::Database a(old, SQLite::OPEN_READONLY), b(dir.file("fresh.hicmws"), SQLite::OPEN_READONLY);
    CHECK(schemaOf(a) == schemaOf(b));
    CHECK(schema::migrations().back().toVersion == kSchemaVersion);
    for (const auto &table : schema::tableNames())
        CHECK(b.tableExists(table));
}

TEST_CASE("a v1 workspace opened read-only is shown upgraded and the file is not changed", "[storage][migration]")
{
    TempDir dir("hicm-migrate");
    const std::string path = buildV1(dir);
    const std::string before = fileHash(path);
    {
        auto ws = openWorkspace(path, OpenOptions{OpenMode::ReadOnly});
        CHECK(ws.readOnly());
        CHECK(ws.foundSchemaVersion() == 1);
        REQUIRE_FALSE(ws.warnings().empty());
        CHECK(ws.warnings().front().find("older format") != std::string::npos);
        auto a = ws.loadAssessment(1);
        REQUIRE(a.ok());
        checkFixtureData(*a);
        CHECK_FALSE(ws.updateFeature(1, "B1", agreedLevelEdit(3)).ok());
    }
    CHECK(fileHash(path) == before);
    CHECK_FALSE(std::filesystem::exists(path + ".backups"));
}

TEST_CASE("opening for writing keeps a rotating backup of the last five states, skipping unchanged ones", "[storage][backup]")
{
    TempDir dir("hicm-backup");
    const std::string path = dir.file("w.hicmws");
    std::int64_t id = 0;
    {
        auto ws = openWorkspace(path);
        CHECK(ws.backupWritten().empty());  // nothing to back up in a brand-new workspace
        id = newAssessment(ws);
    }
    { auto ws = openWorkspace(path); CHECK_FALSE(ws.backupWritten().empty()); }
    CHECK(rotatingBackups(path).size() == 1);
    { auto ws = openWorkspace(path); CHECK(ws.backupWritten().empty()); }  // unchanged since: skipped
    { openWorkspace(path, OpenOptions{OpenMode::ReadOnly}); }                // read-only: never backs up
    CHECK(rotatingBackups(path).size() == 1);
    for (int i = 1; i <= 7; ++i) {
        auto ws = openWorkspace(path);
        requireOk(ws.updateFeature(id, "B1", evidenceEdit("evidence " + std::to_string(i))));
    }
    { openWorkspace(path); }
    const auto backups = rotatingBackups(path);
    REQUIRE(backups.size() == 5);
    // The newest backup holds the newest state; each one is a sound workspace.
    SQLite::Database newest(backups.front(), SQLite::OPEN_READONLY);
    CHECK(newest.execAndGet("SELECT evidence FROM feature_scores WHERE feature_id = 'B1'").getString() == "evidence 7");
    for (const auto &b : backups) {
        SQLite::Database db(b, SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    }
    // A backup opens as a workspace in its own right.
    auto restored = Workspace::open(backups.back(), OpenOptions{OpenMode::ReadOnly});
    REQUIRE(restored.ok());
    CHECK(restored->loadAssessment(id).ok());
}
