// The acceptance test of a real workshop (issue 13): a new facilitator's whole workshop through the real
// main window, from the keyboard, on a 1366x768 screen. After every step the stored assessment is compared
// with what the step meant: exactly those fields changed, nothing else. It ends with the board report's
// text, read back from the PDF, naming the room's plan, every movement and the carried actions.
#include "featurepage.h"
#include "gui_test_support.h"
#include "levelcard.h"
#include "mainwindow.h"
#include "reportdialog.h"
#include "resultspage.h"
#include "session.h"
#include "setuppage.h"
#include "test_paths.h"
#include "walkpage.h"
#include "workshop_driver.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QLineEdit>
#include <QPdfDocument>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QTabWidget>
#include <QTableWidget>

using namespace hicm;
using namespace hicm::gui;
using namespace hicm::guitest;

namespace {

// Name, the type's place in the list (ICB, NHS trust, local authority, care provider, VCFSE), contact.
const char *kPartners[5][3] = {{"North Shire ICB", "0", "Sam Lee"},
                               {"Shire Community NHS Trust", "1", "Jo Patel"},
                               {"North Shire Council", "2", "Ade Cole"},
                               {"Acme & Sons <b>Care</b>", "3", "Kim Ng"},
                               {"Shire Voluntary Action", "4", ""}};
// Partner levels for B1..B8 (rows: partners) and the level the room agrees.
const int kLevels[5][8] = {
    {1, 2, 2, 1, 3, 2, 1, 1}, {2, 2, 3, 1, 2, 2, 1, 3}, {1, 3, 2, 2, 2, 1, 1, 1}, {1, 1, 2, 1, 2, 2, 2, 1}, {2, 2, 2, 1, 2, 2, 1, 1}};
const int kAgreed[8] = {1, 2, 2, 1, 2, 2, 1, 1};
// A year later.
const int kAgreedLater[8] = {2, 1, 3, 2, 2, 2, 1, 1};

std::string featurePath(int f, const char *field)
{
    return "/features/" + std::to_string(f) + "/" + field;
}

QString pdfText(const QString &path)
{
    QPdfDocument doc;
    REQUIRE(doc.load(path) == QPdfDocument::Error::None);
    QString text;
    for (int i = 0; i < doc.pageCount(); ++i)
        text += doc.getAllText(i).text() + QLatin1Char('\n');
    return text.simplified();
}

// Scores every feature in the walk, partner by partner and then the room, from the keyboard, checking
// after each key that it changed that one level and nothing else.
void scoreAllFeatures(MainWindow &w, Ledger &ledger, const int partners[5][8], const int agreed[8], int partnerCount)
{
    for (int f = 0; f < 8; ++f) {
        FeaturePage *page = w.walkPage()->currentFeaturePage();
        REQUIRE(page);
        INFO("feature " << page->featureId());
        CHECK(focused() == page->partnerGrid());
        CHECK(page->partnerGrid()->currentIndex().row() == 0);  // each feature starts with the first partner
        for (int p = 0; p < partnerCount; ++p) {
            press(Qt::Key_0 + partners[p][f]);
            ledger.expectOnly("partner level", {featurePath(f, "partner_levels")});
        }
        CHECK(page->partnerGrid()->currentIndex().row() == partnerCount);  // the agreed row comes last
        press(Qt::Key_0 + agreed[f]);
        ledger.expectOnly("agreed level", {featurePath(f, "agreed_level")});
        // The cards show the agreed level, whichever row is selected; a partner's own level is named.
        page->partnerGrid()->setCurrentIndex(page->partnerGrid()->model()->index(0, 0));
        for (auto *card : page->findChildren<LevelCard *>()) {
            CHECK(card->isChecked() == (card->level() == agreed[f]));
            CHECK(card->note().isEmpty() == (card->level() != partners[0][f]));
        }
        if (f < 7)
            press(Qt::Key_PageDown, Qt::ControlModifier);
    }
}

}  // namespace

