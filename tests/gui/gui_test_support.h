// Shared by the offscreen GUI tests: the real main window on a given workspace, at a projector laptop's
// size, shown and exposed.
#pragma once

#include "application.h"
#include "mainwindow.h"

#include <catch2/catch.hpp>

#include <QTest>

#include <memory>
#include <string>

namespace hicm::guitest {

inline std::unique_ptr<gui::MainWindow> openWindow(const std::string &workspace)
{
    gui::StartupOptions options;
    options.workspace = QString::fromStdString(workspace);
    auto window = gui::createMainWindow(options);
    REQUIRE(window);
    window->resize(1366, 768);
    window->show();
    REQUIRE(QTest::qWaitForWindowExposed(window.get()));
    return window;
}

}  // namespace hicm::guitest
