#include "reportdialog.h"

#include "exchangeactions.h"
#include "messages.h"
#include "session.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace hicm::gui {

ReportDialog::ReportDialog(Session &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_scroll(new QScrollArea(this)), m_pages(nullptr), m_summary(new QLabel(this))
{
    setWindowTitle(tr("Board report"));
    setAccessibleName(tr("Board report preview"));
    resize(900, 700);
    const Assessment &a = session.assessment();
    m_prioritisation = prioritise(session.framework(), a);
    const Assessment *previous = session.previous();
    if (previous && a.previousId) {
        auto fw = session.workspace().framework(*a.previousId);
        if (fw)
            m_previousFramework = *fw;
    }
    m_input = std::make_unique<report::ReportInput>(report::ReportInput{
        session.framework(), a, m_prioritisation, previous, m_previousFramework.get(), QDate::currentDate()});
    m_report = std::make_unique<report::Report>(*m_input);

    auto *layout = new QVBoxLayout(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    auto *inner = new QWidget(m_scroll);
    m_pages = new QVBoxLayout(inner);
    m_pages->setSpacing(16);
    m_scroll->setWidget(inner);
    m_scroll->setWidgetResizable(true);
    m_scroll->setAccessibleName(tr("Report pages"));
    m_scroll->setBackgroundRole(QPalette::Dark);
    layout->addWidget(m_scroll, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *pdf = buttons->addButton(tr("Save as &PDF…"), QDialogButtonBox::ActionRole);
    auto *odt = buttons->addButton(tr("Save as &editable document…"), QDialogButtonBox::ActionRole);
    auto *csv = buttons->addButton(tr("Export scores (&CSV)…"), QDialogButtonBox::ActionRole);
    auto *peers = buttons->addButton(tr("Pee&r extract…"), QDialogButtonBox::ActionRole);
    peers->setAccessibleName(tr("Add a peers page from a region's peer extract"));
    connect(peers, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Add a peers page from a peer extract"), QString(),
                                                          tr("Peer extracts (*.json);;All files (*)"));
        if (!path.isEmpty())
            usePeerExtract(path);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(pdf, &QPushButton::clicked, this, [this] {
        const QString path = askPath(tr("Save the report as PDF"), QStringLiteral(".pdf"), tr("PDF (*.pdf)"));
        if (!path.isEmpty())
            savePdf(path);
    });
    connect(odt, &QPushButton::clicked, this, [this] {
        const QString path = askPath(tr("Save the report as an editable document"), QStringLiteral(".odt"),
                                     tr("OpenDocument text (*.odt)"));
        if (!path.isEmpty())
            saveOdt(path);
    });
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path = askPath(tr("Export the scores"), QStringLiteral(".csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty())
            saveCsv(path);
    });
    layout->addWidget(buttons);
    renderPages();
    pdf->setFocus();
}

ReportDialog::~ReportDialog() = default;

int ReportDialog::pageCount() const
{
    return m_report->pageCount();
}

void ReportDialog::renderPages()
{
    const int count = m_report->pageCount();
    m_summary->setText(tr("%n page(s), A4. This is exactly what the PDF will hold.", nullptr, count));
    QProgressDialog progress(tr("Laying out the report…"), tr("Stop"), 0, count, this);
    progress.setMinimumDuration(500);  // only when it takes long enough to notice
    progress.setWindowModality(Qt::WindowModal);
    const qreal scale = logicalDpiX() / 72.0 * 0.9;
    const QSizeF size = m_report->pageSizePt() * scale;
    for (int i = 0; i < count && !progress.wasCanceled(); ++i) {
        progress.setValue(i);
        QImage image((size * devicePixelRatioF()).toSize(), QImage::Format_RGB32);
        image.setDevicePixelRatio(devicePixelRatioF());
        image.fill(Qt::white);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        p.scale(scale * 72.0 / image.logicalDpiX(), scale * 72.0 / image.logicalDpiY());
        m_report->paintPage(p, i);
        p.end();
        auto *label = new QLabel;
        label->setPixmap(QPixmap::fromImage(image));
        label->setAccessibleName(tr("Page %1 of %2").arg(i + 1).arg(count));
        m_pages->addWidget(label, 0, Qt::AlignHCenter);
    }
    progress.setValue(count);
}

QString ReportDialog::askPath(const QString &title, const QString &suffix, const QString &filter)
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("reports/folder"),
                                       QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                            .toString();
    const Assessment &a = m_session.assessment();
    QString name = QString::fromStdString(a.area + (a.date.empty() ? "" : " " + a.date)).simplified();
    name.replace(QLatin1Char('/'), QLatin1Char('-'));
    QString path = QFileDialog::getSaveFileName(this, title, QDir(dir).filePath(name + suffix), filter);
    if (path.isEmpty())
        return {};
    if (!path.endsWith(suffix, Qt::CaseInsensitive))
        path += suffix;
    settings.setValue(QStringLiteral("reports/folder"), QFileInfo(path).absolutePath());
    return path;
}

bool ReportDialog::savePdf(const QString &path)
{
    if (!outputAllowed(m_session, this, path, tr("The report was not saved")))
        return false;
    QProgressDialog progress(tr("Writing the report…"), tr("Cancel"), 0, m_report->pageCount(), this);
    progress.setMinimumDuration(500);
    progress.setWindowModality(Qt::WindowModal);
    const auto result = report::writePdf(*m_input, path, [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        return !progress.wasCanceled();
    });
    progress.setValue(progress.maximum());
    if (!result.ok) {
        Messages::error(this, tr("The report was not saved"), result.error);
        return false;
    }
    m_summary->setText(tr("Saved %1 (%n page(s)).", nullptr, result.pages).arg(path));
    return true;
}

bool ReportDialog::saveOdt(const QString &path)
{
    if (!outputAllowed(m_session, this, path, tr("The document was not saved")))
        return false;
    const auto result = report::writeOdt(*m_input, path);
    if (!result.ok) {
        Messages::error(this, tr("The document was not saved"), result.error);
        return false;
    }
    m_summary->setText(tr("Saved %1. It opens in Word and LibreOffice.").arg(path));
    return true;
}

bool ReportDialog::saveCsv(const QString &path)
{
    if (!outputAllowed(m_session, this, path, tr("The scores were not exported")))
        return false;
    const auto result = report::writeCsv(m_session.assessment(), m_session.framework(), path);
    if (!result.ok) {
        Messages::error(this, tr("The scores were not exported"), result.error);
        return false;
    }
    m_summary->setText(tr("Saved %1.").arg(path));
    return true;
}

bool ReportDialog::usePeerExtract(const QString &path)
{
    auto read = readPeerExtractFile(path.toStdString());
    if (!read.ok()) {
        Messages::error(this, tr("No peers page was added"),
                        QString::fromStdString(formatProblems(read.problems)) +
                            tr("%1: not a peer extract this version reads.").arg(path));
        return false;
    }
    m_peers = std::move(*read.extract);
    m_input->peers = &*m_peers;
    m_report = std::make_unique<report::Report>(*m_input);
    while (QLayoutItem *item = m_pages->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    renderPages();
    m_summary->setText(m_summary->text() + QLatin1Char(' ') +
                       tr("With a peers page from %1 (%2 against %3).")
                           .arg(QFileInfo(path).fileName(), QString::fromStdString(m_peers->area),
                                QString::fromStdString(m_peers->peerGroup)));
    return true;
}

}  // namespace hicm::gui
