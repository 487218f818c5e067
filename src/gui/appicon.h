// The app's own icon (resources/icons/hicm-assess.svg) as a QIcon, drawn by QtSvg's renderer when a size is
// first asked for. QIcon(":/….svg") would look up the icon-engine and image-format plugins first (reading
// every plugin's metadata, then loading the SVG plugin), which cost each start about 3 ms before the window
// could show (docs/performance.md).
#pragma once

#include <QIcon>

namespace hicm::gui {

QIcon appIcon();

}  // namespace hicm::gui
