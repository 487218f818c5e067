#include "roomstate.h"

#include "workspace.h"

namespace hicm::document {

storage::Result<std::string> loadRoomState(storage::Workspace &workspace, std::int64_t id)
{
    return workspace.roomState(id);
}

storage::Status saveRoomState(storage::Workspace &workspace, std::int64_t id, const std::string &state)
{
    return workspace.setRoomState(id, state);
}

}  // namespace hicm::document
