// The live room's VoteStore in the app (docs/room.md): votes go through the open assessment's document
// layer as typed edits (document::RoomVotes), so that a phone's vote is stored, logged as the room's
// ("ORG (room)") and shown by every open view exactly as an edit typed in the app is. Room votes are not
// on the facilitator's undo stack: they are the partners' own (the facilitator corrects one by keyboard,
// which is undoable like any edit).
#pragma once

#include "votestore.h"

#include <QPointer>

namespace hicm::gui {

class Session;

class DocumentVoteStore : public room::VoteStore {
public:
    // For the assessment open in `session` now (`assessmentId`); refuses once another is open.
    DocumentVoteStore(Session &session, std::int64_t assessmentId);

    storage::Result<std::map<std::int64_t, int>> levels(const std::string &featureId) override;
    storage::Status recordVotes(const std::string &featureId, const Votes &votes) override;
    storage::Result<std::string> loadRoomState() override;
    storage::Status saveRoomState(const std::string &state) override;
    // True while votes are being applied (the views are told of them then): the room knows them already.
    bool recording() const { return m_recording; }

private:
    // The open assessment's document when it is still the room's; null otherwise.
    bool stillOpen() const;
    storage::StorageError notOpen() const;

    QPointer<Session> m_session;  // null once the session is gone: every call is refused then
    std::int64_t m_id;
    bool m_recording = false;
};

}  // namespace hicm::gui
