// The workspace schema as a list of forward migrations. Version N is reached by applying steps 1..N in
// order to an empty database; a released step is never changed, only new ones are added.
#pragma once

#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace hicm::storage::schema {

struct Migration {
    int toVersion;            // user_version after this step
    const char *description;  // for backups' names and messages
    const char *sql;          // the statements; run inside the caller's transaction
};

// All steps, in order; the last one's toVersion is kSchemaVersion.
const std::vector<Migration> &migrations();

// Applies the steps from `fromVersion` to the current version and sets PRAGMA user_version (and
// application_id). Must run inside a transaction the caller commits. Throws SQLite::Exception.
void migrate(SQLite::Database &db, int fromVersion);

// The names of the tables a current workspace has (for checks and tests).
std::vector<std::string> tableNames();

}  // namespace hicm::storage::schema
