// Edits to an assessment's own fields, its partners and its features' scores. Each public method is
// one transaction that also appends its change-log rows.
#include "framework_loader.h"
#include "rows.h"

#include <string_view>

namespace hicm::storage {

namespace {

using Kind = StorageError::Kind;

std::string partnerText(const Partner &p)
{
    return p.organisation + " (" + toString(p.type) + ")";
}

const char *fieldColumn(AssessmentField field)
{
    switch (field) {
    case AssessmentField::Area: return "area";
    case AssessmentField::Title: return "title";
    case AssessmentField::Date: return "date";
    case AssessmentField::Facilitator: return "facilitator";
    }
    return "area";
}

void checkPartner(const Partner &p)
{
    if (!hasText(p.organisation))
        refuse(Kind::InvalidInput, "a partner needs an organisation name");
}

// Names that differ only in case or spacing ("North ICB", " north  icb ") are the same organisation.
void refuseDuplicatePartner(WriteTxn &t, const std::string &organisation, std::int64_t exceptId)
{
    SQLite::Statement q(t.db(), "SELECT organisation FROM partners WHERE assessment_id = ? AND id <> ?");
    q.bind(1, t.assessmentId());
    q.bind(2, exceptId);
    const std::string key = folded(organisation);
    while (q.executeStep()) {
        const std::string existing = q.getColumn(0).getString();
        if (folded(existing) == key)
            refuse(Kind::InvalidInput, "assessment " + std::to_string(t.assessmentId()) + " already has a partner named \"" +
                                           existing + "\"" + (existing == organisation ? "" : " (the same name as \"" +
                                           organisation + "\", ignoring case and spacing)"));
    }
}

std::int64_t insertPartner(WriteTxn &t, const Partner &p)
{
    checkPartner(p);
    refuseDuplicatePartner(t, p.organisation, 0);
    const std::int64_t id = rows::insertPartner(t, p);
    t.log("partner added", "", partnerText(p));
    return id;
}

// Updates one column of feature_scores when the value changes, with its log row.
template <typename Bind>
void updateScore(WriteTxn &t, const std::string &featureId, const char *column, const std::string &what,
                 const std::string &from, const std::string &to, Bind bindValue)
{
    if (from == to)
        return;
    SQLite::Statement up(t.db(), std::string("UPDATE feature_scores SET ") + column +
                                     " = ? WHERE assessment_id = ? AND feature_id = ?");
    bindValue(up);
    up.bind(2, t.assessmentId());
    up.bind(3, featureId);
    up.exec();
    const bool typed = std::string_view(column) == "rationale" || std::string_view(column) == "evidence";
    if (typed)
        t.logTyping(what + " " + featureId, from, to);
    else
        t.log(what + " " + featureId, from, to);
}

void bindLevel(SQLite::Statement &s, const std::optional<int> &level)
{
    if (level)
        s.bind(1, *level);
    else
        s.bind(1);
}

}  // namespace

void storeFramework(WriteTxn &t, const Framework &fw, const std::string &json)
{
    SQLite::Statement ins(t.db(), "INSERT INTO frameworks (hash, json, title, edition, added) VALUES (?, ?, ?, ?, ?) "
                                  "ON CONFLICT (hash) DO NOTHING");
    ins.bind(1, fw.contentHash);
    ins.bind(2, json);
    ins.bind(3, fw.meta.title);
    ins.bind(4, fw.meta.edition);
    ins.bind(5, t.when());
    ins.exec();
    // A copy stored before must be the same bytes: else an assessment stored against it would not open.
    SQLite::Statement q(t.db(), "SELECT json FROM frameworks WHERE hash = ?");
    q.bind(1, fw.contentHash);
    if (!q.executeStep() || q.getColumn(0).getString() != json)
        refuse(Kind::Corrupt, "the workspace's stored copy of the framework \"" + fw.meta.title + "\" (" +
                                  fw.meta.edition + ", " + fw.contentHash.substr(0, 12) +
                                  ") is damaged, so nothing was added; restore a backup of the workspace");
}

Result<std::int64_t> Workspace::createAssessment(const NewAssessment &fields, const std::string &frameworkJson)
{
    if (!hasText(fields.area))
        return d->error(Kind::InvalidInput, "an assessment needs an area or system name");
    if (!fields.date.empty() && !isIsoDate(fields.date))
        return d->error(Kind::InvalidInput, "the date \"" + fields.date + "\" is not a date written YYYY-MM-DD");
    auto parsed = parseFramework(frameworkJson, "framework");
    if (!parsed.ok())
        return d->error(Kind::InvalidInput, "the framework does not load: " + formatProblems(parsed.problems));
    const Framework &fw = *parsed.framework;
    std::int64_t newId = 0;
    auto status = d->write(0, [&](WriteTxn &t) {
        storeFramework(t, fw, frameworkJson);
        SQLite::Statement ins(t.db(), "INSERT INTO assessments (area, title, date, facilitator, status, created, updated, "
                                      "framework_hash, previous_id) VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?)");
        ins.bind(1, fields.area);
        ins.bind(2, fields.title);
        ins.bind(3, fields.date);
        ins.bind(4, fields.facilitator);
        ins.bind(5, t.when());
        ins.bind(6, t.when());
        ins.bind(7, fw.contentHash);
        if (fields.previousId) {
            d->frameworkHashOf(*fields.previousId);
            ins.bind(8, *fields.previousId);
        } else {
            ins.bind(8);
        }
        ins.exec();
        newId = t.db().getLastInsertRowid();
        t.setAssessmentId(newId);
        t.log("assessment created", "", fields.area);
        for (const auto &p : fields.partners)
            insertPartner(t, p);
    });
    if (!status)
        return status.error();
    return newId;
}

Status Workspace::setAssessmentField(std::int64_t id, AssessmentField field, const std::string &value)
{
    if (field == AssessmentField::Area && !hasText(value))
        return d->error(Kind::InvalidInput, "an assessment needs an area or system name");
    if (field == AssessmentField::Date && !value.empty() && !isIsoDate(value))
        return d->error(Kind::InvalidInput, "the date \"" + value + "\" is not a date written YYYY-MM-DD");
    return d->write(id, [&](WriteTxn &t) {
        const std::string column = fieldColumn(field);
        SQLite::Statement q(t.db(), "SELECT " + column + " FROM assessments WHERE id = ?");
        q.bind(1, id);
        t.framework();  // refuses an unknown assessment
        q.executeStep();
        const std::string old = q.getColumn(0).getString();
        if (old == value)
            return;
        SQLite::Statement up(t.db(), "UPDATE assessments SET " + column + " = ? WHERE id = ?");
        up.bind(1, value);
        up.bind(2, id);
        up.exec();
        t.log(column, old, value);
    });
}

Status Workspace::setStatus(std::int64_t id, AssessmentStatus status)
{
    return d->write(id, [&](WriteTxn &t) {
        t.framework();
        SQLite::Statement q(t.db(), "SELECT status FROM assessments WHERE id = ?");
        q.bind(1, id);
        q.executeStep();
        const std::string old = q.getColumn(0).getString();
        if (old == toString(status))
            return;
        SQLite::Statement up(t.db(), "UPDATE assessments SET status = ? WHERE id = ?");
        up.bind(1, toString(status));
        up.bind(2, id);
        up.exec();
        t.log("status", old, toString(status));
    }, true);
}

Status Workspace::setPreviousId(std::int64_t id, std::optional<std::int64_t> previousId)
{
    return d->write(id, [&](WriteTxn &t) {
        t.framework();
        if (previousId && *previousId == id)
            refuse(Kind::InvalidInput, "an assessment cannot be the reassessment of itself");
        if (previousId)
            d->frameworkHashOf(*previousId);
        SQLite::Statement q(t.db(), "SELECT previous_id FROM assessments WHERE id = ?");
        q.bind(1, id);
        q.executeStep();
        const std::string old = q.getColumn(0).isNull() ? "" : std::to_string(q.getColumn(0).getInt64());
        const std::string now = previousId ? std::to_string(*previousId) : "";
        if (old == now)
            return;
        SQLite::Statement up(t.db(), "UPDATE assessments SET previous_id = ? WHERE id = ?");
        if (previousId)
            up.bind(1, *previousId);
        else
            up.bind(1);
        up.bind(2, id);
        up.exec();
        t.log("previous assessment", old, now);
    });
}

Status Workspace::deleteAssessment(std::int64_t id)
{
    return d->write(id, [&](WriteTxn &t) {
        t.framework();
        SQLite::Statement q(t.db(), "SELECT area, title FROM assessments WHERE id = ?");
        q.bind(1, id);
        q.executeStep();
        const std::string title = q.getColumn(1).getString();
        t.log("assessment deleted", q.getColumn(0).getString() + (title.empty() ? "" : " \u2014 " + title), "");
        SQLite::Statement del(t.db(), "DELETE FROM assessments WHERE id = ?");
        del.bind(1, id);
        del.exec();
    }, true);
}

Result<std::int64_t> Workspace::addPartner(std::int64_t id, const Partner &partner)
{
    std::int64_t newId = 0;
    auto status = d->write(id, [&](WriteTxn &t) {
        t.framework();
        newId = insertPartner(t, partner);
    });
    if (!status)
        return status.error();
    return newId;
}

Status Workspace::updatePartner(std::int64_t id, const Partner &partner)
{
    return d->write(id, [&](WriteTxn &t) {
        t.framework();
        checkPartner(partner);
        const std::string oldName = t.partnerName(partner.id);
        refuseDuplicatePartner(t, partner.organisation, partner.id);
        SQLite::Statement q(t.db(), "SELECT type, contact FROM partners WHERE id = ?");
        q.bind(1, partner.id);
        q.executeStep();
        const std::string oldType = q.getColumn(0).getString(), oldContact = q.getColumn(1).getString();
        rows::updatePartner(t, partner);
        if (oldName != partner.organisation)
            t.log("partner name", oldName, partner.organisation);
        if (oldType != toString(partner.type))
            t.log("partner type " + partner.organisation, oldType, toString(partner.type));
        if (oldContact != partner.contact)
            t.log("partner contact " + partner.organisation, oldContact, partner.contact);
    });
}

Status Workspace::removePartner(std::int64_t id, std::int64_t partnerId)
{
    return d->write(id, [&](WriteTxn &t) {
        t.framework();
        const std::string name = t.partnerName(partnerId);
        const std::string type = rows::partnerType(t, partnerId);
        rows::deletePartner(t, partnerId);  // their levels go with them
        t.log("partner removed", name + " (" + type + ")", "");
    });
}

Status Workspace::updateFeature(std::int64_t id, const std::string &featureId, const FeatureEdit &edit)
{
    return d->write(id, [&](WriteTxn &t) {
        t.feature(featureId);
        if (edit.agreedLevel && edit.agreedLevel->has_value())
            t.checkLevel(**edit.agreedLevel);
        if (edit.targetLevel && edit.targetLevel->has_value())
            t.checkLevel(**edit.targetLevel);
        if (edit.weight && (*edit.weight < 1 || *edit.weight > 3))
            refuse(Kind::InvalidInput, "the weight must be 1, 2 or 3, not " + std::to_string(*edit.weight));
        t.ensureFeatureRow(featureId);
        SQLite::Statement q(t.db(), "SELECT agreed_level, rationale, target_level, confidence, weight, evidence "
                                    "FROM feature_scores WHERE assessment_id = ? AND feature_id = ?");
        q.bind(1, id);
        q.bind(2, featureId);
        q.executeStep();
        const auto level = [&](int col) {
            return q.getColumn(col).isNull() ? std::optional<int>() : std::optional<int>(q.getColumn(col).getInt());
        };
        const std::optional<int> agreed = level(0), target = level(2);
        const std::string rationale = q.getColumn(1).getString(), confidence = q.getColumn(3).getString();
        const int weight = q.getColumn(4).getInt();
        const std::string evidence = q.getColumn(5).getString();
        q.reset();
        if (edit.agreedLevel)
            updateScore(t, featureId, "agreed_level", "agreed level", levelText(agreed), levelText(*edit.agreedLevel),
                        [&](SQLite::Statement &s) { bindLevel(s, *edit.agreedLevel); });
        if (edit.rationale)
            updateScore(t, featureId, "rationale", "rationale", rationale, *edit.rationale,
                        [&](SQLite::Statement &s) { s.bind(1, *edit.rationale); });
        if (edit.targetLevel)
            updateScore(t, featureId, "target_level", "target level", levelText(target), levelText(*edit.targetLevel),
                        [&](SQLite::Statement &s) { bindLevel(s, *edit.targetLevel); });
        if (edit.confidence)
            updateScore(t, featureId, "confidence", "confidence", confidence, toString(*edit.confidence),
                        [&](SQLite::Statement &s) { s.bind(1, toString(*edit.confidence)); });
        if (edit.weight)
            updateScore(t, featureId, "weight", "weight", std::to_string(weight), std::to_string(*edit.weight),
                        [&](SQLite::Statement &s) { s.bind(1, *edit.weight); });
        if (edit.evidence)
            updateScore(t, featureId, "evidence", "evidence", evidence, *edit.evidence,
                        [&](SQLite::Statement &s) { s.bind(1, *edit.evidence); });
        for (const auto &pl : edit.partnerLevels)
            rows::writePartnerLevel(t, featureId, pl.partnerId, t.partnerName(pl.partnerId), pl.level, pl.note);
    });
}

}  // namespace hicm::storage
