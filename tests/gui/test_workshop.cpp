// A whole workshop driven through the real widgets, with the keyboard where a facilitator would use it:
// create an assessment, add three partners, score all eight features per partner and agree, set targets,
// add an action, undo and redo, reopen the workspace and find it all there.
#include "application.h"
#include "gui_test_support.h"
#include "featurepage.h"
#include "homepage.h"
#include "mainwindow.h"
#include "messages.h"
#include "reportdialog.h"
#include "resultspage.h"
#include "session.h"
#include "setuppage.h"
#include "textblock.h"
#include "test_paths.h"
#include "walkpage.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QStatusBar>
#include <QTest>
#include <QTextBrowser>
#include <QUndoStack>

using namespace hicm;
using namespace hicm::gui;

namespace {

using hicm::guitest::openWindow;

template <typename T>
T *child(QWidget *parent, const char *name)
{
    auto *w = parent->findChild<T *>(QString::fromLatin1(name));
    REQUIRE(w);
    return w;
}

void addPartner(MainWindow &w, const QString &name, int typeIndex)
{
    auto *setup = w.setupPage();
    auto *org = child<QLineEdit>(setup, "newOrganisation");
    org->setFocus();
    QTest::keyClicks(org, name);
    child<QComboBox>(setup, "newType")->setCurrentIndex(typeIndex);
    QTest::keyClick(org, Qt::Key_Return);  // Enter in the name field adds the partner
}

// Partner levels for B1..B8 (rows: partners) and the agreed level the room settles on.
const int kLevels[3][8] = {{1, 2, 2, 1, 3, 2, 1, 1}, {2, 2, 3, 1, 2, 2, 1, 3}, {1, 3, 2, 2, 2, 1, 1, 1}};
const int kAgreed[8] = {1, 2, 2, 1, 2, 2, 1, 1};

}  // namespace

