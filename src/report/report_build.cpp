// The print layout (A4, running header, page numbers, headings kept with what follows), painting
// pages onto any paged device, and the PDF writer.
#include "report.h"

#include "composer.h"
#include "report_data.h"
#include "report_sections.h"
#include "tagged_pdf.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QScreen>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextTable>

namespace hicm::report {

namespace {

// Page geometry in points: A4 portrait.
constexpr qreal kPageW = 595.276, kPageH = 841.89;
constexpr qreal kMarginX = 56.7, kMarginTop = 70.0, kMarginBottom = 62.0;
constexpr qreal kTextW = kPageW - 2 * kMarginX;
// The layout resolution: the document is laid out once, at this resolution, whatever it is painted on.
constexpr int kLayoutDpi = 1200;
constexpr qreal kPx = kLayoutDpi / 72.0;  // layout units per point

// The layout's logical resolution: QTextDocumentLayout reads format lengths (margins, padding,
// borders) in pixels at this resolution and scales them to its paint device (as Qt's qt_defaultDpiY()).
qreal logicalDpi()
{
    if (QCoreApplication::testAttribute(Qt::AA_Use96Dpi))
        return 96;
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        return qRound(screen->logicalDotsPerInchY());
    return 100;
}


// Keeping things together on a page, after layout. A heading (or another block marked kKeepWithNext)
// whose next block, or its table's first row, starts on a later page, or that leaves less than two
// lines below it, moves to the next page together with the run of kept blocks just before it. A
// table of less than half a page that straddles a page break moves to the next page with the kept
// blocks before it (its heading). Repeated until nothing moves.
class KeepTogether {
public:
    explicit KeepTogether(QTextDocument &doc)
        : m_doc(doc), m_layout(doc.documentLayout()), m_pageH(doc.pageSize().height())
    {
    }

    // Each pass reads an up-to-date layout and makes the first move it finds, in document order:
    // what follows a move shifts. QTextDocumentLayout's own relayout after a format change leaves
    // later blocks unlaid, so everything from the moved block on is marked dirty and laid out again.
    void run()
    {
        relayout(0);
        for (int pass = 0; pass < 60; ++pass) {
            const int from = firstMove();
            if (from < 0)
                return;
            relayout(from);
        }
    }

private:
    // Moves the first thing that must move; returns the document position from which the layout
    // changed, or -1 when nothing needs to move.
    int firstMove()
    {
        for (QTextBlock b = m_doc.begin(); b.isValid(); b = b.next()) {
            QTextTable *t = QTextCursor(b).currentTable();
            if (t && b == t->cellAt(0, 0).firstCursorPosition().block() && straddles(t)) {
                if (const int from = moveTable(t); from >= 0)
                    return from;
            }
            if (keep(b) && orphaned(b)) {
                if (const int from = moveFrom(b); from >= 0)
                    return from;
            }
        }
        return -1;
    }

    void relayout(int from)
    {
        m_doc.markContentsDirty(from, m_doc.characterCount() - from);
        m_doc.pageCount();  // lays the document out to its end
    }

    static bool keep(const QTextBlock &b) { return b.isValid() && b.blockFormat().boolProperty(kKeepWithNext); }
    static bool breaksBefore(const QTextFormat &f)
    {
        return f.intProperty(QTextFormat::PageBreakPolicy) & QTextFormat::PageBreak_AlwaysBefore;
    }
    QRectF rect(const QTextBlock &b) const { return m_layout->blockBoundingRect(b); }
    int page(qreal y) const { return int(y / m_pageH); }
    bool atPageTop(qreal y) const { return y - page(y) * m_pageH < (kMarginTop + 14) * kPx; }

    bool orphaned(const QTextBlock &b) const
    {
        const QTextBlock next = b.next();
        if (!next.isValid())
            return false;
        const QRectF r = rect(b);
        QRectF nr = rect(next);
        if (QTextTable *t = QTextCursor(next).currentTable(); t && t->rows() > t->format().headerRowCount())
            nr = rect(t->cellAt(t->format().headerRowCount(), 0).firstCursorPosition().block());
        const int p = page(r.top());
        return page(nr.top()) > p ||
               r.bottom() + std::min(nr.height(), 28 * kPx) > (p + 1) * m_pageH - kMarginBottom * kPx;
    }

