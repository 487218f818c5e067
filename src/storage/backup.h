// Backups of a workspace with SQLite's online backup API, in "<workspace>.backups/" next to it:
// one before every migration (kept), and a rotating one when a workspace is opened for writing.
#pragma once

#include "storage_error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace hicm::storage {

// The backup folder of the workspace at `workspacePath`: "<workspacePath>.backups".
std::string backupFolder(const std::string &workspacePath);

// The rotating backups of a workspace, newest first.
std::vector<std::string> rotatingBackups(const std::string &workspacePath);

// Copies `source` (any open connection to the workspace) to `<folder>/<name>` through a temporary file
// renamed into place, so a backup is either complete or absent. Returns the backup's path.
Result<std::string> writeBackup(SQLite::Database &source, const std::string &workspacePath, const std::string &name);

// Writes the backup kept before a migration from `fromVersion`.
Result<std::string> backupBeforeMigration(SQLite::Database &source, const std::string &workspacePath, int fromVersion);

// Writes a rotating backup unless the newest one already holds the same content (same change-log
// position), then deletes all but the newest `keep`. Returns the new backup's path, or "" if skipped.
Result<std::string> rotatingBackup(SQLite::Database &source, const std::string &workspacePath, int keep);

}  // namespace hicm::storage
