// hicm-screenshots DIR: opens the real main window at 1366×768 (a common projector laptop size) and
// saves a PNG of each screen into DIR, for docs/user-guide.md. Run it through scripts/screenshots,
// under xvfb-run, so it draws with the real X11 platform and fonts.
#include "application.h"
#include "frameworkbrowser.h"
#include "mainwindow.h"
#include "messages.h"

#include <QApplication>
#include <QDir>
#include <QTest>
#include <QTextStream>

namespace {

bool save(QWidget *window, const QString &dir, const QString &name)
{
    QTest::qWait(150);  // let layouts and fonts settle
    const QString path = QDir(dir).filePath(name + ".png");
    const bool ok = window->grab().save(path);
    QTextStream(ok ? stdout : stderr) << (ok ? "wrote " : "could not write ") << path << "\n";
    return ok;
}

}  // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    hicm::gui::setApplicationIdentity();
    QCoreApplication::setOrganizationName(QStringLiteral("HICM Assess Screenshots"));
    hicm::gui::Messages::setAutomatic(true);
    if (argc < 2) {
        QTextStream(stderr) << "usage: hicm-screenshots OUTPUT_DIR\n";
        return 2;
    }
    const QString dir = QString::fromLocal8Bit(argv[1]);
    QDir().mkpath(dir);

    auto window = hicm::gui::createMainWindow({});
    if (!window)
        return 1;
    window->resize(1366, 768);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return 1;

    bool ok = true;
    auto *browser = window->frameworkBrowser();
    const std::pair<const char *, const char *> pages[] = {
        {"about", "framework-about"}, {"feature:B1", "framework-feature-b1"}, {"change:C", "framework-change-c"},
        {"part-c", "framework-part-c"}};
    for (const auto &[key, name] : pages) {
        browser->showPage(QString::fromLatin1(key));
        ok = save(window.get(), dir, QString::fromLatin1(name)) && ok;
    }
    browser->showPage(QStringLiteral("feature:B3"));
    browser->setZoom(3);
    ok = save(window.get(), dir, QStringLiteral("framework-projector-zoom")) && ok;
    return ok ? 0 : 1;
}
