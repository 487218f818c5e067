// hicm-assess: the desktop app. Everything but start-up lives in src/gui.
#include "application.h"
#include "mainwindow.h"
#include "messages.h"

#include <QApplication>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    hicm::gui::setApplicationIdentity();

    hicm::gui::StartupOptions options;
    int exitCode = 0;
    if (!hicm::gui::parseStartupOptions(app.arguments(), options, exitCode))
        return exitCode;
    if (options.quitWhenReady)
        hicm::gui::Messages::setAutomatic(true);  // never wait for a person in a smoke test

    auto window = hicm::gui::createMainWindow(options);
    if (!window)
        return 1;
    window->show();
    // Ready means shown with the workspace loaded: a smoke test learns (exit code 1) if it was refused.
    if (options.quitWhenReady)
        QTimer::singleShot(0, &app, [&app, &window] { app.exit(window->session() ? 0 : 1); });
    return app.exec();
}
