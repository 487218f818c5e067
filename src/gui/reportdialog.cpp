#include "reportdialog.h"

#include "exchangeactions.h"
#include "messages.h"
#include "queries.h"
#include "session.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
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
#include <QTimer>
#include <QVBoxLayout>

namespace hicm::gui {

ReportDialog::ReportDialog(Session &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_scroll(new QScrollArea(this)), m_pages(nullptr), m_summary(new QLabel(this))
{
    setWindowTitle(tr("Board report"));
    setAccessibleName(tr("Board report preview"));
    resize(1180, 700);  // within a 1366 x 768 screen
    m_basis = std::make_unique<document::ReportBasis>(session.reportBasis());
    const document::ReportBasis &b = *m_basis;
    m_input = std::make_unique<report::ReportInput>(report::ReportInput{
        *b.assessment.framework, b.assessment.assessment, b.prioritisation, b.previous ? &b.previous->assessment : nullptr,
        b.previous ? b.previous->framework.get() : nullptr, QDate::currentDate()});

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
    auto *row = new QHBoxLayout;
    row->addWidget(m_scroll, 1);
    row->addWidget(makeOptions());
    fitToFont();
    layout->addLayout(row, 1);
    // The cover sheet typed for this assessment before, and the board's template; the report is laid out
    // once, with the cover sheet when there is one.
    restoreFields(fields(), m_session.path(), m_input->assessment.id);
    applyCover();
    m_report = std::make_unique<report::Report>(*m_input);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *pdf = buttons->addButton(tr("Save as &PDF…"), QDialogButtonBox::ActionRole);
    pdf->setDefault(true);  // Enter in a field saves the default report, not whichever button Qt picked first
    auto *html = buttons->addButton(tr("Save as &HTML…"), QDialogButtonBox::ActionRole);
    html->setAccessibleName(tr("Save as HTML, accessible, for publishing"));
    auto *docx = buttons->addButton(tr("Save as &Word…"), QDialogButtonBox::ActionRole);
    auto *odt = buttons->addButton(tr("Save as &OpenDocument…"), QDialogButtonBox::ActionRole);
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
        const QString path = askPath(tr("Save the report as OpenDocument text"), QStringLiteral(".odt"),
                                     tr("OpenDocument text (*.odt)"));
        if (!path.isEmpty())
            saveOdt(path);
    });
    connect(html, &QPushButton::clicked, this, [this] {
        const QString path = askPath(tr("Save the report as HTML"), QStringLiteral(".html"), tr("HTML (*.html)"));
        if (!path.isEmpty())
            saveHtml(path);
    });
    connect(docx, &QPushButton::clicked, this, [this] {
        const QString path = askPath(tr("Save the report as Word"), QStringLiteral(".docx"), tr("Word (*.docx)"));
        if (!path.isEmpty())
            saveDocx(path);
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

ReportDialog::~ReportDialog()
{
    rememberFields(fields(), m_session.path(), m_input->assessment.id);
}

ReportFields ReportDialog::fields() const
{
    return {m_coverBox, m_purpose, m_coverSummary, m_recommendations, m_risks, m_template};
}

QWidget *ReportDialog::makeOptions()
{
    auto *panel = new QWidget(this);
    m_optionsPanel = panel;
    auto *column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 0, 0, 0);

    m_coverBox = new QGroupBox(tr("Board co&ver sheet"), panel);
    m_coverBox->setCheckable(true);
    m_coverBox->setChecked(false);
    m_coverBox->setAccessibleName(tr("Board cover sheet, first in every format"));
    auto *form = new QFormLayout(m_coverBox);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_purpose = new QComboBox(m_coverBox);
    m_purpose->addItem(tr("For decision"), QStringLiteral("decision"));
    m_purpose->addItem(tr("For assurance"), QStringLiteral("assurance"));
    m_purpose->addItem(tr("For information"), QStringLiteral("information"));
    m_purpose->setAccessibleName(tr("Purpose"));
    m_coverSummary = new QPlainTextEdit(m_coverBox);
    m_coverSummary->setAccessibleName(tr("Summary"));
    m_coverSummary->setTabChangesFocus(true);
    m_recommendations = new QPlainTextEdit(m_coverBox);
    m_recommendations->setAccessibleName(tr("Recommendations, one per line"));
    m_recommendations->setTabChangesFocus(true);
    m_risks = new QPlainTextEdit(m_coverBox);
    m_risks->setAccessibleName(tr("Risks, one per line"));
    m_risks->setTabChangesFocus(true);
    const auto label = [&](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, m_coverBox);
        l->setBuddy(buddy);
        return l;
    };
    form->addRow(label(tr("P&urpose"), m_purpose), m_purpose);
    form->addRow(label(tr("Su&mmary"), m_coverSummary), m_coverSummary);
    form->addRow(label(tr("Recommen&dations (one per line)"), m_recommendations), m_recommendations);
    form->addRow(label(tr("Ris&ks (one per line)"), m_risks), m_risks);
    column->addWidget(m_coverBox);
    // The preview shows the cover sheet as it will be saved, laid out again once typing pauses.
    m_coverRefresh = new QTimer(this);
    m_coverRefresh->setSingleShot(true);
    m_coverRefresh->setInterval(400);
    connect(m_coverRefresh, &QTimer::timeout, this, &ReportDialog::refreshPreview);
    const auto later = [this] { m_coverRefresh->start(); };
    connect(m_coverBox, &QGroupBox::toggled, this, later);
    connect(m_purpose, &QComboBox::currentIndexChanged, this, later);
    for (auto *edit : {m_coverSummary, m_recommendations, m_risks})
        connect(edit, &QPlainTextEdit::textChanged, this, later);

    auto *wordBox = new QGroupBox(tr("Word template"), panel);
    auto *wordColumn = new QVBoxLayout(wordBox);
    auto *wordRow = new QHBoxLayout;
    m_template = new QLineEdit(wordBox);
    m_template->setPlaceholderText(tr("None: a clean default"));
    m_template->setAccessibleName(tr("Word template (reference document) for the Word version"));
    auto *templateLabel = new QLabel(tr("&Template"), wordBox);
    templateLabel->setBuddy(m_template);
    auto *browse = new QPushButton(tr("Choo&se…"), wordBox);
    browse->setAccessibleName(tr("Choose the board's Word template"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("The board's Word template"), QString(),
                                                          tr("Word documents and templates (*.docx *.dotx);;All files (*)"));
        if (!path.isEmpty())
            m_template->setText(path);
    });
    // The label above the field, as in the cover sheet: the field keeps the column's width for the path.
    wordColumn->addWidget(templateLabel);
    wordRow->addWidget(m_template, 1);
    wordRow->addWidget(browse);
    wordColumn->addLayout(wordRow);
    column->addWidget(wordBox);
    column->addStretch(1);
    return panel;
}

