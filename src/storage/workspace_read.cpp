// Reading assessments, summaries, frameworks and the change log; each in one read transaction.
#include "workspace_impl.h"

#include <algorithm>

namespace hicm::storage {

namespace {

// Position of `id` in the framework's list (for ordering stored rows as the framework lists them).
template <typename T>
std::size_t indexOf(const std::vector<T> &items, const std::string &id)
{
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id)
            return i;
    return items.size();
}

std::optional<int> optionalInt(const SQLite::Column &c)
{
    return c.isNull() ? std::nullopt : std::optional<int>(c.getInt());
}

void readFeatures(SQLite::Database &db, const Framework &fw, Assessment &a)
{
    for (const auto &f : fw.features) {
        FeatureAssessment fa;
        fa.featureId = f.id;
        a.features.push_back(std::move(fa));
    }
    auto featureFor = [&](const std::string &id) -> FeatureAssessment & {
        if (FeatureAssessment *fa = a.feature(id))
            return *fa;
        FeatureAssessment fa;  // a feature the framework no longer lists: kept, never dropped
        fa.featureId = id;
        a.features.push_back(std::move(fa));
        return a.features.back();
    };
    SQLite::Statement scores(db, "SELECT feature_id, agreed_level, rationale, target_level, confidence, weight, "
                                 "evidence FROM feature_scores WHERE assessment_id = ?");
    scores.bind(1, a.id);
    while (scores.executeStep()) {
        FeatureAssessment &fa = featureFor(scores.getColumn(0).getString());
        fa.agreedLevel = optionalInt(scores.getColumn(1));
        fa.rationale = scores.getColumn(2).getString();
        fa.targetLevel = optionalInt(scores.getColumn(3));
        fa.confidence = parseConfidence(scores.getColumn(4).getString()).value_or(Confidence::Unset);
        fa.weight = scores.getColumn(5).getInt();
        fa.evidence = scores.getColumn(6).getString();
    }
    SQLite::Statement levels(db, "SELECT pl.feature_id, p.organisation, pl.level, pl.note FROM partner_levels pl "
                                 "JOIN partners p ON p.id = pl.partner_id WHERE p.assessment_id = ? ORDER BY p.id");
    levels.bind(1, a.id);
    while (levels.executeStep())
        featureFor(levels.getColumn(0).getString())
            .partnerLevels.push_back(
                {levels.getColumn(1).getString(), levels.getColumn(2).getInt(), levels.getColumn(3).getString()});
    SQLite::Statement metrics(db, "SELECT feature_id, metric_id, value, unit, period, source, name FROM metric_values "
                                  "WHERE assessment_id = ? ORDER BY rowid");
    metrics.bind(1, a.id);
    while (metrics.executeStep())
        featureFor(metrics.getColumn(0).getString())
            .metrics.push_back({metrics.getColumn(1).getString(), metrics.getColumn(2).getString(),
                                metrics.getColumn(3).getString(), metrics.getColumn(4).getString(),
                                metrics.getColumn(5).getString(), metrics.getColumn(6).getString()});
    SQLite::Statement planned(db, "SELECT feature_id, action_id FROM planned_actions WHERE assessment_id = ? "
                                  "ORDER BY rowid");
    planned.bind(1, a.id);
    while (planned.executeStep())
        featureFor(planned.getColumn(0).getString()).plannedActions.push_back(planned.getColumn(1).getString());
    for (auto &fa : a.features)
        if (const Feature *f = fw.feature(fa.featureId))
            sortInFrameworkOrder(fa, *f);
}

}  // namespace

Result<Assessment> Workspace::loadAssessment(std::int64_t id)
{
    Assessment a;
    auto status = d->read([&] {
        SQLite::Statement q(*d->db, "SELECT a.area, a.title, a.date, a.facilitator, a.status, a.created, a.updated, "
                                    "a.framework_hash, a.previous_id, f.title, f.edition FROM assessments a "
                                    "JOIN frameworks f ON f.hash = a.framework_hash WHERE a.id = ?");
        q.bind(1, id);
        if (!q.executeStep())
            refuse(StorageError::Kind::NotFound, "there is no assessment " + std::to_string(id) + " in this workspace");
        a.id = id;
        a.area = q.getColumn(0).getString();
        a.title = q.getColumn(1).getString();
        a.date = q.getColumn(2).getString();
        a.facilitator = q.getColumn(3).getString();
        a.status = parseAssessmentStatus(q.getColumn(4).getString()).value_or(AssessmentStatus::Draft);
        a.created = q.getColumn(5).getString();
        a.updated = q.getColumn(6).getString();
        a.frameworkHash = q.getColumn(7).getString();
        if (!q.getColumn(8).isNull())
            a.previousId = q.getColumn(8).getInt64();
        a.frameworkTitle = q.getColumn(9).getString();
        a.frameworkEdition = q.getColumn(10).getString();
        auto fw = d->frameworkByHash(a.frameworkHash);

        SQLite::Statement partners(*d->db, "SELECT id, organisation, type, contact FROM partners "
                                           "WHERE assessment_id = ? ORDER BY id");
        partners.bind(1, id);
        while (partners.executeStep())
            a.partners.push_back({partners.getColumn(0).getInt64(), partners.getColumn(1).getString(),
                                  parseOrgType(partners.getColumn(2).getString()).value_or(OrgType::Other),
                                  partners.getColumn(3).getString()});
        readFeatures(*d->db, *fw, a);

        SQLite::Statement actions(*d->db, "SELECT id, text, change_id, feature_id, owner, due, status, notes, carried_from "
                                          "FROM actions WHERE assessment_id = ? ORDER BY id");
        actions.bind(1, id);
        while (actions.executeStep()) {
            Action act;
            act.id = actions.getColumn(0).getInt64();
            act.text = actions.getColumn(1).getString();
            act.change = actions.getColumn(2).getString();
            act.feature = actions.getColumn(3).getString();
            act.owner = actions.getColumn(4).getString();
            act.due = actions.getColumn(5).getString();
            act.status = parseActionStatus(actions.getColumn(6).getString()).value_or(ActionStatus::NotStarted);
            act.notes = actions.getColumn(7).getString();
            if (!actions.getColumn(8).isNull())
                act.carriedFrom = actions.getColumn(8).getInt64();
            a.actions.push_back(std::move(act));
        }
        SQLite::Statement overrides(*d->db, "SELECT change_id, kind, reason FROM overrides WHERE assessment_id = ?");
        overrides.bind(1, id);
        while (overrides.executeStep())
            a.overrides.push_back({overrides.getColumn(0).getString(),
                                   parseOverrideKind(overrides.getColumn(1).getString()).value_or(OverrideKind::Pin),
                                   overrides.getColumn(2).getString()});
        std::stable_sort(a.overrides.begin(), a.overrides.end(), [&](const Override &x, const Override &y) {
            return indexOf(fw->changes, x.change) < indexOf(fw->changes, y.change);
        });
    });
    if (!status)
        return status.error();
    return a;
}

