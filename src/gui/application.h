// Start-up shared by the app's main() and the GUI tests: options, framework, main window.
#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace hicm::gui {

class MainWindow;

struct StartupOptions {
    QString framework;  // --framework FILE; empty: the bundled one
    QString workspace;  // --workspace FILE, else the first workspace among `files`; empty: the default one
    QStringList files;  // FILE…: workspaces and exchange files to open (fileopen.h), as absolute paths
    bool quitWhenReady = false;
    bool workspaceOption = false;  // --workspace was given
};

// Sets the organisation and application names (QSettings, QStandardPaths).
void setApplicationIdentity();

// Parses the app's command line. On --help/--version or a usage error, prints and returns false with
// `exitCode` set.
bool parseStartupOptions(const QStringList &arguments, StartupOptions &options, int &exitCode);

// Loads the framework and builds the main window; on a bad framework file shows the loader's
// problems (dialog and stderr) and returns null.
std::unique_ptr<MainWindow> createMainWindow(const StartupOptions &options);

}  // namespace hicm::gui
