// The main window: menus, the page area, the status bar. Pages live in their own classes.
#pragma once

#include "framework.h"

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace hicm::gui {

class FrameworkBrowser;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Framework framework, QWidget *parent = nullptr);
    ~MainWindow() override;

    const Framework &framework() const { return m_framework; }
    FrameworkBrowser *frameworkBrowser() const { return m_browser; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpActions();
    void applyZoom(int steps);
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    Framework m_framework;
    FrameworkBrowser *m_browser;
    int m_zoom = 0;
};

}  // namespace hicm::gui
