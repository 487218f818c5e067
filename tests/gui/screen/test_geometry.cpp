// Every screen on a 1366x768 projector laptop (and at 200 %), normal and presenting: the window is never
// wider or taller than the screen, no table row is taller than its content on first show, the partner grid
// shows every row (the agreed one too) without scrolling and every partner's name whole (a trust's
// 43-character name too, wrapped), every focusable control has an accessible name, and no screen gives one
// mnemonic letter to two controls.
#include "comparepage.h"
#include "featurepage.h"
#include "gui_test_support.h"
#include "levelcard.h"
#include "mainwindow.h"
#include "resultspage.h"
#include "room_handle.h"
#include "roomcontroller.h"
#include "session.h"
#include "setuppage.h"
#include "test_paths.h"
#include "trendpage.h"
#include "walkpage.h"
#include "workshop_driver.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QAction>
#include <QBuffer>
#include <QDialog>
#include <QFileDialog>
#include <QPushButton>
#include <QTimer>
#include <QAccessible>
#include <QApplication>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QVBoxLayout>
#include <QXmlStreamReader>

#include <array>
#include <map>

using namespace hicm;
using namespace hicm::gui;
using hicm::guitest::openWindow;
using hicm::guitest::shot;

namespace {

const std::array<const char *, 5> kPartners = {"North Shire ICB", "Shire Community NHS Trust", "North Shire Council",
                                                "Acme Care", "Shire Voluntary Action"};
// Real trusts' names run to 43 characters, and two partners' names often share a long beginning.
const std::array<const char *, 5> kLongPartners = {"Northumbria Healthcare NHS Foundation Trust",
                                                    "North Shire Community Health Services Trust",
                                                    "North Shire Community Health Services Board", "Acme Care",
                                                    "Shire Voluntary Action"};

// A workshop's worth of data: five partners, every level, an action and a reassessment.
std::int64_t seed(MainWindow &w, const std::array<const char *, 5> &names = kPartners)
{
    auto id = w.newAssessment(QStringLiteral("North Shire"), QStringLiteral("Baseline"), QStringLiteral("Sam"));
    REQUIRE(id);
    Session &s = *w.session();
    const OrgType types[] = {OrgType::Icb, OrgType::NhsTrust, OrgType::LocalAuthority, OrgType::CareProvider, OrgType::Vcfse};
    for (int i = 0; i < 5; ++i)
        s.addPartner({0, names[i], types[i], ""});
    for (const auto &f : s.framework().features) {
        const std::vector<Partner> partners = s.assessment().partners;  // a copy: each edit re-reads the assessment
        for (const auto &p : partners)
            s.setPartnerLevel(f.id, p.id, 1 + static_cast<int>(p.id % 3));
        s.setAgreedLevel(f.id, 2);
    }
    s.addAction({0, "Agree one shared discharge to assess pathway across all partners", "A", "B4", "Jo Patel", "2027-03-31",
                 ActionStatus::InProgress, ""});
    return *id;
}

// Row `r` of `table` is tall enough for its `column`'s text wrapped at the column's width (`what` names it).
void checkRowHoldsText(QTableView *table, int r, int column, const char *what)
{
    const QString text = table->model()->index(r, column).data().toString();
    const QRect needed = table->fontMetrics().boundingRect(QRect(0, 0, table->columnWidth(column) - 8, 100000),
                                                           Qt::TextWordWrap, text);
    INFO(what << " \"" << text.toStdString() << "\" needs " << needed.height() << " px in a column of "
              << table->columnWidth(column) << " px; its row " << table->rowHeight(r) << " px");
    CHECK(table->rowHeight(r) >= needed.height());
}

// The text `widget` paints, line by line: painted into SVG, where each line is a <text> element.
QStringList paintedText(QWidget *widget)
{
    QBuffer svg;
    svg.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&svg);
    generator.setResolution(widget->logicalDpiX());
    generator.setSize(widget->size());
    widget->render(&generator);
    QStringList texts;
    QXmlStreamReader xml(svg.data());
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    return texts;
}

