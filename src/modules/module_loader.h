// Loading one of the program's modules (src/modules/CMakeLists.txt) the first time it is needed, and
// resolving its entry point. A module stays loaded for the program's life.
#pragma once

#include <QFunctionPointer>
#include <QString>

namespace hicm::modules {

// `entry` in the module `fileName` ("hicm-tagged-pdf.so"), looked for in this order: the file named by the
// environment variable `override` when it is set (tests; nothing else is then tried); beside the installed
// programs (LIBDIR/hicm-assess/modules); for a program run from the build tree, where the build put it.
// Thread-safe. When none loads: nullptr, and `error` says "`what` (FILE) cannot be loaded; reinstall HICM
// Assess (looked for: …)", each file tried with why it failed.
QFunctionPointer resolve(const QString &fileName, const char *override, const char *entry, const QString &what,
                         QString *error);

}  // namespace hicm::modules
