// The prioritisation as rich text for the Results screen: the plan the room agreed (core agreedPlan: the
// engine's sequence with the facilitator's pins and exclusions applied), each change's reason in plain
// words and where the room's order differs from the method's, what is not recommended and why, and the
// findings. No arithmetic and no internal action codes: those are in the report's appendix and the JSON.
#pragma once

#include "prioritisation.h"

#include <QString>

namespace hicm::gui {

QString prioritisationHtml(const Framework &framework, const Prioritisation &result, bool presentation);

}  // namespace hicm::gui
