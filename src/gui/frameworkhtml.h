// Rich-text pages of the framework for the browser. All framework text is escaped: it is data.
#pragma once

#include "framework.h"

#include <QString>

namespace hicm::gui {

// Page keys: "about" (Part A), "part-b", "feature:B1", "part-c", "change:A".
QString frameworkPageHtml(const Framework &fw, const QString &key);

// Escaped text of a sourced text (its main wording).
QString esc(const std::string &text);
QString esc(const SourcedText &text);

}  // namespace hicm::gui
