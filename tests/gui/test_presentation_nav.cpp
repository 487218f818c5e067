// Presentation mode's larger type reaches the screen buttons too, whichever screen is shown when or after
// it starts: moving from Results to the walk while presenting left both buttons at the normal size
// (each button takes its action's font whole, and the bold one was set at the size before).
#include "gui_test_support.h"
#include "mainwindow.h"
#include "test_paths.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QToolBar>
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
