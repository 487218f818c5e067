#include "file_checks.h"

#include "platform.h"
#include "workspace.h"
#include "workspace_impl.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;

namespace hicm::storage {

namespace {

constexpr char kMagic[] = "SQLite format 3";  // 16 bytes with its NUL

std::uint32_t be32(const unsigned char *p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
}

std::uintmax_t fileSize(const std::string &path)
{
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    return ec ? 0 : size;
}

// A SQLite URI for `path`: every byte outside the unreserved set is percent-encoded.
std::string uriFor(const std::string &path, const char *query)
{
    std::string out = "file:";
    const std::string absolute = fs::absolute(path).string();
    for (unsigned char c : absolute) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        }
    }
    return out + "?" + query;
}

bool canOpenError(const SQLite::Exception &e)
{
    const int code = e.getErrorCode() & 0xff;
    return code == SQLITE_CANTOPEN || code == SQLITE_READONLY || code == SQLITE_IOERR || code == SQLITE_PERM;
}

// A workspace with saved edits in its "-wal" in a folder we cannot write (SQLite cannot make the "-shm"
// there): the file and its journal are copied to a private temporary folder, read there (SQLite applies
// the journal to the copy), and the result kept in memory. The original files are only read.
std::unique_ptr<SQLite::Database> snapshotWithJournal(const std::string &path, int busyTimeoutMs)
{
    std::error_code ec;
    const fs::path folder = fs::temp_directory_path(ec) / ("hicm-read-" + std::to_string(std::random_device{}()));
    fs::create_directories(folder, ec);
    const fs::path copy = folder / "workspace.hicmws";
    auto cleanup = [&] { fs::remove_all(folder, ec); };
    try {
        fs::copy_file(path, copy);
        fs::copy_file(path + "-wal", copy.string() + "-wal");
        auto memory = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        {
            SQLite::Database source(copy.string(), SQLite::OPEN_READWRITE, busyTimeoutMs);
            SQLite::Backup backup(*memory, "main", source, "main");
            backup.executeStep(-1);
        }
        cleanup();
        return memory;
    } catch (const fs::filesystem_error &e) {
        cleanup();
        throw SQLite::Exception(std::string("cannot read the workspace and its journal: ") + e.what(), SQLITE_CANTOPEN);
    } catch (...) {
        cleanup();
        throw;
    }
}

}  // namespace