void checkFits(MainWindow &w, const QString &where)
{
    QApplication::processEvents();
    const QRect screen = w.screen()->availableGeometry();
    INFO(where.toStdString() << ": window " << w.geometry().width() << "x" << w.geometry().height() << ", screen "
                             << screen.width() << "x" << screen.height() << ", minimum "
                             << w.minimumSizeHint().width() << "x" << w.minimumSizeHint().height());
    CHECK(w.geometry().width() <= screen.width());
    CHECK(w.geometry().height() <= screen.height());
    CHECK(w.minimumSizeHint().width() <= screen.width());
    CHECK(w.minimumSizeHint().height() <= screen.height());
    // Compare: the words (its table of features) have more of the width than the chart beside them; with
    // less, the projector's type broke words in the table ("intermedi-ate").
    if (auto *split = w.currentScreen()->findChild<QSplitter *>(); split && where.startsWith(QStringLiteral("Compare"))) {
        REQUIRE(split->count() == 2);
        INFO(where.toStdString() << ": the comparison's words " << split->widget(0)->width() << " px, its chart "
                                 << split->widget(1)->width() << " px");
        CHECK(split->widget(0)->width() > split->widget(1)->width());
    }
    for (auto *table : w.currentScreen()->findChildren<QTableView *>()) {
        if (!table->isVisible())
            continue;
        const int slack = qMax(table->verticalHeader()->defaultSectionSize(), table->verticalHeader()->minimumSectionSize()) + 2;
        for (int r = 0; r < table->model()->rowCount(); ++r) {
            INFO(table->objectName().toStdString() << " row " << r << ": " << table->rowHeight(r) << " px, content "
                                                   << static_cast<QAbstractItemView *>(table)->sizeHintForRow(r));
            CHECK(table->rowHeight(r) <= qMax(slack, static_cast<QAbstractItemView *>(table)->sizeHintForRow(r) + 2));
            // The action plan's actions are read by the room whole: their rows are tall enough for the
            // wrapped text.
            if (table->objectName() == QStringLiteral("actionPlan"))
                checkRowHoldsText(table, r, 1, "the action");
        }
        // The partner grid shows every row, the room's agreed level included, without a scrollbar of its own.
        if (table->objectName() == QStringLiteral("partnerGrid")) {
            INFO(where.toStdString() << ": the partner grid's viewport " << table->viewport()->height() << " px for rows of "
                                     << table->verticalHeader()->length() << " px");
            CHECK(table->viewport()->height() >= table->verticalHeader()->length());
            CHECK_FALSE(table->verticalScrollBar()->isVisible());
            // The room reads each partner's name and level off the projector: whole, not cut short. A level on
            // one line; a long name may wrap, in a row tall enough for its lines and no word wider than the
            // column.
            for (int r = 0; r < table->model()->rowCount(); ++r) {
                const QModelIndex level = table->model()->index(r, 1);
                INFO(where.toStdString() << ": \"" << level.data().toString().toStdString() << "\" in a column of "
                                         << table->columnWidth(1) << " px, needs "
                                         << static_cast<QAbstractItemView *>(table)->sizeHintForIndex(level).width());
                CHECK(table->columnWidth(1) >= static_cast<QAbstractItemView *>(table)->sizeHintForIndex(level).width());
                const QString name = table->model()->index(r, 0).data().toString();
                QFont font = table->font();
                font.setBold(r + 1 == table->model()->rowCount());  // the agreed row
                const QFontMetrics metrics(font);
                const int width = table->columnWidth(0) - 8;  // the cell's margins and the grid line
                const QRect needed = metrics.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, name);
                INFO(where.toStdString() << ": \"" << name.toStdString() << "\" needs " << needed.height()
                                         << " px in a column of " << table->columnWidth(0) << " px; its row "
                                         << table->rowHeight(r) << " px");
                CHECK(table->rowHeight(r) >= needed.height());
                for (const QString &word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                    INFO("the word \"" << word.toStdString() << "\" " << metrics.horizontalAdvance(word) << " px");
                    CHECK(metrics.horizontalAdvance(word) <= width);
                }
            }
            // What the grid paints: every name and level whole (the lines of a wrapped name one after the
            // other), nothing elided.
            const QString painted = paintedText(table).join(QLatin1Char(' ')).simplified();
            INFO(where.toStdString() << ": the grid paints \"" << painted.toStdString() << "\"");
            CHECK_FALSE(painted.contains(QChar(0x2026)));
            for (int r = 0; r < table->model()->rowCount(); ++r)
                for (int c : {0, 1})
                    CHECK(painted.contains(table->model()->index(r, c).data().toString().simplified()));
            // Inside the window and the screen, its right edge too.
            const QRect onScreen(table->mapToGlobal(QPoint(0, 0)), table->size());
            INFO(where.toStdString() << ": the grid from x " << onScreen.left() << " to " << onScreen.right());
            CHECK(onScreen.right() <= screen.right());
            CHECK(onScreen.right() <= w.geometry().right());
            const int notes = table->model()->columnCount() - 1;
            INFO(where.toStdString() << ": the notes' column " << table->columnWidth(notes) << " px for a heading of "
                                     << table->horizontalHeader()->sectionSizeHint(notes));
            CHECK(table->columnWidth(notes) >= table->horizontalHeader()->sectionSizeHint(notes));
        }
    }
}

