// The main window itself: the open workspace, the menus' state, the title, presentation mode, zoom,
// recent workspaces and closing. Its screens are in mainwindow_screens.cpp, its menu actions and the
// workshop's steps in mainwindow_actions.cpp.
#include "mainwindow.h"

#include "appicon.h"
#include "comparepage.h"
#include "frameworkbrowser.h"
#include "hicm_version.h"
#include "homepage.h"
#include "messages.h"
#include "resultspage.h"
#include "session.h"
#include "setuppage.h"
#include "trendpage.h"
#include "ui_mainwindow.h"
#include "walkpage.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLayout>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStyle>
#include <QStandardPaths>
#include <QUndoStack>

namespace hicm::gui {

namespace {
constexpr int kMaxRecent = 8;
const char *kRecentKey = "workspaces/recent";
}  // namespace

MainWindow::MainWindow(std::shared_ptr<const Framework> bundled, std::string bundledJson, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_bundled(std::move(bundled)),
      m_bundledJson(std::move(bundledJson)), m_home(new HomePage(this))
{
    m_ui->setupUi(this);
    setWindowIcon(appIcon());
    setUpScreens();
    setUpActions();
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    applyZoom(settings.value(QStringLiteral("view/zoom"), 0).toInt());
    rebuildRecentMenu();
    showHome();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Pages hold a pointer to the session: let them go first.
    setPagesSession(nullptr);
    dropSessionViews();
}

bool MainWindow::openWorkspace(const QString &path)
{
    return openWorkspace(Session::prepare(path.toStdString(), m_bundled));
}

bool MainWindow::openWorkspace(PreparedWorkspace prepared)
{
    const QString path = QString::fromStdString(prepared.path);
    QString error;
    auto session = Session::adopt(std::move(prepared), &error);
    if (!session) {
        Messages::error(this, tr("Cannot open the workspace"), error,
                        tr("The file has not been changed. Open another workspace or create a new one from the File menu."));
        return false;
    }
    setPagesSession(nullptr);
    dropSessionViews();
    if (m_undo) {
        m_ui->menuEdit->removeAction(m_undo);
        m_ui->menuEdit->removeAction(m_redo);
        delete m_undo;
        delete m_redo;
    }
    m_session = std::move(session);
    m_undo = m_session->undoStack()->createUndoAction(this, tr("&Undo"));
    m_redo = m_session->undoStack()->createRedoAction(this, tr("&Redo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_ui->menuEdit->addAction(m_undo);
    m_ui->menuEdit->addAction(m_redo);
    connect(m_session.get(), &Session::saved, this, [this](const QString &message) {
        statusBar()->showMessage(message, 3000);
    });
    connect(m_session.get(), &Session::failed, this, [this](const QString &message) {
        Messages::error(this, tr("The change was not saved"), message);
    });
    connect(m_session.get(), &Session::changedElsewhere, this, [this](const QString &message) {
        statusBar()->showMessage(message, 8000);
    });
    connect(m_session.get(), &Session::assessmentChanged, this, &MainWindow::updateTitle);
    connect(m_session.get(), &Session::assessmentChanged, this, &MainWindow::updateFinalBanner);
    connect(m_session.get(), &Session::locked, this, [this](const QString &message) {
        statusBar()->showMessage(message, 8000);
        updateFinalBanner();
    });
    setPagesSession(m_session.get());
    for (const QString &w : m_session->warnings())
        statusBar()->showMessage(w, 10000);
    if (m_session->readOnly())
        announceReadOnly(path);
    addRecent(path);
    showHome();
    updateActions();
    updateTitle();
    // A workspace opened at start-up is still to have its full integrity check (Session::prepare): it starts
    // once the window has painted, and its answer is taken when it is in; damage found there turns it
    // read-only and says so, as at open.
    settleIntegrityLater(path);
    return true;
}

void MainWindow::paintEvent(QPaintEvent *event)
{
    QMainWindow::paintEvent(event);
    m_painted = true;
}

void MainWindow::settleIntegrityLater(const QString &path, int ticks)
{
    QTimer::singleShot(5, this, [this, session = m_session.get(), path, ticks] {
        if (m_session.get() != session)
            return;  // another workspace since
        if (!m_painted && isVisible() && ticks < 200) {
            settleIntegrityLater(path, ticks + 1);  // the first paint first: the check would compete with it for the cores
            return;
        }
        const auto damaged = m_session->settleIntegrity();
        if (!damaged) {
            settleIntegrityLater(path, ticks + 1);  // still checking: the window stays responsive meanwhile
            return;
        }
        if (!*damaged)
            return;
        setPagesSession(m_session.get());
        updateActions();
        updateTitle();
        announceReadOnly(path);
    });
}

void MainWindow::announceReadOnly(const QString &path)
{
    Messages::error(this, tr("Opened read-only"),
                    tr("%1 is open read-only: %2. You can look, but changes will not be saved.")
                        .arg(path, m_session->readOnlyReason()));
}
void MainWindow::updateActions()
{
    const bool open = m_session && m_session->hasAssessment();
    const bool writable = m_session && !m_session->readOnly();
    m_ui->actionNewAssessment->setEnabled(writable);
    m_ui->actionImportAssessment->setEnabled(writable);
    m_ui->actionMergePartnerFile->setEnabled(open && writable);
    m_ui->actionExportAssessment->setEnabled(open);
    m_ui->actionCompare->setEnabled(m_session != nullptr);
    m_ui->actionTrend->setEnabled(m_session != nullptr);
    for (QAction *a : {m_ui->actionSetup, m_ui->actionWalk, m_ui->actionResults, m_ui->actionExportReport, m_ui->actionNextFeature,
                       m_ui->actionPreviousFeature})
        a->setEnabled(open);
    QWidget *current = m_ui->pages->currentWidget();
    const std::pair<QAction *, QWidget *> screens[] = {{m_ui->actionHome, m_home},       {m_ui->actionSetup, m_setup},
                                                       {m_ui->actionWalk, m_walk},       {m_ui->actionResults, m_results},
                                                       {m_ui->actionCompare, m_compare}, {m_ui->actionTrend, m_trend},
                                                       {m_ui->actionFramework, m_browser}};
    for (const auto &[action, screen] : screens) {
        const bool shown = current && current == screen;
        // The toolbar's own font (presentation mode's larger type), bold for the screen on show. A button
        // takes its action's font whole, so the size is given too, and set again when presentation
        // mode changes it (setPresentation calls this).
        QFont f = m_ui->navigation->font();
        f.setBold(shown);
        if (action->font() != f || !(action->font().resolveMask() & QFont::SizeResolved))
            action->setFont(f);
        if (QWidget *button = m_ui->navigation->widgetForAction(action))
            button->setAccessibleDescription(shown ? tr("The screen on show") : QString());
    }
    if (m_finalBanner)
        updateFinalBanner();
}

void MainWindow::updateFinalBanner()
{
    const bool final = m_session && m_session->hasAssessment() && m_session->assessment().status == AssessmentStatus::Final;
    m_finalBanner->setVisible(final && currentScreen() != m_home && currentScreen() != m_browser);
}

void MainWindow::updateTitle()
{
    // "Area — Title [file] — HICM Assess": ending with the application's display name, which Qt adds to a
    // title that does not (on Linux), so that the name is said once in the task bar and to a screen reader.
    QString title;
    if (m_session && m_session->hasAssessment()) {
        const auto &a = m_session->assessment();
        title = QString::fromStdString(a.area) + (a.title.empty() ? QString() : " — " + QString::fromStdString(a.title)) + " ";
    }
    if (m_session)
        title += "[" + QFileInfo(m_session->path()).fileName() + (m_session->readOnly() ? tr(", read-only") : QString()) + "] — ";
    title += QStringLiteral("HICM Assess");  // the display name (application.cpp)
    setWindowTitle(title);
}

void MainWindow::setPresentation(bool on)
{
    if (m_presentation == on)
        return;
    m_presentation = on;
    m_ui->actionPresentation->setChecked(on);
    if (on) {
        m_geometryBeforePresentation = saveGeometry();
        showFullScreen();
    } else {
        showNormal();
        restoreGeometry(m_geometryBeforePresentation);
    }
    applyPresentationStyle(on);
    // Dialogs (an action being agreed, a question, the export) are windows of their own, which do not take
    // the main window's type: each one made while presenting is given it as it is polished (before its
    // size is worked out), and any open now is given it or its usual look back.
    if (on)
        qApp->installEventFilter(this);
    else
        qApp->removeEventFilter(this);
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<QDialog *>(w))
            presentDialog(dialog, on);
        else if (auto *menu = qobject_cast<QMenu *>(w))
            presentMenu(menu, on);
    }
    if (m_setup)
        m_setup->setPresentation(on);
    if (m_walk)
        m_walk->setPresentation(on);
    if (m_results)
        m_results->setPresentation(on);
    if (m_browser)
        m_browser->setZoom(on ? m_zoom + 3 : m_zoom);
    // A status message is cut off where the first permanent widget begins: in the projector's type the
    // framework's name left "The room is open. Partners' hand-outs: Room › Partners' Hand-out". The room
    // needs the message; the framework's edition stays in the walk and the report.
    if (m_frameworkLabel)
        m_frameworkLabel->setVisible(!on);
    updateActions();  // the screen buttons' fonts, at the new size
    statusBar()->showMessage(on ? tr("Presentation mode: Esc or F5 leaves it") : QString(), 5000);
}

void MainWindow::applyPresentationStyle(bool on)
{
    // Large type and high contrast for a projector (private notes are hidden by the pages themselves): a
    // font and a palette, which every widget of the window takes unless it has its own (a warning's colour,
    // the previous assessment's note), and which widgets made later take too. (A style sheet did this
    // before: it put its black over those colours, over disabled controls too, and new widgets under it
    // took the application's type instead of their parent's.)
    QFont f = QApplication::font();
    if (on)
        f.setPointSizeF(f.pointSizeF() * 1.5);
    setFont(f);
    setPalette(on ? presentationPalette() : QPalette());
}

QPalette MainWindow::presentationPalette()
{
    // The style's own light palette whatever the desktop's theme, with black text on white; a control that
    // cannot be used keeps a grey that is legible and plainly not black (#707070 is 4.9:1 on white).
    QPalette p = QApplication::style()->standardPalette();
    for (const auto group : {QPalette::Active, QPalette::Inactive}) {
        for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            p.setColor(group, role, Qt::black);
        p.setColor(group, QPalette::Window, Qt::white);
        p.setColor(group, QPalette::Base, Qt::white);
    }
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x70, 0x70, 0x70));
    p.setColor(QPalette::Disabled, QPalette::Window, Qt::white);
    return p;
}

