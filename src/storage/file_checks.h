// Looking at a workspace file before trusting it: all of this reads, nothing writes.
#pragma once

#include <atomic>

#include "storage_error.h"

#include <memory>
#include <optional>
#include <string>

namespace SQLite {
class Database;
}

namespace hicm::storage {

// Checks the first bytes and the size of an existing file: empty, not SQLite, damaged header, truncated.
std::optional<StorageError> checkFileHeader(const std::string &path);

// Opens `path` with SQLITE_OPEN_READONLY. When the folder cannot take the "-shm" file (a read-only folder)
// and there is no unsaved "-wal" journal, falls back to an immutable=1 URI. Throws SQLite::Exception.
std::unique_ptr<SQLite::Database> openReadOnly(const std::string &path, int busyTimeoutMs);

// Opens the file alone, ignoring its journal files (immutable=1), read-only. Throws SQLite::Exception.
std::unique_ptr<SQLite::Database> openImmutable(const std::string &path);

// What a read-only look at a SQLite file found.
struct FileFacts {
    int schemaVersion = 0;
    bool integrityVerified = false;  // the full integrity check ran and passed
};

// Checks application_id, user_version and PRAGMA quick_check on a read-only connection. With `full`
// (a workspace about to be opened for writing, whose first write needs the full check anyway) it runs
// PRAGMA integrity_check instead, which covers everything quick_check does: one pass over the file
// instead of two. Only if that finds a problem does quick_check run too, so that a file is refused,
// or opened read-only saying why, exactly as without `full`.
Result<FileFacts> inspectWorkspace(SQLite::Database &db, const std::string &path, bool full = false);

// Whether the file passes the full PRAGMA integrity_check, on a read-only connection of its own (any error,
// busy included, counts as not passing: the caller then checks again itself). For the check run on a thread
// of its own while the app shows its window (OpenOptions::fullCheckInBackground). Setting `stop` makes a
// running check give up within moments (then: false).
bool passesIntegrityCheck(const std::string &path, int busyTimeoutMs, const std::atomic<bool> *stop = nullptr);

// Why the file cannot be opened for writing ("the file is read-only" …), empty if it can.
std::string writeBlocker(const std::string &path);

}  // namespace hicm::storage
