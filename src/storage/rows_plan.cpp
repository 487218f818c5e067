// The writers of the action plan's rows (actions) and of the facilitator's decisions (overrides), rows.h:
// the only SQL that writes them.
#include "rows.h"

namespace hicm::storage::rows {

std::int64_t insertAction(WriteTxn &t, const Action &a, bool keepId)
{
    SQLite::Statement ins(t.db(), keepId ? "INSERT INTO actions (id, assessment_id, text, change_id, feature_id, owner, due, "
                                           "status, notes, carried_from) VALUES (?9, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10)"
                                         : "INSERT INTO actions (assessment_id, text, change_id, feature_id, owner, due, "
                                           "status, notes, carried_from) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10)");
    ins.bind(1, t.assessmentId());
    ins.bind(2, a.text);
    ins.bind(3, a.change);
    ins.bind(4, a.feature);
    ins.bind(5, a.owner);
    ins.bind(6, a.due);
    ins.bind(7, toString(a.status));
    ins.bind(8, a.notes);
    if (keepId)
        ins.bind(9, a.id);
    if (a.carriedFrom)
        ins.bind(10, *a.carriedFrom);
    else
        ins.bind(10);
    ins.exec();
    return t.db().getLastInsertRowid();
}

Action storedAction(WriteTxn &t, std::int64_t actionId)
{
    SQLite::Statement q(t.db(), "SELECT text, change_id, feature_id, owner, due, status, notes FROM actions "
                                "WHERE id = ? AND assessment_id = ?");
    q.bind(1, actionId);
    q.bind(2, t.assessmentId());
    if (!q.executeStep())
        refuse(StorageError::Kind::NotFound,
               "assessment " + std::to_string(t.assessmentId()) + " has no action " + std::to_string(actionId));
    Action a;
    a.id = actionId;
    a.text = q.getColumn(0).getString();
    a.change = q.getColumn(1).getString();
    a.feature = q.getColumn(2).getString();
    a.owner = q.getColumn(3).getString();
    a.due = q.getColumn(4).getString();
    a.status = parseActionStatus(q.getColumn(5).getString()).value_or(ActionStatus::NotStarted);
    a.notes = q.getColumn(6).getString();
    return a;
}

void updateAction(WriteTxn &t, const Action &a)
{
    SQLite::Statement up(t.db(), "UPDATE actions SET text = ?, change_id = ?, feature_id = ?, owner = ?, due = ?, "
                                 "status = ?, notes = ? WHERE id = ?");
    up.bind(1, a.text);
    up.bind(2, a.change);
    up.bind(3, a.feature);
    up.bind(4, a.owner);
    up.bind(5, a.due);
    up.bind(6, toString(a.status));
    up.bind(7, a.notes);
    up.bind(8, a.id);
    up.exec();
}

void setActionStatus(WriteTxn &t, std::int64_t actionId, ActionStatus status)
{
    SQLite::Statement up(t.db(), "UPDATE actions SET status = ? WHERE id = ?");
    up.bind(1, toString(status));
    up.bind(2, actionId);
    up.exec();
}

void deleteAction(WriteTxn &t, std::int64_t actionId)
{
    SQLite::Statement del(t.db(), "DELETE FROM actions WHERE id = ?");
    del.bind(1, actionId);
    del.exec();
}

std::string overrideText(OverrideKind kind, const std::string &reason)
{
    return std::string(toString(kind)) + (reason.empty() ? "" : ": " + reason);
}

std::optional<std::string> overrideText(WriteTxn &t, const std::string &changeId)
{
    SQLite::Statement q(t.db(), "SELECT kind, reason FROM overrides WHERE assessment_id = ? AND change_id = ?");
    q.bind(1, t.assessmentId());
    q.bind(2, changeId);
    if (!q.executeStep())
        return std::nullopt;
    return overrideText(parseOverrideKind(q.getColumn(0).getString()).value_or(OverrideKind::Pin), q.getColumn(1).getString());
}

void writeOverride(WriteTxn &t, const Override &o, OverrideWrite how)
{
    SQLite::Statement up(t.db(), how == OverrideWrite::Insert
                                     ? "INSERT INTO overrides (assessment_id, change_id, kind, reason) VALUES (?, ?, ?, ?)"
                                     : "INSERT INTO overrides (assessment_id, change_id, kind, reason) VALUES (?, ?, ?, ?) "
                                       "ON CONFLICT (assessment_id, change_id) DO UPDATE SET kind = excluded.kind, "
                                       "reason = excluded.reason");
    up.bind(1, t.assessmentId());
    up.bind(2, o.change);
    up.bind(3, toString(o.kind));
    up.bind(4, o.reason);
    up.exec();
}

void deleteOverride(WriteTxn &t, const std::string &changeId)
{
    SQLite::Statement del(t.db(), "DELETE FROM overrides WHERE assessment_id = ? AND change_id = ?");
    del.bind(1, t.assessmentId());
    del.bind(2, changeId);
    del.exec();
}

}  // namespace hicm::storage::rows