// The screens, each shown as the facilitator shows it.
std::vector<std::pair<QString, std::function<void(MainWindow &)>>> screens()
{
    return {{QStringLiteral("Home"), [](MainWindow &w) { w.showHome(); }},
            {QStringLiteral("Set-up"), [](MainWindow &w) { w.showSetup(); }},
            {QStringLiteral("Walk B1"), [](MainWindow &w) { w.showWalk(); w.walkPage()->showFeature(0); }},
            {QStringLiteral("Walk B8"), [](MainWindow &w) { w.showWalk(); w.walkPage()->showFeature(7); }},
            {QStringLiteral("Results: priorities"), [](MainWindow &w) { w.showResults(); w.resultsPage()->findChild<QTabWidget *>()->setCurrentIndex(0); }},
            {QStringLiteral("Results: profile"), [](MainWindow &w) { w.showResults(); w.resultsPage()->findChild<QTabWidget *>()->setCurrentIndex(1); }},
            {QStringLiteral("Results: action plan"), [](MainWindow &w) { w.showResults(); w.resultsPage()->findChild<QTabWidget *>()->setCurrentIndex(2); }},
            {QStringLiteral("Compare"), [](MainWindow &w) { w.showCompare(); }},
            {QStringLiteral("Trend"), [](MainWindow &w) { w.showTrend(); }},
            {QStringLiteral("The model"), [](MainWindow &w) { w.showModel(); }}};
}

}  // namespace

TEST_CASE("every screen fits the projector's screen, normal and presenting", "[gui][geometry]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("geometry.hicmws"));
    seed(*w);
    for (bool presenting : {false, true}) {
        w->setPresentation(presenting);
        for (const auto &[name, show] : screens()) {
            show(*w);
            checkFits(*w, name + (presenting ? QStringLiteral(" (presenting)") : QString()));
        }
    }
    w->setPresentation(false);
}