TEST_CASE("a whole workshop, by keyboard, survives closing and reopening the workspace", "[gui][workshop]")
{
    test::TempDir dir;
    const std::string path = dir.file("workshop.hicmws");
    std::int64_t id = 0;
    {
        auto w = openWindow(path);
        REQUIRE(w->session());
        CHECK(w->currentScreen() == w->homePage());

        auto created = w->newAssessment(QStringLiteral("North Shire ICS"), QStringLiteral("Baseline"), QStringLiteral("Sam"));
        REQUIRE(created);
        id = *created;
        CHECK(w->currentScreen() == w->setupPage());
        addPartner(*w, QStringLiteral("North Shire ICB"), 0);
        addPartner(*w, QStringLiteral("Shire Community NHS Trust"), 1);
        addPartner(*w, QStringLiteral("<b>Acme & Sons</b> Care"), 3);
        REQUIRE(w->session()->assessment().partners.size() == 3);
        CHECK(w->session()->assessment().partners[2].organisation == "<b>Acme & Sons</b> Care");

        w->showWalk();
        auto *walk = w->walkPage();
        REQUIRE(walk->featureCount() == 8);
        for (int f = 0; f < 8; ++f) {
            auto *page = walk->currentFeaturePage();
            REQUIRE(page);
            auto *grid = page->partnerGrid();
            grid->setFocus();
            grid->setCurrentIndex(grid->model()->index(0, 0));
            for (int p = 0; p < 3; ++p)  // round the table: each key records and moves down a row
                QTest::keyClick(grid, static_cast<Qt::Key>(Qt::Key_0 + kLevels[p][f]));
            CHECK(grid->currentIndex().row() == 3);  // now on the agreed row
            QTest::keyClick(grid, static_cast<Qt::Key>(Qt::Key_0 + kAgreed[f]));
            QTest::keyClicks(page->rationale(), QStringLiteral("Agreed after discussion %1").arg(f + 1));
            if (f == 4) {
                page->target()->setCurrentIndex(1);  // target Developing for B5
                emit page->target()->activated(1);
            }
            QTest::keyClick(w.get(), Qt::Key_PageDown, Qt::ControlModifier);  // next feature
        }
        const Assessment &a = w->session()->assessment();
        REQUIRE(a.agreedCount() == 8);
        for (int f = 0; f < 8; ++f) {
            const auto &fa = a.features[static_cast<std::size_t>(f)];
            CHECK(fa.agreedLevel == kAgreed[f]);
            REQUIRE(fa.partnerLevels.size() == 3);
            CHECK(fa.rationale == "Agreed after discussion " + std::to_string(f + 1));
        }
        CHECK(a.feature("B5")->targetLevel == 2);

        // B8: partners 1, 3, 1 are two levels apart: the page says there is no shared view.
        auto *b8 = walk->featurePage("B8");
        walk->showFeature(7);
        CHECK(b8->spreadWarning()->isVisible());
        CHECK(b8->spreadWarning()->text().contains("no shared view"));

        // Undo the last agreed level and redo it.
        QUndoStack *undo = w->session()->undoStack();
        walk->showFeature(0);
        auto *b1 = walk->currentFeaturePage();
        b1->partnerGrid()->setCurrentIndex(b1->partnerGrid()->model()->index(3, 0));
        QTest::keyClick(b1->partnerGrid(), Qt::Key_3);
        CHECK(w->session()->assessment().feature("B1")->agreedLevel == 3);
        QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier);
        CHECK(w->session()->assessment().feature("B1")->agreedLevel == 1);
        QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        CHECK(w->session()->assessment().feature("B1")->agreedLevel == 3);
        QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier);
        CHECK(undo->canRedo());

        // An action into the plan, then the results.
        Action action;
        action.text = "Map all access criteria";
        action.change = "A";
        action.feature = "B1";
        action.owner = "Pat";
        action.due = "2027-03-31";
        w->session()->addAction(action);
        w->showResults();
        auto *results = w->resultsPage();
        CHECK(results->priorities()->toPlainText().contains("HIC"));
        results->tabs()->setCurrentIndex(2);
        auto *plan = results->findChild<QTableView *>(QStringLiteral("actionPlan"));
        REQUIRE(plan);
        REQUIRE(plan->model()->rowCount() == 1);
        CHECK(plan->model()->index(0, 1).data().toString() == "Map all access criteria");
    }
    // Reopen: everything is there, nothing needed saving.
    {
        auto w = openWindow(path);
        auto *home = w->homePage();
        home->selectId(id);
        REQUIRE(w->openAssessment(id));
        const Assessment &a = w->session()->assessment();
        CHECK(a.area == "North Shire ICS");
        CHECK(a.partners.size() == 3);
        CHECK(a.agreedCount() == 8);
        CHECK(a.feature("B1")->agreedLevel == 1);
        CHECK(a.feature("B5")->targetLevel == 2);
        CHECK(a.feature("B3")->partnerLevel("Shire Community NHS Trust")->level == 3);
        REQUIRE(a.actions.size() == 1);
        CHECK(a.actions[0].owner == "Pat");
    }
}

TEST_CASE("presentation mode goes full screen, hides private notes, and Esc leaves it", "[gui][workshop]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("present.hicmws"));
    REQUIRE(w->newAssessment(QStringLiteral("Area")));
    w->showWalk();
    auto *page = w->walkPage()->currentFeaturePage();
    auto *evidence = page->findChild<QPlainTextEdit *>(QStringLiteral("evidence"));
    REQUIRE(evidence);
    CHECK(evidence->isVisible());
    QLabel *framework = nullptr;  // the status bar's framework and edition
    for (auto *label : w->statusBar()->findChildren<QLabel *>())
        if (label->accessibleName() == QStringLiteral("Framework in use"))
            framework = label;
    REQUIRE(framework);
    CHECK(framework->isVisible());
    QTest::keyClick(w.get(), Qt::Key_F5);
    CHECK(w->presentation());
    CHECK_FALSE(evidence->isVisible());
    CHECK(w->font().pointSizeF() > QApplication::font().pointSizeF());
    // The status bar's messages (the room's among them) get its whole width on the projector.
    CHECK_FALSE(framework->isVisible());
    QTest::keyClick(w.get(), Qt::Key_Escape);
    CHECK_FALSE(w->presentation());
    CHECK(evidence->isVisible());
    CHECK(framework->isVisible());
}

