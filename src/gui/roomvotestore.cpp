#include "roomvotestore.h"

#include "session.h"

namespace hicm::gui {

DocumentVoteStore::DocumentVoteStore(Session &session, std::int64_t assessmentId) : m_session(&session), m_id(assessmentId)
{
}

bool DocumentVoteStore::stillOpen() const
{
    return m_session && m_session->hasAssessment() && m_session->assessment().id == m_id;
}

storage::StorageError DocumentVoteStore::notOpen() const
{
    return storage::StorageError{storage::StorageError::Kind::NotFound, m_session ? m_session->path().toStdString() : std::string(),
                                 "the room's assessment is no longer open in the app"};
}

storage::Result<std::map<std::int64_t, int>> DocumentVoteStore::levels(const std::string &featureId)
{
    if (!stillOpen())
        return notOpen();
    // From the document's copy, which is what the file holds (every edit mirrors it): no re-read per vote.
    const Assessment &a = m_session->assessment();
    std::map<std::int64_t, int> out;
    if (const FeatureAssessment *f = a.feature(featureId))
        for (const Partner &p : a.partners)
            if (const PartnerLevel *pl = f->partnerLevel(p.organisation))
                out[p.id] = pl->level;
    return out;
}

storage::Status DocumentVoteStore::recordVotes(const std::string &featureId, const Votes &votes)
{
    if (!stillOpen())
        return notOpen();
    if (m_session->readOnly())
        return storage::StorageError{storage::StorageError::Kind::ReadOnly, m_session->path().toStdString(),
                                     "the workspace is open read-only: " + m_session->readOnlyReason().toStdString()};
    // Applied by the document (stored in one transaction, logged as the room's, mirrored, and the views
    // told which feature changed), not pushed on the undo stack: a partner's vote is not the facilitator's
    // step to undo.
    m_recording = true;
    const storage::Status status = m_session->document()->apply(document::RoomVotes{featureId, votes}).status;
    m_recording = false;
    return status;
}

storage::Result<std::string> DocumentVoteStore::loadRoomState()
{
    if (!m_session)
        return notOpen();
    return m_session->roomState(m_id);
}

storage::Status DocumentVoteStore::saveRoomState(const std::string &state)
{
    if (!m_session)
        return notOpen();
    return m_session->saveRoomState(m_id, state);
}

}  // namespace hicm::gui
