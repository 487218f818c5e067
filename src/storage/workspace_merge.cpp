// Storing a merge of a partner's exchange file into a workshop's assessment (Workspace::applyMerge):
// one transaction, a change-log row for every value it changes, all of it or nothing.
#include "framework_lists.h"
#include "rows.h"
#include "workspace_undo.h"

#include <map>

namespace hicm::storage {

namespace {

using Kind = StorageError::Kind;

std::map<std::string, std::int64_t> partnerIds(WriteTxn &t)
{
    std::map<std::string, std::int64_t> ids;
    SQLite::Statement q(t.db(), "SELECT id, organisation FROM partners WHERE assessment_id = ?");
    q.bind(1, t.assessmentId());
    while (q.executeStep())
        ids[q.getColumn(1).getString()] = q.getColumn(0).getInt64();
    return ids;
}

int writePartners(WriteTxn &t, const Assessment &merged, std::map<std::string, std::int64_t> &ids)
{
    int changes = 0;
    for (const auto &p : merged.partners) {
        if (ids.count(p.organisation))
            continue;
        if (!hasText(p.organisation))
            refuse(Kind::InvalidInput, "a partner needs an organisation name");
        ids[p.organisation] = rows::insertPartner(t, p);
        t.log("partner added", "", p.organisation + " (" + toString(p.type) + ")");
        ++changes;
    }
    return changes;
}

int writeMetric(WriteTxn &t, const Feature &feature, const MetricValue &m)
{
    if (!feature.metric(m.metricId))
        refuse(Kind::InvalidInput, "unknown metric \"" + m.metricId + "\" for feature " + feature.id +
                                       " (its metrics are: " + metricList(feature) + ")");
    const std::optional<std::string> from = rows::metricText(t, m.metricId);
    if (from && *from == metricValueText(m))
        return 0;
    rows::writeMetric(t, feature.id, m, rows::MetricWrite::UpsertKeepName);
    t.log("metric " + m.metricId, from.value_or(""), metricValueText(m));
    return 1;
}

int writeEvidence(WriteTxn &t, const std::string &featureId, const std::string &evidence)
{
    t.ensureFeatureRow(featureId);
    SQLite::Statement q(t.db(), "SELECT evidence FROM feature_scores WHERE assessment_id = ? AND feature_id = ?");
    q.bind(1, t.assessmentId());
    q.bind(2, featureId);
    q.executeStep();
    const std::string old = q.getColumn(0).getString();
    q.reset();
    if (old == evidence)
        return 0;
    SQLite::Statement up(t.db(), "UPDATE feature_scores SET evidence = ? WHERE assessment_id = ? AND feature_id = ?");
    up.bind(1, evidence);
    up.bind(2, t.assessmentId());
    up.bind(3, featureId);
    up.exec();
    t.log("evidence " + featureId, old, evidence);
    return 1;
}

} // namespace

Status Workspace::applyMerge(std::int64_t id, const Assessment &merged, const std::string &source,
                             const std::string &expectedUpdated)
{
    return d->write(id, [&](WriteTxn &t) {
        t.framework(); // refuses an unknown assessment
        if (!expectedUpdated.empty()) {
            SQLite::Statement q(t.db(), "SELECT updated FROM assessments WHERE id = ?");
            q.bind(1, id);
            q.executeStep();
            const std::string updated = q.getColumn(0).getString();
            if (updated != expectedUpdated)
                refuse(Kind::InvalidInput, "assessment " + std::to_string(id) + " was changed at " + updated +
                                               ", after the merge was planned; nothing was merged (plan it again)");
        }
        auto ids = partnerIds(t);
        int changes = writePartners(t, merged, ids);
        for (const auto &f : merged.features) {
            const Feature &feature = t.feature(f.featureId);
            for (const auto &pl : f.partnerLevels) {
                auto it = ids.find(pl.partner);
                if (it == ids.end())
                    refuse(Kind::InvalidInput, "\"" + pl.partner + "\" is not a partner of assessment " +
                                                   std::to_string(id) + " or of the merge");
                changes += rows::writePartnerLevel(t, f.featureId, it->second, pl.partner, pl.level, pl.note);
            }
            for (const auto &m : f.metrics)
                changes += writeMetric(t, feature, m);
            if (hasText(f.evidence))
                changes += writeEvidence(t, f.featureId, f.evidence);
        }
        if (changes > 0)
            t.log("merged", "",
                  source.empty() ? std::to_string(changes) + " changes"
                                 : std::to_string(changes) + " changes from " + source);
    });
}

Status UndoWrites::undoMerge(Workspace &ws, std::int64_t id, const Assessment &before, const std::string &source)
{
    return ws.d->write(id, [&](WriteTxn &t) {
        t.framework(); // refuses an unknown assessment
        int changes = 0;
        auto ids = partnerIds(t);
        // Partners the merge added: removed, with their levels.
        for (auto it = ids.begin(); it != ids.end();) {
            if (before.partner(it->first)) {
                ++it;
                continue;
            }
            rows::deletePartner(t, it->second);  // their levels go with them
            t.log("partner removed", it->first, "");
            ++changes;
            it = ids.erase(it);
        }
        for (const auto &feature : t.framework().features) {
            const FeatureAssessment *fb = before.feature(feature.id);
            // Partner levels: as they were, or none where there was none.
            for (const auto &[organisation, partnerId] : ids) {
                const PartnerLevel *was = fb ? fb->partnerLevel(organisation) : nullptr;
                changes += was ? rows::writePartnerLevel(t, feature.id, partnerId, organisation, was->level, was->note)
                               : rows::writePartnerLevel(t, feature.id, partnerId, organisation, std::nullopt, std::nullopt);
            }
            // Metric values: as they were, or none where there was none.
            for (const auto &metric : feature.dataToUse) {
                const MetricValue *was = nullptr;
                if (fb)
                    for (const auto &m : fb->metrics)
                        if (m.metricId == metric.id)
                            was = &m;
                if (was) {
                    changes += writeMetric(t, feature, *was);
                    continue;
                }
                const auto old = rows::metricText(t, metric.id);
                if (!old)
                    continue;
                rows::deleteMetric(t, metric.id);
                t.log("metric " + metric.id, *old, "");
                ++changes;
            }
            const std::string evidence = fb ? fb->evidence : std::string();
            SQLite::Statement has(t.db(), "SELECT 1 FROM feature_scores WHERE assessment_id = ? AND feature_id = ?");
            has.bind(1, id);
            has.bind(2, feature.id);
            const bool scored = has.executeStep();
            has.reset();
            if (scored || !evidence.empty())
                changes += writeEvidence(t, feature.id, evidence);
        }
        if (changes > 0)
            t.log("merge undone", "",
                  source.empty() ? std::to_string(changes) + " changes"
                                 : std::to_string(changes) + " changes from " + source);
    });
}

} // namespace hicm::storage