void MainWindow::presentDialog(QDialog *dialog, bool on)
{
    dialog->setFont(on ? font() : QFont());
    dialog->setPalette(on ? palette() : QPalette());
    // A widget not shown yet does not tell its layout that its size changed with the type: the layouts are
    // worked out again, or the dialog would keep the smaller minimum size and cut off its widest field.
    for (QLayout *layout : dialog->findChildren<QLayout *>())
        layout->invalidate();
    if (dialog->layout())
        dialog->layout()->activate();  // now, before the dialog's size is chosen as it is shown
}

// Menus are windows too: the menu bar took the projector's type while the menus it opens, and any context
// menu, kept the desktop's small one.
void MainWindow::presentMenu(QMenu *menu, bool on)
{
    menu->setFont(on ? font() : QFont());
    menu->setPalette(on ? palette() : QPalette());
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Polish && m_presentation)
        if (auto *menu = qobject_cast<QMenu *>(watched))
            presentMenu(menu, true);
    if ((event->type() == QEvent::Polish || event->type() == QEvent::Show) && m_presentation) {
        if (auto *dialog = qobject_cast<QDialog *>(watched); dialog && dialog->isWindow()) {
            if (event->type() == QEvent::Polish)
                presentDialog(dialog, true);  // the presentation's type and colours, which its widgets then take
            else
                fitOnScreen(dialog);
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::fitOnScreen(QWidget *dialog)
{
    // In the projector's type a dialog can ask for more than the screen (one that sizes itself, as Qt's file
    // dialog does, or remembers a size from a larger monitor). As it is shown, before it is on the screen,
    // it is made no larger than the screen, its frame included, down to its minimum size, and moved inside.
    const QRect screen = (dialog->screen() ? dialog->screen() : this->screen())->availableGeometry();
    QSize frame = dialog->frameGeometry().size() - dialog->size();
    if (frame.isNull())  // not known until a window manager has framed it: a title bar's height, guessed
        frame = QSize(0, dialog->style()->pixelMetric(QStyle::PM_TitleBarHeight, nullptr, dialog) + 8);
    const QSize fitted = dialog->size().boundedTo(screen.size() - frame).expandedTo(dialog->minimumSize());
    if (fitted != dialog->size())
        dialog->resize(fitted);
    const QSize outer = fitted + frame;
    const QPoint at(qBound(screen.left(), dialog->x(), qMax(screen.left(), screen.right() + 1 - outer.width())),
                    qBound(screen.top(), dialog->y(), qMax(screen.top(), screen.bottom() + 1 - outer.height())));
    if (at != dialog->pos())
        dialog->move(at);
}

void MainWindow::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_presentation) {
        setPresentation(false);
        event->accept();
        return;
    }
    QMainWindow::keyPressEvent(event);
}