void ReportDialog::fitToFont()
{
    const QFontMetrics metrics(font());
    m_optionsPanel->setFixedWidth(metrics.height() * 22);  // about 330 px in the usual type; more on the projector
    for (auto *edit : {m_coverSummary, m_recommendations, m_risks})
        edit->setFixedHeight(metrics.lineSpacing() * 4 + 12);
}

void ReportDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::FontChange && m_optionsPanel)
        fitToFont();
}

void ReportDialog::setCoverSheet(bool on, const QString &purpose, const QString &summary,
                                 const QStringList &recommendations, const QStringList &risks)
{
    m_coverBox->setChecked(on);
    m_purpose->setCurrentIndex(std::max(0, m_purpose->findData(purpose)));
    m_coverSummary->setPlainText(summary);
    m_recommendations->setPlainText(recommendations.join(QLatin1Char('\n')));
    m_risks->setPlainText(risks.join(QLatin1Char('\n')));
    refreshPreview();
}

void ReportDialog::setWordTemplate(const QString &path)
{
    m_template->setText(path);
}

void ReportDialog::applyCover()
{
    rememberFields(fields(), m_session.path(), m_input->assessment.id);
    if (!m_coverBox->isChecked()) {
        m_input->cover = nullptr;
        return;
    }
    const auto lines = [](const QPlainTextEdit *edit) {
        QStringList out;
        for (const QString &line : edit->toPlainText().split(QLatin1Char('\n')))
            if (!line.trimmed().isEmpty())
                out << line.trimmed();
        return out;
    };
    m_cover = {m_purpose->currentData().toString(), m_coverSummary->toPlainText().trimmed(), lines(m_recommendations),
               lines(m_risks)};
    m_input->cover = &m_cover;
}

int ReportDialog::pageCount() const
{
    return m_report->pageCount();
}

void ReportDialog::refreshPreview()
{
    m_coverRefresh->stop();
    applyCover();
    m_report = std::make_unique<report::Report>(*m_input);
    while (QLayoutItem *item = m_pages->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    renderPages();
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
    applyCover();
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
    return savePandoc(path, false);
}

bool ReportDialog::saveDocx(const QString &path)
{
    return savePandoc(path, true);
}

bool ReportDialog::savePandoc(const QString &path, bool word)
{
    if (!outputAllowed(m_session, this, path, tr("The document was not saved")))
        return false;
    applyCover();
    // pandoc runs for a second or two: say so (nothing to count, so a busy bar).
    QProgressDialog progress(word ? tr("Writing the Word document with pandoc…") : tr("Writing the OpenDocument text with pandoc…"),
                             QString(), 0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.show();
    QApplication::processEvents();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto result = word ? report::writeDocx(*m_input, path, m_template->text().trimmed()) : report::writeOdt(*m_input, path);
    QApplication::restoreOverrideCursor();
    progress.close();
    if (!result.ok) {
        Messages::error(this, tr("The document was not saved"), result.error);
        return false;
    }
    m_summary->setText(word ? tr("Saved %1. It opens in Word and LibreOffice.").arg(path)
                            : tr("Saved %1. It opens in LibreOffice and Word.").arg(path));
    return true;
}

bool ReportDialog::saveHtml(const QString &path)
{
    if (!outputAllowed(m_session, this, path, tr("The report was not saved")))
        return false;
    applyCover();
    const auto result = report::writeHtml(*m_input, path);
    if (!result.ok) {
        Messages::error(this, tr("The report was not saved"), result.error);
        return false;
    }
    m_summary->setText(tr("Saved %1, one accessible file to publish.").arg(path));
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
    refreshPreview();
    m_summary->setText(m_summary->text() + QLatin1Char(' ') +
                       tr("With a peers page from %1 (%2 against %3).")
                           .arg(QFileInfo(path).fileName(), QString::fromStdString(m_peers->area),
                                QString::fromStdString(m_peers->peerGroup)));
    return true;
}

}  // namespace hicm::gui
