// The Peers view (src/gui/peerspage.h): an area's peer extract opened from the File menu, its levels
// against the peers' median and middle half, withheld figures saying so, a damaged file refused.
#include "chartview.h"
#include "gui_test_support.h"
#include "messages.h"
#include "peerspage.h"
#include "reportdialog.h"
#include "session.h"
#include "test_paths.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>

using namespace hicm;

namespace {

PeerExtract sampleExtract()
{
    PeerExtract e;
    e.generated = "2025-03-04T10:11:12Z";
    e.area = "North Tamesford";
    e.peerGroup = "coastal";
    e.peerGroupAreas = 12;
    for (int year : {2023, 2024}) {
        PeerYear y{year, {}};
        PeerFigure b1;
        b1.feature = "B1";
        b1.areaLevel = year == 2024 ? 3 : 2;
        b1.suppressed = false;
        b1.areas = 12;
        b1.levelCounts = {{1, 3}, {2, 6}, {3, 3}};
        b1.lowerQuartile = 1.75;
        b1.median = 2;
        b1.upperQuartile = 2.25;
        PeerFigure b2;
        b2.feature = "B2";
        b2.areaLevel = 1;
        y.features = {b1, b2};
        e.years.push_back(y);
    }
    return e;
}

}  // namespace

TEST_CASE("the Peers view shows an extract from File > Open Peer Extract, feature by feature")
{
    test::TempDir dir("peers-view");
    const std::string path = dir.file("north.hicm-peers.json");
    REQUIRE(writePeerExtractFile(path, sampleExtract()).empty());
    auto window = guitest::openWindow(dir.file("ws.hicmws"));
    auto *action = window->findChild<QAction *>(QStringLiteral("actionOpenPeerExtract"));
    REQUIRE(action);
    CHECK(action->text().contains(QStringLiteral("Peer")));
    auto *pages = window->findChild<QStackedWidget *>(QStringLiteral("pages"));
    REQUIRE(pages);

    auto *home = window->findChild<QAction *>(QStringLiteral("actionHome"));
    REQUIRE(home);
    CHECK(home->font().bold());  // Home is the screen on show

    gui::PeersPage *page = gui::openPeerExtract(window.get(), pages, window->bundledFramework(), QString::fromStdString(path));
    REQUIRE(page);
    CHECK(pages->currentWidget() == page);
    CHECK_FALSE(home->font().bold());  // and no longer is, over the peers
    CHECK(page->title()->text().contains(QStringLiteral("North Tamesford")));
    CHECK(page->title()->text().contains(QStringLiteral("coastal")));
    CHECK(page->yearBox()->currentText() == QStringLiteral("2024"));
    QTableWidget *t = page->table();
    REQUIRE(t->rowCount() == 2);
    CHECK(t->item(0, 0)->text().startsWith(QStringLiteral("B1 ")));
    CHECK(t->item(0, 1)->text().startsWith(QStringLiteral("3")));
    CHECK(t->item(0, 2)->text() == QStringLiteral("2"));
    CHECK(t->item(0, 6)->text() == QStringLiteral("above the upper quartile"));
    CHECK(t->item(1, 2)->text().contains(QStringLiteral("withheld")));
    CHECK(page->chart()->accessibleDescription().contains(QStringLiteral("B2: this area 1")));

    page->selectYear(2023);
    CHECK(page->table()->item(0, 6)->text() == QStringLiteral("at the median"));

    SECTION("a damaged extract is refused with where and why, and the view keeps what it showed")
    {
        const std::string bad = dir.file("bad.hicm-peers.json");
        std::string text = test::readFile(path);
        text.replace(text.rfind("\"areas\": 12,"), 12, "\"areas\": 3,");
        test::writeFile(bad, text);
        gui::Messages::clearRecorded();  // (the runner answers every message box: gui_main.cpp)
        CHECK(gui::openPeerExtract(window.get(), pages, window->bundledFramework(), QString::fromStdString(bad)) ==
              nullptr);
        REQUIRE(!gui::Messages::recorded().isEmpty());
        CHECK(gui::Messages::recorded().join(QString()).contains(QStringLiteral("must be suppressed")));
        CHECK(page->extract()->area == "North Tamesford");
    }
}

TEST_CASE("the board report preview takes a peer extract and gains its peers page", "[gui][report][issue19]")
{
    test::TempDir dir("peers-report");
    const std::string path = dir.file("north.hicm-peers.json"), bad = dir.file("bad.hicm-peers.json");
    REQUIRE(writePeerExtractFile(path, sampleExtract()).empty());
    test::writeFile(bad, "{\"format\": \"something else\"}\n");
    auto window = guitest::openWindow(dir.file("ws.hicmws"));
    REQUIRE(window->newAssessment(QStringLiteral("North Tamesford")));
    window->session()->setAgreedLevel("B1", 2);
    gui::ReportDialog dialog(*window->session(), window.get());
    const int before = dialog.pageCount();
    QStringList names;
    for (auto *b : dialog.findChildren<QPushButton *>())
        names << b->text() + QLatin1Char('|') + b->accessibleName();
    CHECK(names.join(QLatin1Char('\n')).contains(QStringLiteral("Pee&r extract…|Add a peers page from a region's peer extract")));

    gui::Messages::clearRecorded();  // (the runner answers every message box: gui_main.cpp)
    CHECK_FALSE(dialog.usePeerExtract(QString::fromStdString(bad)));
    REQUIRE(!gui::Messages::recorded().isEmpty());
    CHECK(gui::Messages::recorded().join(QString()).contains(QStringLiteral("bad.hicm-peers.json")));
    CHECK(dialog.pageCount() == before);

    REQUIRE(dialog.usePeerExtract(QString::fromStdString(path)));
    CHECK(dialog.pageCount() > before);
    const std::string pdf = dir.file("report.pdf");
    REQUIRE(dialog.savePdf(QString::fromStdString(pdf)));
    CHECK(test::readFile(pdf).rfind("%PDF", 0) == 0);
}
