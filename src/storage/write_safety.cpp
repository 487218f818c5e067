// What every write checks before and after its transaction (transaction.cpp): the whole file is sound
// before the first write; another program's change is never written over unseen; and the file alone
// holds every acknowledged edit (the write-ahead log is folded back after each one).
#include "backup.h"
#include "workspace_impl.h"

#include <sqlite3.h>

#include <chrono>

namespace hicm::storage {

std::optional<StorageError> Workspace::Impl::verifyIntegrityOnce()
{
    if (integrityVerified)
        return std::nullopt;
    backgroundCheckWaiting = false;  // not started yet: checked here and now instead
    if (backgroundCheck.valid() && backgroundCheck.get()) {  // waits for the check started at open, if any
        integrityVerified = true;
        return std::nullopt;
    }
    std::string problems;
    try {
        SQLite::Statement check(*db, "PRAGMA integrity_check(5)");
        while (check.executeStep()) {
            const std::string line = check.getColumn(0).getString();
            if (line != "ok")
                problems += (problems.empty() ? "" : "; ") + line;
        }
    } catch (const std::exception &e) {
        const StorageError mapped = sqliteError(path, e);
        if (mapped.kind != StorageError::Kind::Corrupt)
            return mapped;  // busy, I/O: try again at the next write
        problems = e.what();
    }
    if (!problems.empty()) {
        readOnly = true;
        readOnlyReason = "the workspace is damaged";
        return error(StorageError::Kind::Corrupt, "the workspace is damaged (" + problems +
                                                      "); it was not changed and is open for reading only. "
                                                      "Restore a backup from " + backupFolder(path) + "/");
    }
    integrityVerified = true;
    return std::nullopt;
}

std::int64_t Workspace::Impl::dataVersion()
{
    return db->execAndGet("PRAGMA data_version").getInt64();
}

void Workspace::Impl::refuseIfChangedByOthers()
{
    if (!refuseStaleEdits || seenDataVersion < 0 || dataVersion() == seenDataVersion)
        return;
    refuse(StorageError::Kind::Busy, "another program changed the workspace since it was last read here; this "
                                     "change was not saved, so that it cannot write over theirs (read the "
                                     "workspace again, then make the change again)");
}

void Workspace::Impl::checkpoint()
{
    // TRUNCATE: every page goes into the workspace file and the "-wal" file is emptied, so a copy of the
    // file alone holds every acknowledged edit. The edit is committed already: a checkpoint another
    // program's reader holds up is only late (the next edit's checkpoint folds it in).
    sqlite3_wal_checkpoint_v2(db->getHandle(), "main", SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
}

bool Workspace::integrityCheckRunning() const
{
    return d->backgroundCheckWaiting || (d->backgroundCheck.valid() &&
                                         d->backgroundCheck.wait_for(std::chrono::seconds(0)) != std::future_status::ready);
}

void Workspace::startIntegrityCheck() { d->startBackgroundCheck(); }

Status Workspace::verifyIntegrity()
{
    if (auto problem = d->verifyIntegrityOnce())
        return *problem;
    return Done{};
}

bool Workspace::changedByOthers()
{
    try {
        return d->seenDataVersion >= 0 && d->dataVersion() != d->seenDataVersion;
    } catch (const std::exception &) {
        return false;
    }
}

void Workspace::markSeen()
{
    try {
        d->seenDataVersion = d->dataVersion();
    } catch (const std::exception &) {
        d->seenDataVersion = -1;
    }
}

void Workspace::setRefuseStaleEdits(bool refuse)
{
    d->refuseStaleEdits = refuse;
    if (refuse && d->seenDataVersion < 0)
        markSeen();
}

}  // namespace hicm::storage
