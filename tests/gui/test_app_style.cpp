// The app's style (appstyle.h) defers the menu bar's and toolbars' extension icon until it is painted: the
// icon must still be the platform style's own, and a menu bar too narrow for its menus must still show it.
#include "appstyle.h"
#include "gui_test_support.h"

#include <QMenuBar>
#include <QStyle>
#include <QStyleFactory>
#include <QToolButton>

#include <memory>

using namespace hicm;

TEST_CASE("the app's style gives the platform's own extension icon, and every other icon unchanged", "[gui][style]")
{
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    std::unique_ptr<QStyle> app(gui::makeAppStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
    for (const auto which : {QStyle::SP_ToolBarHorizontalExtensionButton, QStyle::SP_ToolBarVerticalExtensionButton,
                             QStyle::SP_DialogOkButton}) {
        INFO(int(which));
        const QIcon ours = app->standardIcon(which), theirs = fusion->standardIcon(which);
        REQUIRE_FALSE(ours.isNull());
        for (const int size : {16, 24, 32}) {
            const QImage a = ours.pixmap(size, size).toImage(), b = theirs.pixmap(size, size).toImage();
            CHECK(a.size() == b.size());
            CHECK(a.convertToFormat(QImage::Format_ARGB32) == b.convertToFormat(QImage::Format_ARGB32));
        }
        CHECK(ours.availableSizes() == theirs.availableSizes());
    }
}

TEST_CASE("a menu bar too narrow for its menus shows the extension button with its icon", "[gui][style]")
{
    std::unique_ptr<QStyle> app(gui::makeAppStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
    QWidget window;
    window.setStyle(app.get());
    auto *bar = new QMenuBar(&window);
    bar->setStyle(app.get());
    for (const char *name : {"&File", "&Edit", "&View", "&Assessment", "&Room", "&Results", "&Help"})
        bar->addMenu(QString::fromLatin1(name))->addAction(QStringLiteral("Something"));
    window.resize(120, 60);
    bar->setGeometry(0, 0, 120, bar->sizeHint().height());
    window.show();
    QCoreApplication::processEvents();
    auto *extension = bar->findChild<QToolButton *>(QStringLiteral("qt_menubar_ext_button"));
    REQUIRE(extension);
    CHECK(extension->isVisible());
    const QImage shown = extension->icon().pixmap(16, 16).toImage();
    REQUIRE_FALSE(shown.isNull());
    CHECK(shown == std::unique_ptr<QStyle>(QStyleFactory::create(QStringLiteral("Fusion")))
                       ->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton)
                       .pixmap(16, 16)
                       .toImage());
}