TEST_CASE("presentation mode keeps the partners' contacts off the projector, and shows them again after",
          "[gui][workshop]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("contacts.hicmws"));
    REQUIRE(w->newAssessment(QStringLiteral("Area")));
    w->session()->addPartner({0, "North Shire ICB", OrgType::Icb, "Sam Lee, 07700 900123"});
    // Set-up made while presenting, then presenting ended and begun again with it shown.
    w->setPresentation(true);
    w->showSetup();
    auto *partners = w->currentScreen()->findChild<QTableView *>();
    REQUIRE(partners);
    const int contact = 2;
    REQUIRE(partners->model()->index(0, contact).data().toString() == QStringLiteral("Sam Lee, 07700 900123"));
    CHECK(partners->isColumnHidden(contact));
    CHECK_FALSE(partners->isColumnHidden(0));
    QTest::keyClick(w.get(), Qt::Key_Escape);
    CHECK_FALSE(partners->isColumnHidden(contact));
    QTest::keyClick(w.get(), Qt::Key_F5);
    CHECK(partners->isColumnHidden(contact));
    w->setPresentation(false);
    CHECK_FALSE(partners->isColumnHidden(contact));
}

TEST_CASE("each feature page is as tall as its content, with nothing cut off, at 1366x768 and presenting", "[gui][workshop]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("pages.hicmws"));
    REQUIRE(w->newAssessment(QStringLiteral("Area")));
    w->showWalk();
    for (const bool presenting : {false, true}) {
        w->setPresentation(presenting);
        for (int i = 0; i < w->walkPage()->featureCount(); ++i) {
            w->walkPage()->showFeature(i);
            QApplication::processEvents();
            QApplication::processEvents();
            FeaturePage *page = w->walkPage()->currentFeaturePage();
            QScrollArea *scroll = nullptr;
            for (QWidget *p = page; p && !scroll; p = p->parentWidget())
                scroll = qobject_cast<QScrollArea *>(p);
            REQUIRE(scroll);
            int bottom = 0;  // of the lowest thing on the page
            for (QWidget *child : page->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly))
                if (child->isVisible())
                    bottom = std::max(bottom, child->geometry().bottom());
            INFO((presenting ? "presenting, " : "") << "page " << i + 1 << ": " << page->height() << " px tall, content to "
                                                     << bottom << ", viewport " << scroll->viewport()->height());
            CHECK(bottom < page->height());                                                 // nothing cut off
            CHECK(page->height() <= std::max(scroll->viewport()->height(), bottom + 40));  // no empty tail
            for (TextBlock *text : page->findChildren<TextBlock *>())
                if (text->isVisible())
                    CHECK(text->height() >= text->heightForWidth(text->width()));  // every line shows
            // The data table's rows fit their names at the width they have: no row taller than its text
            // needs (the names wrap only when the column is narrow).
            auto *metrics = page->findChild<QTableView *>(QStringLiteral("metrics"));
            REQUIRE(metrics);
            for (int r = 0; r < metrics->model()->rowCount() && metrics->isVisible(); ++r) {
                const QString name = metrics->model()->index(r, 0).data().toString();
                const int width = metrics->columnWidth(0) - 12;
                const int lines = metrics->fontMetrics().horizontalAdvance(name) / std::max(1, width) + 1;
                INFO("row " << r << ": " << metrics->rowHeight(r) << " px for " << lines << " line(s) in " << width << " px");
                CHECK(metrics->rowHeight(r) <= (lines + 1) * metrics->fontMetrics().lineSpacing() + 12);
            }
        }
    }
    w->setPresentation(false);
}

TEST_CASE("deleting an assessment is undoable", "[gui][workshop]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("delete.hicmws"));
    auto id = w->newAssessment(QStringLiteral("To delete"));
    REQUIRE(id);
    w->showHome();
    REQUIRE(w->session()->summaries().size() == 1);
    w->session()->deleteAssessment(*id);
    CHECK(w->session()->summaries().empty());
    w->session()->undoStack()->undo();
    REQUIRE(w->session()->summaries().size() == 1);
    CHECK(w->session()->summaries()[0].area == "To delete");
}

TEST_CASE("a corrupt workspace is refused with its name, and left exactly as it was", "[gui][workshop]")
{
    test::TempDir dir;
    const std::string path = dir.file("corrupt.hicmws");
    const std::string garbage = "this is not a workspace, it is a shopping list\n";
    test::writeFile(path, garbage);
    Messages::clearRecorded();
    auto w = openWindow(path);
    CHECK_FALSE(w->session());
    REQUIRE_FALSE(Messages::recorded().isEmpty());
    CHECK(Messages::recorded().front().contains(QString::fromStdString(path)));
    CHECK(test::readFile(path) == garbage);
}

