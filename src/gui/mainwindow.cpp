#include "mainwindow.h"

#include "frameworkbrowser.h"
#include "hicm_version.h"
#include "ui_mainwindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>

namespace hicm::gui {

MainWindow::MainWindow(Framework framework, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_framework(std::move(framework)),
      m_browser(new FrameworkBrowser(this))
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/hicm-assess.svg")));
    m_ui->pages->addWidget(m_browser);
    m_browser->setFramework(&m_framework);
    m_ui->pages->setCurrentWidget(m_browser);

    auto *frameworkLabel = new QLabel(
        tr("%1 — %2").arg(QString::fromStdString(m_framework.meta.title), QString::fromStdString(m_framework.meta.edition)),
        this);
    frameworkLabel->setAccessibleName(tr("Framework in use"));
    statusBar()->addPermanentWidget(frameworkLabel);
    setUpActions();

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    applyZoom(settings.value(QStringLiteral("view/zoom"), 0).toInt());
    m_browser->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpActions()
{
    m_ui->actionQuit->setShortcut(QKeySequence::Quit);
    m_ui->actionZoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_ui->actionZoomOut->setShortcut(QKeySequence::ZoomOut);
    m_ui->actionZoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_ui->actionFramework->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionZoomIn, &QAction::triggered, this, [this] { applyZoom(m_zoom + 1); });
    connect(m_ui->actionZoomOut, &QAction::triggered, this, [this] { applyZoom(m_zoom - 1); });
    connect(m_ui->actionZoomReset, &QAction::triggered, this, [this] { applyZoom(0); });
    connect(m_ui->actionFramework, &QAction::triggered, this, [this] {
        m_ui->pages->setCurrentWidget(m_browser);
        m_browser->setFocus(Qt::ShortcutFocusReason);
    });
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::applyZoom(int steps)
{
    m_zoom = qBound(-2, steps, 8);
    m_browser->setZoom(m_zoom);
    m_ui->actionZoomOut->setEnabled(m_zoom > -2);
    m_ui->actionZoomIn->setEnabled(m_zoom < 8);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About HICM Assess"),
                       tr("<h3>HICM Assess %1</h3><p>Self-assessment against the Intermediate Care High Impact "
                          "Change Model, for health and care system partners.</p><p>Framework: %2, %3.</p>")
                           .arg(QStringLiteral(HICM_VERSION), QString::fromStdString(m_framework.meta.title).toHtmlEscaped(),
                                QString::fromStdString(m_framework.meta.edition).toHtmlEscaped()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("view/zoom"), m_zoom);
    event->accept();
}

}  // namespace hicm::gui
