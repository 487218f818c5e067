// MainWindow's menu actions and the workshop's steps they run: new, open and reassess an assessment,
// add an action to the plan, export, import and merge.
#include "mainwindow.h"

#include "dialogs.h"
#include "exchangeactions.h"
#include "homepage.h"
#include "messages.h"
#include "peerspage.h"
#include "reportdialog.h"
#include "roomcontroller.h"
#include "session.h"
#include "ui_mainwindow.h"
#include "walkpage.h"

#include <QApplication>
#include <QDate>
#include <QMenuBar>
#include <QStatusBar>

#include <algorithm>

namespace hicm::gui {

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
    // F10 opens the menu bar on its first menu, the arrow keys move on (Qt does not on Linux by itself): the
    // Room menu, which has no letter of its own, is reached from the keyboard like the others.
    auto *menuBarKey = new QAction(tr("Menu Bar"), this);
    menuBarKey->setObjectName(QStringLiteral("actionMenuBar"));
    menuBarKey->setShortcut(QKeySequence(Qt::Key_F10));
    connect(menuBarKey, &QAction::triggered, this, [this] {
        if (const QList<QAction *> menus = menuBar()->actions(); !menus.isEmpty())
            menuBar()->setActiveAction(menus.first());
    });
    addAction(menuBarKey);

    connect(ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui->actionNewAssessment, &QAction::triggered, this, &MainWindow::newAssessmentDialog);
    connect(ui->actionNewWorkspace, &QAction::triggered, this, &MainWindow::newWorkspaceDialog);
    connect(ui->actionExportReport, &QAction::triggered, this, [this] {
        if (!m_session || !m_session->hasAssessment())
            return;
        // A report shows every partner's level: never one of a round the room has not revealed.
        if (auto *room = findChild<RoomController *>(); room && !room->hiddenFeature().isEmpty()) {
            const QString feature = room->hiddenFeature();
            if (Messages::choose(this, tr("The votes on %1 are not revealed").arg(feature),
                                 tr("A report shows every partner's level, and the partners' votes on %1 are hidden "
                                    "until the reveal. Reveal them now to write the report, or cancel and write it after "
                                    "the reveal.").arg(feature),
                                 {tr("Reveal %1 and Write the Report").arg(feature)}) != 0)
                return;
            room->revealAction()->trigger();
            if (!room->hiddenFeature().isEmpty())
                return;
        }
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
    // The Peers view is shown from outside the navigation: the screen buttons follow the page on show
    // (Home stayed bold over the peers).
    connect(ui->pages, &QStackedWidget::currentChanged, this, [this] { updateActions(); });
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
    if (auto previous = m_session->scored(previousId)) {
        area = QString::fromStdString(previous->assessment.area);
        facilitator = QString::fromStdString(previous->assessment.facilitator);
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
    Action action = dialog.action();
    action.id = 0;
    // One undo step of two typed edits: the action goes into the plan and the targeted action is marked as
    // taken; undo applies their inverses (not planned again if it was not, the action removed).
    m_session->applySteps(tr("Add action to the plan"),
                          {document::AddAction{action}, document::SetPlanned{featureId, actionId, true}});
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
}  // namespace hicm::gui
