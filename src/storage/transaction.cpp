// The transaction runner, change-log rows and framework checks every edit shares.
#include "framework_lists.h"
#include "framework_loader.h"
#include "journal_seal.h"
#include "workspace_impl.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <thread>

namespace hicm::storage {

namespace {

// Extra attempts after the busy timeout ran out, with growing pauses between them.
constexpr int kBusyRetries = 4;

bool isBusy(const SQLite::Exception &e)
{
    const int code = e.getErrorCode() & 0xff;
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

void pause(int attempt)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(50 * (attempt + 1)));
}

}  // namespace

std::string nowUtc()
{
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[40];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &tm);
    char out[48];
    std::snprintf(out, sizeof out, "%s.%03dZ", buffer, static_cast<int>(ms));
    return out;
}

StorageError sqliteError(const std::string &file, const std::exception &e)
{
    using Kind = StorageError::Kind;
    const auto *se = dynamic_cast<const SQLite::Exception *>(&e);
    const int code = se ? (se->getErrorCode() & 0xff) : -1;
    switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {Kind::Busy, file, "the workspace is locked by another program (is HICM Assess open elsewhere?); "
                                  "the change was not saved, try again"};
    case SQLITE_READONLY:
        return {Kind::ReadOnly, file, std::string("the workspace cannot be written (") + e.what() + ")"};
    case SQLITE_CORRUPT:
        return {Kind::Corrupt, file, std::string("the workspace is damaged (") + e.what() + ")"};
    case SQLITE_NOTADB:
        return {Kind::NotAWorkspace, file, std::string("not a workspace (") + e.what() + ")"};
    case SQLITE_FULL:
        return {Kind::Io, file, "the disk is full; the change was not saved"};
    case SQLITE_CONSTRAINT:
        return {Kind::InvalidInput, file, std::string("the change breaks a rule of the workspace (") + e.what() + ")"};
    default:
        return {Kind::Io, file, std::string("cannot read or write the workspace (") + e.what() + ")"};
    }
}

[[noreturn]] void refuse(StorageError::Kind kind, const std::string &message)
{
    throw Refusal{kind, message};
}

std::string levelText(const std::optional<int> &level)
{
    return level ? std::to_string(*level) : std::string();
}

