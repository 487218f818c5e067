// Presentation mode's larger type reaches the screen buttons too, whichever screen is shown when or after
// it starts: moving from Results to the walk while presenting left both buttons at the normal size
// (each button takes its action's font whole, and the bold one was set at the size before).
#include "gui_test_support.h"
#include "featurepage.h"
#include "mainwindow.h"
#include "resultspage.h"
#include "session.h"
#include "textblock.h"
#include "walkpage.h"
#include "test_paths.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTest>
#include <QToolBar>
#include <QTimer>
#include <QToolButton>

using namespace hicm;
using namespace hicm::gui;

namespace {

// Each screen button's point size and weight, with the toolbar's point size.
void checkButtons(MainWindow &w, QToolBar &bar, const QString &shown)
{
    for (QAction *a : bar.actions()) {
        auto *button = qobject_cast<QToolButton *>(bar.widgetForAction(a));
        if (!button || !a->isVisible())
            continue;
        const QString name = QString(a->text()).remove(QLatin1Char('&'));
        INFO("button " << name.toStdString() << ", presenting " << w.presentation());
        CHECK(button->font().pointSizeF() == Approx(bar.font().pointSizeF()));
        CHECK(button->font().bold() == (name == shown));
    }
}

}  // namespace

TEST_CASE("presenting, every screen button has the projector's type size, the one on show in bold", "[gui][workshop]")
{
    test::TempDir dir;
    auto w = guitest::openWindow(dir.file("present-nav.hicmws"));
    REQUIRE(w->newAssessment(QStringLiteral("Area")));
    auto *bar = w->findChild<QToolBar *>(QStringLiteral("navigation"));
    REQUIRE(bar);
    w->showResults();
    w->setPresentation(true);
    REQUIRE(bar->font().pointSizeF() > QApplication::font().pointSizeF());
    checkButtons(*w, *bar, QStringLiteral("Results"));
    w->showWalk();
    checkButtons(*w, *bar, QStringLiteral("Walk"));
    w->setPresentation(false);
    CHECK(bar->font().pointSizeF() == Approx(QApplication::font().pointSizeF()));
    checkButtons(*w, *bar, QStringLiteral("Walk"));
    w->showResults();
    checkButtons(*w, *bar, QStringLiteral("Results"));
}

TEST_CASE("F10 opens the menu bar and the arrow keys reach the Room menu, which has no letter of its own",
          "[gui][keyboard]")
{
    test::TempDir dir;
    auto w = guitest::openWindow(dir.file("menu-key.hicmws"));
    w->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(w.get()));
    QMenuBar *bar = w->menuBar();
    REQUIRE_FALSE(bar->activeAction());
    QTest::keyClick(w.get(), Qt::Key_F10);
    REQUIRE(bar->activeAction());
    CHECK(bar->activeAction() == bar->actions().first());
    QStringList titles;
    for (QAction *a : bar->actions())
        titles << a->text().remove(QLatin1Char('&'));
    const int room = static_cast<int>(titles.indexOf(QStringLiteral("Room")));
    REQUIRE(room > 0);
    for (int i = 0; i < room; ++i)
        QTest::keyClick(QApplication::activePopupWidget() ? QApplication::activePopupWidget() : static_cast<QWidget *>(bar),
                        Qt::Key_Right);
    REQUIRE(bar->activeAction());
    CHECK(bar->activeAction()->text().remove(QLatin1Char('&')) == QStringLiteral("Room"));
    QTest::keyClick(QApplication::activePopupWidget() ? QApplication::activePopupWidget() : static_cast<QWidget *>(bar),
                    Qt::Key_Escape);
}

TEST_CASE("presenting, a control that cannot be used looks so: its text is grey, not the projector's black",
          "[gui][workshop]")
{
    // The presentation's high contrast set every widget's text black, a disabled button's too: on B8 "Agree
    // the suggested level" looked ready to press when the agreed level already was the suggestion.
    test::TempDir dir;
    auto w = guitest::openWindow(dir.file("present-disabled.hicmws"));
    REQUIRE(w->newAssessment(QStringLiteral("Area")));
    w->setPresentation(true);
    w->showWalk();
    FeaturePage *page = w->walkPage()->currentFeaturePage();
    REQUIRE(page);
    QPushButton *button = page->useSuggestion();
    REQUIRE_FALSE(button->isEnabled());  // no levels yet: nothing to suggest
    // The darkest grey of the button as drawn: its text, as the frame is lighter than either.
    const auto darkest = [&] {
        const QImage image = button->grab().toImage();
        int least = 255;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                least = std::min(least, qGray(image.pixel(x, y)));
        return least;
    };
    const int disabled = darkest();
    button->setEnabled(true);
    const int enabled = darkest();
    button->setEnabled(false);
    INFO("darkest grey: enabled " << enabled << ", disabled " << disabled);
    CHECK(enabled < 40);
    CHECK(disabled > 80);
    w->setPresentation(false);
    CHECK(darkest() > 80);
}