    // Moves `b` and the kept blocks just before it on the same page to the next page; returns the
    // position moved from, or -1 when it is at the top of a page already (moving would not help).
    int moveFrom(QTextBlock b)
    {
        const int p = page(rect(b).top());
        while (keep(b.previous()) && !breaksBefore(b.blockFormat()) && page(rect(b.previous()).top()) == p)
            b = b.previous();
        if (breaksBefore(b.blockFormat()) || atPageTop(rect(b).top()))
            return -1;
        QTextBlockFormat f;
        f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(b).mergeBlockFormat(f);
        return b.position();
    }

    bool straddles(QTextTable *t) const
    {
        const qreal top = rect(t->cellAt(0, 0).firstCursorPosition().block()).top();
        qreal bottom = top;
        for (int c = 0; c < t->columns(); ++c)
            bottom = std::max(bottom, rect(t->cellAt(t->rows() - 1, c).lastCursorPosition().block()).bottom());
        const qreal body = (kPageH - kMarginTop - kMarginBottom) * kPx;
        return page(top) != page(bottom) && bottom - top < body / 2 && !breaksBefore(t->format());
    }

    int moveTable(QTextTable *t)
    {
        const QTextBlock before = t->firstCursorPosition().block().previous();
        if (keep(before))
            return moveFrom(before);
        if (atPageTop(rect(t->cellAt(0, 0).firstCursorPosition().block()).top()))
            return -1;
        QTextTableFormat f = t->format();
        f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        t->setFormat(f);
        return std::max(0, t->firstPosition() - 1);
    }

