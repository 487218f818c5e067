// The main window's way to Compare, Trend and the exchange files: the menus and shortcuts a facilitator
// uses (View › Compare Ctrl+5, View › Trend Ctrl+6, File › Export / Import Assessment), on a workspace
// built through the window itself.
#include "application.h"
#include "gui_test_support.h"
#include "chartview.h"
#include "comparepage.h"
#include "exchange.h"
#include "homepage.h"
#include "mainwindow.h"
#include "messages.h"
#include "session.h"
#include "test_paths.h"
#include "trendpage.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QIcon>
#include <QImage>
#include <QComboBox>
#include <QMenuBar>
#include <QTest>
#include <QTableView>
#include <QTextBrowser>
#include <QUndoStack>

using namespace hicm;
using namespace hicm::gui;

namespace {

using hicm::guitest::openWindow;

QAction *menuAction(MainWindow &w, const QString &text)
{
    for (QAction *menu : w.menuBar()->actions())
        if (menu->menu())
            for (QAction *a : menu->menu()->actions())
                if (a->text().remove(QLatin1Char('&')) == text)
                    return a;
    FAIL("no menu item " << text.toStdString());
    return nullptr;
}

} // namespace

TEST_CASE("Compare and Trend open from the View menu's shortcuts on the open assessment", "[gui][compare][trend]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("views.hicmws"));
    Messages::setAutomatic(true);
    CHECK_FALSE(menuAction(*w, QStringLiteral("Export Assessment…"))->isEnabled());

    const auto first = w->newAssessment(QStringLiteral("North Shire"), QStringLiteral("Baseline"));
    REQUIRE(first);
    const auto agreeB1 = [&](std::int64_t id, int level, const std::string &rationale) {
        REQUIRE(w->openAssessment(id));
        storage::FeatureEdit agreed;
        agreed.agreedLevel = std::optional<int>(level);
        agreed.rationale = rationale;
        REQUIRE(w->session()->applySteps(QStringLiteral("B1: agreed level"), {document::EditFeature{"B1", agreed}}));
    };
    agreeB1(*first, 1, "Five front doors");
    const auto second = w->reassess(*first);
    REQUIRE(second);
    agreeB1(*second, 3, "<b>One door</b> & a single number");
    w->session()->refreshSummaries();
    REQUIRE(w->openAssessment(*second));

    QTest::keyClick(w.get(), Qt::Key_5, Qt::ControlModifier);
    REQUIRE(w->comparePage());
    CHECK(w->currentScreen() == w->comparePage());
    CHECK(w->comparePage()->beforeBox()->currentData().toLongLong() == *first);
    CHECK(w->comparePage()->afterBox()->currentData().toLongLong() == *second);
    const QString text = w->comparePage()->text()->toPlainText();
    CHECK(text.contains(QStringLiteral("B1")));
    CHECK(text.contains(QStringLiteral("<b>One door</b> & a single number")));  // text, never markup
    CHECK(menuAction(*w, QStringLiteral("Compare"))->font().bold());  // the screen on show, in bold (not a check box)

    QTest::keyClick(w.get(), Qt::Key_6, Qt::ControlModifier);
    REQUIRE(w->trendPage());
    CHECK(w->currentScreen() == w->trendPage());
    CHECK(w->trendPage()->areaBox()->currentText().contains(QStringLiteral("North Shire")));
    CHECK(w->trendPage()->assessmentCount() == 2);
    CHECK(menuAction(*w, QStringLiteral("Trend"))->font().bold());
    CHECK_FALSE(menuAction(*w, QStringLiteral("Compare"))->font().bold());

    // Another workspace: the views are built again for it, never left pointing at the old session.
    REQUIRE(w->openWorkspace(QString::fromStdString(dir.file("other.hicmws"))));
    CHECK(w->comparePage() == nullptr);
    CHECK(w->trendPage() == nullptr);
    CHECK(w->currentScreen() == w->homePage());
    QTest::keyClick(w.get(), Qt::Key_5, Qt::ControlModifier);
    REQUIRE(w->comparePage());
    CHECK(w->comparePage()->beforeBox()->count() == 0);
}

