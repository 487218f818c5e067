#include "mainwindow.h"

#include "comparepage.h"
#include "dialogs.h"
#include "exchangeactions.h"
#include "featurepage.h"
#include "frameworkbrowser.h"
#include "hicm_version.h"
#include "homepage.h"
#include "messages.h"
#include "peerspage.h"
#include "reportdialog.h"
#include "resultspage.h"
#include "session.h"
#include "setuppage.h"
#include "trendpage.h"
#include "ui_mainwindow.h"
#include "walkpage.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDate>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
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
    setWindowIcon(QIcon(QStringLiteral(":/icons/hicm-assess.svg")));
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

void MainWindow::setPagesSession(Session *session)
{
    m_home->setSession(session);
    if (m_setup)
        m_setup->setSession(session);
    if (m_walk)
        m_walk->setSession(session);
    if (m_results)
        m_results->setSession(session);
}

FrameworkBrowser *MainWindow::frameworkBrowser() const
{
    if (!m_browser) {
        m_browser = new FrameworkBrowser(const_cast<MainWindow *>(this));
        m_browser->setFramework(m_bundled.get());
        m_browser->setZoom(m_presentation ? m_zoom + 3 : m_zoom);
        m_ui->pages->addWidget(m_browser);
    }
    return m_browser;
}

SetupPage *MainWindow::setupPage() const
{
    if (!m_setup) {
        auto *self = const_cast<MainWindow *>(this);
        m_setup = new SetupPage(self);
        m_ui->pages->addWidget(m_setup);
        connect(m_setup, &SetupPage::aboutModelRequested, self, [self] { self->showModel(QStringLiteral("about")); });
        connect(m_setup, &SetupPage::startWalkRequested, self, &MainWindow::showWalk);
        m_setup->setSession(m_session.get());
    }
    return m_setup;
}

WalkPage *MainWindow::walkPage() const
{
    if (!m_walk) {
        auto *self = const_cast<MainWindow *>(this);
        m_walk = new WalkPage(self);
        m_ui->pages->addWidget(m_walk);
        connect(m_walk, &WalkPage::addToPlanRequested, self, &MainWindow::addToPlan);
        m_walk->setPresentation(m_presentation);
        m_walk->setSession(m_session.get());
    }
    return m_walk;
}

ResultsPage *MainWindow::resultsPage() const
{
    if (!m_results) {
        m_results = new ResultsPage(const_cast<MainWindow *>(this));
        m_ui->pages->addWidget(m_results);
        m_results->setPresentation(m_presentation);
        m_results->setSession(m_session.get());
    }
    return m_results;
}

void MainWindow::dropSessionViews()
{
    // Compare and Trend follow one session's signals: they are built again for the next one.
    for (QWidget *w : {static_cast<QWidget *>(m_compare), static_cast<QWidget *>(m_trend)})
        if (w) {
            m_ui->pages->removeWidget(w);
            delete w;
        }
    m_compare = nullptr;
    m_trend = nullptr;
}

void MainWindow::setUpScreens()
{
    m_ui->pages->addWidget(m_home);
    auto *frameworkLabel = new QLabel(tr("Framework: %1 — %2")
                                          .arg(QString::fromStdString(m_bundled->meta.shortTitle.empty() ? m_bundled->meta.title
                                                                                                         : m_bundled->meta.shortTitle),
                                               QString::fromStdString(m_bundled->meta.edition)),
                                      this);
    frameworkLabel->setAccessibleName(tr("Framework in use"));
    statusBar()->addPermanentWidget(frameworkLabel);

    connect(m_home, &HomePage::newRequested, this, &MainWindow::newAssessmentDialog);
    connect(m_home, &HomePage::openRequested, this, [this](std::int64_t id) {
        if (openAssessment(id))
            showWalk();
    });
    connect(m_home, &HomePage::reassessRequested, this, [this](std::int64_t id) {
        if (reassessDialog(id))
            showSetup();
    });
    // A final assessment is locked: a banner says so above every screen, with the one way to reopen it.
    m_finalBanner = new QWidget(this);
    m_finalBanner->setObjectName(QStringLiteral("finalBanner"));
    m_finalBanner->setAutoFillBackground(true);
    QPalette warn = m_finalBanner->palette();
    warn.setColor(QPalette::Window, QColor(0xFF, 0xF4, 0xD6));
    warn.setColor(QPalette::WindowText, Qt::black);
    m_finalBanner->setPalette(warn);
    auto *bannerLayout = new QHBoxLayout(m_finalBanner);
    auto *bannerText = new QLabel(tr("This assessment is final: it is locked, and nothing in it can be changed."), m_finalBanner);
    bannerText->setObjectName(QStringLiteral("finalBannerText"));
    bannerText->setWordWrap(true);
    auto *reopen = new QPushButton(tr("&Unlock for Editing"), m_finalBanner);
    reopen->setObjectName(QStringLiteral("reopenForEditing"));
    reopen->setToolTip(tr("Make it a draft again; the change log records who reopened it and when"));
    connect(reopen, &QPushButton::clicked, this, [this] {
        if (m_session && m_session->hasAssessment()) {
            m_session->setStatus(AssessmentStatus::Draft);
            statusBar()->showMessage(tr("Reopened for editing. The change log records it."), 8000);
        }
    });
    bannerLayout->addWidget(bannerText, 1);
    bannerLayout->addWidget(reopen);
    static_cast<QVBoxLayout *>(m_ui->centralwidget->layout())->insertWidget(0, m_finalBanner);
    m_finalBanner->hide();
    connect(m_home, &HomePage::deleteRequested, this, [this](std::int64_t id) {
        m_session->deleteAssessment(id);
        statusBar()->showMessage(tr("Assessment deleted. Undo (Ctrl+Z) brings it back."), 8000);
    });
}

