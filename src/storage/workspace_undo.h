// Internal to hicm_storage and the document layer (src/document), not part of workspace.h: the writes
// only an undo makes. Each is one transaction with its change-log rows, as every edit is. The document
// layer applies them as the inverses of its typed edits (document::RestorePartner, AddAction with an id,
// UndoMerge); nothing else calls them.
#pragma once

#include "workspace.h"

namespace hicm::storage {

struct UndoWrites {
    // Undo of removePartner: the partner (with their id) and their levels per feature come back.
    static Status restorePartner(Workspace &ws, std::int64_t id, const Partner &partner,
                                 const std::vector<std::pair<std::string, PartnerLevel>> &levels);
    // Undo of removeAction: the action comes back with its id.
    static Status restoreAction(Workspace &ws, std::int64_t id, const Action &action);
    // Undoes a merge (Workspace::applyMerge) in ONE transaction: puts back assessment `id`'s partners,
    // partner levels and notes, metric values and evidence notes as they were in `before` (the assessment
    // as loaded just before the merge), removing the partners, levels and metric values the merge added,
    // each with a change-log row, then a "merge undone" row. Nothing else is touched.
    static Status undoMerge(Workspace &ws, std::int64_t id, const Assessment &before, const std::string &source = {});
};

}  // namespace hicm::storage
