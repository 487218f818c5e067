// The main window: menus and navigation between the screens (Home, Set-up, Walk, Results, Model).
// The screens are their own classes; every edit goes through the Session.
#pragma once

#include "framework.h"

#include <QMainWindow>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

class QLabel;
class QMenu;

namespace Ui {
class MainWindow;
}

namespace hicm::gui {

class ComparePage;
class FrameworkBrowser;
class HomePage;
struct PreparedWorkspace;
class ResultsPage;
class Session;
class SetupPage;
class TrendPage;
class WalkPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `bundled` is the framework new assessments are scored against (its JSON is stored with each).
    MainWindow(std::shared_ptr<const Framework> bundled, std::string bundledJson, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a workspace (creating it if the path does not exist). On failure shows why and keeps the
    // current one; a damaged file is never modified.
    bool openWorkspace(const QString &path);
    // The same for a workspace opened already (Session::prepare, which the app runs on a second thread).
    bool openWorkspace(PreparedWorkspace prepared);
    Session *session() const { return m_session.get(); }
    const Framework &bundledFramework() const { return *m_bundled; }

    // Screens.
    void showHome();
    void showSetup();
    void showWalk();
    void showResults();
    void showModel(const QString &page = {});
    // Compare (the open assessment and the one before it, by default) and Trend (the open assessment's
    // area). Both are built when first shown for the open workspace.
    void showCompare();
    void showTrend();
    QWidget *currentScreen() const;
    // The screens other than Home are built when first needed (start-up builds only Home), by these.
    FrameworkBrowser *frameworkBrowser();
    HomePage *homePage() const { return m_home; }
    SetupPage *setupPage();
    WalkPage *walkPage();
    ResultsPage *resultsPage();
    bool hasResultsPage() const { return m_results != nullptr; }  // built yet (pages are built when first shown)
    ComparePage *comparePage() const { return m_compare; }
    TrendPage *trendPage() const { return m_trend; }

    // The workshop's steps, as the menus and buttons run them (tests call these too).
    std::optional<std::int64_t> newAssessment(const QString &area, const QString &title = {},
                                              const QString &facilitator = {});
    bool openAssessment(std::int64_t id);
    // The next assessment of `previousId`'s area; `title` empty keeps the previous title, `date` empty is today.
    std::optional<std::int64_t> reassess(std::int64_t previousId, const QString &title = {}, const QString &date = {});
    // Asks for the new title and date, then reassesses (Home's Reassess).
    std::optional<std::int64_t> reassessDialog(std::int64_t previousId);
    // The banner above every screen while the open assessment is final, and its Reopen for Editing button.
    class QWidget *finalBanner() const { return m_finalBanner; }
    // File › Export / Import / Merge (docs/exchange-format.md): `path`, or one the user picks.
    bool exportAssessment(const QString &path = {});
    std::optional<std::int64_t> importAssessment(const QString &path = {});
    bool mergePartnerFile(const QString &path = {});
    void setPresentation(bool on);
    bool presentation() const { return m_presentation; }

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;  // dialogs made while presenting
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;  // notes the first paint (settleIntegrityLater)

private:
    void setUpActions();
    void setUpScreens();
    void applyPresentationStyle(bool on);
    static QPalette presentationPalette();
    void presentDialog(class QDialog *dialog, bool on);  // the presentation's type and colours, or its own
    void presentMenu(QMenu *menu, bool on);  // the same for a menu (menus are windows of their own)
    void fitOnScreen(QWidget *dialog);  // a dialog shown while presenting, no larger than the screen
    void applyZoom(int steps);
    void showAbout();
    void updateActions();
    void updateTitle();
    void announceReadOnly(const QString &path);  // the "Opened read-only" message, saying why
    // Starts the start-up check once the window has painted (or after a second without a paint), and takes its
    // answer when it is in.
    void settleIntegrityLater(const QString &path, int ticks = 0);
    void addRecent(const QString &path);
    void rebuildRecentMenu();
    void newWorkspaceDialog();
    void openWorkspaceDialog();
    void newAssessmentDialog();
    void addToPlan(const std::string &featureId, const std::string &actionId);
    void dropSessionViews();
    void setPagesSession(Session *session);

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::shared_ptr<const Framework> m_bundled;  // never null
    std::string m_bundledJson;
    std::unique_ptr<Session> m_session;
    HomePage *m_home;
    // Built on first use by their accessors (mainwindow_screens.cpp).
    FrameworkBrowser *m_browser = nullptr;
    QLabel *m_frameworkLabel = nullptr;  // the status bar's framework and edition; hidden while presenting
    SetupPage *m_setup = nullptr;
    WalkPage *m_walk = nullptr;
    ResultsPage *m_results = nullptr;
    ComparePage *m_compare = nullptr;
    TrendPage *m_trend = nullptr;
    void updateFinalBanner();
    class QWidget *m_finalBanner = nullptr;
    class QAction *m_undo = nullptr;
    class QAction *m_redo = nullptr;
    int m_zoom = 0;
    bool m_presentation = false;
    QByteArray m_geometryBeforePresentation;
    bool m_painted = false;  // the window has painted once: the start-up check may start
};

}  // namespace hicm::gui