TEST_CASE("the level cards name the selected partner whole, and keep their height as the selection moves",
          "[gui][geometry]")
{
    // Presenting, the card of the selected partner's level read "◆ North Shire…": the ICB or the council?
    // And with a trust's 43-character name, "◆ North Shire Community Health Servi…": the trust or the board?
    for (const auto &names : {kPartners, kLongPartners}) {
        test::TempDir dir;
        auto w = openWindow(dir.file("cards.hicmws"));
        seed(*w, names);
        const QRect screen = w->screen()->availableGeometry();
        for (bool presenting : {false, true}) {
            w->setPresentation(presenting);
            w->showWalk();
            w->walkPage()->showFeature(1);
            FeaturePage *page = w->walkPage()->currentFeaturePage();
            QApplication::processEvents();
            const auto cards = page->findChildren<LevelCard *>();
            REQUIRE(cards.size() == 3);
            std::vector<int> heights;
            for (auto *card : cards)
                heights.push_back(card->height());
            QTableView *grid = page->partnerGrid();
            for (int row = 0; row + 1 < grid->model()->rowCount(); ++row) {  // the partners, not the agreed row
                grid->setCurrentIndex(grid->model()->index(row, 1));
                QApplication::processEvents();
                const QString partner = grid->model()->index(row, 0).data().toString();
                int shown = 0;
                for (std::size_t i = 0; i < std::size_t(cards.size()); ++i) {
                    LevelCard *card = cards[qsizetype(i)];
                    INFO((presenting ? "presenting, " : "") << partner.toStdString() << ", level " << card->level());
                    CHECK(card->height() == heights[i]);
                    if (card->note().isEmpty())
                        continue;
                    ++shown;
                    CHECK(card->note().contains(partner));
                    const QString marked = QStringLiteral("\u25C6 ") + card->note();
                    QFont italic = card->font();
                    italic.setItalic(true);
                    QFont bold = card->font();
                    bold.setBold(true);
                    const QFontMetrics notes(italic), titles(bold), body(card->font());
                    const int padding = 12;  // the card's, each side
                    // The title at its longest (ticked as agreed): beside it, the note has the rest of the line;
                    // under it, the card's width, on as many lines as it takes.
                    const QString title =
                        QStringLiteral("\u2713 %1  %2 (agreed)").arg(card->level()).arg(card->text().section(QLatin1Char(' '), 1));
                    const int room = card->noteOnOwnLine() ? card->width() - 2 * padding
                                                           : card->width() - 2 * padding - titles.horizontalAdvance(title) - 12;
                    const QRect needed = notes.boundingRect(QRect(0, 0, room, 100000), Qt::TextWordWrap, marked);
                    INFO("the note \"" << card->note().toStdString() << "\" in " << room << " px: " << needed.width() << "x"
                                       << needed.height() << " px");
                    if (!card->noteOnOwnLine())
                        CHECK(notes.horizontalAdvance(marked) <= room);
                    for (const QString &word : marked.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                        CHECK(notes.horizontalAdvance(word) <= room);
                    // As painted: the note whole, on lines that each fit the card.
                    const QStringList lines = card->noteLines();
                    INFO("painted as \"" << lines.join(QStringLiteral("\" / \"")).toStdString() << "\"");
                    CHECK(lines.join(QLatin1Char(' ')).simplified() == marked);
                    for (const QString &line : lines)
                        CHECK(notes.horizontalAdvance(line.trimmed()) <= room);
                    // The card tall enough for its title, the note's lines and the whole descriptor under them.
                    const int descriptor =
                        body.boundingRect(QRect(0, 0, card->width() - 2 * padding, 100000), Qt::TextWordWrap,
                                          card->accessibleDescription().section(QStringLiteral(". "), 1, -1))
                            .height();
                    const int noteHeight =
                        card->noteOnOwnLine() ? qMax(needed.height(), int(lines.size()) * notes.lineSpacing()) : 0;
                    INFO("the card " << card->height() << " px; its title " << titles.height() << ", the note "
                                     << noteHeight << ", the descriptor " << descriptor << " px");
                    CHECK(card->height() >= padding + titles.height() + noteHeight + 6 + descriptor + padding);
                    // On the screen.
                    const QRect onScreen(card->mapToGlobal(QPoint(0, 0)), card->size());
                    CHECK(onScreen.left() >= screen.left());
                    CHECK(onScreen.right() <= screen.right());
                }
                CHECK(shown == 1);
            }
        }
        w->setPresentation(false);
    }
}

TEST_CASE("the walk shows a trust's 43-character name whole in the partner grid, normal and presenting",
          "[gui][geometry]")
{
    // Presenting at 1366x768, "Northumbria Healthcare NHS Foundation Trust" read "Northumbria Healthcare NHS
    // Foundatio…", and the two North Shire partners the same, "North Shire Community Health Services…".
    test::TempDir dir;
    auto w = openWindow(dir.file("long-names.hicmws"));
    seed(*w, kLongPartners);
    for (bool presenting : {false, true}) {
        w->setPresentation(presenting);
        for (const auto &[name, show] : screens()) {
            if (!name.startsWith(QStringLiteral("Walk")))
                continue;
            show(*w);
            checkFits(*w, name + (presenting ? QStringLiteral(" (presenting)") : QString()));
            shot(w.get(), QStringLiteral("long-names-%1%2")
                              .arg(name.section(QLatin1Char(' '), 1), presenting ? QStringLiteral("-presenting") : QString()));
        }
    }
    w->setPresentation(false);
}

TEST_CASE("the action plan keeps the room for the action when its owner is a trust's whole name", "[gui][geometry]")
{
    // Presenting at 1366x768, an owner of 43 characters took its whole width in one line and the action,
    // what the room reads, wrapped onto three lines in a column a seventh of the plan's width.
    test::TempDir dir;
    auto w = openWindow(dir.file("long-owner.hicmws"));
    seed(*w, kLongPartners);
    // Added while the room watches the plan: its row as tall as its text, no taller (it was fitted to the
    // owner's column before the column took the owner's width: four lines' height for two).
    w->setPresentation(true);
    w->showResults();
    w->resultsPage()->findChild<QTabWidget *>()->setCurrentIndex(2);
    QTest::qWait(20);
    w->session()->addAction({0, "Agree one referral route for step-up and step-down across the system", "C", "B1",
                             kLongPartners[0], "2027-03-31", ActionStatus::NotStarted, ""});
    for (int i = 0; i < 3; ++i) {
        QTest::qWait(20);
        QApplication::processEvents();
    }
    checkFits(*w, QStringLiteral("Results: action plan (presenting), an action just added"));
    for (bool presenting : {false, true}) {
        w->setPresentation(presenting);
        const QString where = QStringLiteral("Results: action plan") + (presenting ? QStringLiteral(" (presenting)") : QString());
        w->showResults();
        w->resultsPage()->findChild<QTabWidget *>()->setCurrentIndex(2);
        for (int i = 0; i < 3; ++i) {
            QTest::qWait(20);
            QApplication::processEvents();
        }
        checkFits(*w, where);
        auto *plan = w->resultsPage()->findChild<QTableView *>(QStringLiteral("actionPlan"));
        REQUIRE(plan);
        const int owner = 4, action = 1;  // ActionPlanModel's columns
        const int available = plan->viewport()->width();
        INFO(where.toStdString() << ": the plan " << available << " px; the action's column " << plan->columnWidth(action)
                                 << " px, the owner's " << plan->columnWidth(owner) << " px");
        CHECK(plan->columnWidth(owner) <= std::max(available / 5, plan->horizontalHeader()->sectionSizeHint(owner)) + 1);
        CHECK(plan->columnWidth(action) >= available * 3 / 10);
        CHECK(plan->columnWidth(action) >= plan->columnWidth(owner));
        // The owner whole, wrapped in its column: every row tall enough for it.
        for (int r = 0; r < plan->model()->rowCount(); ++r)
            checkRowHoldsText(plan, r, owner, "the owner");
        shot(w.get(), QStringLiteral("long-owner%1").arg(presenting ? QStringLiteral("-presenting") : QString()));
    }
    w->setPresentation(false);
}

TEST_CASE("every control on every screen has an accessible name", "[gui][accessibility]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("names.hicmws"));
    seed(*w);
    for (const auto &[name, show] : screens()) {
        show(*w);
        QApplication::processEvents();
        for (auto *widget : w->currentScreen()->findChildren<QWidget *>()) {
            if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus)
                continue;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
            REQUIRE(iface);
            INFO(name.toStdString() << ": " << widget->metaObject()->className() << " " << widget->objectName().toStdString());
            CHECK_FALSE(iface->text(QAccessible::Name).trimmed().isEmpty());
            if (auto *table = qobject_cast<QTableView *>(widget))  // every cell, empty or not, says what it is
                for (int r = 0; r < table->model()->rowCount(); ++r)
                    for (int c = 0; c < table->model()->columnCount(); ++c) {
                        const QModelIndex cell = table->model()->index(r, c);
                        auto *widgetTable = qobject_cast<QTableWidget *>(table);  // a widget table's cell may have no item
                        if ((!widgetTable || widgetTable->item(r, c)) && cell.data().toString().isEmpty() && !table->isColumnHidden(c)) {
                            INFO("cell " << r << "," << c);
                            CHECK_FALSE(cell.data(Qt::AccessibleTextRole).toString().isEmpty());
                        }
                    }
        }
    }
    // The screens are buttons that show them (not check boxes that a Toggle could tick without showing).
    for (auto *action : w->findChildren<QAction *>())
        if (action->objectName() == QStringLiteral("actionWalk") || action->objectName() == QStringLiteral("actionHome"))
            CHECK_FALSE(action->isCheckable());
}

