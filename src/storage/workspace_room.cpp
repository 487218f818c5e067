// The live room's own state (src/room, docs/room.md): one JSON text per assessment in room_state
// (schema v5). Not part of the assessment: never logged, exported or compared.
#include "rows.h"

#include <SQLiteCpp/Statement.h>

namespace hicm::storage {

Result<std::string> Workspace::roomState(std::int64_t id)
{
    std::string state;
    auto status = d->read([&] {
        d->frameworkHashOf(id);  // refuses with "no assessment N"
        if (!d->db->tableExists("room_state"))  // an older workspace opened read-only: no room yet
            return;
        SQLite::Statement q(*d->db, "SELECT state FROM room_state WHERE assessment_id = ?");
        q.bind(1, id);
        if (q.executeStep())
            state = q.getColumn(0).getString();
    });
    if (!status)
        return status.error();
    return state;
}

Status Workspace::setRoomState(std::int64_t id, const std::string &state)
{
    // evenIfFinal: a final assessment refuses votes, but the room may still be opened and closed on it.
    return d->write(
        id,
        [&](WriteTxn &t) {
            d->frameworkHashOf(id);
            SQLite::Statement up(t.db(), "INSERT INTO room_state (assessment_id, state, updated) VALUES (?, ?, ?) "
                                         "ON CONFLICT (assessment_id) DO UPDATE SET state = excluded.state, "
                                         "updated = excluded.updated");
            up.bind(1, id);
            up.bind(2, state);
            up.bind(3, t.when());
            up.exec();
        },
        true);
}

Status Workspace::setPartnerLevelsFromRoom(std::int64_t id, const std::string &featureId,
                                           const std::vector<std::pair<std::int64_t, std::optional<int>>> &levels)
{
    return d->write(id, [&](WriteTxn &t) {
        t.feature(featureId);
        t.ensureFeatureRow(featureId);
        // The organisation in the log row is followed by " (room)": the change log says where it came from.
        for (const auto &[partnerId, level] : levels)
            rows::writePartnerLevel(t, featureId, partnerId, t.partnerName(partnerId) + " (room)", level, std::nullopt);
    });
}

}  // namespace hicm::storage
