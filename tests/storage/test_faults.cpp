// Faults injected while a workspace is open: a full disk (a page limit on the connection, and a real
// file-size limit from the OS), the file made read-only, deleted or moved while open. In each, every edit
// acknowledged before the fault is still there afterwards, the edit that hit the fault is either wholly
// there or wholly absent, nothing is acknowledged and then lost, and the message says what happened.
#include "backup.h"
#include "feature_edits.h"
#include "process_support.h"
#include "storage_support.h"

#include <SQLiteCpp/Database.h>

#include <csignal>
#include <filesystem>
#include <set>
#include <sstream>

#include <sys/resource.h>
#include <sys/stat.h>

using namespace hicm;
using namespace hicm::storage;
using namespace hicm::test;

namespace {

bool has(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

// A big action, so that each one needs new pages in the file.
Action bigAction(int n)
{
    return Action{0, "action " + std::to_string(n), "", "", "", "", ActionStatus::NotStarted, std::string(6000, 'x')};
}

std::set<std::string> actionTexts(const std::string &path, std::int64_t id)
{
    auto ws = openWorkspace(path, OpenOptions{OpenMode::ReadOnly});
    CHECK(*ws.integrityCheck() == "ok");
    auto a = ws.loadAssessment(id);
    REQUIRE(a.ok());
    std::set<std::string> out;
    for (const auto &action : a->actions)
        out.insert(action.text);
    // Each stored action has its change-log row: the edit and its log went in together or not at all.
    CHECK(ws.changeLog(id)->size() == 1 + out.size());
    return out;
}

}  // namespace

TEST_CASE("a full disk (page limit) refuses the edit clearly and loses nothing", "[storage][faults]")
{
    TempDir dir("hicm-full");
    const std::string path = dir.file("w.hicmws");
    auto ws = openWorkspace(path);
    const auto id = newAssessment(ws);
    SQLite::Database &db = ws.database();
    const int pages = db.execAndGet("PRAGMA page_count").getInt();
    db.exec("PRAGMA max_page_count = " + std::to_string(pages + 8));

    std::set<std::string> acknowledged;
    std::optional<StorageError> error;
    for (int n = 0; n < 100 && !error; ++n) {
        auto added = ws.addAction(id, bigAction(n));
        if (added)
            acknowledged.insert("action " + std::to_string(n));
        else
            error = added.error();
    }
    REQUIRE(error.has_value());
    CHECK(acknowledged.size() >= 2);
    CHECK(error->kind == StorageError::Kind::Io);
    CHECK(error->toString() == path + ": the disk is full; the change was not saved");
    // The connection goes on working: reading, and smaller edits that fit.
    CHECK(ws.loadAssessment(id)->actions.size() == acknowledged.size());
    CHECK(actionTexts(path, id) == acknowledged);

    // Room again: edits work and everything is there.
    db.exec("PRAGMA max_page_count = 1073741823");
    auto added = ws.addAction(id, bigAction(1000));
    REQUIRE(added.ok());
    acknowledged.insert("action 1000");
    CHECK(actionTexts(path, id) == acknowledged);
}

TEST_CASE("a file-size limit from the OS (a disk filling up) refuses edits clearly and loses nothing", "[storage][faults]")
{
    TempDir dir("hicm-fsize");
    const std::string path = dir.file("w.hicmws");
    std::int64_t id = 0;
    {
        auto ws = openWorkspace(path);
        id = newAssessment(ws);
    }
    // In a child: the OS refuses to let any file grow past 200 KB (EFBIG, as a full disk would refuse
    // with ENOSPC); the child makes edits until one fails, reporting each acknowledgement and the error.
    Child child = spawn([&](int fd) {
        auto ws = Workspace::open(path, OpenOptions{OpenMode::ReadWrite, false, 5000, false, 5});
        if (!ws)
            return 2;
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{200 * 1024, 200 * 1024};
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0)
            return 3;
        for (int n = 0; n < 200; ++n) {
            auto added = ws->addAction(id, bigAction(n));
            if (!added) {
                writeAll(fd, "error " + std::to_string(static_cast<int>(added.error().kind)) + " " +
                                 added.error().toString() + "\n");
                // Still usable for reading after the failure.
                auto a = ws->loadAssessment(id);
                writeAll(fd, a ? "read ok\n" : "read failed: " + a.error().toString() + "\n");
                return 0;
            }
            writeAll(fd, "ack action " + std::to_string(n) + "\n");
        }
        return 4;
    });
    REQUIRE(child.pid > 0);
    const std::string report = readAll(child.fd);
    REQUIRE(waitFor(child.pid) == 0);
    INFO(report);
    std::set<std::string> acknowledged;
    std::istringstream lines(report);
    std::string line;
    while (std::getline(lines, line))
        if (line.rfind("ack ", 0) == 0)
            acknowledged.insert(line.substr(4));
    CHECK(acknowledged.size() >= 2);
    CHECK(has(report, "error " + std::to_string(static_cast<int>(StorageError::Kind::Io)) + " " + path + ": "));
    CHECK((has(report, "disk I/O error") || has(report, "disk is full")));
    CHECK(has(report, "the change was not saved") == has(report, "disk is full"));
    CHECK(has(report, "read ok"));
    // Without the limit: every acknowledged edit is there, the one that failed is not, and it works.
    CHECK(actionTexts(path, id) == acknowledged);
    auto ws = openWorkspace(path);
    CHECK(ws.addAction(id, bigAction(999)).ok());
}