TEST_CASE("no screen gives one mnemonic letter to two controls", "[gui][keyboard]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("mnemonics.hicmws"));
    seed(*w);
    auto letterOf = [](const QString &text) -> QChar {
        for (int i = 0; i + 1 < text.size(); ++i) {
            if (text[i] == QLatin1Char('&') && text[i + 1] == QLatin1Char('&')) {
                ++i;
                continue;
            }
            if (text[i] == QLatin1Char('&'))
                return text[i + 1].toLower();
        }
        return {};
    };
    for (const auto &[name, show] : screens()) {
        show(*w);
        QApplication::processEvents();
        std::map<QChar, QString> used;
        auto claim = [&](const QString &text) {
            const QChar letter = letterOf(text);
            if (letter.isNull())
                return;
            const auto prior = used.find(letter);
            INFO(name.toStdString() << ": '" << QString(letter).toStdString() << "' for \"" << text.toStdString()
                                    << "\" and \"" << (prior == used.end() ? QString() : prior->second).toStdString() << "\"");
            CHECK(prior == used.end());
            used[letter] = text;
        };
        for (auto *menu : w->menuBar()->actions())
            claim(menu->text());
        for (auto *widget : w->findChildren<QWidget *>()) {
            if (!widget->isVisible())
                continue;
            if (auto *b = qobject_cast<QAbstractButton *>(widget))
                claim(b->text());
            else if (auto *l = qobject_cast<QLabel *>(widget); l && l->buddy())
                claim(l->text());
            else if (auto *g = qobject_cast<QGroupBox *>(widget); g && g->isCheckable())
                claim(g->title());
            else if (auto *t = qobject_cast<QTabWidget *>(widget))
                for (int i = 0; i < t->count(); ++i)
                    claim(t->tabText(i));
        }
    }
    // Within each menu, one letter per item: File had "E&xport Assessment…" and "Open Peer E&xtract…",
    // and Alt+F then X opened neither while no assessment was open.
    for (auto *menu : w->menuBar()->findChildren<QMenu *>()) {
        std::map<QChar, QString> used;
        for (auto *item : menu->actions()) {
            const QChar letter = letterOf(item->text());
            if (letter.isNull())
                continue;
            const auto prior = used.find(letter);
            INFO(menu->title().toStdString() << ": '" << QString(letter).toStdString() << "' for \"" << item->text().toStdString()
                                             << "\" and \"" << (prior == used.end() ? QString() : prior->second).toStdString() << "\"");
            CHECK(prior == used.end());
            used[letter] = item->text();
        }
    }
}

