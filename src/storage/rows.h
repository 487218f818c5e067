// Internal to hicm_storage (not part of workspace.h): one writer per kind of row. Every edit
// (workspace_edit.cpp, workspace_plan.cpp), whole-assessment insert (workspace_insert.cpp) and merge
// (workspace_merge.cpp) writes partners, partner levels, metric values, actions, planned actions and
// overrides through these and through nothing else. Each runs inside a WriteTxn on its assessment and
// writes its rows only: the caller checks the values against the framework and writes the change-log
// rows (except writePartnerLevel, which every caller logs the same way).
#pragma once

#include "workspace_impl.h"

#include <cstdint>
#include <optional>
#include <string>

namespace hicm::storage::rows {

// partners: a new partner of the transaction's assessment; with `keepId`, under `p.id` (an undone
// deletion). Returns its id.
std::int64_t insertPartner(WriteTxn &t, const Partner &p, bool keepId = false);
void updatePartner(WriteTxn &t, const Partner &p);  // p.id says which
// The stored type of a partner (as text); "" when there is no such partner.
std::string partnerType(WriteTxn &t, std::int64_t partnerId);
// Removes a partner; their levels go with them (ON DELETE CASCADE).
void deletePartner(WriteTxn &t, std::int64_t partnerId);

// partner_levels: a level of a partner who has none for this feature yet (a new or restored partner).
void insertPartnerLevel(WriteTxn &t, std::int64_t partnerId, const std::string &featureId, const PartnerLevel &pl);
// Sets one partner's level and note for a feature, or removes both when `level` is nullopt; `note`
// nullopt keeps the stored note. Writes a change-log row for each value that changes and returns how many
// (0 when nothing changed). Used by every edit, merge and undo of a merge. `organisation` names the partner
// in the log.
int writePartnerLevel(WriteTxn &t, const std::string &featureId, std::int64_t partnerId, const std::string &organisation,
                      std::optional<int> level, std::optional<std::string> note);

// metric_values. How a value is written: Insert a metric the assessment has no value for yet (a new
// assessment; a second value for one metric is refused), Upsert it with its name (an edit), or
// UpsertKeepName (a merge: the name stored, if any, stays).
enum class MetricWrite { Insert, Upsert, UpsertKeepName };
void writeMetric(WriteTxn &t, const std::string &featureId, const MetricValue &m, MetricWrite how);
// The stored value of a metric as the change log writes it (metricValueText); none when it has none.
std::optional<std::string> metricText(WriteTxn &t, const std::string &metricId);
// The stored name of a metric ("" when none).
std::string metricName(WriteTxn &t, const std::string &metricId);
void deleteMetric(WriteTxn &t, const std::string &metricId);

// planned_actions: a targeted action taken into the plan (true) or out of it; returns whether the row
// changed. insertPlanned is for a new assessment (a second copy is refused).
bool setPlanned(WriteTxn &t, const std::string &featureId, const std::string &actionId, bool planned);
void insertPlanned(WriteTxn &t, const std::string &featureId, const std::string &actionId);

// actions: a new action (carried_from kept only when set); with `keepId`, under `a.id`. Returns its id.
std::int64_t insertAction(WriteTxn &t, const Action &a, bool keepId = false);
// The stored action `actionId` of this assessment; refuses (NotFound) if there is none.
Action storedAction(WriteTxn &t, std::int64_t actionId);
void updateAction(WriteTxn &t, const Action &a);  // a.id says which; every field but carried_from
void setActionStatus(WriteTxn &t, std::int64_t actionId, ActionStatus status);
void deleteAction(WriteTxn &t, std::int64_t actionId);

// overrides: the stored decision on a change as the change log writes it ("pin: reason"); none when none.
std::optional<std::string> overrideText(WriteTxn &t, const std::string &changeId);
std::string overrideText(OverrideKind kind, const std::string &reason);
// Insert a decision on a change that has none yet (a new assessment), or Upsert it (an edit).
enum class OverrideWrite { Insert, Upsert };
void writeOverride(WriteTxn &t, const Override &o, OverrideWrite how);
void deleteOverride(WriteTxn &t, const std::string &changeId);

}  // namespace hicm::storage::rows
