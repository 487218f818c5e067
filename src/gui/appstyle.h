// The app's style: the platform's own (Fusion, or what -style and QT_STYLE_OVERRIDE ask for), with one
// difference in when, not how, things look: the toolbar's and the menu bar's extension icons (the »
// shown when the actions do not fit) are fetched from the style the first time they are painted. Each
// QMenuBar and QToolBar asks for that icon when it is built, and loading it there made Qt read every
// image-format plugin's metadata before the first window could show (about 4 million instructions of each
// start, docs/performance.md); most workshops never see the icon at all.
#pragma once

class QStyle;

namespace hicm::gui {

// That style over `base` (taken over); installAppStyle() gives it the application's own style.
QStyle *makeAppStyle(QStyle *base);

// Installs the style on the application; call once, after QApplication and before the first widget.
void installAppStyle();

}  // namespace hicm::gui
