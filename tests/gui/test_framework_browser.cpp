// The first window: the framework browser, driven as a user would, with the keyboard.
#include "application.h"
#include "frameworkbrowser.h"
#include "mainwindow.h"
#include "messages.h"
#include "test_paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace hicm;
using namespace hicm::gui;

namespace {

std::unique_ptr<MainWindow> openWindow(const QString &frameworkFile = {})
{
    static test::TempDir dir("hicm-browser");
    StartupOptions options;
    options.framework = frameworkFile;
    options.workspace = QString::fromStdString(dir.file("browser.hicmws"));
    auto window = createMainWindow(options);
    if (window) {
        window->resize(1366, 768);
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
        window->showModel();
    }
    return window;
}

QString pageText(MainWindow &w)
{
    return w.frameworkBrowser()->text()->toPlainText();
}

}  // namespace

TEST_CASE("the window opens on the bundled framework with every feature and change listed", "[gui]")
{
    auto w = openWindow();
    REQUIRE(w);
    QTreeWidget *tree = w->frameworkBrowser()->contents();
    REQUIRE(tree->topLevelItemCount() == 3);
    CHECK(tree->topLevelItem(1)->childCount() == 8);
    CHECK(tree->topLevelItem(2)->childCount() == 6);
    CHECK(tree->topLevelItem(1)->child(0)->text(0).contains("Access to intermediate care"));
    CHECK(tree->topLevelItem(2)->child(4)->text(0).contains("Scaling step-up care and admission avoidance"));
    // It opens on Part A, which a facilitator shows first.
    CHECK(w->frameworkBrowser()->currentPage() == "about");
    CHECK(pageText(*w).contains("Myths and realities"));
    CHECK(pageText(*w).contains("Only 5% of hospital discharges were to intermediate care"));
    CHECK_FALSE(tree->accessibleName().isEmpty());
    CHECK_FALSE(w->frameworkBrowser()->text()->accessibleName().isEmpty());
}

TEST_CASE("the keyboard walks the features and shows each one's text and changes", "[gui]")
{
    auto w = openWindow();
    REQUIRE(w);
    QTreeWidget *tree = w->frameworkBrowser()->contents();
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Down);  // "Maturity features"
    CHECK(w->frameworkBrowser()->currentPage() == "part-b");
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(tree, Qt::Key_Down);
    CHECK(w->frameworkBrowser()->currentPage() == "feature:B3");
    const QString text = pageText(*w);
    CHECK(text.contains("Staff deployment and skills"));
    CHECK(text.contains("Staff work within traditional team boundaries."));  // level 1 descriptor
    CHECK(text.contains("A competency framework is being developed."));      // level 2
    CHECK(text.contains("Skill mix ratios across pathways"));                // data to use
    CHECK(text.contains("HIC F Mobilising a flexible intermediate care workforce across locations"));
}

TEST_CASE("each change lists the features aligned with it, and the app's readings are marked", "[gui]")
{
    auto w = openWindow();
    REQUIRE(w);
    REQUIRE(w->frameworkBrowser()->showPage("change:D"));
    QString text = pageText(*w);
    CHECK(text.contains("B7 Managing the intermediate care resource together"));
    CHECK(text.contains("B8 Reviewing data regularly"));
    CHECK_FALSE(text.contains("B1 Access to intermediate care"));

    REQUIRE(w->frameworkBrowser()->showPage("change:E"));
    text = pageText(*w);
    CHECK(text.contains("B1 Access to intermediate care"));
    CHECK(text.contains("HICM Assess's reading, not the published text"));

    REQUIRE(w->frameworkBrowser()->showPage("change:C"));
    CHECK(pageText(*w).contains("Needs HIC B"));
}

TEST_CASE("following a link in the text moves to that change", "[gui]")
{
    auto w = openWindow();
    REQUIRE(w);
    REQUIRE(w->frameworkBrowser()->showPage("feature:B6"));
    emit w->frameworkBrowser()->text()->anchorClicked(QUrl(QStringLiteral("change:C")));
    CHECK(w->frameworkBrowser()->currentPage() == "change:C");
    CHECK(pageText(*w).contains("B6 Creating the right environment for intermediate care"));
}

TEST_CASE("a bad framework file is refused with the loader's message", "[gui]")
{
    test::TempDir dir;
    auto j = nlohmann::json::parse(test::readFile(test::kFrameworkFile));
    j["features"][1]["levels"].erase(2);
    const std::string path = dir.file("broken.json");
    test::writeFile(path, j.dump());
    Messages::clearRecorded();
    auto w = openWindow(QString::fromStdString(path));
    CHECK_FALSE(w);
    REQUIRE(Messages::recorded().size() == 1);
    CHECK(Messages::recorded().front().contains("/features/1/levels: no descriptor for level 3"));
    CHECK(Messages::recorded().front().contains(QString::fromStdString(path)));
}

TEST_CASE("framework text is shown as text, never as markup", "[gui]")
{
    test::TempDir dir;
    auto j = nlohmann::json::parse(test::readFile(test::kFrameworkFile));
    j["features"][0]["title"] = {{"text", "<b>Access</b> & <i>flow</i>"}, {"sources", {"app"}}};
    const std::string path = dir.file("edited.json");
    test::writeFile(path, j.dump());
    auto w = openWindow(QString::fromStdString(path));
    REQUIRE(w);
    REQUIRE(w->frameworkBrowser()->showPage("feature:B1"));
    CHECK(pageText(*w).contains("<b>Access</b> & <i>flow</i>"));
}

TEST_CASE("zoom makes the text larger for a projector", "[gui]")
{
    auto w = openWindow();
    REQUIRE(w);
    auto *browser = w->frameworkBrowser();
    const qreal before = browser->text()->font().pointSizeF();
    browser->setZoom(3);
    CHECK(browser->text()->font().pointSizeF() > before);
    browser->setZoom(0);
    CHECK(browser->text()->font().pointSizeF() == Approx(before));
}
