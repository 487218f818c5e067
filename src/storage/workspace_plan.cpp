// Edits to metrics, planned targeted actions, the action plan and overrides.
#include "framework_lists.h"
#include "rows.h"

#include <string_view>

namespace hicm::storage {

namespace {

using Kind = StorageError::Kind;

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

}  // namespace

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
        const std::string from = rows::metricText(t, metric.metricId).value_or("");
        const std::string oldName = rows::metricName(t, metric.metricId);
        rows::writeMetric(t, featureId, metric, rows::MetricWrite::Upsert);
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
        const auto from = rows::metricText(t, metricId);
        if (!from)
            return;
        rows::deleteMetric(t, metricId);
        t.log("metric " + metricId, *from, "");
    });
}

Status Workspace::setPlannedAction(std::int64_t id, const std::string &featureId, const std::string &actionId, bool planned)
{
    return d->write(id, [&](WriteTxn &t) {
        const Feature &f = t.feature(featureId);
        if (!f.action(actionId))
            refuse(Kind::InvalidInput, "unknown targeted action \"" + actionId + "\" for feature " + featureId +
                                           " (its targeted actions are: " + targetedActionList(f) + ")");
        if (rows::setPlanned(t, featureId, actionId, planned))
            t.log("planned action " + actionId, planned ? "no" : "yes", planned ? "yes" : "no");
    });
}

Result<std::int64_t> Workspace::addAction(std::int64_t id, const Action &action)
{
    std::int64_t newId = 0;
    auto status = d->write(id, [&](WriteTxn &t) {
        t.framework();
        checkActionFields(t, action);
        Action row = action;
        row.carriedFrom.reset();  // a new action continues none of the previous assessment's
        newId = rows::insertAction(t, row);
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
        const Action old = rows::storedAction(t, action.id);
        checkActionFields(t, action);
        rows::updateAction(t, action);
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
        const Action old = rows::storedAction(t, actionId);
        if (old.status == status)
            return;
        rows::setActionStatus(t, actionId, status);
        t.log("action " + std::to_string(actionId) + " status", toString(old.status), toString(status));
    });
}

Status Workspace::removeAction(std::int64_t id, std::int64_t actionId)
{
    return d->write(id, [&](WriteTxn &t) {
        t.framework();
        const Action old = rows::storedAction(t, actionId);
        rows::deleteAction(t, actionId);
        t.log("action " + std::to_string(actionId) + " removed", old.text, "");
    });
}

Status Workspace::setOverride(std::int64_t id, const Override &override_)
{
    return d->write(id, [&](WriteTxn &t) {
        t.change(override_.change);
        const std::string from = rows::overrideText(t, override_.change).value_or("");
        rows::writeOverride(t, override_, rows::OverrideWrite::Upsert);
        const std::string to = rows::overrideText(override_.kind, override_.reason);
        if (from != to)
            t.log("override " + override_.change, from, to);
    });
}

Status Workspace::removeOverride(std::int64_t id, const std::string &changeId)
{
    return d->write(id, [&](WriteTxn &t) {
        t.change(changeId);
        const auto from = rows::overrideText(t, changeId);
        if (!from)
            return;
        rows::deleteOverride(t, changeId);
        t.log("override " + changeId, *from, "");
    });
}

}  // namespace hicm::storage
