// Internal to hicm_storage: the workspace's state, and the transaction runner every edit goes through.
#pragma once

#include "text.h"
#include "workspace.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <atomic>
#include <functional>
#include <future>

namespace hicm::storage {

// Thrown inside a transaction body to refuse an edit; the transaction is rolled back.
struct Refusal {
    StorageError::Kind kind;
    std::string message;
};

// The current time, ISO 8601 UTC with milliseconds: "2024-05-01T10:11:12.345Z".
std::string nowUtc();

// Maps a SQLite exception to a user-facing error for `file`.
StorageError sqliteError(const std::string &file, const std::exception &e);

class WriteTxn;

struct Workspace::Impl {
    ~Impl();
    std::string path;
    std::unique_ptr<SQLite::Database> db;
    bool readOnly = false;
    std::string readOnlyReason;
    std::vector<std::string> warnings;
    std::string backupWritten;
    int foundVersion = 0;
    std::map<std::string, std::shared_ptr<const Framework>> frameworks;  // parsed, by content hash
    bool integrityVerified = false;    // the full integrity check passed (write_safety.cpp)
    std::future<bool> backgroundCheck; // the full check on its own thread (OpenOptions::fullCheckInBackground)
    bool backgroundCheckWaiting = false; // that check is still to be started (OpenOptions::startCheckLater)
    int busyTimeoutMs = 5000;          // OpenOptions::busyTimeoutMs, for the check's connection
    void startBackgroundCheck();       // starts the waiting check on its thread
    // Set when the workspace closes: the background check stops at once instead of the close waiting for it
    // (no write can follow, so its answer is no longer wanted). Shared with the check's thread.
    std::shared_ptr<std::atomic<bool>> stopBackgroundCheck = std::make_shared<std::atomic<bool>>(false);
    bool refuseStaleEdits = false;     // refuse edits after another program's change until markSeen()
    std::int64_t seenDataVersion = -1; // PRAGMA data_version at markSeen(), -1 before
    std::string lastWrite;             // the time stamped on the last committed change that logged (`updated`)
    std::int64_t lastLogRow = 0;       // the change-log row this connection last wrote (a burst extends only its own)
    bool sealTableKnown = false;       // the file has the journal seal's table (journal_seal.h): not made or looked up per edit

    StorageError error(StorageError::Kind kind, std::string message) const
    {
        return StorageError{kind, path, std::move(message)};
    }

    // Runs `body` in a BEGIN IMMEDIATE transaction on assessment `assessmentId` and commits it, retrying
    // when another program holds the lock. A Refusal or SQLite error rolls everything back.
    // An assessment whose status is final refuses every edit (Kind::Final) unless `evenIfFinal` (changing
    // the status itself, deleting the assessment).
    Status write(std::int64_t assessmentId, const std::function<void(WriteTxn &)> &body, bool evenIfFinal = false);
    // Before the first write: the full PRAGMA integrity_check, once; a damaged file becomes read-only.
    std::optional<StorageError> verifyIntegrityOnce();
    std::int64_t dataVersion();
    // In a write transaction: throws a Refusal when refuseStaleEdits and another program committed since.
    void refuseIfChangedByOthers();
    // After a commit: folds the write-ahead log into the file (PRAGMA wal_checkpoint(TRUNCATE)).
    void checkpoint();
    // Runs `body` in a read transaction (one consistent snapshot), retrying when busy.
    Status read(const std::function<void()> &body);

    // The parsed framework stored under `hash` (cached). Throws Refusal when it is missing or damaged.
    std::shared_ptr<const Framework> frameworkByHash(const std::string &hash);
    // The hash of the framework assessment `id` uses; throws Refusal(NotFound) if there is no such assessment.
    std::string frameworkHashOf(std::int64_t id);
};

// One edit in progress: validation against the assessment's framework and change-log rows.
class WriteTxn {
public:
    WriteTxn(Workspace::Impl &ws, std::int64_t assessmentId, std::string when);

    SQLite::Database &db() { return *m_ws.db; }
    std::int64_t assessmentId() const { return m_id; }
    void setAssessmentId(std::int64_t id) { m_id = id; }
    const std::string &when() const { return m_when; }

    // The assessment's framework; refuses if the assessment does not exist.
    const Framework &framework();
    // Each returns the item or throws Refusal(InvalidInput) listing the valid ones.
    const Feature &feature(const std::string &featureId);
    void checkLevel(int level);
    const Change &change(const std::string &changeId);
    // The partner's organisation name; throws Refusal(NotFound) if it is not in this assessment.
    std::string partnerName(std::int64_t partnerId);

    // Appends a change-log row and bumps the assessment's `updated` time. Refuses a `to` longer than
    // kMaxTextCharacters (every stored text is logged, so this is the one place the limit is kept).
    void log(const std::string &what, const std::string &from, const std::string &to);
    // The same for a typed text (a note, rationale, evidence, an action's text): a burst of typing is
    // one logged edit. When the log's newest row is this field of this assessment, ends with `from` and
    // is less than kTypingPause old, that row takes `to` and this time instead of a new row being added
    // (so typing 980 characters logs one row, not 980 growing copies). Only a row this connection wrote
    // is extended (two programs typing into one text each get their rows). Undoing back to the row's
    // old value, or a pause, starts a new row.
    void logTyping(const std::string &what, const std::string &from, const std::string &to);
    static constexpr int kTypingPauseSeconds = 30;
    // Whether this transaction logged a change (and so stamped the assessment's `updated`), and its last row.
    bool logged() const { return m_logged; }
    std::int64_t lastLogRow() const { return m_lastLogRow; }
    // Makes sure the feature has a row in feature_scores.
    void ensureFeatureRow(const std::string &featureId);

private:
    Workspace::Impl &m_ws;
    std::int64_t m_id;
    std::string m_when;
    std::shared_ptr<const Framework> m_framework;
    bool m_logged = false;
    std::int64_t m_lastLogRow = 0;
};

// Throws a Refusal.
[[noreturn]] void refuse(StorageError::Kind kind, const std::string &message);

// Text for log values: a level "2" or "" for none.
std::string levelText(const std::optional<int> &level);

// Stores a framework file's bytes under its content hash, once (a file stored already is left as it is).
void storeFramework(WriteTxn &t, const Framework &fw, const std::string &json);

}  // namespace hicm::storage
