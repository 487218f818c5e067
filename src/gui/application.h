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
// Starts loading fontconfig's configuration and font caches on a second thread. Called first thing in main,
// before QApplication: that load is a quarter of the work of building the first window, and it overlaps
// QApplication's start and the framework's parse; createMainWindow waits for it before the first widget
// asks Qt's font database (which would otherwise do the same load itself, on the GUI thread).
void startFontLoading();

// Parses the app's command line. On --help/--version or a usage error, prints and returns false with
// `exitCode` set.
bool parseStartupOptions(const QStringList &arguments, StartupOptions &options, int &exitCode);

// Loads the framework and builds the main window; on a bad framework file shows the loader's
// problems (dialog and stderr) and returns null.
std::unique_ptr<MainWindow> createMainWindow(const StartupOptions &options);

}  // namespace hicm::gui
