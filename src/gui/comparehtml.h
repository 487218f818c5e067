// A comparison of two assessments (src/core/compare.h) as rich text for the Compare view: every piece
// of user text escaped.
#pragma once

#include "compare.h"

#include <QString>

namespace hicm::gui {

QString comparisonHtml(const Comparison &comparison);

} // namespace hicm::gui