std::optional<StorageError> checkFileHeader(const std::string &path)
{
    using Kind = StorageError::Kind;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return StorageError{Kind::Io, path, std::string("cannot read the file (") + std::strerror(errno) + ")"};
    std::array<unsigned char, 100> header{};
    in.read(reinterpret_cast<char *>(header.data()), header.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    const std::uintmax_t size = fileSize(path);
    if (got == 0)
        return StorageError{Kind::NotAWorkspace, path,
                            "the file is empty (0 bytes), so it is not a workspace; it was left as it is "
                            "(only a path that does not exist yet is made into a new workspace)"};
    const std::size_t magicBytes = std::min<std::size_t>(got, sizeof kMagic);
    if (std::memcmp(header.data(), kMagic, magicBytes) != 0)
        return StorageError{Kind::NotAWorkspace, path, "not a HICM Assess workspace: the file is not a SQLite database"};
    if (got < header.size())
        return StorageError{Kind::Corrupt, path, "the workspace is truncated (only " + std::to_string(size) +
                                                     " bytes; a workspace has at least 512)"};
    std::uint32_t pageSize = (std::uint32_t(header[16]) << 8) | header[17];
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        return StorageError{Kind::Corrupt, path, "the workspace is damaged: its header is not valid"};
    // With an unsaved "-wal" journal the file alone can be short (a checkpoint cut off); SQLite's own
    // recovery and the integrity check below judge that case.
    if (fileSize(path + "-wal") > 0)
        return std::nullopt;
    if (size % pageSize != 0)
        return StorageError{Kind::Corrupt, path, "the workspace is truncated (" + std::to_string(size) +
                                                     " bytes is not a whole number of " + std::to_string(pageSize) +
                                                     "-byte pages)"};
    const std::uint32_t pages = be32(&header[28]);
    if (pages > 0 && be32(&header[92]) == be32(&header[24]) && size < std::uintmax_t(pages) * pageSize)
        return StorageError{Kind::Corrupt, path, "the workspace is truncated (" + std::to_string(size) +
                                                     " bytes; its header says " +
                                                     std::to_string(std::uintmax_t(pages) * pageSize) + ")"};
    return std::nullopt;
}

std::unique_ptr<SQLite::Database> openReadOnly(const std::string &path, int busyTimeoutMs)
{
    const int flags = SQLite::OPEN_READONLY | SQLite::OPEN_URI;
    try {
        auto db = std::make_unique<SQLite::Database>(uriFor(path, "mode=ro"), flags, busyTimeoutMs);
        db->execAndGet("SELECT count(*) FROM sqlite_master");  // the first read opens the journal files
        return db;
    } catch (const SQLite::Exception &e) {
        // A hot "-journal": a writer of a rollback-journal file (a v1 workspace, or one being switched to
        // WAL) died mid-change. Only a connection that may write can roll the half-made change back, as
        // SQLite does on any read-write open; reading the file without that would show half a change.
        if (e.getExtendedErrorCode() == SQLITE_READONLY_ROLLBACK && fileSize(path + "-journal") > 0) {
            try {
                SQLite::Database recover(path, SQLite::OPEN_READWRITE, busyTimeoutMs);
                recover.execAndGet("SELECT count(*) FROM sqlite_master");  // rolls the journal back
            } catch (const SQLite::Exception &) {
                throw e;  // cannot write here: refuse rather than show the half-made change
            }
            auto db = std::make_unique<SQLite::Database>(uriFor(path, "mode=ro"), flags, busyTimeoutMs);
            db->execAndGet("SELECT count(*) FROM sqlite_master");
            return db;
        }
        // A WAL workspace in a folder we cannot write: SQLite cannot create the "-shm" file. Reading the
        // main file alone is right only if there is no journal holding saved edits.
        if (!canOpenError(e) || fileSize(path + "-journal") > 0)
            throw;
        if (fileSize(path + "-wal") > 0)
            return snapshotWithJournal(path, busyTimeoutMs);
    }
    return openImmutable(path);
}

std::unique_ptr<SQLite::Database> openImmutable(const std::string &path)
{
    auto db = std::make_unique<SQLite::Database>(uriFor(path, "mode=ro&immutable=1"),
                                                 SQLite::OPEN_READONLY | SQLite::OPEN_URI);
    db->execAndGet("SELECT count(*) FROM sqlite_master");
    return db;
}

namespace {

// The problems a check pragma reports ("ok" alone: none).
std::string checkProblems(SQLite::Database &db, const char *pragma)
{
    SQLite::Statement check(db, pragma);
    std::string problems;
    while (check.executeStep()) {
        const std::string line = check.getColumn(0).getString();
        if (line != "ok")
            problems += (problems.empty() ? "" : "; ") + line;
    }
    return problems;
}

}  // namespace

bool passesIntegrityCheck(const std::string &path, int busyTimeoutMs, const std::atomic<bool> *stop)
{
    try {
        auto db = openReadOnly(path, busyTimeoutMs);
        if (stop)  // every thousand virtual-machine steps: a non-zero answer interrupts the statement
            sqlite3_progress_handler(
                db->getHandle(), 1000, [](void *flag) { return static_cast<const std::atomic<bool> *>(flag)->load() ? 1 : 0; },
                const_cast<std::atomic<bool> *>(stop));
        return checkProblems(*db, "PRAGMA integrity_check(5)").empty();
    } catch (const std::exception &) {
        return false;
    }
}

Result<FileFacts> inspectWorkspace(SQLite::Database &db, const std::string &path, bool full)
{
    using Kind = StorageError::Kind;
    FileFacts facts;
    try {
        const int appId = db.execAndGet("PRAGMA application_id").getInt();
        facts.schemaVersion = db.execAndGet("PRAGMA user_version").getInt();
        const int tables = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt();
        if (appId != kApplicationId) {
            if (appId == 0 && tables == 0)
                return StorageError{Kind::NotAWorkspace, path,
                                    "not a HICM Assess workspace: an empty SQLite database; it was left as it is"};
            return StorageError{Kind::NotAWorkspace, path,
                                "not a HICM Assess workspace: a SQLite database of another program"};
        }
        if (facts.schemaVersion > kSchemaVersion)
            return StorageError{Kind::TooNew, path,
                                "written by a newer version of HICM Assess (workspace format " +
                                    std::to_string(facts.schemaVersion) + "; this version reads up to " +
                                    std::to_string(kSchemaVersion) + "); update HICM Assess to open it"};
        if (facts.schemaVersion < 1)
            return StorageError{Kind::Corrupt, path, "the workspace is damaged: it has no schema version"};
        if (full && checkProblems(db, "PRAGMA integrity_check(5)").empty()) {
            facts.integrityVerified = true;
            return facts;
        }
        const std::string problems = checkProblems(db, "PRAGMA quick_check(5)");
        if (!problems.empty())
            return StorageError{Kind::Corrupt, path, "the workspace is damaged (" + problems +
                                                         "); it was not changed. Restore a backup from " + path +
                                                         ".backups/"};
    } catch (const SQLite::Exception &e) {
        const int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_NOTADB)
            return StorageError{Kind::NotAWorkspace, path, "not a HICM Assess workspace (" + std::string(e.what()) + ")"};
        if (code == SQLITE_CORRUPT)
            return StorageError{Kind::Corrupt, path, "the workspace is damaged (" + std::string(e.what()) +
                                                         "); it was not changed"};
        return sqliteError(path, e);
    }
    return facts;
}

std::string writeBlocker(const std::string &path)
{
    if (!platform::canWrite(path))
        return "the file is read-only";
    const fs::path folder = fs::absolute(path).parent_path();
    if (!platform::canCreateIn(folder.string())) {
        const std::string wal = path + "-wal", shm = path + "-shm";
        const bool journalsWritable = platform::canWrite(wal) && platform::canWrite(shm);
        if (!journalsWritable)
            return "its folder " + folder.string() + " is read-only";
    }
    return {};
}

}  // namespace hicm::storage
