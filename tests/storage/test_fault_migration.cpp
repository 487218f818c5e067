// A power cut during a migration, simulated by SIGKILL: a child opens a first-schema (v1) workspace,
// which backs it up and migrates it, and is killed at a random moment of that. Each time, the parent
// finds the old state or the migrated one, never a mixture, the file sound and every value kept; opening
// it then finishes the job, and a backup of the v1 state is there.
#include "process_support.h"
#include "storage_support.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

using namespace hicm;
using namespace hicm::storage;
using namespace hicm::test;

namespace fs = std::filesystem;

namespace {

constexpr int kExtraLogRows = 20000;  // makes the backup and the migration take long enough to hit

// The v1 fixture, plus many change-log rows so that copying it takes a while.
void buildBigV1(const std::string &path)
{
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(readFile(kFixturesDir + "/workspace-v1.sql"));
    SQLite::Statement ins(db, "INSERT INTO change_log (assessment_id, at, what, from_value, to_value) "
                              "VALUES (1, '2024-03-02T10:00:00.000Z', 'evidence B2', '', ?)");
    db.exec("BEGIN");
    for (int i = 0; i < kExtraLogRows; ++i) {
        ins.bind(1, "note " + std::to_string(i) + " " + std::string(150, 'n'));
        ins.exec();
        ins.reset();
    }
    db.exec("COMMIT");
}

struct Found {
    int version = 0;
    std::string integrity;
    long logRows = 0;
    std::string area;
    int agreedB1 = 0;
};

// What is in the file, looked at read-only with plain SQLite (the way the app first inspects a file).
Found inspect(const std::string &path)
{
    Found f;
    SQLite::Database db(path, SQLite::OPEN_READWRITE);  // may recover a WAL the killed writer left
    f.version = db.execAndGet("PRAGMA user_version").getInt();
    f.integrity = db.execAndGet("PRAGMA integrity_check").getString();
    f.logRows = db.execAndGet("SELECT count(*) FROM change_log WHERE assessment_id = 1").getInt64();
    f.area = db.execAndGet("SELECT area FROM assessments WHERE id = 1").getString();
    f.agreedB1 = db.execAndGet("SELECT agreed_level FROM feature_scores WHERE assessment_id = 1 AND feature_id = 'B1'").getInt();
    return f;
}

bool hasMigrationBackup(const std::string &path)
{
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(path + ".backups", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("before-upgrade-from-v1", 0) == 0 && name.find(".partial-") == std::string::npos) {
            SQLite::Database backup(entry.path().string(), SQLite::OPEN_READONLY);
            if (backup.execAndGet("PRAGMA user_version").getInt() == 1 &&
                backup.execAndGet("PRAGMA integrity_check").getString() == "ok")
                return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("a power cut (SIGKILL) during a migration leaves the old or the new state, intact, with a backup",
          "[storage][faults][migration]")
{
    TempDir dir("hicm-cut");
    const std::string pristine = dir.file("pristine.hicmws");
    buildBigV1(pristine);
    const Found original = inspect(pristine);
    REQUIRE(original.version == 1);

    // How long a whole open (backup + migration) takes here, to spread the kills over it.
    const std::string timed = dir.file("timed.hicmws");
    fs::copy_file(pristine, timed);
    const auto started = std::chrono::steady_clock::now();
    { openWorkspace(timed); }
    const auto openMicros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
    INFO("one open with migration takes " << openMicros << " us");

    std::mt19937 random(7u);
    std::uniform_int_distribution<long> delay(0, openMicros * 3 / 2 + 1000);
    int killedOld = 0, killedMigrated = 0;
    for (int round = 0; round < 25; ++round) {
        const std::string path = dir.file("round" + std::to_string(round) + ".hicmws");
        fs::copy_file(pristine, path);
        Child child = spawn([&](int fd) {
            writeAll(fd, "started\n");
            auto ws = Workspace::open(path);
            writeAll(fd, ws ? "opened\n" : "failed " + ws.error().toString() + "\n");
            for (;;)
                std::this_thread::sleep_for(std::chrono::seconds(1));  // wait for the kill
            return 0;
        });
        REQUIRE(child.pid > 0);
        std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
        ::kill(child.pid, SIGKILL);
        const std::string said = readAll(child.fd);
        REQUIRE(waitFor(child.pid) == 128 + SIGKILL);
        INFO("round " << round << ": the child said: " << said);
        CHECK(said.find("failed") == std::string::npos);

        // After the cut, the app can show it at once, read-only (as `list` and `show` open it).
        {
            auto ws = Workspace::open(path, OpenOptions{OpenMode::ReadOnly});
            INFO((ws ? std::string() : ws.error().toString()));
            REQUIRE(ws.ok());
            auto a = ws->loadAssessment(1);
            REQUIRE(a.ok());
            CHECK(a->area == original.area);
        }
        // One state or the other, sound, every value kept.
        const Found cut = inspect(path);
        CHECK((cut.version == 1 || cut.version == kSchemaVersion));
        (cut.version == 1 ? killedOld : killedMigrated) += 1;
        CHECK(cut.integrity == "ok");
        CHECK(cut.logRows == original.logRows);
        CHECK(cut.area == original.area);
        CHECK(cut.agreedB1 == original.agreedB1);
        if (cut.version == kSchemaVersion)
            CHECK(hasMigrationBackup(path));  // migrated only after the backup was complete

        // The next open finishes the job: migrated, sound, everything there, with a v1 backup.
        {
            auto ws = openWorkspace(path);
            CHECK(*ws.integrityCheck() == "ok");
            auto a = ws.loadAssessment(1);
            REQUIRE(a.ok());
            CHECK(a->area == original.area);
            CHECK(a->feature("B1")->agreedLevel == original.agreedB1);
            CHECK(ws.changeLog(1)->size() == static_cast<std::size_t>(original.logRows));
            requireOk(ws.setPreviousId(2, 1));  // the v2 column works
        }
        CHECK(inspect(path).version == kSchemaVersion);
        CHECK(hasMigrationBackup(path));
        // No half-written backup is left behind as if it were one.
        for (const auto &entry : fs::directory_iterator(path + ".backups"))
            CHECK(entry.path().filename().string().find(".partial-") == std::string::npos);
    }
    INFO("killed before the migration committed: " << killedOld << ", after: " << killedMigrated);
    CHECK(killedOld + killedMigrated == 25);
    CHECK(killedOld >= 3);  // the kills did land during the open, not only after it
}

TEST_CASE("a rollback journal left by a writer killed mid-change (a v1 file) is rolled back on the next open",
          "[storage][faults][migration]")
{
    TempDir dir("hicm-hot");
    const std::string path = dir.file("old.hicmws");
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec(readFile(kFixturesDir + "/workspace-v1.sql"));
    }
    const Found original = inspect(path);
    // A writer of the old format (rollback journal, as v1 files and the switch to WAL use) is killed
    // with half a change written into the file and the old pages in "-journal": a hot journal.
    Child child = spawn([&](int) {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA journal_mode = DELETE");
        db.exec("PRAGMA cache_size = 2");  // spill changed pages into the file before the commit
        db.exec("BEGIN IMMEDIATE");
        SQLite::Statement insert(db, "INSERT INTO actions (assessment_id, text) VALUES (1, ?)");
        for (int i = 0; i < 2000; ++i) {
            insert.bind(1, "half-done " + std::to_string(i));
            insert.exec();
            insert.reset();
        }
        db.exec("UPDATE assessments SET area = 'Half-done area'");
        ::kill(::getpid(), SIGKILL);
        return 0;
    });
    REQUIRE(child.pid > 0);
    readAll(child.fd);
    REQUIRE(waitFor(child.pid) == 128 + SIGKILL);
    REQUIRE(fs::exists(path + "-journal"));
    REQUIRE(fs::file_size(path + "-journal") > 0);

    // Read-only (as `list` opens it) and read-write (as the app does): the half-done change is gone.
    {
        auto ws = Workspace::open(path, OpenOptions{OpenMode::ReadOnly});
        INFO((ws ? std::string() : ws.error().toString()));
        REQUIRE(ws.ok());
        CHECK(ws->loadAssessment(1)->area == original.area);
        CHECK(ws->loadAssessment(1)->actions.size() == 2);
    }
    {
        auto ws = Workspace::open(path);
        INFO((ws ? std::string() : ws.error().toString()));
        REQUIRE(ws.ok());
        CHECK(ws->foundSchemaVersion() == 1);
        CHECK(*ws->integrityCheck() == "ok");
        CHECK(ws->loadAssessment(1)->area == original.area);
        CHECK(ws->loadAssessment(1)->actions.size() == 2);
    }
    CHECK(inspect(path).version == kSchemaVersion);
    CHECK(hasMigrationBackup(path));
}
