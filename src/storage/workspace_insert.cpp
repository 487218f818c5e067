// Whole-assessment and whole-row inserts: undoing a deletion (the same ids come back), starting a
// reassessment, and importing an exchange file. Each is one transaction: all of it, or nothing.
#include "assessment_json.h"
#include "framework_loader.h"
#include "reassessment.h"
#include "rows.h"
#include "workspace_undo.h"

namespace hicm::storage {

namespace {

using Kind = StorageError::Kind;

void bindOptional(SQLite::Statement &s, int index, const std::optional<int> &v)
{
    if (v)
        s.bind(index, *v);
    else
        s.bind(index);
}

void insertFeature(WriteTxn &t, const FeatureAssessment &f, const std::map<std::string, std::int64_t> &partnerIds)
{
    SQLite::Statement ins(t.db(), "INSERT INTO feature_scores (assessment_id, feature_id, agreed_level, rationale, "
                                  "target_level, confidence, weight, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, t.assessmentId());
    ins.bind(2, f.featureId);
    bindOptional(ins, 3, f.agreedLevel);
    ins.bind(4, f.rationale);
    bindOptional(ins, 5, f.targetLevel);
    ins.bind(6, toString(f.confidence));
    ins.bind(7, f.weight);
    ins.bind(8, f.evidence);
    ins.exec();
    for (const auto &pl : f.partnerLevels)
        rows::insertPartnerLevel(t, partnerIds.at(pl.partner), f.featureId, pl);
    for (const auto &m : f.metrics)
        rows::writeMetric(t, f.featureId, m, rows::MetricWrite::Insert);
    for (const auto &a : f.plannedActions)
        rows::insertPlanned(t, f.featureId, a);
}

}  // namespace

Result<std::int64_t> Workspace::reassess(std::int64_t previousId, const std::string &date, const std::string &title)
{
    auto previous = loadAssessment(previousId);
    if (!previous)
        return previous.error();
    auto json = frameworkJson(previousId);
    if (!json)
        return json.error();
    return insertAssessment(planReassessment(*previous, date, title), *json, false);
}

Result<std::int64_t> Workspace::insertAssessment(const Assessment &a, const std::string &frameworkJson, bool keepIds)
{
    if (!hasText(a.area))
        return d->error(Kind::InvalidInput, "an assessment needs an area or system name");
    if (!a.date.empty() && !isIsoDate(a.date))
        return d->error(Kind::InvalidInput, "the date \"" + a.date + "\" is not a date written YYYY-MM-DD");
    auto parsed = parseFramework(frameworkJson, "framework");
    if (!parsed.ok())
        return d->error(Kind::InvalidInput, "the framework does not load: " + formatProblems(parsed.problems));
    const Framework &fw = *parsed.framework;
    std::vector<Problem> problems;
    if (!checkAssessmentAgainstFramework(a, fw, "assessment", problems))
        return d->error(Kind::InvalidInput, formatProblems(problems));
    for (const auto &p : a.partners)
        if (!hasText(p.organisation))
            return d->error(Kind::InvalidInput, "a partner needs an organisation name");

    std::int64_t newId = 0;
    auto status = d->write(0, [&](WriteTxn &t) {
        storeFramework(t, fw, frameworkJson);
        if (keepIds) {
            SQLite::Statement taken(t.db(), "SELECT 1 FROM assessments WHERE id = ?");
            taken.bind(1, a.id);
            if (taken.executeStep())
                refuse(Kind::InvalidInput, "assessment " + std::to_string(a.id) + " already exists");
        }
        SQLite::Statement ins(t.db(), keepIds ? "INSERT INTO assessments (id, area, title, date, facilitator, status, created, "
                                                "updated, framework_hash, previous_id) VALUES (?10, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                                              : "INSERT INTO assessments (area, title, date, facilitator, status, created, "
                                                "updated, framework_hash, previous_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        ins.bind(1, a.area);
        ins.bind(2, a.title);
        ins.bind(3, a.date);
        ins.bind(4, a.facilitator);
        ins.bind(5, toString(a.status));
        ins.bind(6, a.created.empty() ? t.when() : a.created);
        ins.bind(7, t.when());
        ins.bind(8, fw.contentHash);
        bool previousExists = false;
        if (a.previousId) {
            SQLite::Statement prev(t.db(), "SELECT 1 FROM assessments WHERE id = ?");
            prev.bind(1, *a.previousId);
            previousExists = prev.executeStep();
        }
        if (previousExists)
            ins.bind(9, *a.previousId);
        else
            ins.bind(9);
        if (keepIds)
            ins.bind(10, a.id);
        ins.exec();
        newId = t.db().getLastInsertRowid();
        t.setAssessmentId(newId);
        t.log(keepIds ? "assessment restored" : "assessment created", "", a.area);
        std::map<std::string, std::int64_t> partnerIds;
        for (const auto &p : a.partners)
            partnerIds[p.organisation] = rows::insertPartner(t, p, keepIds && p.id > 0);
        for (const auto &f : a.features)
            insertFeature(t, f, partnerIds);
        for (const auto &ac : a.actions) {
            // An action continues one of the previous assessment's, or none: a link to anything else (an
            // id from another laptop's workspace, in an imported file) is not kept.
            Action row = ac;
            if (row.carriedFrom) {
                SQLite::Statement from(t.db(), "SELECT 1 FROM actions WHERE id = ? AND assessment_id = ?");
                from.bind(1, *row.carriedFrom);
                from.bind(2, previousExists ? *a.previousId : std::int64_t{-1});
                if (!from.executeStep())
                    row.carriedFrom.reset();
            }
            rows::insertAction(t, row, keepIds && ac.id > 0);
        }
        for (const auto &o : a.overrides)
            rows::writeOverride(t, o, rows::OverrideWrite::Insert);
    });
    if (!status)
        return status.error();
    return newId;
}

Status UndoWrites::restorePartner(Workspace &ws, std::int64_t id, const Partner &partner,
                                  const std::vector<std::pair<std::string, PartnerLevel>> &levels)
{
    return ws.d->write(id, [&](WriteTxn &t) {
        t.framework();
        SQLite::Statement taken(t.db(), "SELECT 1 FROM partners WHERE assessment_id = ? AND (id = ? OR organisation = ?)");
        taken.bind(1, id);
        taken.bind(2, partner.id);
        taken.bind(3, partner.organisation);
        if (taken.executeStep())
            refuse(Kind::InvalidInput, "assessment " + std::to_string(id) + " already has this partner (\"" +
                                           partner.organisation + "\")");
        const std::int64_t pid = rows::insertPartner(t, partner, partner.id > 0);
        for (const auto &[featureId, pl] : levels) {
            t.feature(featureId);
            t.checkLevel(pl.level);
            rows::insertPartnerLevel(t, pid, featureId, pl);
        }
        t.log("partner restored", "", partner.organisation + " (" + toString(partner.type) + ")");
    });
}

Status UndoWrites::restoreAction(Workspace &ws, std::int64_t id, const Action &action)
{
    return ws.d->write(id, [&](WriteTxn &t) {
        t.framework();
        if (!hasText(action.text))
            refuse(Kind::InvalidInput, "an action needs a text");
        SQLite::Statement taken(t.db(), "SELECT 1 FROM actions WHERE id = ?");
        taken.bind(1, action.id);
        if (taken.executeStep())
            refuse(Kind::InvalidInput, "action " + std::to_string(action.id) + " already exists");
        const std::int64_t restored = rows::insertAction(t, action, action.id > 0);
        t.log("action " + std::to_string(restored) + " restored", "", action.text);
    });
}

}  // namespace hicm::storage
