// Files that are not sound workspaces are refused with the file and the reason named, and are never
// modified (the bytes are hashed before and after).
#include "storage_support.h"

#include <SQLiteCpp/Database.h>

#include <filesystem>

using namespace hicm;
using namespace hicm::storage;
using namespace hicm::test;

namespace {

// A closed, checkpointed workspace with enough data to span many pages.
std::string makeGoodWorkspace(const TempDir &dir, const std::string &name)
{
    const std::string path = dir.file(name);
    auto ws = openWorkspace(path, OpenOptions{OpenMode::ReadWrite, true, 5000, false, 5});
    const auto id = newAssessment(ws);
    for (int i = 0; i < 60; ++i)
        REQUIRE(ws.addAction(id, {0, "action " + std::to_string(i) + std::string(300, 'x'), "", "", "", "",
                                  ActionStatus::NotStarted, ""})
                    .ok());
    return path;  // closing checkpoints the WAL into the file and removes it
}

struct Case {
    const char *name;
    StorageError::Kind kind;
    const char *reason;  // part of the message
};

void checkRefused(const std::string &path, const Case &c)
{
    REQUIRE(std::filesystem::exists(path));
    const std::string before = fileHash(path);
    const auto sizeBefore = std::filesystem::file_size(path);
    for (auto mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
        auto ws = Workspace::open(path, OpenOptions{mode, true, 5000, true, 5});
        INFO(c.name << (mode == OpenMode::ReadWrite ? " (read-write)" : " (read-only)"));
        REQUIRE_FALSE(ws.ok());
        INFO(ws.error().toString());
        CHECK(ws.error().kind == c.kind);
        CHECK(ws.error().file == path);
        CHECK(ws.error().toString().find(path) == 0);  // the message names the file
        CHECK(ws.error().message.find(c.reason) != std::string::npos);
    }
    CHECK(fileHash(path) == before);
    CHECK(std::filesystem::file_size(path) == sizeBefore);
    CHECK_FALSE(std::filesystem::exists(path + ".backups"));
    CHECK_FALSE(std::filesystem::exists(path + "-journal"));
    // SQLite's read-only look at a WAL-mode file may leave an empty "-wal" beside it; never a written one.
    CHECK((!std::filesystem::exists(path + "-wal") || std::filesystem::file_size(path + "-wal") == 0));
}

}  // namespace

TEST_CASE("an empty (zero-byte) file is refused, not turned into a workspace", "[storage][refuse]")
{
    TempDir dir("hicm-refuse");
    const std::string path = dir.file("empty.hicmws");
    writeFile(path, "");
    checkRefused(path, {"zero bytes", StorageError::Kind::NotAWorkspace, "empty (0 bytes)"});
    CHECK(std::filesystem::file_size(path) == 0);
}

TEST_CASE("files that are not SQLite are refused and unchanged", "[storage][refuse]")
{
    TempDir dir("hicm-refuse");
    const std::string text = dir.file("notes.hicmws");
    writeFile(text, "Minutes of the workshop\nWe agreed B1 is level 2.\n");
    checkRefused(text, {"text", StorageError::Kind::NotAWorkspace, "not a SQLite database"});
    const std::string json = dir.file("framework.hicmws");
    writeFile(json, miniFrameworkJson());
    checkRefused(json, {"json", StorageError::Kind::NotAWorkspace, "not a SQLite database"});
    const std::string binary = dir.file("binary.hicmws");
    std::string bytes;
    for (int i = 0; i < 8192; ++i)
        bytes += static_cast<char>((i * 7919 + 13) & 0xff);
    writeFile(binary, bytes);
    checkRefused(binary, {"binary", StorageError::Kind::NotAWorkspace, "not a SQLite database"});
    const std::string folder = dir.file("folder.hicmws");
    std::filesystem::create_directory(folder);
    auto ws = Workspace::open(folder);
    REQUIRE_FALSE(ws.ok());
    CHECK(ws.error().message.find("folder") != std::string::npos);
}

