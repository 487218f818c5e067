// Where the room's votes and its own state go. The room never owns the workspace: the CLI gives it a
// WorkspaceVoteStore; the app gives its own store over its document layer, so that a vote reaches the
// open views like any other edit.
#pragma once

#include "storage_error.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hicm::storage {
class Workspace;
}

namespace hicm::room {

class VoteStore {
public:
    virtual ~VoteStore() = default;
    // Every partner's stored level for the feature: partner id → level (partners without one absent).
    virtual storage::Result<std::map<std::int64_t, int>> levels(const std::string &featureId) = 0;
    // Stores partners' levels for the feature (nullopt clears one, for a re-vote), all or none, durably,
    // BEFORE returning; the change log must say they came from the room. Votes that arrive together come
    // in one call (one transaction: one disk flush for a room of phones voting at once).
    using Votes = std::vector<std::pair<std::int64_t, std::optional<int>>>;  // partner id, level
    virtual storage::Status recordVotes(const std::string &featureId, const Votes &votes) = 0;
    storage::Status recordVote(std::int64_t partnerId, const std::string &featureId, std::optional<int> level)
    {
        return recordVotes(featureId, {{partnerId, level}});
    }
    // The room's own state (an opaque JSON text the room writes), durably; empty when there is none.
    virtual storage::Result<std::string> loadRoomState() = 0;
    virtual storage::Status saveRoomState(const std::string &state) = 0;
};

// Over a workspace the caller keeps open (and owns) for the room's lifetime.
class WorkspaceVoteStore : public VoteStore {
public:
    WorkspaceVoteStore(storage::Workspace &workspace, std::int64_t assessmentId);
    storage::Result<std::map<std::int64_t, int>> levels(const std::string &featureId) override;
    storage::Status recordVotes(const std::string &featureId, const Votes &votes) override;
    storage::Result<std::string> loadRoomState() override;
    storage::Status saveRoomState(const std::string &state) override;

private:
    storage::Workspace &m_ws;
    std::int64_t m_id;
};

}  // namespace hicm::room
