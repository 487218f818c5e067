#include "votestore.h"

#include "workspace.h"

namespace hicm::room {

WorkspaceVoteStore::WorkspaceVoteStore(storage::Workspace &workspace, std::int64_t assessmentId)
    : m_ws(workspace), m_id(assessmentId)
{
}

storage::Result<std::map<std::int64_t, int>> WorkspaceVoteStore::levels(const std::string &featureId)
{
    auto a = m_ws.loadAssessment(m_id);
    if (!a)
        return a.error();
    std::map<std::string, std::int64_t> byName;
    for (const auto &p : a->partners)
        byName[p.organisation] = p.id;
    std::map<std::int64_t, int> out;
    for (const auto &f : a->features)
        if (f.featureId == featureId)
            for (const auto &pl : f.partnerLevels)
                if (auto it = byName.find(pl.partner); it != byName.end())
                    out[it->second] = pl.level;
    return out;
}

storage::Status WorkspaceVoteStore::recordVotes(const std::string &featureId, const Votes &votes)
{
    return m_ws.setPartnerLevelsFromRoom(m_id, featureId, votes);
}

storage::Result<std::string> WorkspaceVoteStore::loadRoomState()
{
    return m_ws.roomState(m_id);
}

storage::Status WorkspaceVoteStore::saveRoomState(const std::string &state)
{
    return m_ws.setRoomState(m_id, state);
}

}  // namespace hicm::room
