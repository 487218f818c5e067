// Opening and creating workspaces: check read-only first, back up, only then write.
#include "backup.h"
#include "file_checks.h"
#include "platform.h"
#include "journal_seal.h"
#include "schema/migrations.h"
#include "workspace_impl.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <thread>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace hicm::storage {

namespace {

using Kind = StorageError::Kind;

std::unique_ptr<SQLite::Database> openReadWrite(const std::string &path, int busyTimeoutMs, std::vector<std::string> &warnings)
{
    auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE, busyTimeoutMs);
    const std::string mode = db->execAndGet("PRAGMA journal_mode = WAL").getString();
    if (mode != "wal")
        warnings.push_back("the workspace could not use write-ahead logging (journal mode is " + mode + ")");
    db->exec("PRAGMA synchronous = FULL");
    db->exec("PRAGMA foreign_keys = ON");
    return db;
}

// A workspace made read-only and then writable again (chmod 444, chmod 644) keeps journal files that
// SQLite made while it was read-only; they would keep every edit refused. They follow the file's mode.
void followFileMode(const std::string &path)
{
    if (!platform::canWrite(path))
        return;
    std::error_code ec;
    const auto mode = fs::status(path, ec).permissions();
    for (const char *suffix : {"-wal", "-shm"}) {
        const std::string journal = path + suffix;
        if (fs::exists(journal, ec) && !platform::canWrite(journal))
            fs::permissions(journal, mode, fs::perm_options::add, ec);  // only our own files: else left as is
    }
}

// Builds a new workspace under a temporary name and links it into place, so no other program ever sees
// a half-made one. Returns false (no error) if someone else created `path` first.
Result<bool> buildNew(const std::string &path, int busyTimeoutMs)
{
    const fs::path target = fs::absolute(path);
    std::error_code ec;
    const fs::path folder = target.parent_path();
    if (!fs::is_directory(folder, ec)) {
        if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
            return StorageError{Kind::Io, path, "cannot create the workspace: the folder " + folder.string() +
                                                    " cannot be reached (" + ec.message() + ")"};
        return StorageError{Kind::Io, path, "cannot create the workspace: the folder " + folder.string() +
                                                " does not exist"};
    }
    if (!platform::canCreateIn(folder.string()))
        return StorageError{Kind::Io, path, "cannot create the workspace: the folder " + folder.string() +
                                                " is not writable (" + std::strerror(errno) + ")"};
    const std::string temporary = path + ".creating-" + std::to_string(platform::processId());
    fs::remove(temporary, ec);
    try {
        SQLite::Database db(temporary, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, busyTimeoutMs);
        db.execAndGet("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = FULL");
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        schema::migrate(db, 0);
        advanceSeal(db, temporary);
        transaction.commit();
    } catch (const std::exception &e) {
        fs::remove(temporary, ec);
        fs::remove(temporary + "-wal", ec);
        fs::remove(temporary + "-shm", ec);
        return StorageError{Kind::Io, path, std::string("cannot create the workspace (") + e.what() + ")"};
    }
    bool created = false;
    std::error_code linked;
    fs::create_hard_link(temporary, path, linked);
    if (!linked) {
        created = true;
    } else if (linked != std::errc::file_exists && !fs::exists(path, ec)) {
        // A file system without hard links: rename (the window for a race is tiny).
        fs::rename(temporary, path, ec);
        if (ec)
            return StorageError{Kind::Io, path, "cannot create the workspace (" + ec.message() + ")"};
        created = true;
    }
    fs::remove(temporary, ec);
    platform::syncFolder(target.parent_path());
    return created;
}

