#include "application.h"

#include "bundled.h"
#include "fileopen.h"
#include "paths.h"
#include "hicm_version.h"
#include "mainwindow.h"
#include "roomcontroller.h"
#include "messages.h"
#include "session.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <future>
#include <thread>

#ifdef HICM_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif

// Resources compiled into a static library must be registered by hand (outside any namespace).
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace hicm::gui {


namespace {

struct FontLoader {
    std::thread thread;
    ~FontLoader() { wait(); }  // also when main returns before any window (a hand-over, --help)
    void wait()
    {
        if (thread.joinable())
            thread.join();
    }
};

FontLoader &fontLoader()
{
    static FontLoader loader;
    return loader;
}

}  // namespace

void startFontLoading()
{
#ifdef HICM_HAVE_FONTCONFIG
    fontLoader().thread = std::thread([] { FcInit(); });  // thread-safe; Qt's own FcInit() then finds it done
#endif
}

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
                                                                      "(for smoke tests and start-up timing): 0 when "
                                                                      "the workspace opened, 1 when it was refused."));
    const QCommandLineOption workspace(QStringLiteral("workspace"),
                                       QCoreApplication::translate("main", "Open this workspace instead of the default one "
                                                                           "(created if it does not exist)."),
                                       QStringLiteral("FILE"));
    parser.addOptions({framework, workspace, quit});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QCoreApplication::translate("main", "Workspaces (.hicmws) to open, and exchange files "
                                                                     "(.hicm.json) to import or merge. A file given "
                                                                     "while HICM Assess runs is handed to it."),
                                 QStringLiteral("[FILE...]"));
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
    for (const QString &file : parser.positionalArguments())
        options.files << QFileInfo(file).absoluteFilePath();
    options.workspaceOption = parser.isSet(workspace);
    options.workspace = options.workspaceOption ? parser.value(workspace) : firstGivenWorkspace(options.files);
    options.quitWhenReady = parser.isSet(quit);
    return true;
}

std::unique_ptr<MainWindow> createMainWindow(const StartupOptions &options)
{
    // The framework's bytes are read once: parsed here, and stored with each new assessment.
    const bool bundled = options.framework.isEmpty();
    const QString workspace = options.workspace.isEmpty() ? QString::fromStdString(defaultWorkspacePath()) : options.workspace;
    // An existing workspace is opened (SQLite, its integrity check, the list of assessments) on a second
    // thread while this one reads the framework and builds the window: none of that touches a Qt object.
    // Not with a framework file of the user's, which may be refused before the workspace is wanted.
    // The framework parsed here is handed to that thread when ready, for the assessments stored with the same
    // file (by content hash), so that it is not parsed twice.
    // (Declared after `opening`, so that on any early way out the promise is broken first and the thread,
    // which `opening`'s destructor waits for, does not wait for it.)
    std::future<PreparedWorkspace> opening;
    std::promise<std::shared_ptr<const Framework>> parsed;
    if (bundled && QFileInfo::exists(workspace))
        opening = std::async(std::launch::async, [path = workspace.toStdString(), known = parsed.get_future().share()] {
            return Session::prepare(path, known);
        });
    std::string bytes = bundled ? bundledFrameworkBytes() : std::string();
    bool readable = bundled;
    if (!bundled) {
        QFile file(options.framework);
        if ((readable = file.open(QIODevice::ReadOnly))) {
            const QByteArray data = file.readAll();
            bytes.assign(data.constData(), static_cast<std::size_t>(data.size()));
        }
    }
    const std::string name = bundled ? std::string("(bundled) intermediate-care-hicm.json") : options.framework.toStdString();
    auto result = readable ? parseFramework(bytes, name)
                           : FrameworkLoadResult{std::nullopt, {{name, "", 0, 0, "cannot open the file for reading"}}};
    fontLoader().wait();  // before the first widget (or message box) asks for a font
    if (!result.ok()) {
        parsed.set_value(nullptr);  // the opening thread stops waiting (and its workspace is closed unused)
        QStringList lines;
        for (const auto &p : result.problems)
            lines << QString::fromStdString(p.toString());
        Messages::error(nullptr, QCoreApplication::translate("main", "Cannot use this framework file"),
                        QCoreApplication::translate("main", "%1 is not a framework HICM Assess can rely on.")
                            .arg(bundled ? QStringLiteral("The bundled framework") : options.framework),
                        lines.join('\n'));
        return nullptr;
    }
    auto framework = std::make_shared<const Framework>(std::move(*result.framework));
    parsed.set_value(framework);
    auto window = std::make_unique<MainWindow>(std::move(framework), std::move(bytes));
    new RoomController(window.get());  // the Room menu: the live room, from the walk (docs/room.md)
    // A workspace that cannot be opened is reported and left untouched; the window still opens.
    if (opening.valid())
        window->openWorkspace(opening.get());
    else
        window->openWorkspace(workspace);
    return window;
}

}  // namespace hicm::gui