TEST_CASE("presenting, a dialog opened for the room (an action being agreed) is in the projector's type",
          "[gui][workshop]")
{
    // Dialogs are windows of their own and kept the normal type size on the projector: the room could not
    // read the action the facilitator was typing.
    test::TempDir dir;
    auto w = guitest::openWindow(dir.file("present-dialog.hicmws"));
    REQUIRE(w->newAssessment(QStringLiteral("Area")));
    w->showResults();
    QPushButton *add = nullptr;
    for (auto *b : w->resultsPage()->findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("&Add action…"))
            add = b;
    REQUIRE(add);
    // The type of the dialog's Owner field, read while it is open; then the dialog is closed.
    const auto ownerSize = [&] {
        qreal size = 0;
        QTimer::singleShot(0, [&] {
            for (int tries = 0; tries < 200 && !QApplication::activeModalWidget(); ++tries)
                QTest::qWait(10);
            QWidget *dialog = QApplication::activeModalWidget();
            if (!dialog)
                return;
            if (auto *owner = dialog->findChild<QLineEdit *>(QStringLiteral("owner")))
                size = owner->font().pointSizeF();
            qobject_cast<QDialog *>(dialog)->reject();
        });
        add->click();
        return size;
    };
    const qreal normal = QApplication::font().pointSizeF();
    CHECK(ownerSize() == Approx(normal));
    w->setPresentation(true);
    CHECK(ownerSize() == Approx(normal * 1.5));
    w->setPresentation(false);
    CHECK(ownerSize() == Approx(normal));
}

TEST_CASE("presenting, a warning keeps its colour: partners levels apart are shown in red, not the projector's black",
          "[gui][workshop]")
{
    // The presentation's style sheet put black over every colour a page set for itself, so the warning that
    // partners are two levels apart looked like any other line on the projector.
    test::TempDir dir;
    auto w = guitest::openWindow(dir.file("present-warning.hicmws"));
    REQUIRE(w->newAssessment(QStringLiteral("Area")));
    Session &s = *w->session();
    s.addPartner({0, "North Shire ICB", OrgType::Icb, ""});
    s.addPartner({0, "North Shire Council", OrgType::LocalAuthority, ""});
    const std::string feature = s.framework().features.front().id;
    s.setPartnerLevel(feature, s.assessment().partners[0].id, 1);
    s.setPartnerLevel(feature, s.assessment().partners[1].id, 3);
    w->showWalk();
    w->walkPage()->showFeature(0);
    FeaturePage *page = w->walkPage()->currentFeaturePage();
    REQUIRE(page);
    auto *warning = page->spreadWarning();
    REQUIRE(warning->isVisible());
    w->setPresentation(true);
    // Pixels of the warning's text that are plainly red (the warning's colour is #8A1538).
    const auto redPixels = [&] {
        const QImage image = warning->grab().toImage();
        int red = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                red += c.red() > 90 && c.red() > 2 * c.green() && c.red() > 2 * c.blue();
            }
        return red;
    };
    CHECK(redPixels() > 50);
    w->setPresentation(false);
    CHECK(redPixels() > 50);
    s.setPartnerLevel(feature, s.assessment().partners[1].id, 1);  // agreed, then apart again while presenting
    w->setPresentation(true);
    s.setPartnerLevel(feature, s.assessment().partners[1].id, 3);
    CHECK(redPixels() > 50);
}

TEST_CASE("presenting, the menus and a context menu have the projector's type, and their own after", "[gui][workshop]")
{
    // The menu bar grew with the presentation's type; the menus it opens kept the desktop's small type.
    test::TempDir dir;
    auto w = guitest::openWindow(dir.file("present-menus.hicmws"));
    REQUIRE(w->newAssessment(QStringLiteral("Area")));
    const auto menus = w->menuBar()->findChildren<QMenu *>();
    REQUIRE(menus.size() >= 4);
    const qreal normal = QApplication::font().pointSizeF();
    w->setPresentation(true);
    const qreal big = w->font().pointSizeF();
    REQUIRE(big > normal);
    for (QMenu *menu : menus) {
        INFO("menu " << menu->title().toStdString());
        CHECK(menu->font().pointSizeF() == Approx(big));
        CHECK(menu->palette().color(QPalette::Text) == QColor(Qt::black));
    }
    // One made while presenting (a table's context menu), as it is shown.
    QMenu context(w.get());
    context.addAction(QStringLiteral("Copy"));
    QTimer::singleShot(0, &context, &QMenu::close);
    context.exec(w->mapToGlobal(QPoint(40, 40)));
    CHECK(context.font().pointSizeF() == Approx(big));
    w->setPresentation(false);
    for (QMenu *menu : menus)
        CHECK(menu->font().pointSizeF() == Approx(normal));
}
