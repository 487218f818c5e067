// The prioritisation as rich text for the Results screen: the engine's sequence with its reasons, the
// facilitator's decisions beside it, what is not recommended and why, and the findings.
#pragma once

#include "prioritisation.h"

#include <QString>

namespace hicm::gui {

QString prioritisationHtml(const Framework &framework, const Prioritisation &result, bool presentation);

}  // namespace hicm::gui