TEST_CASE("presenting a long feature, the row the facilitator types on stays in view, the agreed one too",
          "[gui][geometry]")
{
    // Presenting from Home, the walk is made after the presentation began: its type is the presentation's.
    // B6's description then fills most of the projector's screen, and the grid's last rows are below the
    // page's fold. Typing a level for each partner round the table moves down the rows; each is scrolled
    // into view, a trust's name on two lines too.
    for (const auto &names : {kPartners, kLongPartners}) {
        INFO("partners from \"" << names[0] << "\"");
        test::TempDir dir;
        auto w = openWindow(dir.file("rows.hicmws"));
        seed(*w, names);
        w->setPresentation(true);
        w->showWalk();
        w->walkPage()->showFeature(5);
        w->activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(w.get()));
        FeaturePage *page = w->walkPage()->currentFeaturePage();
        REQUIRE(page);
        CHECK(page->font().pointSizeF() == Approx(QApplication::font().pointSizeF() * 1.5));
        QTableView *grid = page->partnerGrid();
        auto *scroll = qobject_cast<QScrollArea *>(page->parentWidget()->parentWidget());
        REQUIRE(scroll);
        grid->setFocus();
        REQUIRE(grid->hasFocus());
        grid->setCurrentIndex(grid->model()->index(0, 0));
        QTest::qWait(50);  // laid out at the presentation's size of text
        const auto inView = [&] {
            const QRect row = grid->visualRect(grid->currentIndex());
            const QRect shown(grid->viewport()->mapTo(scroll->viewport(), row.topLeft()), row.size());
            INFO("row " << grid->currentIndex().row() << ", " << row.height() << " px, at " << shown.top() << " to "
                        << shown.bottom() << " of a viewport " << scroll->viewport()->height() << " px");
            return scroll->viewport()->rect().contains(shown);
        };
        CHECK(inView());
        const int partners = static_cast<int>(w->session()->assessment().partners.size());
        for (int i = 0; i < partners; ++i) {
            QTest::keyClick(grid, Qt::Key_2);
            QApplication::processEvents();
            INFO("after the level of partner " << i + 1);
            CHECK(inView());
            CHECK(w->session()->assessment().feature("B6")->partnerLevel(names[std::size_t(i)])->level == 2);
        }
        CHECK(grid->currentIndex().row() == partners);  // the agreed row
        QTest::keyClick(grid, Qt::Key_2);
        CHECK(inView());
        w->setPresentation(false);
        CHECK(page->font().pointSizeF() == Approx(QApplication::font().pointSizeF()));
    }
}