TEST_CASE("File › Export Assessment and Import Assessment carry an assessment between workspaces", "[gui][exchange]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("from.hicmws"));
    Messages::setAutomatic(true);
    const auto id = w->newAssessment(QStringLiteral("South Vale"), QStringLiteral("Spring"));
    REQUIRE(id);
    REQUIRE(w->openAssessment(*id));
    storage::FeatureEdit agreed;
    agreed.agreedLevel = std::optional<int>(2);
    agreed.rationale = "Step-up is there";
    REQUIRE(w->session()->applySteps(QStringLiteral("B4: agreed level"), {document::EditFeature{"B4", agreed}}));
    CHECK(menuAction(*w, QStringLiteral("Export Assessment…"))->isEnabled());
    const QString file = QString::fromStdString(dir.file("south-vale.hicm.json"));
    REQUIRE(w->exportAssessment(file));
    REQUIRE(readExchangeFile(file.toStdString()).ok());

    REQUIRE(w->openWorkspace(QString::fromStdString(dir.file("to.hicmws"))));
    CHECK(menuAction(*w, QStringLiteral("Import Assessment…"))->isEnabled());
    CHECK_FALSE(menuAction(*w, QStringLiteral("Merge a Partner's File…"))->isEnabled());  // nothing open yet
    const auto imported = w->importAssessment(file);
    REQUIRE(imported);
    CHECK(w->currentScreen() == w->homePage());
    REQUIRE(w->session()->summaries().size() == 1);
    const auto back = w->session()->scored(*imported);
    REQUIRE(back);
    CHECK(back->assessment.area == "South Vale");
    CHECK(back->assessment.feature("B4")->agreedLevel == 2);
    CHECK(back->assessment.feature("B4")->rationale == "Step-up is there");

    QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier);  // undo takes the import out again
    CHECK(w->session()->summaries().empty());
}

TEST_CASE("the window carries the app's icon, drawn at the sizes a desktop asks for", "[gui][icon]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("icon.hicmws"));
    const QIcon icon = w->windowIcon();
    REQUIRE_FALSE(icon.isNull());
    for (int side : {16, 32, 64, 256}) {
        const QImage image = icon.pixmap(QSize(side, side)).toImage();
        REQUIRE(image.size() == QSize(side, side));
        // Drawn, not blank: the icon's rounded square covers the middle; its corners stay transparent.
        const QColor middle = image.pixelColor(side / 2, side / 2);
        CHECK(middle.alpha() == 255);
        CHECK(image.pixelColor(0, 0).alpha() == 0);
        int opaque = 0;
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x)
                opaque += image.pixelColor(x, y).alpha() > 0 ? 1 : 0;
        CHECK(opaque > side * side / 3);
    }
}

TEST_CASE("Home's columns are wide enough for every area, date, status and progress text", "[gui][home]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("home-widths.hicmws"));
    Messages::setAutomatic(true);
    for (const char *area : {"Wide Wolverhampton & Walsall Metropolitan Wards", "Ely", "MMMM Moorwood"})
        REQUIRE(w->newAssessment(QString::fromUtf8(area), QStringLiteral("Baseline")));
    w->showHome();
    auto *table = w->homePage()->findChild<QTableView *>();
    REQUIRE(table);
    const QFontMetrics metrics(table->font());
    const QAbstractItemModel *model = table->model();
    REQUIRE(model->rowCount() == 3);
    for (int column = 0; column < model->columnCount(); ++column) {
        const QString header = model->headerData(column, Qt::Horizontal).toString();
        if (header == QLatin1String("Title") || header == QLatin1String("Profile"))
            continue;  // the title stretches; the profile is bars
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString text = model->index(row, column).data().toString();
            INFO(header.toStdString() << ": " << text.toStdString());
            CHECK(metrics.horizontalAdvance(text) < table->columnWidth(column));
        }
    }
}

TEST_CASE("the window's title names the assessment and its file, and the app once, last", "[gui][title]")
{
    // Qt adds the application's name to a title that does not end with it (Linux): ending with it, the
    // task bar and a screen reader say "HICM Assess" once.
    test::TempDir dir;
    auto w = openWindow(dir.file("Area workshop.hicmws"));
    CHECK(w->windowTitle() == QStringLiteral("[Area workshop.hicmws] — HICM Assess"));
    REQUIRE(w->newAssessment(QStringLiteral("North Shire"), QStringLiteral("Baseline 2026")));
    CHECK(w->windowTitle() == QStringLiteral("North Shire — Baseline 2026 [Area workshop.hicmws] — HICM Assess"));
    CHECK(w->windowTitle().count(QStringLiteral("HICM Assess")) == 1);
}
