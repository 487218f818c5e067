#include "paths.h"

#include <QDir>
#include <QStandardPaths>

namespace hicm {

std::string defaultWorkspacePath()
{
    // One folder shared by the app and the CLI, whatever names the running program has set:
    // e.g. ~/.local/share/HICM Assess/ on Linux, %LOCALAPPDATA%/HICM Assess/ on Windows.
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/HICM Assess");
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("workspace.hicmws")).toStdString();
}

}  // namespace hicm