void MainWindow::applyZoom(int steps)
{
    m_zoom = qBound(-2, steps, 8);
    if (m_browser)
        m_browser->setZoom(m_zoom);
    m_ui->actionZoomOut->setEnabled(m_zoom > -2);
    m_ui->actionZoomIn->setEnabled(m_zoom < 8);
}

void MainWindow::addRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!recent.isEmpty() && recent.first() == absolute)
        return;  // already first (the usual start): nothing to write, the menu is right
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QLatin1String(kRecentKey), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_ui->menuRecent->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    int n = 1;
    for (const QString &path : recent) {
        auto *a = m_ui->menuRecent->addAction(QStringLiteral("&%1 %2").arg(n++).arg(QFileInfo(path).fileName()));
        a->setToolTip(path);
        a->setStatusTip(path);
        connect(a, &QAction::triggered, this, [this, path] { openWorkspace(path); });
    }
    m_ui->menuRecent->setEnabled(!recent.isEmpty());
}

void MainWindow::newWorkspaceDialog()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, tr("New workspace"), dir + "/workspace.hicmws",
                                                tr("HICM Assess workspaces (*.hicmws)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".hicmws")))
        path += QLatin1String(".hicmws");
    if (QFileInfo::exists(path)) {
        Messages::error(this, tr("Cannot create the workspace"),
                        tr("%1 already exists. Open it with File › Open Workspace, or choose another name.").arg(path));
        return;
    }
    openWorkspace(path);
}

void MainWindow::openWorkspaceDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open workspace"), QString(),
                                                      tr("HICM Assess workspaces (*.hicmws);;All files (*)"));
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About HICM Assess"),
                       tr("<h3>HICM Assess %1</h3><p>Self-assessment against the Intermediate Care High Impact "
                          "Change Model, for health and care system partners.</p><p>Framework: %2, %3.</p>")
                           .arg(QStringLiteral(HICM_VERSION), QString::fromStdString(m_bundled->meta.title).toHtmlEscaped(),
                                QString::fromStdString(m_bundled->meta.edition).toHtmlEscaped()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_presentation)
        setPresentation(false);
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("view/zoom"), m_zoom);
    event->accept();
}

}  // namespace hicm::gui