TEST_CASE("reassessing carries area, partners, targets and weights over, and shows last time's level", "[gui][workshop]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("reassess.hicmws"));
    auto first = w->newAssessment(QStringLiteral("East Vale"), QStringLiteral("2025"));
    REQUIRE(first);
    w->session()->addPartner(Partner{0, "East Vale Council", OrgType::LocalAuthority, ""});
    w->session()->setAgreedLevel("B2", 2);
    w->session()->setRationale("B2", QStringLiteral("Goals are set but reviews lag"));
    w->session()->setTarget("B2", 2);
    w->session()->setWeight("B2", 3);
    auto second = w->reassess(*first);
    REQUIRE(second);
    const Assessment &a = w->session()->assessment();
    CHECK(a.area == "East Vale");
    CHECK(a.previousId == *first);
    REQUIRE(a.partners.size() == 1);
    CHECK(a.feature("B2")->targetLevel == 2);
    CHECK(a.feature("B2")->weight == 3);
    CHECK_FALSE(a.feature("B2")->agreedLevel.has_value());  // shown as reference, not copied
    w->showWalk();
    w->walkPage()->showFeature(1);
    auto *previous = w->walkPage()->currentFeaturePage()->findChild<TextBlock *>(QStringLiteral("previousLevel"));
    REQUIRE(previous);
    CHECK(previous->isVisible());
    CHECK(previous->text().contains("Goals are set but reviews lag"));
}

TEST_CASE("the report preview shows the PDF's pages and saves PDF, ODT and CSV", "[gui][workshop][report]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("report.hicmws"));
    REQUIRE(w->newAssessment(QStringLiteral("<b>Acme</b> & Vale")));
    w->session()->addPartner(Partner{0, "Vale ICB", OrgType::Icb, ""});
    w->session()->setAgreedLevel("B1", 1);
    ReportDialog dialog(*w->session(), w.get());
    CHECK(dialog.pageCount() >= 4);
    const std::string pdf = dir.file("report.pdf"), odt = dir.file("report.odt"), csv = dir.file("scores.csv");
    REQUIRE(dialog.savePdf(QString::fromStdString(pdf)));
    REQUIRE(dialog.saveOdt(QString::fromStdString(odt)));
    REQUIRE(dialog.saveCsv(QString::fromStdString(csv)));
    CHECK(test::readFile(pdf).rfind("%PDF", 0) == 0);
    CHECK(test::readFile(odt).rfind("PK", 0) == 0);  // an OpenDocument file is a zip
    CHECK(test::readFile(csv).find("Vale ICB") != std::string::npos);

    // HTML and Word, with the board cover sheet filled in (first in each), and the dialog fits a 1366 x 768 screen.
    CHECK(dialog.width() <= 1366);
    CHECK(dialog.height() <= 768);
    dialog.setCoverSheet(true, QStringLiteral("assurance"), QStringLiteral("For the board's <assurance> & note"),
                         {QStringLiteral("Note the plan")}, {QStringLiteral("Staff turnover")});
    const std::string html = dir.file("report.html"), docx = dir.file("report.docx");
    REQUIRE(dialog.saveHtml(QString::fromStdString(html)));
    const std::string page = test::readFile(html);
    CHECK(page.find("<h1>Board cover sheet</h1>") != std::string::npos);
    CHECK(page.find("<dd>For assurance</dd>") != std::string::npos);
    CHECK(page.find("For the board's &lt;assurance&gt; &amp; note") != std::string::npos);
    CHECK(page.find("<li>Staff turnover</li>") != std::string::npos);
    REQUIRE(dialog.saveDocx(QString::fromStdString(docx)));
    CHECK(test::readFile(docx).rfind("PK", 0) == 0);
    dialog.setCoverSheet(false, {}, {}, {}, {});
    REQUIRE(dialog.saveHtml(QString::fromStdString(html)));
    CHECK(test::readFile(html).find("Board cover sheet") == std::string::npos);
}