TEST_CASE("presenting, every dialog of the workshop is in the projector's type and fits the screen", "[gui][geometry]")
{
    // Dialogs take the presentation's larger type (a window of their own does not inherit it): each must
    // still fit a 1366x768 screen, at 200 % too.
    test::TempDir dir;
    auto w = openWindow(dir.file("dialogs.hicmws"));
    seed(*w);
    w->setPresentation(true);
    const qreal presented = QApplication::font().pointSizeF() * 1.5;
    const QRect screen = w->screen()->availableGeometry();
    const auto check = [&](const QString &name, const std::function<void()> &open) {
        bool seen = false;
        QTimer::singleShot(0, [&] {
            for (int tries = 0; tries < 300 && !QApplication::activeModalWidget(); ++tries)
                QTest::qWait(10);
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            seen = true;
            QTest::qWait(20);  // laid out and placed
            INFO(name.toStdString() << ": dialog " << dialog->frameGeometry().width() << "x"
                                    << dialog->frameGeometry().height() << " at " << dialog->frameGeometry().x() << ","
                                    << dialog->frameGeometry().y() << ", screen " << screen.width() << "x" << screen.height());
            CHECK(dialog->font().pointSizeF() == Approx(presented));
            CHECK(dialog->frameGeometry().width() <= screen.width());
            CHECK(dialog->frameGeometry().height() <= screen.height());
            CHECK(dialog->minimumSizeHint().width() <= screen.width());
            CHECK(dialog->minimumSizeHint().height() <= screen.height());
            CHECK(dialog->width() >= dialog->minimumSizeHint().width());  // nothing squeezed or cut off
            CHECK(dialog->height() >= dialog->minimumSizeHint().height());
            // Fields sized by the type they were made in grow with the projector's: the export dialog's
            // Word template shows its whole placeholder, and the cover sheet's boxes four lines.
            for (auto *edit : dialog->findChildren<QLineEdit *>()) {
                if (edit->placeholderText().isEmpty() || !edit->isVisible())
                    continue;
                INFO("field " << edit->accessibleName().toStdString() << ": " << edit->width() << " px");
                CHECK(edit->font().pointSizeF() == Approx(presented));
                CHECK(edit->width() > edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + 8);
            }
            for (auto *edit : dialog->findChildren<QPlainTextEdit *>()) {
                INFO("box " << edit->accessibleName().toStdString() << ": " << edit->height() << " px");
                CHECK(edit->viewport()->height() >= 4 * edit->fontMetrics().lineSpacing());
            }
            dialog->reject();
        });
        open();
        INFO(name.toStdString());
        CHECK(seen);
    };
    const auto trigger = [&](const char *action) {
        return [&w, action] { w->findChild<QAction *>(QLatin1String(action))->trigger(); };
    };
    check(QStringLiteral("Export report"), trigger("actionExportReport"));
    check(QStringLiteral("New assessment"), trigger("actionNewAssessment"));
    // Qt's own file dialog, from the export dialog's Save as PDF: it asked for more than the screen's height.
    bool fileDialogSeen = false;
    QTimer::singleShot(0, [&] {
        for (int tries = 0; tries < 300 && !qobject_cast<QDialog *>(QApplication::activeModalWidget()); ++tries)
            QTest::qWait(10);
        auto *report = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!report)
            return;
        QTimer::singleShot(0, [&, report] {
            for (int tries = 0; tries < 300 && QApplication::activeModalWidget() == report; ++tries)
                QTest::qWait(10);
            auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!files)
                return;
            fileDialogSeen = true;
            QTest::qWait(20);
            const QRect frame = files->frameGeometry();
            INFO("the file dialog " << frame.width() << "x" << frame.height() << " at " << frame.x() << "," << frame.y());
            CHECK(files->font().pointSizeF() == Approx(presented));
            CHECK(screen.contains(frame));
            files->reject();
        });
        for (auto *b : report->findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Save as &PDF…"))
                b->click();
        report->reject();
    });
    w->findChild<QAction *>(QStringLiteral("actionExportReport"))->trigger();
    CHECK(fileDialogSeen);
    w->showResults();
    check(QStringLiteral("Add action"), [&] {
        for (auto *b : w->resultsPage()->findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("&Add action…"))
                b->click();
    });
    w->setPresentation(false);
}

