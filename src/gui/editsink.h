// The sink the app gives the document's item models (document::EditSink): an edit made in a cell goes
// through the Session's named methods, so it is one undo step named as the menu names it ("B2: North
// ICB's level") and typing into one cell merges as it always has.
#pragma once

#include "modelroles.h"

namespace hicm::gui {

class Session;

document::EditSink editSink(Session *session);

}  // namespace hicm::gui
