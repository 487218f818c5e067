// The writers of a feature's metric_values and planned_actions rows (rows.h): the only SQL that writes them.
#include "rows.h"

namespace hicm::storage::rows {

void writeMetric(WriteTxn &t, const std::string &featureId, const MetricValue &m, MetricWrite how)
{
    const char *sql = nullptr;
    switch (how) {
    case MetricWrite::Insert:
        sql = "INSERT INTO metric_values (assessment_id, feature_id, metric_id, value, unit, period, source, name) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
        break;
    case MetricWrite::Upsert:
        sql = "INSERT INTO metric_values (assessment_id, feature_id, metric_id, value, unit, period, source, name) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (assessment_id, metric_id) DO UPDATE SET "
              "value = excluded.value, unit = excluded.unit, period = excluded.period, source = excluded.source, "
              "name = excluded.name";
        break;
    case MetricWrite::UpsertKeepName:
        sql = "INSERT INTO metric_values (assessment_id, feature_id, metric_id, value, unit, period, source) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (assessment_id, metric_id) DO UPDATE SET "
              "value = excluded.value, unit = excluded.unit, period = excluded.period, source = excluded.source";
        break;
    }
    SQLite::Statement up(t.db(), sql);
    up.bind(1, t.assessmentId());
    up.bind(2, featureId);
    up.bind(3, m.metricId);
    up.bind(4, m.value);
    up.bind(5, m.unit);
    up.bind(6, m.period);
    up.bind(7, m.source);
    if (how != MetricWrite::UpsertKeepName)
        up.bind(8, m.name);
    up.exec();
}

std::optional<std::string> metricText(WriteTxn &t, const std::string &metricId)
{
    SQLite::Statement q(t.db(), "SELECT value, unit, period, source FROM metric_values "
                                "WHERE assessment_id = ? AND metric_id = ?");
    q.bind(1, t.assessmentId());
    q.bind(2, metricId);
    if (!q.executeStep())
        return std::nullopt;
    return metricValueText({metricId, q.getColumn(0).getString(), q.getColumn(1).getString(),
                            q.getColumn(2).getString(), q.getColumn(3).getString()});
}

std::string metricName(WriteTxn &t, const std::string &metricId)
{
    SQLite::Statement q(t.db(), "SELECT name FROM metric_values WHERE assessment_id = ? AND metric_id = ?");
    q.bind(1, t.assessmentId());
    q.bind(2, metricId);
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

void deleteMetric(WriteTxn &t, const std::string &metricId)
{
    SQLite::Statement del(t.db(), "DELETE FROM metric_values WHERE assessment_id = ? AND metric_id = ?");
    del.bind(1, t.assessmentId());
    del.bind(2, metricId);
    del.exec();
}

bool setPlanned(WriteTxn &t, const std::string &featureId, const std::string &actionId, bool planned)
{
    SQLite::Statement change(t.db(), planned ? "INSERT INTO planned_actions (assessment_id, feature_id, action_id) "
                                               "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                                             : "DELETE FROM planned_actions WHERE assessment_id = ? AND "
                                               "feature_id = ? AND action_id = ?");
    change.bind(1, t.assessmentId());
    change.bind(2, featureId);
    change.bind(3, actionId);
    return change.exec() > 0;
}

void insertPlanned(WriteTxn &t, const std::string &featureId, const std::string &actionId)
{
    SQLite::Statement ins(t.db(), "INSERT INTO planned_actions (assessment_id, feature_id, action_id) VALUES (?, ?, ?)");
    ins.bind(1, t.assessmentId());
    ins.bind(2, featureId);
    ins.bind(3, actionId);
    ins.exec();
}

}  // namespace hicm::storage::rows