TEST_CASE("presenting, the reveal brings every partner's vote and the agreed row onto the screen", "[gui][geometry]")
{
    // At 1366x768 the room's strip and a long feature's description pushed the grid below the fold: after
    // Ctrl+R the room saw the level cards and none of the five votes.
    test::TempDir dir;
    auto w = openWindow(dir.file("reveal.hicmws"));
    REQUIRE(w->newAssessment(QStringLiteral("East Vale")));
    Session &s = *w->session();
    for (const char *org : {"East Vale ICB", "Vale Hospitals", "East Vale Council", "Carers & Co", "Vale Voluntary Action"})
        s.addPartner(Partner{0, org, OrgType::Other, ""});
    w->setPresentation(true);
    w->showWalk();
    auto *rc = w->findChild<RoomController *>();
    REQUIRE(rc);
    rc->inviteAction()->trigger();  // the automatic answer picks "this laptop only"
    REQUIRE(rc->isOpen());
    w->walkPage()->showFeature(5);  // B6, the longest description
    REQUIRE(rc->room()->currentFeature() == "B6");
    FeaturePage *page = w->walkPage()->currentFeaturePage();
    QTableView *grid = page->partnerGrid();
    auto *scroll = qobject_cast<QScrollArea *>(page->parentWidget()->parentWidget());
    REQUIRE(scroll);
    // Each partner's vote (a level typed on the grid is that partner's vote while the room is open), then
    // the page back at its top, where the room reads the feature while the phones vote.
    grid->setFocus();
    for (int r = 0; r < 5; ++r) {
        grid->setCurrentIndex(grid->model()->index(r, 0));
        QTest::keyClick(grid, Qt::Key(Qt::Key_1 + r % 3));
    }
    REQUIRE(rc->room()->votedPartners().size() == 5);
    scroll->verticalScrollBar()->setValue(0);
    QApplication::processEvents();
    // The rows of the grid, the agreed one last, inside the part of the page the screen shows.
    const auto rowsShown = [&] {
        int shown = 0;
        for (int r = 0; r < grid->model()->rowCount(); ++r) {
            const QRect row = grid->visualRect(grid->model()->index(r, 0));
            const QRect onPage(grid->viewport()->mapTo(scroll->viewport(), row.topLeft()), row.size());
            shown += scroll->viewport()->rect().contains(onPage);
        }
        return shown;
    };
    INFO("the page's viewport " << scroll->viewport()->height() << " px; the grid " << grid->height() << " px");
    REQUIRE(grid->model()->rowCount() == 6);
    CHECK(rowsShown() < 6);
    rc->revealAction()->trigger();
    QApplication::processEvents();
    CHECK(rowsShown() == 6);
    rc->closeAction()->trigger();
    w->setPresentation(false);
}

TEST_CASE("presenting, a dialog sized for a bigger screen is shown inside the projector's screen", "[gui][geometry]")
{
    // A dialog that sizes itself (as Qt's file dialog does, or one that remembers its size from a larger
    // monitor) could reach past the screen's edge in the projector's type, its buttons out of reach.
    test::TempDir dir;
    auto w = openWindow(dir.file("big-dialog.hicmws"));
    w->setPresentation(true);
    QDialog dialog(w.get());
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(QStringLiteral("A dialog"), &dialog));
    auto *ok = new QPushButton(QStringLiteral("OK"), &dialog);
    layout->addWidget(ok);
    dialog.resize(2400, 1600);
    dialog.show();
    QApplication::processEvents();
    const QRect screen = w->screen()->availableGeometry();
    INFO("dialog " << dialog.frameGeometry().width() << "x" << dialog.frameGeometry().height() << " at "
                   << dialog.frameGeometry().x() << "," << dialog.frameGeometry().y());
    CHECK(screen.contains(dialog.frameGeometry()));
    CHECK(screen.contains(ok->mapToGlobal(ok->rect().bottomRight())));
    dialog.hide();
    w->setPresentation(false);
}