Result<std::vector<AssessmentSummary>> Workspace::listAssessments()
{
    std::vector<AssessmentSummary> out;
    auto status = d->read([&] {
        SQLite::Statement q(*d->db, "SELECT a.id, a.area, a.title, a.date, a.status, a.updated, f.title, f.edition, "
                                    "a.framework_hash FROM assessments a JOIN frameworks f ON f.hash = a.framework_hash "
                                    "ORDER BY a.date, a.id");
        SQLite::Statement levels(*d->db, "SELECT feature_id, agreed_level FROM feature_scores "
                                         "WHERE assessment_id = ? AND agreed_level IS NOT NULL");
        while (q.executeStep()) {
            AssessmentSummary s;
            s.id = q.getColumn(0).getInt64();
            s.area = q.getColumn(1).getString();
            s.title = q.getColumn(2).getString();
            s.date = q.getColumn(3).getString();
            s.status = parseAssessmentStatus(q.getColumn(4).getString()).value_or(AssessmentStatus::Draft);
            s.updated = q.getColumn(5).getString();
            s.frameworkTitle = q.getColumn(6).getString();
            s.frameworkEdition = q.getColumn(7).getString();
            auto fw = d->frameworkByHash(q.getColumn(8).getString());
            for (const auto &f : fw->features)
                s.levels.emplace_back(f.id, std::nullopt);
            s.featureCount = static_cast<int>(fw->features.size());
            levels.reset();
            levels.bind(1, s.id);
            while (levels.executeStep()) {
                const std::string feature = levels.getColumn(0).getString();
                for (auto &[fid, level] : s.levels)
                    if (fid == feature)
                        level = levels.getColumn(1).getInt();
            }
            s.agreedCount = static_cast<int>(std::count_if(s.levels.begin(), s.levels.end(),
                                                           [](const auto &l) { return l.second.has_value(); }));
            out.push_back(std::move(s));
        }
    });
    if (!status)
        return status.error();
    return out;
}

Result<std::shared_ptr<const Framework>> Workspace::framework(std::int64_t assessmentId)
{
    std::shared_ptr<const Framework> fw;
    auto status = d->read([&] { fw = d->frameworkByHash(d->frameworkHashOf(assessmentId)); });
    if (!status)
        return status.error();
    return fw;
}

void Workspace::shareFramework(std::shared_ptr<const Framework> framework)
{
    if (framework && !framework->contentHash.empty())
        d->frameworks.emplace(framework->contentHash, std::move(framework));
}

Result<std::string> Workspace::frameworkJson(std::int64_t assessmentId)
{
    std::string json;
    auto status = d->read([&] {
        const std::string hash = d->frameworkHashOf(assessmentId);
        SQLite::Statement q(*d->db, "SELECT json FROM frameworks WHERE hash = ?");
        q.bind(1, hash);
        if (q.executeStep())
            json = q.getColumn(0).getString();
    });
    if (!status)
        return status.error();
    return json;
}

Result<std::vector<LogEntry>> Workspace::changeLog(std::int64_t assessmentId)
{
    std::vector<LogEntry> out;
    auto status = d->read([&] {
        SQLite::Statement q(*d->db, "SELECT id, at, what, from_value, to_value FROM change_log "
                                    "WHERE assessment_id = ? ORDER BY id");
        q.bind(1, assessmentId);
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                           q.getColumn(3).getString(), q.getColumn(4).getString()});
        if (out.empty())
            d->frameworkHashOf(assessmentId);  // refuses with "no assessment N"
    });
    if (!status)
        return status.error();
    return out;
}

}  // namespace hicm::storage
