// MainWindow's screens: Home built at start-up, the others the first time they are shown, and the
// navigation between them.
#include "mainwindow.h"

#include "comparepage.h"
#include "featurepage.h"
#include "frameworkbrowser.h"
#include "homepage.h"
#include "resultspage.h"
#include "session.h"
#include "setuppage.h"
#include "trendpage.h"
#include "ui_mainwindow.h"
#include "walkpage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStatusBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hicm::gui {

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

FrameworkBrowser *MainWindow::frameworkBrowser()
{
    if (!m_browser) {
        m_browser = new FrameworkBrowser(this);
        m_browser->setFramework(m_bundled.get());
        m_browser->setZoom(m_presentation ? m_zoom + 3 : m_zoom);
        m_ui->pages->addWidget(m_browser);
    }
    return m_browser;
}

SetupPage *MainWindow::setupPage()
{
    if (!m_setup) {
        m_setup = new SetupPage(this);
        connect(m_setup, &SetupPage::aboutModelRequested, this, [this] { showModel(QStringLiteral("about")); });
        connect(m_setup, &SetupPage::startWalkRequested, this, &MainWindow::showWalk);
        m_setup->setPresentation(m_presentation);
        m_setup->setSession(m_session.get());
        m_ui->pages->addWidget(m_setup);
    }
    return m_setup;
}

WalkPage *MainWindow::walkPage()
{
    if (!m_walk) {
        m_walk = new WalkPage(this);
        connect(m_walk, &WalkPage::addToPlanRequested, this, &MainWindow::addToPlan);
        m_walk->setPresentation(m_presentation);
        m_walk->setSession(m_session.get());  // makes a page per feature
        m_ui->pages->addWidget(m_walk);
    }
    return m_walk;
}

ResultsPage *MainWindow::resultsPage()
{
    if (!m_results) {
        m_results = new ResultsPage(this);
        m_results->setPresentation(m_presentation);
        m_results->setSession(m_session.get());
        m_ui->pages->addWidget(m_results);
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
    auto *frameworkLabel = m_frameworkLabel = new QLabel(tr("Framework: %1 — %2")
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
}  // namespace hicm::gui