TEST_CASE("a workspace made read-only while open keeps every edit, and opens read-only next time", "[storage][faults]")
{
    TempDir dir("hicm-ro-open");
    ::chmod(dir.path().c_str(), 0777);
    const std::string path = dir.file("w.hicmws");
    // As a user the permissions apply to (root ignores them): edit, make the file and its folder
    // read-only while the workspace is open, edit again, close, open again.
    Child child = spawn([&](int fd) {
        if (::geteuid() == 0 && !dropRoot())
            return 3;
        std::int64_t id = 0;
        {
            auto ws = Workspace::open(path);
            if (!ws)
                return 4;
            storage::NewAssessment fields;
            fields.area = "North Shire";
            auto created = ws->createAssessment(fields, miniFrameworkJson());
            if (!created)
                return 5;
            id = *created;
            writeAll(fd, ws->updateFeature(id, "B1", evidenceEdit("before")).ok() ? "ack before\n" : "fail before\n");
            ::chmod(path.c_str(), 0444);
            ::chmod(dir.path().c_str(), 0555);
            // The OS lets a program write through a file it already has open: the edit is stored.
            auto during = ws->updateFeature(id, "B2", evidenceEdit("during"));
            writeAll(fd, during ? "ack during\n" : "fail during " + during.error().toString() + "\n");
        }
        auto again = Workspace::open(path);
        if (!again)
            return 6;
        writeAll(fd, "readOnly=" + std::to_string(again->readOnly()) + " reason=" + again->readOnlyReason() + "\n");
        auto a = again->loadAssessment(id);
        if (!a)
            return 7;
        writeAll(fd, "B1=" + a->feature("B1")->evidence + " B2=" + a->feature("B2")->evidence + "\n");
        auto refused = again->updateFeature(id, "B3", evidenceEdit("after"));
        writeAll(fd, refused ? "ack after\n" : "refused " + refused.error().toString() + "\n");
        return 0;
    });
    REQUIRE(child.pid > 0);
    const std::string report = readAll(child.fd);
    const int rc = waitFor(child.pid);
    ::chmod(dir.path().c_str(), 0777);
    INFO(report);
    REQUIRE(rc == 0);
    CHECK(has(report, "ack before"));
    const bool duringStored = has(report, "ack during");
    CHECK(has(report, duringStored ? "B2=during" : "B2=\n"));  // acknowledged means stored
    CHECK(has(report, "B1=before"));
    CHECK(has(report, "readOnly=1 reason=the file is read-only"));
    CHECK(has(report, "refused " + path + ": the workspace is open read-only (the file is read-only); the change was not saved"));
}

TEST_CASE("a workspace moved while open: edits are refused, never written into the old name", "[storage][faults]")
{
    TempDir dir("hicm-moved");
    const std::string path = dir.file("w.hicmws");
    const std::string moved = dir.file("elsewhere.hicmws");
    auto ws = openWorkspace(path);
    const auto id = newAssessment(ws);
    requireOk(ws.updateFeature(id, "B1", evidenceEdit("before the move")));
    std::filesystem::rename(path, moved);
    std::filesystem::rename(path + "-wal", moved + "-wal");
    std::filesystem::rename(path + "-shm", moved + "-shm");

    auto edit = ws.updateFeature(id, "B2", evidenceEdit("after the move"));
    if (edit.ok()) {
        // Had the edit been accepted, it must be in the file where it now is.
        FAIL("an edit after the move was acknowledged; it went to " << moved);
    }
    CHECK(edit.error().kind == StorageError::Kind::ReadOnly);
    CHECK(has(edit.error().toString(), path + ": "));
    CHECK(has(edit.error().message, "moved or deleted"));
    CHECK(has(edit.error().message, "not saved"));
    CHECK_FALSE(std::filesystem::exists(path));  // nothing recreated under the old name

    // At its new place the workspace is whole, with everything acknowledged.
    auto there = openWorkspace(moved);
    CHECK(*there.integrityCheck() == "ok");
    CHECK(there.loadAssessment(id)->feature("B1")->evidence == "before the move");
    CHECK(there.loadAssessment(id)->feature("B2")->evidence.empty());
    requireOk(there.updateFeature(id, "B2", evidenceEdit("after reopening")));
}

TEST_CASE("a workspace deleted while open: edits are refused clearly, not acknowledged and lost", "[storage][faults]")
{
    TempDir dir("hicm-deleted");
    const std::string path = dir.file("w.hicmws");
    auto ws = openWorkspace(path);
    const auto id = newAssessment(ws);
    requireOk(ws.updateFeature(id, "B1", evidenceEdit("before")));
    // Backups are how a deleted workspace comes back: the rotating one written on the next open.
    { auto again = openWorkspace(path); CHECK_FALSE(again.backupWritten().empty()); }
    for (const char *suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);

    auto edit = ws.updateFeature(id, "B2", evidenceEdit("into the void"));
    REQUIRE_FALSE(edit.ok());
    CHECK(edit.error().kind == StorageError::Kind::ReadOnly);
    CHECK(has(edit.error().message, "moved or deleted"));
    CHECK(has(edit.error().message, "not saved"));
    CHECK_FALSE(std::filesystem::exists(path));
    // Reading what was loaded still works for the program that has it open (no crash).
    (void)ws.loadAssessment(id);

    // The backup holds every acknowledged edit.
    const auto backups = rotatingBackups(path);
    REQUIRE_FALSE(backups.empty());
    auto restored = openWorkspace(backups.front(), OpenOptions{OpenMode::ReadOnly});
    CHECK(restored.loadAssessment(id)->feature("B1")->evidence == "before");
}