Status Workspace::Impl::write(std::int64_t assessmentId, const std::function<void(WriteTxn &)> &body, bool evenIfFinal)
{
    if (readOnly)
        return error(StorageError::Kind::ReadOnly,
                     "the workspace is open read-only (" + readOnlyReason + "); the change was not saved");
    if (auto problem = verifyIntegrityOnce())
        return *problem;
    for (int attempt = 0;; ++attempt) {
        try {
            SQLite::Transaction transaction(*db, SQLite::TransactionBehavior::IMMEDIATE);
            refuseIfChangedByOthers();
            WriteTxn txn(*this, assessmentId, nowUtc());
            if (assessmentId != 0 && !evenIfFinal) {
                SQLite::Statement q(*db, "SELECT status FROM assessments WHERE id = ?");
                q.bind(1, assessmentId);
                if (q.executeStep() && q.getColumn(0).getString() == toString(AssessmentStatus::Final))
                    refuse(StorageError::Kind::Final, "assessment " + std::to_string(assessmentId) +
                                                          " is final and locked against changes; reopen it for editing first");
            }
            body(txn);
            advanceSeal(*db, path, sealTableKnown);
            // Writes to a file moved or deleted while open still succeed through the open handle (WAL),
            // and would be lost: refuse instead of acknowledging them.
            int moved = 0;
            if (sqlite3_file_control(db->getHandle(), "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK && moved)
                refuse(StorageError::Kind::ReadOnly, "the workspace file was moved or deleted while it was open; "
                                                     "the change was not saved (open the workspace again from where it is now)");
            transaction.commit();
            sealTableKnown = true;
            if (txn.logged()) {
                lastWrite = txn.when();
                lastLogRow = txn.lastLogRow();
            }
            checkpoint();
            return Done{};
        } catch (const Refusal &r) {
            return error(r.kind, r.message);
        } catch (const SQLite::Exception &e) {
            if (isBusy(e) && attempt < kBusyRetries) {
                pause(attempt);
                continue;
            }
            return sqliteError(path, e);
        } catch (const std::exception &e) {
            return sqliteError(path, e);
        }
    }
}

Status Workspace::Impl::read(const std::function<void()> &body)
{
    for (int attempt = 0;; ++attempt) {
        try {
            SQLite::Transaction transaction(*db, SQLite::TransactionBehavior::DEFERRED);
            body();
            transaction.commit();
            return Done{};
        } catch (const Refusal &r) {
            return error(r.kind, r.message);
        } catch (const SQLite::Exception &e) {
            if (isBusy(e) && attempt < kBusyRetries) {
                pause(attempt);
                continue;
            }
            return sqliteError(path, e);
        } catch (const std::exception &e) {
            return sqliteError(path, e);
        }
    }
}

std::shared_ptr<const Framework> Workspace::Impl::frameworkByHash(const std::string &hash)
{
    if (auto it = frameworks.find(hash); it != frameworks.end())
        return it->second;
    SQLite::Statement q(*db, "SELECT json FROM frameworks WHERE hash = ?");
    q.bind(1, hash);
    if (!q.executeStep())
        refuse(StorageError::Kind::Corrupt, "the framework " + hash + " an assessment uses is missing");
    const std::string json = q.getColumn(0).getString();
    auto result = parseFramework(json, "framework " + hash.substr(0, 12));
    if (!result.ok())
        refuse(StorageError::Kind::Corrupt, "the stored framework " + hash.substr(0, 12) +
                                                " no longer loads: " + formatProblems(result.problems));
    auto fw = std::make_shared<const Framework>(std::move(*result.framework));
    frameworks.emplace(hash, fw);
    return fw;
}

std::string Workspace::Impl::frameworkHashOf(std::int64_t id)
{
    SQLite::Statement q(*db, "SELECT framework_hash FROM assessments WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep())
        refuse(StorageError::Kind::NotFound, "there is no assessment " + std::to_string(id) + " in this workspace");
    return q.getColumn(0).getString();
}

WriteTxn::WriteTxn(Workspace::Impl &ws, std::int64_t assessmentId, std::string when)
    : m_ws(ws), m_id(assessmentId), m_when(std::move(when))
{
}

const Framework &WriteTxn::framework()
{
    if (!m_framework)
        m_framework = m_ws.frameworkByHash(m_ws.frameworkHashOf(m_id));
    return *m_framework;
}

const Feature &WriteTxn::feature(const std::string &featureId)
{
    const Framework &fw = framework();
    if (const Feature *f = fw.feature(featureId))
        return *f;
    refuse(StorageError::Kind::InvalidInput, "unknown feature \"" + featureId + "\" (features are: " + featureList(fw) + ")");
}

void WriteTxn::checkLevel(int level)
{
    const Framework &fw = framework();
    if (!fw.level(level))
        refuse(StorageError::Kind::InvalidInput,
               "level " + std::to_string(level) + " is not on the scale (levels are: " + levelList(fw) + ")");
}

const Change &WriteTxn::change(const std::string &changeId)
{
    const Framework &fw = framework();
    if (const Change *c = fw.change(changeId))
        return *c;
    refuse(StorageError::Kind::InvalidInput, "unknown change \"" + changeId + "\" (changes are: " + changeList(fw) + ")");
}

std::string WriteTxn::partnerName(std::int64_t partnerId)
{
    SQLite::Statement q(db(), "SELECT organisation FROM partners WHERE id = ? AND assessment_id = ?");
    q.bind(1, partnerId);
    q.bind(2, m_id);
    if (!q.executeStep())
        refuse(StorageError::Kind::NotFound,
               "assessment " + std::to_string(m_id) + " has no partner " + std::to_string(partnerId));
    return q.getColumn(0).getString();
}

void WriteTxn::log(const std::string &what, const std::string &from, const std::string &to)
{
    // (A metric's log value joins its value, unit, period and source: not one text.)
    if (const std::string why = what.rfind("metric ", 0) == 0 ? std::string() : textTooLong(to); !why.empty())
        refuse(StorageError::Kind::InvalidInput, what + ": " + why + "; the change was not saved");
    SQLite::Statement ins(db(), "INSERT INTO change_log (assessment_id, at, what, from_value, to_value) "
                                "VALUES (?, ?, ?, ?, ?)");
    ins.bind(1, m_id);
    ins.bind(2, m_when);
    ins.bind(3, what);
    ins.bind(4, from);
    ins.bind(5, to);
    ins.exec();
    m_lastLogRow = db().getLastInsertRowid();
    SQLite::Statement touch(db(), "UPDATE assessments SET updated = ? WHERE id = ?");
    touch.bind(1, m_when);
    touch.bind(2, m_id);
    touch.exec();
    m_logged = true;
}

void WriteTxn::logTyping(const std::string &what, const std::string &from, const std::string &to)
{
    SQLite::Statement last(db(), "SELECT id, from_value, to_value FROM change_log "
                                 "WHERE id = (SELECT max(id) FROM change_log) AND id = ? AND assessment_id = ? "
                                 "AND what = ? AND julianday(?) - julianday(at) BETWEEN 0 AND ?");
    last.bind(1, m_ws.lastLogRow);
    last.bind(2, m_id);
    last.bind(3, what);
    last.bind(4, m_when);
    last.bind(5, kTypingPauseSeconds / 86400.0);
    if (!last.executeStep() || last.getColumn(2).getString() != from || last.getColumn(1).getString() == to) {
        last.reset();
        log(what, from, to);
        return;
    }
    const std::int64_t row = last.getColumn(0).getInt64();
    last.reset();
    if (const std::string why = textTooLong(to); !why.empty())
        refuse(StorageError::Kind::InvalidInput, what + ": " + why + "; the change was not saved");
    SQLite::Statement extend(db(), "UPDATE change_log SET to_value = ?, at = ? WHERE id = ?");
    extend.bind(1, to);
    extend.bind(2, m_when);
    extend.bind(3, row);
    extend.exec();
    m_lastLogRow = row;
    SQLite::Statement touch(db(), "UPDATE assessments SET updated = ? WHERE id = ?");
    touch.bind(1, m_when);
    touch.bind(2, m_id);
    touch.exec();
    m_logged = true;
}

void WriteTxn::ensureFeatureRow(const std::string &featureId)
{
    SQLite::Statement ins(db(), "INSERT INTO feature_scores (assessment_id, feature_id) VALUES (?, ?) "
                                "ON CONFLICT DO NOTHING");
    ins.bind(1, m_id);
    ins.bind(2, featureId);
    ins.exec();
}

}  // namespace hicm::storage
