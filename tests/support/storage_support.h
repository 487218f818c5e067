// Helpers shared by the tests that use a workspace (storage, document, report, CLI): one place for
// opening a workspace, a small assessment on the mini framework, and requireOk.
#pragma once

#include "hash.h"
#include "test_paths.h"
#include "workspace.h"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include <string>

namespace hicm::test {

inline std::string miniFrameworkJson()
{
    return readFile(kFixturesDir + "/mini-framework.json");
}

inline std::string fileHash(const std::string &path)
{
    return sha256Hex(readFile(path));
}

// Opens (creating if needed) a workspace; the test fails if that does not work.
inline storage::Workspace openWorkspace(const std::string &path, const storage::OpenOptions &options = {})
{
    auto ws = storage::Workspace::open(path, options);
    INFO((ws ? std::string() : ws.error().toString()));
    REQUIRE(ws.ok());
    return std::move(*ws);
}

inline std::int64_t newAssessment(storage::Workspace &ws, const std::string &area = "North Shire",
                                  std::vector<Partner> partners = {})
{
    storage::NewAssessment fields;
    fields.area = area;
    fields.date = "2024-05-01";
    fields.partners = std::move(partners);
    auto id = ws.createAssessment(fields, miniFrameworkJson());
    INFO((id ? std::string() : id.error().toString()));
    REQUIRE(id.ok());
    return *id;
}

// An area assessed twice: its first assessment (newAssessment) and the reassessment of it on `date`.
struct AssessedTwice {
    std::int64_t first = 0;
    std::int64_t next = 0;
};

inline AssessedTwice assessedTwice(storage::Workspace &ws, const std::string &area = "North Shire",
                                   const std::string &date = "2025-05-01")
{
    AssessedTwice out;
    out.first = newAssessment(ws, area);
    auto next = ws.reassess(out.first, date);
    INFO((next ? std::string() : next.error().toString()));
    REQUIRE(next.ok());
    out.next = *next;
    return out;
}

inline void requireOk(const storage::Status &status)
{
    INFO((status ? std::string() : status.error().toString()));
    REQUIRE(status.ok());
}

inline std::int64_t partnerId(const Assessment &a, const std::string &organisation)
{
    const Partner *p = a.partner(organisation);
    REQUIRE(p != nullptr);
    return p->id;
}

// A workspace at `path` with one assessment ("North Shire", partner "Alpha Trust") whose partners index no
// longer matches its table (a key changed inside an index page): the b-tree is well formed, so PRAGMA
// quick_check passes and only the full integrity_check finds the damage. Returns the assessment's id.
inline std::int64_t indexDamagedWorkspace(const std::string &path)
{
    std::int64_t id = 0;
    {
        auto ws = openWorkspace(path);
        id = newAssessment(ws, "North Shire", {Partner{0, "Alpha Trust", OrgType::NhsTrust, ""}});
    }
    int pageSize = 0, root = 0;
    {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        pageSize = db.execAndGet("PRAGMA page_size").getInt();
        root = db.execAndGet("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'partners' "
                             "AND sql IS NULL LIMIT 1").getInt();
    }
    REQUIRE(root > 0);
    std::string bytes = readFile(path);
    const std::size_t page = static_cast<std::size_t>(root - 1) * static_cast<std::size_t>(pageSize);
    const std::size_t at = bytes.find("Alpha Trust", page);
    REQUIRE(at < page + static_cast<std::size_t>(pageSize));
    bytes[at + 10] = 'u';  // "Alpha Trusu": still in order, but no longer the table's "Alpha Trust"
    writeFile(path, bytes);
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    REQUIRE(db.execAndGet("PRAGMA quick_check").getString() == "ok");
    REQUIRE(db.execAndGet("PRAGMA integrity_check").getString() != "ok");
    return id;
}

}  // namespace hicm::test
