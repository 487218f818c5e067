// Which file a "-wal" journal belongs to. SQLite applies any "<file>-wal" it finds to "<file>", even one
// left by a program killed while a since deleted, moved or replaced file of that name was open: a new or
// restored workspace would take the old file's pages. So every edit stamps the workspace with a seal (the
// table workspace_seal: a fresh random token per edit, and "base", the token the file itself held when
// the journal began), and a journal is applied only to the file whose token is the journal's base (or one
// the journal wrote since). One that is not is set aside, with a message, before SQLite opens the file.
#pragma once

#include "storage_error.h"

#include <string>

namespace SQLite {
class Database;
}

namespace hicm::storage {

// In a write transaction on the workspace at `path`: creates the seal if the file has none, and moves it
// on (a new token; the base kept while the journal holds edits, else the file's own token). `tableKnown`:
// the caller knows the file has the seal's table (Workspace::Impl::sealTableKnown: looked up once at open,
// or made by an edit this connection committed), so it is neither created nor looked up again.
void advanceSeal(SQLite::Database &db, const std::string &path, bool tableKnown = false);

// Whether the workspace has the seal's table (one look at open; a file from before seals gets it with its
// first edit).
bool hasSealTable(SQLite::Database &db);

// Before a workspace is opened: a non-empty "<path>-wal" written on top of another file is renamed to
// "<path>-wal.set-aside-<time>" (and the stale "<path>-shm" removed). Returns the message for the user
// (empty when the journal belongs to the file, or there is none), or an error if it could not be moved.
Result<std::string> setAsideForeignJournal(const std::string &path);

}  // namespace hicm::storage