TEST_CASE("a whole workshop and its reassessment, by keyboard: nothing changes that the room did not change",
          "[acceptance][gui]")
{
    test::TempDir dir;
    const std::string path = dir.file("workshop.hicmws");
    auto w = openWindow(path);
    REQUIRE(w->session());

    // A new assessment, from the keyboard (Ctrl+N, the dialog's fields by Tab).
    withDialog([] { press(Qt::Key_N, Qt::ControlModifier); },
               [](QWidget *d) {
                   type(QStringLiteral("North Shire"));
                   press(Qt::Key_Tab);
                   type(QStringLiteral("Baseline 2026"));
                   shot(d, QStringLiteral("01-new-assessment"));
                   press(Qt::Key_Return);
               });
    REQUIRE(w->session()->hasAssessment());
    CHECK(w->currentScreen() == w->setupPage());
    Ledger ledger(path, w->session()->assessment().id);
    CHECK(ledger.last().at("area") == "North Shire");
    CHECK(ledger.last().at("title") == "Baseline 2026");

    // Set-up: a wrong date is shown as a problem and stored nowhere; the right one is stored on commit.
    auto *setup = w->setupPage();
    press(Qt::Key_D, Qt::AltModifier);
    CHECK(focused()->objectName() == QStringLiteral("date"));
    press(Qt::Key_A, Qt::ControlModifier);
    type(QStringLiteral("2"));
    press(Qt::Key_Tab);
    ledger.expectNothing("a date of \"2\"");
    auto *problem = setup->findChild<QWidget *>(QStringLiteral("detailsProblem"));
    REQUIRE(problem);
    CHECK(problem->isVisible());
    shot(w.get(), QStringLiteral("02-setup-date-problem"));
    press(Qt::Key_D, Qt::AltModifier);
    press(Qt::Key_A, Qt::ControlModifier);
    type(QStringLiteral("2026-11-30"));
    press(Qt::Key_Return);
    ledger.expectOnly("the date", {"/date"});
    CHECK(ledger.last().at("date") == "2026-11-30");
    CHECK_FALSE(problem->isVisible());

    // Five partners: name, type, contact, and Enter (from the contact field too).
    for (const auto &p : kPartners) {
        setup->findChild<QLineEdit *>(QStringLiteral("newOrganisation"))->setFocus();  // a click into the field
        type(QString::fromUtf8(p[0]));
        press(Qt::Key_Tab);
        press(Qt::Key_Home);  // the type, chosen with the arrow keys
        for (int i = 0; i < std::atoi(p[1]); ++i)
            press(Qt::Key_Down);
        press(Qt::Key_Tab);
        type(QString::fromUtf8(p[2]));
        press(Qt::Key_Return);
        ledger.expectOnly("a partner", {"/partners"});
    }
    shot(w.get(), QStringLiteral("03-setup-partners"));
    const auto &partners = ledger.last().at("partners");
    REQUIRE(partners.size() == 5);
    const char *types[] = {"icb", "nhs-trust", "local-authority", "care-provider", "vcfse"};
    for (std::size_t i = 0; i < 5; ++i) {
        CHECK(partners[i].at("organisation") == kPartners[i][0]);
        CHECK(partners[i].at("type") == types[i]);
        CHECK(partners[i].at("contact") == kPartners[i][2]);
    }

    // The walk: every partner's level and the room's, for all eight features.
    press(Qt::Key_3, Qt::ControlModifier);
    CHECK(w->currentScreen() == w->walkPage());
    scoreAllFeatures(*w, ledger, kLevels, kAgreed, 5);
    shot(w.get(), QStringLiteral("04-walk-b8-scored"));

    // Back on B2: a value typed into a data cell is that value, and changes no level.
    press(Qt::Key_Home, Qt::ControlModifier | Qt::AltModifier);  // no such shortcut: nothing happens
    for (int i = 0; i < 6; ++i)
        press(Qt::Key_PageUp, Qt::ControlModifier);
    FeaturePage *b2 = w->walkPage()->currentFeaturePage();
    REQUIRE(b2->featureId() == "B2");
    auto *b2Metrics = b2->findChild<QTableView *>(QStringLiteral("metrics"));
    REQUIRE(b2Metrics);
    b2Metrics->setFocus();  // a click into the first value cell
    b2Metrics->setCurrentIndex(b2Metrics->model()->index(0, 1));
    type(QStringLiteral("27"));
    press(Qt::Key_Return);
    ledger.expectOnly("a data value", {featurePath(1, "metrics")});
    CHECK(ledger.last().at("features")[1].at("metrics")[0].at("value") == "27");
    CHECK(ledger.last().at("features")[1].at("agreed_level") == kAgreed[1]);
    shot(w.get(), QStringLiteral("05-walk-b2-data-value"));

    // The rationale, typed after Alt+R.
    press(Qt::Key_R, Qt::AltModifier);
    CHECK(focused() == b2->rationale());
    type(QStringLiteral("Shared plans exist, but 7 of 12 teams still work alone"));
    ledger.expectOnly("the rationale", {featurePath(1, "rationale")});
    CHECK(ledger.last().at("features")[1].at("rationale") == "Shared plans exist, but 7 of 12 teams still work alone");
    CHECK(b2->rationale()->toPlainText() == QStringLiteral("Shared plans exist, but 7 of 12 teams still work alone"));

    // An action from the page's targeted actions: the dialog, from the keyboard.
    auto buttons = b2->findChildren<QPushButton *>();
    QPushButton *addToPlan = nullptr;
    for (auto *b : buttons)
        if (b->text().startsWith(QStringLiteral("Add to plan")) && !addToPlan)
            addToPlan = b;
    REQUIRE(addToPlan);
    addToPlan->setFocus();
    withDialog([] { press(Qt::Key_Space); },
               [](QWidget *d) {
                   press(Qt::Key_O, Qt::AltModifier);
                   type(QStringLiteral("Jo Patel"));
                   press(Qt::Key_D, Qt::AltModifier);
                   type(QStringLiteral("2027-03-31"));
                   shot(d, QStringLiteral("06-action-dialog"));
                   press(Qt::Key_Return);
               });
    ledger.expectOnly("an action", {"/actions", featurePath(1, "planned_actions")});
    REQUIRE(ledger.last().at("actions").size() == 1);
    CHECK(ledger.last().at("actions")[0].at("owner") == "Jo Patel");

    // B6 lists no data to use: the room adds its own metric (Alt+M), names it and gives its value.
    for (int i = 0; i < 4; ++i)
        press(Qt::Key_PageDown, Qt::ControlModifier);
    FeaturePage *b6 = w->walkPage()->currentFeaturePage();
    REQUIRE(b6->featureId() == "B6");
    press(Qt::Key_M, Qt::AltModifier);
    ledger.expectOnly("the room's own metric", {featurePath(5, "metrics")});
    press(Qt::Key_A, Qt::ControlModifier);  // the new name's editor is open: replace the suggested name
    type(QStringLiteral("Care home admissions from intermediate care"));
    press(Qt::Key_Return);
    press(Qt::Key_Right);
    type(QStringLiteral("85"));
    press(Qt::Key_Return);
    ledger.expectOnly("its name and value", {featurePath(5, "metrics")});
    const auto &own = ledger.last().at("features")[5].at("metrics")[0];
    CHECK(own.at("id") == "B6.own1");
    CHECK(own.at("name") == "Care home admissions from intermediate care");
    CHECK(own.at("value") == "85");
    shot(w.get(), QStringLiteral("06b-walk-b6-own-metric"));

    // Results: the room pins a change first, with its reason.
    press(Qt::Key_4, Qt::ControlModifier);
    CHECK(w->currentScreen() == w->resultsPage());
    QComboBox *decision = nullptr;
    QLineEdit *reason = nullptr;
    for (auto *c : w->resultsPage()->findChildren<QComboBox *>())
        if (c->accessibleName() == QStringLiteral("Change to decide on"))
            decision = c;
    for (auto *e : w->resultsPage()->findChildren<QLineEdit *>())
        if (e->accessibleName().startsWith(QStringLiteral("Reason")))
            reason = e;
    REQUIRE(decision);
    REQUIRE(reason);
    decision->setFocus();
    press(Qt::Key_End);  // the last change, HIC F
    CHECK(decision->currentData().toString() == QStringLiteral("F"));
    reason->setFocus();
    type(QStringLiteral("The council's budget cycle starts in April"));
    press(Qt::Key_N, Qt::AltModifier);
    ledger.expectOnly("a pin", {"/overrides"});
    CHECK(ledger.last().at("overrides")[0].at("change") == "F");
    shot(w.get(), QStringLiteral("07-results-pinned"));

    // Presentation mode fits the projector's screen.
    press(Qt::Key_F5);
    QApplication::processEvents();
    const QRect screen = w->screen()->geometry();
    CHECK(w->frameGeometry().width() <= screen.width());
    CHECK(w->frameGeometry().height() <= screen.height());
    shot(w.get(), QStringLiteral("08-presentation-results"));
    press(Qt::Key_3, Qt::ControlModifier);
    shot(w.get(), QStringLiteral("09-presentation-walk"));
    press(Qt::Key_Escape);
    ledger.expectNothing("presentation mode");

    // The board report names the room's plan: the pinned change and why.
    {
        ReportDialog report(*w->session(), w.get());
        const QString pdf = QString::fromStdString(dir.file("baseline.pdf"));
        REQUIRE(report.savePdf(pdf));
        const QString text = pdfText(pdf);
        CHECK(text.contains(QStringLiteral("The council's budget cycle starts in April")));
        CHECK_FALSE(text.contains(QRegularExpression(QStringLiteral("\\bB[1-8]\\.[A-Z]+[0-9]+\\b"))));
    }
    ledger.expectNothing("the report");

    // Final: locked. A level key changes nothing until the assessment is reopened, which is logged.
    auto *status = setup->findChild<QComboBox *>(QStringLiteral("status"));
    REQUIRE(status);
    press(Qt::Key_2, Qt::ControlModifier);
    press(Qt::Key_S, Qt::AltModifier);
    CHECK(focused() == status);
    press(Qt::Key_Down);
    ledger.expectOnly("marked final", {"/status"});
    CHECK(w->finalBanner()->isVisible());
    shot(w.get(), QStringLiteral("10-final-banner"));
    press(Qt::Key_3, Qt::ControlModifier);
    press(Qt::Key_3);
    ledger.expectNothing("a level key on a final assessment");
    const std::int64_t first = ledger.id();

    // A year later: reassess, with its own title and date.
    press(Qt::Key_1, Qt::ControlModifier);
    std::optional<std::int64_t> second;
    withDialog([&] { second = w->reassessDialog(first); },
               [](QWidget *d) {
                   press(Qt::Key_T, Qt::AltModifier);
                   type(QStringLiteral("Reassessment 2027"));
                   shot(d, QStringLiteral("11-reassess-dialog"));
                   press(Qt::Key_Return);
               });
    REQUIRE(second);
    ledger.follow(*second);
    CHECK(ledger.last().at("title") == "Reassessment 2027");
    CHECK(ledger.last().at("previous_id") == first);
    REQUIRE(ledger.last().at("actions").size() == 1);  // the open action is carried, with where it came from
    CHECK(ledger.last().at("actions")[0].at("owner") == "Jo Patel");
    CHECK(ledger.last().at("actions")[0].at("carried_from").is_number());
    press(Qt::Key_3, Qt::ControlModifier);
    scoreAllFeatures(*w, ledger, kLevels, kAgreedLater, 5);
    shot(w.get(), QStringLiteral("12-reassessment-walk-b8"));
    press(Qt::Key_4, Qt::ControlModifier);
    w->resultsPage()->findChild<QTabWidget *>()->setCurrentIndex(2);
    // The carried action's status, chosen from the list by keyboard (F2, Down, Enter).
    auto *plan = w->resultsPage()->findChild<QTableView *>(QStringLiteral("actionPlan"));
    REQUIRE(plan);
    plan->setFocus();
    plan->setCurrentIndex(plan->model()->index(0, 6));
    press(Qt::Key_F2);
    press(Qt::Key_Down);
    press(Qt::Key_Return);
    QApplication::processEvents();
    ledger.expectOnly("an action's status", {"/actions/0/status"});
    CHECK(ledger.last().at("actions")[0].at("status") == "in-progress");
    shot(w.get(), QStringLiteral("13-reassessment-plan"));
    press(Qt::Key_3, Qt::ControlModifier);
    ledger.expectNothing("looking at the results");

    ReportDialog report(*w->session(), w.get());
    const QString pdf = QString::fromStdString(dir.file("reassessment.pdf"));
    REQUIRE(report.savePdf(pdf));
    const QString text = pdfText(pdf);
    // Every movement: B1, B4 up; B2 down (declines as well as gains); and the carried action.
    CHECK(text.contains(QStringLiteral("Jo Patel")));
    CHECK(text.contains(QStringLiteral("carried"), Qt::CaseInsensitive));
    for (const char *moved : {"B1", "B2", "B3", "B4"})
        CHECK(text.contains(QString::fromLatin1(moved)));
}