void MainWindow::setUpActions()
{
    auto *ui = m_ui.get();
    ui->actionQuit->setShortcut(QKeySequence::Quit);
    ui->actionNewAssessment->setShortcut(QKeySequence::New);
    ui->actionOpenWorkspace->setShortcut(QKeySequence::Open);
    ui->actionExportReport->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    ui->actionNewWorkspace->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    ui->actionHome->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    ui->actionSetup->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    ui->actionWalk->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    ui->actionResults->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    ui->actionCompare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
    ui->actionTrend->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_6));
    ui->actionFramework->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    ui->actionExportAssessment->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    ui->actionImportAssessment->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    ui->actionMergePartnerFile->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    ui->actionNextFeature->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_PageDown), QKeySequence(Qt::ALT | Qt::Key_Right)});
    ui->actionPreviousFeature->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_PageUp), QKeySequence(Qt::ALT | Qt::Key_Left)});
    ui->actionPresentation->setShortcut(QKeySequence(Qt::Key_F5));
    ui->actionZoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    ui->actionZoomOut->setShortcut(QKeySequence::ZoomOut);
    ui->actionZoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));

    connect(ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui->actionNewAssessment, &QAction::triggered, this, &MainWindow::newAssessmentDialog);
    connect(ui->actionNewWorkspace, &QAction::triggered, this, &MainWindow::newWorkspaceDialog);
    connect(ui->actionExportReport, &QAction::triggered, this, [this] {
        if (!m_session || !m_session->hasAssessment())
            return;
        ReportDialog dialog(*m_session, this);
        dialog.exec();
    });
    connect(ui->actionOpenWorkspace, &QAction::triggered, this, &MainWindow::openWorkspaceDialog);
    connect(ui->actionHome, &QAction::triggered, this, &MainWindow::showHome);
    connect(ui->actionSetup, &QAction::triggered, this, &MainWindow::showSetup);
    connect(ui->actionWalk, &QAction::triggered, this, &MainWindow::showWalk);
    connect(ui->actionResults, &QAction::triggered, this, &MainWindow::showResults);
    connect(ui->actionCompare, &QAction::triggered, this, &MainWindow::showCompare);
    connect(ui->actionTrend, &QAction::triggered, this, &MainWindow::showTrend);
    connect(ui->actionFramework, &QAction::triggered, this, [this] { showModel(); });
    connect(ui->actionExportAssessment, &QAction::triggered, this, [this] { exportAssessment(); });
    connect(ui->actionImportAssessment, &QAction::triggered, this, [this] { importAssessment(); });
    connect(ui->actionMergePartnerFile, &QAction::triggered, this, [this] { mergePartnerFile(); });
    addPeerExtractAction(this, ui->menuFile, ui->actionMergePartnerFile, ui->pages, *m_bundled);
    connect(ui->actionNextFeature, &QAction::triggered, this, [this] {
        showWalk();
        walkPage()->next();
    });
    connect(ui->actionPreviousFeature, &QAction::triggered, this, [this] {
        showWalk();
        walkPage()->previous();
    });
    connect(ui->actionPresentation, &QAction::toggled, this, &MainWindow::setPresentation);
    connect(ui->actionZoomIn, &QAction::triggered, this, [this] { applyZoom(m_zoom + 1); });
    connect(ui->actionZoomOut, &QAction::triggered, this, [this] { applyZoom(m_zoom - 1); });
    connect(ui->actionZoomReset, &QAction::triggered, this, [this] { applyZoom(0); });
    connect(ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    // The screens are pushed, not ticked: as check boxes, a screen reader's Toggle ticked a screen without
    // showing it. The current one is in bold on the toolbar and named as such (updateActions).
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
    for (const auto &w : m_session->workspace().warnings())
        statusBar()->showMessage(QString::fromStdString(w), 10000);
    if (m_session->readOnly())
        Messages::error(this, tr("Opened read-only"),
                        tr("%1 is open read-only: %2. You can look, but changes will not be saved.")
                            .arg(path, m_session->readOnlyReason()));
    addRecent(path);
    showHome();
    updateActions();
    updateTitle();
    return true;
}