    QTextDocument &m_doc;
    QAbstractTextDocumentLayout *m_layout;
    qreal m_pageH;
};

}  // namespace

struct Report::Impl {
    QBuffer metricsBuffer;
    std::unique_ptr<QPdfWriter> metrics;  // the layout's paint device: fixed resolution, never painted on
    std::unique_ptr<QTextDocument> doc;
    QString headerLeft, headerRight, footerLeft;
    int pages = 0;
};

Report::Report(const ReportInput &input) : d(std::make_unique<Impl>())
{
    d->metrics = std::make_unique<QPdfWriter>(&d->metricsBuffer);
    d->metrics->setResolution(kLayoutDpi);
    d->metrics->setPageSize(QPageSize(QPageSize::A4));
    d->doc = std::make_unique<QTextDocument>();
    const qreal formatPx = logicalDpi() / 72.0;
    QTextFrameFormat root = d->doc->rootFrame()->frameFormat();
    root.setLeftMargin(kMarginX * formatPx);
    root.setRightMargin(kMarginX * formatPx);
    root.setTopMargin(kMarginTop * formatPx);
    root.setBottomMargin(kMarginBottom * formatPx);
    d->doc->rootFrame()->setFrameFormat(root);
    const Assessment &a = input.assessment;
    d->doc->setMetaInformation(QTextDocument::DocumentTitle,
                               qs(a.area) + QStringLiteral(": intermediate care self-assessment"));
    Composer composer(*d->doc, ReportTarget::Print, formatPx, kPx, kTextW, reportFont());
    composeReport(input, composer);
    // Only now the layout: A4 pages at a fixed resolution.
    d->doc->documentLayout()->setPaintDevice(d->metrics.get());
    Composer::registerCharts(*d->doc);
    d->doc->setUseDesignMetrics(true);
    d->doc->setPageSize(QSizeF(kPageW * kPx, kPageH * kPx));
    KeepTogether(*d->doc).run();
    d->pages = d->doc->pageCount();
    d->headerLeft = qs(a.area) + QStringLiteral("  \u00b7  ") + prettyDate(a.date);
    d->headerRight = QStringLiteral("Intermediate care self-assessment");
    d->footerLeft = a.status == AssessmentStatus::Final ? QString() : QStringLiteral("Draft");
}

Report::~Report() = default;

int Report::pageCount() const { return d->pages; }

QSizeF Report::pageSizePt() const { return {kPageW, kPageH}; }

const QTextDocument &Report::document() const { return *d->doc; }

void Report::paintPage(QPainter &painter, int index) const
{
    if (index < 0 || index >= d->pages)
        return;
    painter.save();
    const qreal scale = painter.device()->logicalDpiY() / qreal(kLayoutDpi);
    painter.scale(scale, scale);
    const qreal pageW = kPageW * kPx, pageH = kPageH * kPx;
    QFont small = reportFont();
    small.setPixelSize(qRound(9 * kPx));
    painter.setFont(small);
    const QFontMetricsF fm(small);
    const QColor grey(0x55, 0x55, 0x55);
    if (index == 0) {
        // The cover: a band across the top.
        painter.fillRect(QRectF(0, 0, pageW, 22 * kPx), styles::accent);
    } else {
        const qreal left = kMarginX * kPx, right = pageW - kMarginX * kPx;
        const qreal base = 40 * kPx;
        painter.setPen(grey);
        const QString rightText = fm.elidedText(d->headerRight, Qt::ElideRight, (right - left) * 0.4);
        const qreal rightW = fm.horizontalAdvance(rightText);
        const QString leftText = fm.elidedText(d->headerLeft, Qt::ElideRight, right - left - rightW - 20 * kPx);
        painter.drawText(QPointF(left, base), leftText);
        painter.drawText(QPointF(right - rightW, base), rightText);
        painter.setPen(QPen(QColor(0x9a, 0x9a, 0x9a), 0.6 * kPx));
        painter.drawLine(QPointF(left, base + 6 * kPx), QPointF(right, base + 6 * kPx));
        const qreal foot = pageH - 32 * kPx;
        const QString page = QStringLiteral("Page %1 of %2").arg(index + 1).arg(d->pages);
        painter.setPen(grey);
        painter.drawText(QPointF(right - fm.horizontalAdvance(page), foot), page);
        if (!d->footerLeft.isEmpty())
            painter.drawText(QPointF(left, foot), d->footerLeft);
    }
    painter.translate(0, -index * pageH);
    const QRectF clip(0, index * pageH, pageW, pageH);
    painter.setClipRect(clip);
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.clip = clip;
    ctx.palette.setColor(QPalette::Text, QColor(0x1a, 0x1a, 0x1a));
    d->doc->documentLayout()->draw(&painter, ctx);
    painter.restore();
}

bool Report::print(QPagedPaintDevice &device, const Progress &progress, QString *error) const
{
    device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    QPainter painter;
    if (!painter.begin(&device)) {
        if (error)
            *error = QStringLiteral("cannot start painting the report");
        return false;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < d->pages; ++i) {
        if (i > 0)
            device.newPage();
        paintPage(painter, i);
        if (progress && !progress(i + 1, d->pages)) {
            painter.end();
            if (error)
                *error = QStringLiteral("cancelled");
            return false;
        }
    }
    return painter.end();
}

// The tagged PDF (tagged_pdf.cpp); writeQtPdf() below paints the preview's pages through QPdfWriter
// (untagged), kept for comparison.
WriteResult writePdf(const ReportInput &input, const QString &path, const Progress &progress)
{
    return writeTaggedPdf(input, path, progress);
}

WriteResult writeQtPdf(const ReportInput &input, const QString &path, const Progress &progress)
{
    WriteResult result;
    const Report report(input);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(kLayoutDpi);
        writer.setTitle(report.document().metaInformation(QTextDocument::DocumentTitle));
        writer.setCreator(QStringLiteral("HICM Assess"));
        if (!report.print(writer, progress, &result.error)) {
            result.error = path + QStringLiteral(": ") + result.error;
            return result;
        }
    }
    result.error = writeFileBytes(path, buffer.data());
    result.ok = result.error.isEmpty();
    result.pages = report.pageCount();
    return result;
}

std::unique_ptr<QTextDocument> buildEditableDocument(const ReportInput &input)
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setMetaInformation(QTextDocument::DocumentTitle,
                            qs(input.assessment.area) + QStringLiteral(": intermediate care self-assessment"));
    // Lengths in 96-dpi pixels: what QTextDocumentWriter's ODF output converts to points.
    Composer composer(*doc, ReportTarget::Editable, 96.0 / 72.0, 96.0 / 72.0, kTextW, reportFont());
    composeReport(input, composer);
    return doc;
}

}  // namespace hicm::report
