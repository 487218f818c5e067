// The live room's own state for an assessment (docs/room.md): an opaque JSON text the room writes (the
// feature on show, the round, whether it is revealed) so that a room resumes where it was after the app
// is closed or killed. It is not part of the assessment: not a typed edit, not in the change log, not on
// the undo stack, never exported or compared; but each save is durable (one transaction) when it returns.
#pragma once

#include "storage_error.h"

#include <cstdint>
#include <string>

namespace hicm::storage {
class Workspace;
}

namespace hicm::document {

// The state saved for assessment `id`; empty when there is none. Refuses an unknown assessment.
storage::Result<std::string> loadRoomState(storage::Workspace &workspace, std::int64_t id);
// Replaces it (allowed on a final assessment too: the room may be opened and closed on one).
storage::Status saveRoomState(storage::Workspace &workspace, std::int64_t id, const std::string &state);

}  // namespace hicm::document
