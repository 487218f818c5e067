// hicm-assess: the desktop app. Everything but start-up lives in src/gui.
#include "application.h"
#include "appstyle.h"
#include "fileopen.h"
#include "mainwindow.h"
#include "messages.h"
#include "singleinstance.h"

#include <QApplication>
#include <QTimer>

int main(int argc, char *argv[])
{
    hicm::gui::startFontLoading();
    QApplication app(argc, argv);
    hicm::gui::setApplicationIdentity();
    hicm::gui::installAppStyle();

    hicm::gui::StartupOptions options;
    int exitCode = 0;
    if (!hicm::gui::parseStartupOptions(app.arguments(), options, exitCode))
        return exitCode;
    if (options.quitWhenReady)
        hicm::gui::Messages::setAutomatic(true);  // never wait for a person in a smoke test
    // A launch while the app runs (a double-click on a file, the menu entry again): the running app takes
    // the files and comes forward, so no workspace is open twice. Not for a smoke test, nor with options
    // that ask for a window of its own.
    const bool own = options.quitWhenReady || options.workspaceOption || !options.framework.isEmpty();
    if (!own && hicm::gui::SingleInstance::handOver(options.files))
        return 0;

    auto window = hicm::gui::createMainWindow(options);
    if (!window)
        return 1;
    window->show();
    hicm::gui::openGivenFiles(*window, options.files, options.workspace);
    hicm::gui::SingleInstance instance;
    if (!options.quitWhenReady) {
        QObject::connect(&instance, &hicm::gui::SingleInstance::filesArrived, window.get(), [&window](const QStringList &files) {
            if (window->isMinimized())
                window->showNormal();
            window->raise();
            window->activateWindow();
            hicm::gui::openGivenFiles(*window, files);
        });
        instance.listen();  // without it every launch is on its own, as before
    }
    // Ready means shown with the workspace loaded: a smoke test learns (exit code 1) if it was refused.
    if (options.quitWhenReady)
        QTimer::singleShot(0, &app, [&app, &window] { app.exit(window->session() ? 0 : 1); });
    return app.exec();
}