TEST_CASE("truncated workspaces are refused and unchanged", "[storage][refuse]")
{
    TempDir dir("hicm-refuse");
    const std::string good = readFile(makeGoodWorkspace(dir, "good.hicmws"));
    const std::size_t page = 4096;
    REQUIRE(good.size() > 8 * page);
    const std::pair<const char *, std::size_t> cuts[] = {
        {"inside the header", 60}, {"after the header", 100}, {"mid-page", 5 * page + 123},
        {"at a page boundary", 4 * page}, {"one byte short", good.size() - 1}};
    for (const auto &[name, size] : cuts) {
        const std::string path = dir.file(std::string("cut-") + std::to_string(size) + ".hicmws");
        writeFile(path, good.substr(0, size));
        checkRefused(path, {name, StorageError::Kind::Corrupt, "truncated"});
    }
}

TEST_CASE("damaged workspaces are refused and unchanged", "[storage][refuse]")
{
    TempDir dir("hicm-refuse");
    const std::string good = readFile(makeGoodWorkspace(dir, "good.hicmws"));
    const std::size_t page = 4096;
    SECTION("scrambled b-tree pages")
    {
        std::string bad = good;
        for (std::size_t p = 2; p < 8; ++p)
            for (std::size_t i = 0; i < 600; ++i)
                bad[p * page + i] = static_cast<char>((i * 31 + p) & 0xff);
        const std::string path = dir.file("scrambled.hicmws");
        writeFile(path, bad);
        checkRefused(path, {"scrambled", StorageError::Kind::Corrupt, "damaged"});
    }
    SECTION("a damaged header")
    {
        std::string bad = good;
        bad[16] = 0x03;  // page size 0x0310: not a power of two
        bad[17] = 0x10;
        const std::string path = dir.file("header.hicmws");
        writeFile(path, bad);
        checkRefused(path, {"header", StorageError::Kind::Corrupt, "damaged"});
    }
}

TEST_CASE("a workspace written by a newer version is refused and unchanged", "[storage][refuse]")
{
    TempDir dir("hicm-refuse");
    const std::string path = makeGoodWorkspace(dir, "newer.hicmws");
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1));
    }
    checkRefused(path, {"newer", StorageError::Kind::TooNew, "written by a newer version of HICM Assess"});
}

TEST_CASE("SQLite databases of other programs are refused and unchanged", "[storage][refuse]")
{
    TempDir dir("hicm-refuse");
    const std::string other = dir.file("other.db");
    {
        SQLite::Database db(other, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
    }
    checkRefused(other, {"other", StorageError::Kind::NotAWorkspace, "another program"});
    const std::string foreignId = dir.file("foreign-id.db");
    {
        SQLite::Database db(foreignId, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA application_id = 1234; CREATE TABLE t (x);");
    }
    checkRefused(foreignId, {"foreign id", StorageError::Kind::NotAWorkspace, "another program"});
    const std::string blank = dir.file("blank.db");
    {
        SQLite::Database db(blank, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA user_version = 0");  // writes the header: a valid, empty SQLite file
        db.exec("CREATE TABLE t (x); DROP TABLE t;");
    }
    checkRefused(blank, {"blank", StorageError::Kind::NotAWorkspace, "empty SQLite database"});
}

TEST_CASE("a missing file is created only when asked to", "[storage][refuse]")
{
    TempDir dir("hicm-refuse");
    const std::string path = dir.file("missing.hicmws");
    auto readOnly = Workspace::open(path, OpenOptions{OpenMode::ReadOnly});
    REQUIRE_FALSE(readOnly.ok());
    CHECK(readOnly.error().kind == StorageError::Kind::NotFound);
    auto noCreate = Workspace::open(path, OpenOptions{OpenMode::ReadWrite, false});
    REQUIRE_FALSE(noCreate.ok());
    CHECK_FALSE(std::filesystem::exists(path));
    auto noFolder = Workspace::open(dir.file("no/such/folder.hicmws"));
    REQUIRE_FALSE(noFolder.ok());
    CHECK(noFolder.error().message.find("does not exist") != std::string::npos);
}
