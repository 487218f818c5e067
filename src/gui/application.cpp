#include "application.h"

#include "bundled.h"
#include "hicm_version.h"
#include "mainwindow.h"
#include "messages.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

// Resources compiled into a static library must be registered by hand (outside any namespace).
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace hicm::gui {

void setApplicationIdentity()
{
    initResources();
    QCoreApplication::setOrganizationName(QStringLiteral("HICM Assess"));
    QCoreApplication::setApplicationName(QStringLiteral("HICM Assess"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HICM_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("HICM Assess"));
    QGuiApplication::setDesktopFileName(QStringLiteral("hicm-assess"));
}

bool parseStartupOptions(const QStringList &arguments, StartupOptions &options, int &exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Self-assessment against the Intermediate Care High Impact Change Model."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption framework(QStringLiteral("framework"),
                                       QCoreApplication::translate("main", "Use this framework file instead of the bundled one."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption quit(QStringLiteral("quit-when-ready"),
                                  QCoreApplication::translate("main", "Exit as soon as the main window is shown and loaded "
                                                                      "(for smoke tests and start-up timing)."));
    parser.addOptions({framework, quit});
    if (!parser.parse(arguments)) {
        QTextStream(stderr) << "hicm-assess: " << parser.errorText() << "\n";
        exitCode = 2;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        exitCode = 0;
        return false;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << "hicm-assess " << HICM_VERSION << "\n";
        exitCode = 0;
        return false;
    }
    options.framework = parser.value(framework);
    options.quitWhenReady = parser.isSet(quit);
    return true;
}

std::unique_ptr<MainWindow> createMainWindow(const StartupOptions &options)
{
    auto result = loadFrameworkOrBundled(options.framework.toStdString());
    if (!result.ok()) {
        QStringList lines;
        for (const auto &p : result.problems)
            lines << QString::fromStdString(p.toString());
        Messages::error(nullptr, QCoreApplication::translate("main", "Cannot use this framework file"),
                        QCoreApplication::translate("main", "%1 is not a framework HICM Assess can rely on.")
                            .arg(options.framework.isEmpty() ? QStringLiteral("The bundled framework") : options.framework),
                        lines.join('\n'));
        return nullptr;
    }
    return std::make_unique<MainWindow>(std::move(*result.framework));
}

}  // namespace hicm::gui