std::optional<std::int64_t> MainWindow::newAssessment(const QString &area, const QString &title, const QString &facilitator)
{
    if (!m_session)
        return std::nullopt;
    storage::NewAssessment fields;
    fields.area = area.trimmed().toStdString();
    fields.title = title.trimmed().toStdString();
    fields.facilitator = facilitator.trimmed().toStdString();
    fields.date = QDate::currentDate().toString(Qt::ISODate).toStdString();
    auto id = m_session->createAssessment(fields, m_bundledJson);
    if (id && openAssessment(*id))
        showSetup();
    return id;
}

void MainWindow::newAssessmentDialog()
{
    if (!m_session)
        return;
    NewAssessmentDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto fields = dialog.fields();
    if (auto id = m_session->createAssessment(fields, m_bundledJson); id && openAssessment(*id))
        showSetup();
}

bool MainWindow::openAssessment(std::int64_t id)
{
    if (!m_session || !m_session->openAssessment(id))
        return false;
    m_home->selectId(id);
    updateActions();
    return true;
}

std::optional<std::int64_t> MainWindow::reassessDialog(std::int64_t previousId)
{
    if (!m_session)
        return std::nullopt;
    QString area, facilitator;
    if (auto previous = m_session->workspace().loadAssessment(previousId)) {
        area = QString::fromStdString(previous->area);
        facilitator = QString::fromStdString(previous->facilitator);
    }
    NewAssessmentDialog dialog(this);
    dialog.setForReassessment(area, facilitator);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const auto fields = dialog.fields();
    return reassess(previousId, QString::fromStdString(fields.title), QString::fromStdString(fields.date));
}

std::optional<std::int64_t> MainWindow::reassess(std::int64_t previousId, const QString &title, const QString &date)
{
    if (!m_session)
        return std::nullopt;
    auto id = m_session->reassess(previousId,
                                  (date.isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : date).toStdString(),
                                  title.trimmed().toStdString());
    if (id)
        openAssessment(*id);
    return id;
}

