// What the document's item models share: the roles they answer beyond Qt's own, and the sink through
// which a cell edited in a view becomes a typed edit. The models are QtCore only: they never push an
// undo command themselves; the app hands them a sink that pushes the edit on its undo stack (named as
// the menu names it), the CLI or a test can hand one that applies it directly.
#pragma once

#include "edit.h"

#include <QtCore/qnamespace.h>

#include <functional>

namespace hicm::document {

enum ModelRole {
    // The storage id of the row's partner (the agreed row: kAgreedRowId), or of its action.
    IdRole = Qt::UserRole + 1,
    // True for a row the view shows in bold (the partner grid's agreed row). A role and not Qt::FontRole:
    // a font is QtGui, and the view's own font (presentation mode) decides the size.
    EmphasisRole,
    // The metric id of a data-table row (a framework "data to use" id or the room's own).
    MetricIdRole,
    // An action's status by its stable name ("in-progress"): what the plan's status list reads and sets.
    ActionStatusRole,
    // A partner's organisation type by its stable name ("local-authority"): what the type list reads and sets.
    OrgTypeRole,
    // The assessment list's profile cell: the agreed level of each feature (QVariantList, 0 = not agreed),
    // and the top of the scale the bars are drawn against.
    ProfileRole,
    ProfileTopRole,
    // What a column sorts by, where that is not the text shown (undated actions after the dated).
    SortRole,
};

// The agreed row's IdRole in the partner grid.
constexpr qint64 kAgreedRowId = -1;

// Where an edited cell's typed edit goes (the app: its undo stack).
using EditSink = std::function<void(const Edit &)>;

}  // namespace hicm::document
