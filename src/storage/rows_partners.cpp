// The writers of partners and partner_levels rows (rows.h): the only SQL that writes them.
#include "rows.h"

namespace hicm::storage::rows {

std::int64_t insertPartner(WriteTxn &t, const Partner &p, bool keepId)
{
    SQLite::Statement ins(t.db(), keepId ? "INSERT INTO partners (id, assessment_id, organisation, type, contact) "
                                           "VALUES (?5, ?1, ?2, ?3, ?4)"
                                         : "INSERT INTO partners (assessment_id, organisation, type, contact) "
                                           "VALUES (?1, ?2, ?3, ?4)");
    ins.bind(1, t.assessmentId());
    ins.bind(2, p.organisation);
    ins.bind(3, toString(p.type));
    ins.bind(4, p.contact);
    if (keepId)
        ins.bind(5, p.id);
    ins.exec();
    return t.db().getLastInsertRowid();
}

void updatePartner(WriteTxn &t, const Partner &p)
{
    SQLite::Statement up(t.db(), "UPDATE partners SET organisation = ?, type = ?, contact = ? WHERE id = ?");
    up.bind(1, p.organisation);
    up.bind(2, toString(p.type));
    up.bind(3, p.contact);
    up.bind(4, p.id);
    up.exec();
}

std::string partnerType(WriteTxn &t, std::int64_t partnerId)
{
    SQLite::Statement q(t.db(), "SELECT type FROM partners WHERE id = ?");
    q.bind(1, partnerId);
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

void deletePartner(WriteTxn &t, std::int64_t partnerId)
{
    SQLite::Statement del(t.db(), "DELETE FROM partners WHERE id = ?");  // cascades to their levels
    del.bind(1, partnerId);
    del.exec();
}

void insertPartnerLevel(WriteTxn &t, std::int64_t partnerId, const std::string &featureId, const PartnerLevel &pl)
{
    SQLite::Statement ins(t.db(), "INSERT INTO partner_levels (partner_id, feature_id, level, note) VALUES (?, ?, ?, ?)");
    ins.bind(1, partnerId);
    ins.bind(2, featureId);
    ins.bind(3, pl.level);
    ins.bind(4, pl.note);
    ins.exec();
}

int writePartnerLevel(WriteTxn &t, const std::string &featureId, std::int64_t partnerId, const std::string &organisation,
                      std::optional<int> level, std::optional<std::string> note)
{
    if (level)
        t.checkLevel(*level);
    SQLite::Statement q(t.db(), "SELECT level, note FROM partner_levels WHERE partner_id = ? AND feature_id = ?");
    q.bind(1, partnerId);
    q.bind(2, featureId);
    std::optional<int> oldLevel;
    std::string oldNote;
    if (q.executeStep()) {
        oldLevel = q.getColumn(0).getInt();
        oldNote = q.getColumn(1).getString();
    }
    q.reset();
    const std::string newNote = level ? note.value_or(oldNote) : std::string();  // the note goes with the level
    if (oldLevel == level && oldNote == newNote)
        return 0;
    if (level) {
        SQLite::Statement up(t.db(), "INSERT INTO partner_levels (partner_id, feature_id, level, note) VALUES (?, ?, ?, ?) "
                                     "ON CONFLICT (partner_id, feature_id) DO UPDATE SET level = excluded.level, "
                                     "note = excluded.note");
        up.bind(1, partnerId);
        up.bind(2, featureId);
        up.bind(3, *level);
        up.bind(4, newNote);
        up.exec();
    } else {
        SQLite::Statement del(t.db(), "DELETE FROM partner_levels WHERE partner_id = ? AND feature_id = ?");
        del.bind(1, partnerId);
        del.bind(2, featureId);
        del.exec();
    }
    int changes = 0;
    if (oldLevel != level) {
        t.log("partner level " + featureId + " " + organisation, levelText(oldLevel), levelText(level));
        ++changes;
    }
    if (oldNote != newNote) {
        t.logTyping("partner note " + featureId + " " + organisation, oldNote, newNote);
        ++changes;
    }
    return changes;
}

}  // namespace hicm::storage::rows