void MainWindow::addToPlan(const std::string &featureId, const std::string &actionId)
{
    if (!m_session || !m_session->hasAssessment())
        return;
    const Framework &fw = m_session->framework();
    const Feature *f = fw.feature(featureId);
    const Item *item = f ? f->action(actionId) : nullptr;
    if (!item)
        return;
    Action initial;
    initial.text = item->text.text;
    initial.feature = featureId;
    for (const auto &a : f->alignsWith)
        if (a.basis == Basis::Text) {
            initial.change = a.change;
            break;
        }
    ActionDialog dialog(fw, initial, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Action action = dialog.action();
    const auto id = m_session->assessment().id;
    const auto *fa = m_session->assessment().feature(featureId);
    const bool wasPlanned = fa && std::find(fa->plannedActions.begin(), fa->plannedActions.end(), actionId) !=
                                      fa->plannedActions.end();
    auto added = std::make_shared<Action>(action);
    storage::Workspace &ws = m_session->workspace();
    // One undo step: the action goes into the plan and the targeted action is marked as taken.
    m_session->push(
        tr("Add action to the plan"),
        [&ws, id, added, featureId, actionId]() -> storage::Status {
            if (added->id != 0) {
                if (auto st = ws.restoreAction(id, *added); !st)
                    return st;
            } else {
                auto r = ws.addAction(id, *added);
                if (!r)
                    return r.error();
                added->id = *r;
            }
            return ws.setPlannedAction(id, featureId, actionId, true);
        },
        [&ws, id, added, featureId, actionId, wasPlanned]() -> storage::Status {
            if (!wasPlanned)
                if (auto st = ws.setPlannedAction(id, featureId, actionId, false); !st)
                    return st;
            return ws.removeAction(id, added->id);
        });
}

void MainWindow::showHome()
{
    m_ui->pages->setCurrentWidget(m_home);
    m_home->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void MainWindow::showSetup()
{
    if (!m_session || !m_session->hasAssessment())
        return showHome();
    m_ui->pages->setCurrentWidget(setupPage());
    m_setup->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void MainWindow::showWalk()
{
    if (!m_session || !m_session->hasAssessment())
        return showHome();
    m_ui->pages->setCurrentWidget(walkPage());
    if (auto *page = m_walk->currentFeaturePage())
        page->partnerGrid()->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void MainWindow::showResults()
{
    if (!m_session || !m_session->hasAssessment())
        return showHome();
    m_ui->pages->setCurrentWidget(resultsPage());
    m_results->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void MainWindow::showCompare()
{
    if (!m_session)
        return showHome();
    if (!m_compare) {
        m_compare = new ComparePage(m_session.get(), this);
        m_ui->pages->addWidget(m_compare);
    } else {
        m_compare->selectDefault();
    }
    m_ui->pages->setCurrentWidget(m_compare);
    m_compare->afterBox()->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void MainWindow::showTrend()
{
    if (!m_session)
        return showHome();
    if (!m_trend) {
        m_trend = new TrendPage(m_session.get(), this);
        m_ui->pages->addWidget(m_trend);
    }
    if (m_session->hasAssessment())
        m_trend->selectArea(QString::fromStdString(m_session->assessment().area));
    m_ui->pages->setCurrentWidget(m_trend);
    m_trend->areaBox()->setFocus(Qt::OtherFocusReason);
    updateActions();
}

bool MainWindow::exportAssessment(const QString &path)
{
    return m_session && exportOpenAssessment(*m_session, this, path);
}

std::optional<std::int64_t> MainWindow::importAssessment(const QString &path)
{
    if (!m_session)
        return std::nullopt;
    auto id = importExchangeFile(*m_session, this, path);
    if (id) {
        showHome();
        m_home->selectId(*id);
        statusBar()->showMessage(tr("Assessment imported as a new one. Undo (Ctrl+Z) takes it out again."), 8000);
    }
    return id;
}

bool MainWindow::mergePartnerFile(const QString &path)
{
    return m_session && mergeExchangeFile(*m_session, this, path);
}

void MainWindow::showModel(const QString &page)
{
    m_ui->pages->setCurrentWidget(frameworkBrowser());
    if (!page.isEmpty())
        m_browser->showPage(page);
    m_browser->setFocus(Qt::OtherFocusReason);
    updateActions();
}

QWidget *MainWindow::currentScreen() const
{
    return m_ui->pages->currentWidget();
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
        // Only the weight: the size still follows the window (presentation mode's larger type).
        if (action->font().bold() != shown || !(action->font().resolveMask() & QFont::WeightResolved)) {
            QFont f;
            f.setBold(shown);
            f.setResolveMask(QFont::WeightResolved);
            action->setFont(f);
        }
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
    QString title = QStringLiteral("HICM Assess");
    if (m_session && m_session->hasAssessment()) {
        const auto &a = m_session->assessment();
        title = QString::fromStdString(a.area) + (a.title.empty() ? QString() : " — " + QString::fromStdString(a.title)) +
                " — " + title;
    }
    if (m_session)
        title += " [" + QFileInfo(m_session->path()).fileName() + (m_session->readOnly() ? tr(", read-only") : QString()) + "]";
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
    // Large type and high contrast for a projector; private notes hidden.
    QFont f = QApplication::font();
    if (on)
        f.setPointSizeF(f.pointSizeF() * 1.5);
    setFont(f);
    setStyleSheet(on ? QStringLiteral("QWidget { color: #000000; } QMainWindow, QScrollArea, QStackedWidget > QWidget "
                                      "{ background: #FFFFFF; } QTableWidget { gridline-color: #000000; }")
                     : QString());
    if (m_walk)
        m_walk->setPresentation(on);
    if (m_results)
        m_results->setPresentation(on);
    if (m_browser)
        m_browser->setZoom(on ? m_zoom + 3 : m_zoom);
    statusBar()->showMessage(on ? tr("Presentation mode: Esc or F5 leaves it") : QString(), 5000);
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
