// Files given to the app, on its command line (`hicm-assess FILE…`, as a file manager or the desktop
// entry's %F passes them) or handed over by a second launch (singleinstance.h): a workspace is opened, an
// exchange file is offered for import or merge, anything else is refused saying why.
#pragma once

#include <QString>
#include <QStringList>

namespace hicm::gui {

class MainWindow;

enum class GivenFileKind { Workspace, Exchange, Unknown };

// What `path` is, by its content first (as packaging/hicm-assess-mime.xml tells the desktop: a SQLite file,
// or JSON naming "hicm-assess-exchange"), then by its name (.hicmws, .hicm.json), so that a damaged file
// of either kind gets the opener's own reasons. For Unknown, `why` says why it is neither.
GivenFileKind classifyGivenFile(const QString &path, QString *why = nullptr);

// The first workspace among `paths` (absolute), or empty: the one the app opens at start-up.
QString firstGivenWorkspace(const QStringList &paths);

// Opens `paths` in `window`, in order: the first workspace (unless it is the one open already), then each
// exchange file offered for import as a new assessment or a merge into the open assessment; a second
// workspace, or a file that is neither, is reported and left alone. `skip` is a path already dealt with.
void openGivenFiles(MainWindow &window, const QStringList &paths, const QString &skip = {});

}  // namespace hicm::gui
