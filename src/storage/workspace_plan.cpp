// Edits to metrics, planned targeted actions, the action plan and overrides; and the one-field feature
// edits, which are FeatureEdits with one field set.
#include "framework_lists.h"
#include "workspace_impl.h"

#include <string_view>

namespace hicm::storage {

namespace {

using Kind = StorageError::Kind;

std::string overrideText(OverrideKind kind, const std::string &reason)
{
    return std::string(toString(kind)) + (reason.empty() ? "" : ": " + reason);
}

void checkActionFields(WriteTxn &t, const Action &a)
{
    if (!hasText(a.text))
        refuse(Kind::InvalidInput, "an action needs a text");
    if (!a.change.empty())
        t.change(a.change);
    if (!a.feature.empty())
        t.feature(a.feature);
    if (!a.due.empty() && !isIsoDate(a.due))
        refuse(Kind::InvalidInput, "the due date \"" + a.due + "\" is not a date written YYYY-MM-DD");
}

// The stored action `actionId` of this assessment; refuses if there is none.
Action storedAction(WriteTxn &t, std::int64_t actionId)
{
    SQLite::Statement q(t.db(), "SELECT text, change_id, feature_id, owner, due, status, notes FROM actions "
                                "WHERE id = ? AND assessment_id = ?");
    q.bind(1, actionId);
    q.bind(2, t.assessmentId());
    if (!q.executeStep())
        refuse(Kind::NotFound, "assessment " + std::to_string(t.assessmentId()) + " has no action " + std::to_string(actionId));
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

}  // namespace

Status Workspace::setPartnerLevel(std::int64_t id, const std::string &featureId, std::int64_t partnerId,
                                  std::optional<int> level, std::optional<std::string> note)
{
    FeatureEdit edit;
    edit.partnerLevels.push_back({partnerId, level, std::move(note)});
    return updateFeature(id, featureId, edit);
}

Status Workspace::setAgreedLevel(std::int64_t id, const std::string &featureId, std::optional<int> level,
                                 std::optional<std::string> rationale)
{
    FeatureEdit edit;
    edit.agreedLevel = level;
    edit.rationale = std::move(rationale);
    return updateFeature(id, featureId, edit);
}

Status Workspace::setTarget(std::int64_t id, const std::string &featureId, std::optional<int> level)
{
    FeatureEdit edit;
    edit.targetLevel = level;
    return updateFeature(id, featureId, edit);
}

Status Workspace::setConfidence(std::int64_t id, const std::string &featureId, Confidence confidence)
{
    FeatureEdit edit;
    edit.confidence = confidence;
    return updateFeature(id, featureId, edit);
}

Status Workspace::setWeight(std::int64_t id, const std::string &featureId, int weight)
{
    FeatureEdit edit;
    edit.weight = weight;
    return updateFeature(id, featureId, edit);
}

Status Workspace::setEvidence(std::int64_t id, const std::string &featureId, const std::string &evidence)
{
    FeatureEdit edit;
    edit.evidence = evidence;
    return updateFeature(id, featureId, edit);
}

Status Workspace::setMetric(std::int64_t id, const std::string &featureId, const MetricValue &metric)
{
    return d->write(id, [&](WriteTxn &t) {
        const Feature &f = t.feature(featureId);
        const bool own = isOwnMetricId(featureId, metric.metricId);
        if (!own && !f.metric(metric.metricId))
            refuse(Kind::InvalidInput, "unknown metric \"" + metric.metricId + "\" for feature " + featureId +
                                           " (its metrics are: " + metricList(f) + "; the room's own are " +
                                           ownMetricId(featureId, 1) + ", " + ownMetricId(featureId, 2) + " …, with a name)");
        if (own && !hasText(metric.name))
            refuse(Kind::InvalidInput, "the room's own metric " + metric.metricId + " needs a name");
        if (!own && !metric.name.empty())
            refuse(Kind::InvalidInput, "metric " + metric.metricId + " is the framework's: its name is the framework's own");
        // Each part of a metric is a text like any other: the same limit (the log joins them, so it
        // cannot check them there).
        for (const auto &[part, text] : {std::pair<const char *, const std::string &>{"value", metric.value},
                                         {"unit", metric.unit}, {"period", metric.period},
                                         {"source", metric.source}, {"name", metric.name}})
            if (const std::string why = textTooLong(text); !why.empty())
                refuse(Kind::InvalidInput, "metric " + metric.metricId + " " + part + ": " + why + "; the change was not saved");
        SQLite::Statement q(t.db(), "SELECT value, unit, period, source FROM metric_values "
                                    "WHERE assessment_id = ? AND metric_id = ?");
        q.bind(1, id);
        q.bind(2, metric.metricId);
        std::string from;
        if (q.executeStep())
            from = metricValueText({metric.metricId, q.getColumn(0).getString(), q.getColumn(1).getString(),
                               q.getColumn(2).getString(), q.getColumn(3).getString()});
        q.reset();
        SQLite::Statement qn(t.db(), "SELECT name FROM metric_values WHERE assessment_id = ? AND metric_id = ?");
        qn.bind(1, id);
        qn.bind(2, metric.metricId);
        const std::string oldName = qn.executeStep() ? qn.getColumn(0).getString() : std::string();
        SQLite::Statement up(t.db(), "INSERT INTO metric_values (assessment_id, feature_id, metric_id, value, unit, period, "
                                     "source, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, metric_id) DO "
                                     "UPDATE SET value = excluded.value, unit = excluded.unit, period = excluded.period, "
                                     "source = excluded.source, name = excluded.name");
        up.bind(1, id);
        up.bind(2, featureId);
        up.bind(3, metric.metricId);
        up.bind(4, metric.value);
        up.bind(5, metric.unit);
        up.bind(6, metric.period);
        up.bind(7, metric.source);
        up.bind(8, metric.name);
        up.exec();
        if (oldName != metric.name)
            t.log("metric " + metric.metricId + " name", oldName, metric.name);
        if (from != metricValueText(metric))
            t.log("metric " + metric.metricId, from, metricValueText(metric));
    });
}

Status Workspace::removeMetric(std::int64_t id, const std::string &featureId, const std::string &metricId)
{
    return d->write(id, [&](WriteTxn &t) {
        t.feature(featureId);
        SQLite::Statement q(t.db(), "SELECT value, unit, period, source FROM metric_values "
                                    "WHERE assessment_id = ? AND metric_id = ?");
        q.bind(1, id);
        q.bind(2, metricId);
        if (!q.executeStep())
            return;
        const std::string from = metricValueText({metricId, q.getColumn(0).getString(), q.getColumn(1).getString(),
                                             q.getColumn(2).getString(), q.getColumn(3).getString()});
        q.reset();
        SQLite::Statement del(t.db(), "DELETE FROM metric_values WHERE assessment_id = ? AND metric_id = ?");
        del.bind(1, id);
        del.bind(2, metricId);
        del.exec();
        t.log("metric " + metricId, from, "");
    });
}

Status Workspace::setPlannedAction(std::int64_t id, const std::string &featureId, const std::string &actionId, bool planned)
{
    return d->write(id, [&](WriteTxn &t) {
        const Feature &f = t.feature(featureId);
        if (!f.action(actionId))
            refuse(Kind::InvalidInput, "unknown targeted action \"" + actionId + "\" for feature " + featureId +
                                           " (its targeted actions are: " + targetedActionList(f) + ")");
        SQLite::Statement change(t.db(), planned ? "INSERT INTO planned_actions (assessment_id, feature_id, action_id) "
                                                   "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                                                 : "DELETE FROM planned_actions WHERE assessment_id = ? AND "
                                                   "feature_id = ? AND action_id = ?");
        change.bind(1, id);
        change.bind(2, featureId);
        change.bind(3, actionId);
        if (change.exec() > 0)
            t.log("planned action " + actionId, planned ? "no" : "yes", planned ? "yes" : "no");
    });
}

Result<std::int64_t> Workspace::addAction(std::int64_t id, const Action &action)
{
    std::int64_t newId = 0;
    auto status = d->write(id, [&](WriteTxn &t) {
        t.framework();
        checkActionFields(t, action);
        SQLite::Statement ins(t.db(), "INSERT INTO actions (assessment_id, text, change_id, feature_id, owner, due, "
                                      "status, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        ins.bind(1, id);
        ins.bind(2, action.text);
        ins.bind(3, action.change);
        ins.bind(4, action.feature);
        ins.bind(5, action.owner);
        ins.bind(6, action.due);
        ins.bind(7, toString(action.status));
        ins.bind(8, action.notes);
        ins.exec();
        newId = t.db().getLastInsertRowid();
        t.log("action " + std::to_string(newId) + " added", "", action.text);
    });
    if (!status)
        return status.error();
    return newId;
}

Status Workspace::updateAction(std::int64_t id, const Action &action)
{
    return d->write(id, [&](WriteTxn &t) {
        t.framework();
        const Action old = storedAction(t, action.id);
        checkActionFields(t, action);
        SQLite::Statement up(t.db(), "UPDATE actions SET text = ?, change_id = ?, feature_id = ?, owner = ?, due = ?, "
                                     "status = ?, notes = ? WHERE id = ?");
        up.bind(1, action.text);
        up.bind(2, action.change);
        up.bind(3, action.feature);
        up.bind(4, action.owner);
        up.bind(5, action.due);
        up.bind(6, toString(action.status));
        up.bind(7, action.notes);
        up.bind(8, action.id);
        up.exec();
        const std::string what = "action " + std::to_string(action.id) + " ";
        const std::pair<const char *, std::pair<std::string, std::string>> fields[] = {
            {"text", {old.text, action.text}},       {"change", {old.change, action.change}},
            {"feature", {old.feature, action.feature}}, {"owner", {old.owner, action.owner}},
            {"due", {old.due, action.due}},          {"status", {toString(old.status), toString(action.status)}},
            {"notes", {old.notes, action.notes}}};
        for (const auto &[name, values] : fields)
            if (values.first != values.second) {
                if (std::string_view(name) == "text" || std::string_view(name) == "notes")
                    t.logTyping(what + name, values.first, values.second);
                else
                    t.log(what + name, values.first, values.second);
            }
    });
}

Status Workspace::setActionStatus(std::int64_t id, std::int64_t actionId, ActionStatus status)
{
    return d->write(id, [&](WriteTxn &t) {
        t.framework();
        const Action old = storedAction(t, actionId);
        if (old.status == status)
            return;
        SQLite::Statement up(t.db(), "UPDATE actions SET status = ? WHERE id = ?");
        up.bind(1, toString(status));
        up.bind(2, actionId);
        up.exec();
        t.log("action " + std::to_string(actionId) + " status", toString(old.status), toString(status));
    });
}

Status Workspace::removeAction(std::int64_t id, std::int64_t actionId)
{
    return d->write(id, [&](WriteTxn &t) {
        t.framework();
        const Action old = storedAction(t, actionId);
        SQLite::Statement del(t.db(), "DELETE FROM actions WHERE id = ?");
        del.bind(1, actionId);
        del.exec();
        t.log("action " + std::to_string(actionId) + " removed", old.text, "");
    });
}

Status Workspace::setOverride(std::int64_t id, const Override &override_)
{
    return d->write(id, [&](WriteTxn &t) {
        t.change(override_.change);
        SQLite::Statement q(t.db(), "SELECT kind, reason FROM overrides WHERE assessment_id = ? AND change_id = ?");
        q.bind(1, id);
        q.bind(2, override_.change);
        std::string from;
        if (q.executeStep())
            from = overrideText(parseOverrideKind(q.getColumn(0).getString()).value_or(OverrideKind::Pin),
                                q.getColumn(1).getString());
        SQLite::Statement up(t.db(), "INSERT INTO overrides (assessment_id, change_id, kind, reason) VALUES (?, ?, ?, ?) "
                                     "ON CONFLICT (assessment_id, change_id) DO UPDATE SET kind = excluded.kind, "
                                     "reason = excluded.reason");
        up.bind(1, id);
        up.bind(2, override_.change);
        up.bind(3, toString(override_.kind));
        up.bind(4, override_.reason);
        up.exec();
        const std::string to = overrideText(override_.kind, override_.reason);
        if (from != to)
            t.log("override " + override_.change, from, to);
    });
}

Status Workspace::removeOverride(std::int64_t id, const std::string &changeId)
{
    return d->write(id, [&](WriteTxn &t) {
        t.change(changeId);
        SQLite::Statement q(t.db(), "SELECT kind, reason FROM overrides WHERE assessment_id = ? AND change_id = ?");
        q.bind(1, id);
        q.bind(2, changeId);
        if (!q.executeStep())
            return;
        const std::string from = overrideText(parseOverrideKind(q.getColumn(0).getString()).value_or(OverrideKind::Pin),
                                              q.getColumn(1).getString());
        q.reset();
        SQLite::Statement del(t.db(), "DELETE FROM overrides WHERE assessment_id = ? AND change_id = ?");
        del.bind(1, id);
        del.bind(2, changeId);
        del.exec();
        t.log("override " + changeId, from, "");
    });
}

}  // namespace hicm::storage