// A writable in-memory copy of an older-format workspace, brought up to date, for reading it when the
// file itself cannot be upgraded.
std::unique_ptr<SQLite::Database> upgradedCopy(SQLite::Database &source, int fromVersion)
{
    auto memory = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    {
        SQLite::Backup backup(*memory, "main", source, "main");
        for (int attempt = 0; backup.executeStep(-1) != SQLITE_DONE; ++attempt) {
            if (attempt > 100)
                throw SQLite::Exception("the workspace stayed busy while it was read", SQLITE_BUSY);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    SQLite::Transaction transaction(*memory, SQLite::TransactionBehavior::IMMEDIATE);
    schema::migrate(*memory, fromVersion);
    transaction.commit();
    return memory;
}

Result<std::unique_ptr<Workspace::Impl>> openExisting(const std::string &path, const OpenOptions &options, bool justCreated)
{
    auto impl = std::make_unique<Workspace::Impl>();
    impl->path = path;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (fs::is_directory(status))
        return StorageError{Kind::NotAWorkspace, path, "this is a folder, not a workspace file"};
    if (!fs::is_regular_file(status))
        return StorageError{Kind::NotAWorkspace, path, "not a regular file, so not a workspace"};
    if (auto problem = checkFileHeader(path))
        return *problem;
    auto aside = setAsideForeignJournal(path);
    if (!aside)
        return aside.error();
    if (!aside->empty())
        impl->warnings.push_back(*aside);

    // Whether it can be written is known before it is read: a workspace opened for writing gets the
    // full integrity check now (file_checks.h), which its first write would need anyway, or, when asked,
    // quick_check now and the full check on a thread of its own (OpenOptions::fullCheckInBackground).
    std::string blocker = options.mode == OpenMode::ReadOnly ? "opened read-only" : writeBlocker(path);
    const bool background = options.fullCheckInBackground && blocker.empty();
    std::unique_ptr<SQLite::Database> readOnly;
    int version = 0;
    bool integrityVerified = false;
    try {
        readOnly = openReadOnly(path, options.busyTimeoutMs);
        auto facts = inspectWorkspace(*readOnly, path, blocker.empty() && !background);
        if (!facts)
            return facts.error();
        version = facts->schemaVersion;
        integrityVerified = facts->integrityVerified;
    } catch (const std::exception &e) {
        auto error = sqliteError(path, e);
        if (error.kind == Kind::Io)
            error.message = std::string("cannot open the workspace for reading (") + e.what() + ")";
        return error;
    }
    impl->foundVersion = version;

    if (!blocker.empty()) {
        impl->readOnly = true;
        impl->readOnlyReason = blocker;
        if (version < kSchemaVersion) {
            try {
                impl->db = upgradedCopy(*readOnly, version);
            } catch (const std::exception &e) {
                return sqliteError(path, e);
            }
            impl->warnings.push_back("the workspace is in an older format (" + std::to_string(version) +
                                     "); it is shown upgraded, and will be upgraded when opened for writing");
        } else {
            impl->db = std::move(readOnly);
        }
        return impl;
    }

    if (version < kSchemaVersion) {
        auto backup = backupBeforeMigration(*readOnly, path, version);
        if (!backup)
            return StorageError{Kind::Io, path, "not upgraded to the current format, because the backup "
                                                "before the upgrade failed: " + backup.error().message +
                                                "; the file was not changed"};
        impl->backupWritten = *backup;
    }
    readOnly.reset();
    followFileMode(path);
    try {
        impl->db = openReadWrite(path, options.busyTimeoutMs, impl->warnings);
        impl->integrityVerified = justCreated || integrityVerified;
        impl->sealTableKnown = hasSealTable(*impl->db);
        if (version < kSchemaVersion) {
            if (auto problem = impl->verifyIntegrityOnce())
                return *problem;
            SQLite::Transaction transaction(*impl->db, SQLite::TransactionBehavior::IMMEDIATE);
            // Another program may have upgraded it meanwhile.
            const int now = impl->db->execAndGet("PRAGMA user_version").getInt();
            if (now < kSchemaVersion)
                schema::migrate(*impl->db, now);
            advanceSeal(*impl->db, path);
            transaction.commit();
            impl->sealTableKnown = true;
            impl->checkpoint();
        } else if (options.backupOnOpen && !justCreated) {
            auto backup = rotatingBackup(*impl->db, path, options.keepBackups);
            if (!backup)
                impl->warnings.push_back("no backup was made on opening: " + backup.error().message);
            else
                impl->backupWritten = *backup;
        }
        impl->busyTimeoutMs = options.busyTimeoutMs;
        if (background && !impl->integrityVerified) {
            impl->backgroundCheckWaiting = true;
            if (!options.startCheckLater)
                impl->startBackgroundCheck();
        }
    } catch (const std::exception &e) {
        return sqliteError(path, e);
    }
    return impl;
}

}  // namespace

void Workspace::Impl::startBackgroundCheck()
{
    if (!backgroundCheckWaiting)
        return;
    backgroundCheckWaiting = false;
    backgroundCheck = std::async(std::launch::async, [path = path, timeout = busyTimeoutMs, stop = stopBackgroundCheck] {
        return passesIntegrityCheck(path, timeout, stop.get());
    });
}

Workspace::Impl::~Impl()
{
    // Closing: a full check still running on its own thread stops now (the future's destructor waits for it).
    stopBackgroundCheck->store(true);
}

Workspace::Workspace(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
Workspace::Workspace(Workspace &&) noexcept = default;
Workspace &Workspace::operator=(Workspace &&) noexcept = default;
Workspace::~Workspace() = default;

Result<Workspace> Workspace::open(const std::string &path, const OpenOptions &options)
{
    std::error_code ec;
    bool justCreated = false;
    if (!fs::exists(fs::symlink_status(path, ec))) {
        if (options.mode == OpenMode::ReadOnly || !options.create)
            return StorageError{Kind::NotFound, path, "there is no workspace file here"};
        auto built = buildNew(path, options.busyTimeoutMs);
        if (!built)
            return built.error();
        justCreated = *built;
    }
    auto impl = openExisting(path, options, justCreated);
    if (!impl)
        return impl.error();
    return Workspace(std::move(*impl));
}

Result<Workspace> Workspace::create(const std::string &path)
{
    std::error_code ec;
    if (fs::exists(fs::symlink_status(path, ec)))
        return StorageError{Kind::InvalidInput, path, "a file of this name already exists; it was left as it is"};
    return open(path, OpenOptions{});
}

const std::string &Workspace::path() const { return d->path; }
bool Workspace::readOnly() const { return d->readOnly; }
const std::string &Workspace::readOnlyReason() const { return d->readOnlyReason; }
const std::vector<std::string> &Workspace::warnings() const { return d->warnings; }
const std::string &Workspace::lastWrite() const { return d->lastWrite; }
const std::string &Workspace::backupWritten() const { return d->backupWritten; }
int Workspace::foundSchemaVersion() const { return d->foundVersion; }
SQLite::Database &Workspace::database() { return *d->db; }

Result<std::string> Workspace::integrityCheck()
{
    std::string out;
    auto status = d->read([&] {
        SQLite::Statement q(*d->db, "PRAGMA integrity_check");
        while (q.executeStep())
            out += (out.empty() ? "" : "\n") + q.getColumn(0).getString();
    });
    if (!status)
        return status.error();
    return out;
}

}  // namespace hicm::storage
