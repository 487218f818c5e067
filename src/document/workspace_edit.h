// Typed edits of the workspace's list of assessments: creating one (new or a reassessment), putting one
// in (an imported exchange file, or a deleted one put back with its ids) and deleting one. Like an edit of
// an open assessment (edit.h), applying one stores it in one transaction with its change-log row and
// returns its inverse, so undo is just another edit: the inverse of a creation or an import is the
// deletion, and the inverse of a deletion is the assessment put back as it was.
#pragma once

#include "assessment.h"
#include "storage_error.h"
#include "workspace_types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace hicm::storage {
class Workspace;
}

namespace hicm::document {

// A new, empty assessment scored against `frameworkJson` (the framework file's bytes).
struct CreateAssessment {
    storage::NewAssessment fields;
    std::string frameworkJson;
};
// The next assessment of `previousId`'s area (storage::Workspace::reassess); `title` empty keeps the
// previous title.
struct Reassess {
    std::int64_t previousId = 0;
    std::string date;
    std::string title;
};
// A whole assessment put in: an imported one (keepIds false: new ids), or a deleted one put back (keepIds
// true: the same assessment, partner and action ids; the inverse of DeleteAssessment).
struct InsertAssessment {
    Assessment assessment;
    std::string frameworkJson;
    bool keepIds = false;
};
struct DeleteAssessment {
    std::int64_t id = 0;
};

using WorkspaceEdit = std::variant<CreateAssessment, Reassess, InsertAssessment, DeleteAssessment>;

struct WorkspaceApplied {
    storage::Status status;
    std::optional<WorkspaceEdit> inverse;  // none when the edit was refused
    std::int64_t id = 0;                   // the assessment made, put back or deleted
};

// Stores `edit` in `workspace` (one transaction) and returns its inverse. A refused edit changes nothing.
WorkspaceApplied applyToWorkspace(storage::Workspace &workspace, const WorkspaceEdit &edit);

// The assessment a workspace edit makes, puts back or deletes, before it is applied (0 when it is new).
std::int64_t assessmentOf(const WorkspaceEdit &edit);

}  // namespace hicm::document
