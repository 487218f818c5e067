// Writing the report into a QTextDocument (Composer), and the charts inside the print document
// (ChartObject).
#include "composer.h"

#include <QAbstractTextDocumentLayout>
#include <QFontInfo>
#include <QImage>
#include <QPainter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextTable>
#include <QUrl>

namespace hicm::report {

namespace {

const QColor kRule(0xa6, 0xa6, 0xa6);
const QColor kHeaderFill(0xe4, 0xe7, 0xeb);
const QColor kQuoteFill(0xf2, 0xf4, 0xf7);

ChartObject *chartHandler(QTextDocument &doc)
{
    return doc.findChild<ChartObject *>(QString(), Qt::FindDirectChildrenOnly);
}

}  // namespace

Composer::Composer(QTextDocument &doc, ReportTarget target, qreal formatPxPerPt, qreal objectPxPerPt,
                   qreal textWidthPt, const QFont &base)
    : m_doc(doc), m_target(target), m_pxPerPt(formatPxPerPt), m_objectPxPerPt(objectPxPerPt),
      m_textWidthPt(textWidthPt), m_base(base), m_family(QFontInfo(base).family()), m_cursor(&doc)
{
    QFont f = base;
    f.setPointSizeF(styles::body.size);
    m_doc.setDefaultFont(f);
    if (m_target == ReportTarget::Print && !chartHandler(m_doc))
        new ChartObject(chartStyle(objectPxPerPt), &m_doc);
}

void Composer::registerCharts(QTextDocument &doc)
{
    if (ChartObject *handler = chartHandler(doc))
        doc.documentLayout()->registerHandler(ChartObject::kObjectType, handler);
}

Composer::~Composer() = default;

ChartStyle Composer::chartStyle(qreal pxPerPt) const
{
    ChartStyle s;
    s.pt = pxPerPt;
    s.font = m_base;
    s.font.setPixelSize(qRound(9.0 * pxPerPt));
    return s;
}

QTextCharFormat Composer::charFormat(const Style &style) const
{
    QTextCharFormat f;
    f.setFontFamilies(m_base.families());
    if (m_target == ReportTarget::Editable)  // Qt's ODF writer reads the one family of Qt 5's API
        f.setProperty(QTextFormat::OldFontFamily, m_family);
    f.setFontPointSize(std::max<qreal>(9, style.size));
    f.setFontWeight(style.bold ? QFont::Bold : QFont::Normal);
    f.setFontItalic(style.italic);
    f.setForeground(style.color);
    return f;
}

void Composer::startBlock(const QTextBlockFormat &format)
{
    if (m_firstBlock) {
        m_cursor.setBlockFormat(format);
        m_firstBlock = false;
    } else {
        m_cursor.insertBlock(format);
    }
    m_cursor.setBlockCharFormat(charFormat(styles::body));
}

void Composer::heading(int level, const QString &text, bool newPage)
{
    static const qreal sizes[] = {17, 13, 11, 9.5};
    level = std::clamp(level, 1, 4);
    QTextBlockFormat b;
    b.setHeadingLevel(level);
    b.setTopMargin(px(level == 1 ? 0 : level == 2 ? 12 : level == 3 ? 8 : 5));
    b.setBottomMargin(px(level == 1 ? 10 : level == 4 ? 2 : 4));
    b.setProperty(kKeepWithNext, true);
    if (newPage)
        b.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    startBlock(b);
    Style s{sizes[level - 1], true, false, level == 3 ? QColor(0x1a, 0x1a, 0x1a) : styles::accent};
    m_cursor.setBlockCharFormat(charFormat(s));
    m_cursor.insertText(text, charFormat(s));
}

void Composer::paragraph(const std::vector<Run> &runs, qreal spaceAfterPt, qreal indentPt)
{
    QTextBlockFormat b;
    b.setBottomMargin(px(spaceAfterPt));
    b.setLeftMargin(px(indentPt));
    b.setLineHeight(112, QTextBlockFormat::ProportionalHeight);
    startBlock(b);
    if (!runs.empty())
        m_cursor.setBlockCharFormat(charFormat(runs.front().style));
    for (const auto &r : runs)
        m_cursor.insertText(r.text, charFormat(r.style));
}

void Composer::bullet(const std::vector<Run> &runs, qreal spaceAfterPt)
{
    QTextBlockFormat b;
    b.setBottomMargin(px(spaceAfterPt));
    b.setLeftMargin(px(14));
    b.setTextIndent(px(-9));
    b.setLineHeight(112, QTextBlockFormat::ProportionalHeight);
    startBlock(b);
    const Style first = runs.empty() ? styles::body : runs.front().style;
    m_cursor.insertText(QStringLiteral("\u2022 "), charFormat({first.size, false, false, styles::accent}));
    for (const auto &r : runs)
        m_cursor.insertText(r.text, charFormat(r.style));
}

void Composer::quotation(const QString &text, const QString &attribution)
{
    QTextTableFormat t;
    t.setBorder(0);
    t.setCellSpacing(0);
    t.setCellPadding(px(5));
    t.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    t.setBottomMargin(px(6));
    t.setTopMargin(px(2));
    QTextTable *table = m_cursor.insertTable(1, 1, t);
    QTextTableCellFormat cf = table->cellAt(0, 0).format().toTableCellFormat();
    cf.setBackground(kQuoteFill);
    cf.setLeftBorder(px(2.5));
    cf.setLeftBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    cf.setLeftBorderBrush(styles::accent);
    cf.setLeftPadding(px(8));
    table->cellAt(0, 0).setFormat(cf);
    std::vector<Run> runs{{text, styles::quote}};
    if (!attribution.isEmpty())
        runs.push_back({QStringLiteral("  \u2014 ") + attribution, styles::note});
    m_ruled = false;
    cell(table, 0, 0, runs);
    m_ruled = true;
    leaveTable();
}

void Composer::spacer(qreal points)
{
    // An empty block whose line is 1 pt high, the rest as margin (a fixed line height is not
    // applied to an empty block).
    QTextBlockFormat b;
    b.setTopMargin(px(std::max<qreal>(0, points - 1)));
    startBlock(b);
    QTextCharFormat tiny = charFormat(styles::body);
    tiny.setFontPointSize(1);
    m_cursor.setBlockCharFormat(tiny);
}

void Composer::keepWithNext()
{
    QTextBlockFormat f;
    f.setProperty(kKeepWithNext, true);
    m_cursor.mergeBlockFormat(f);
}

void Composer::pageBreak()
{
    QTextBlockFormat b;
    b.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysAfter);
    b.setLineHeight(px(1), QTextBlockFormat::FixedHeight);
    startBlock(b);
}

QTextTable *Composer::table(const std::vector<QString> &header, const std::vector<qreal> &widths, int rows)
{
    const int columns = int(widths.size());
    QTextTableFormat t;
    t.setHeaderRowCount(header.empty() ? 0 : 1);
    // Rules between rows only (set per cell), as board papers do; no vertical lines.
    t.setBorder(0);
    t.setBorderCollapse(true);
    t.setCellSpacing(0);
    t.setCellPadding(px(3.5));
    t.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    t.setTopMargin(px(3));
    t.setBottomMargin(px(8));
    QList<QTextLength> constraints;
    for (qreal w : widths)
        constraints << QTextLength(QTextLength::PercentageLength, w);
    t.setColumnWidthConstraints(constraints);
    QTextTable *table = m_cursor.insertTable(rows + (header.empty() ? 0 : 1), columns, t);
    for (int c = 0; c < columns && c < int(header.size()); ++c)
        cell(table, 0, c, {{header[std::size_t(c)], styles::smallStrong}}, kHeaderFill);
    return table;
}

void Composer::cell(QTextTable *table, int row, int column, const std::vector<Run> &runs, const QColor &fill)
{
    QTextTableCell c = table->cellAt(row, column);
    // The cell's format is stored as its first block's character format: keep it, and set it again
    // (with the fill) after the block's own formats.
    QTextTableCellFormat cellFormat = c.format().toTableCellFormat();
    QTextCursor cc = c.firstCursorPosition();
    QTextBlockFormat b;
    b.setLineHeight(108, QTextBlockFormat::ProportionalHeight);
    cc.setBlockFormat(b);
    for (const auto &r : runs)
        cc.insertText(r.text, charFormat(r.style));
    if (fill.isValid())
        cellFormat.setBackground(fill);
    const bool header = row < table->format().headerRowCount();
    if (table->format().border() == 0 && m_ruled) {
        cellFormat.setBottomBorder(px(header ? 1.0 : 0.5));
        cellFormat.setBottomBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        cellFormat.setBottomBorderBrush(header ? QColor(0x55, 0x55, 0x55) : kRule);
    }
    c.setFormat(cellFormat);
}

void Composer::beginTable(const TableSpec &spec)
{
    m_table = table(spec.header, spec.widths, spec.rows);
}

void Composer::cell(int row, int column, const std::vector<Run> &runs, const QColor &fill)
{
    if (m_table)
        cell(m_table, row + m_table->format().headerRowCount(), column, runs, fill);
}

void Composer::endTable()
{
    m_table = nullptr;
    leaveTable();
}

void Composer::facts(const std::vector<std::pair<QString, QString>> &rows, qreal labelWidthPercent)
{
    QTextTable *t = table({}, {labelWidthPercent, 100 - labelWidthPercent}, int(rows.size()));
    QTextTableFormat f = t->format();
    f.setCellPadding(px(3));
    t->setFormat(f);
    m_ruled = false;
    for (int r = 0; r < int(rows.size()); ++r) {
        cell(t, r, 0, {{rows[std::size_t(r)].first, {10, true, false, QColor(0x44, 0x44, 0x44)}}});
        cell(t, r, 1, {{rows[std::size_t(r)].second, styles::body}});
    }
    m_ruled = true;
    leaveTable();
}

void Composer::leaveTable()
{
    m_cursor.movePosition(QTextCursor::End);
    m_firstBlock = true;  // the empty block after the table takes the next block's format
}

void Composer::figure(const Figure &figure)
{
    if (figure.kind == ChartKind::Radar && figure.radar)
        chart(ChartKind::Radar, figure.radar, figure.heightPt);
    else if (figure.kind == ChartKind::HeatMap && figure.heatMap)
        chart(ChartKind::HeatMap, figure.heatMap, figure.heightPt);
}

void Composer::chart(ChartKind kind, std::shared_ptr<const void> data, qreal heightPt)
{
    QTextBlockFormat b;
    b.setAlignment(Qt::AlignHCenter);
    b.setBottomMargin(px(6));
    b.setTopMargin(px(2));
    startBlock(b);
    const qreal widthPt = m_textWidthPt - 1;
    if (m_target == ReportTarget::Print) {
        ChartObject *handler = chartHandler(m_doc);
        QTextCharFormat f;
        f.setObjectType(ChartObject::kObjectType);
        f.setProperty(ChartObject::kIndex, handler->add(kind, std::move(data)));
        f.setProperty(ChartObject::kWidth, widthPt * m_objectPxPerPt);
        f.setProperty(ChartObject::kHeight, heightPt * m_objectPxPerPt);
        m_cursor.insertText(QString(QChar::ObjectReplacementCharacter), f);
        return;
    }
    // The editable document: an image at 200 dpi, shown at the chart's size.
    constexpr qreal dpi = 200;
    QImage image(QSize(qRound(widthPt / 72 * dpi), qRound(heightPt / 72 * dpi)), QImage::Format_RGB32);
    image.setDotsPerMeterX(qRound(dpi / 0.0254));
    image.setDotsPerMeterY(qRound(dpi / 0.0254));
    image.fill(Qt::white);
    {
        QPainter p(&image);
        ChartObject::paint(p, QRectF(QPointF(0, 0), QSizeF(image.size())), kind, data.get(), chartStyle(dpi / 72));
    }
    const QString name = QStringLiteral("chart-%1.png").arg(++m_images);
    m_doc.addResource(QTextDocument::ImageResource, QUrl(name), image);
    QTextImageFormat f;
    f.setName(name);
    f.setWidth(px(widthPt));
    f.setHeight(px(heightPt));
    m_cursor.insertImage(f);
}

ChartObject::ChartObject(const ChartStyle &style, QObject *parent) : QObject(parent), m_style(style) {}

int ChartObject::add(ChartKind kind, std::shared_ptr<const void> data)
{
    m_charts.push_back({kind, std::move(data)});
    return int(m_charts.size()) - 1;
}

QSizeF ChartObject::intrinsicSize(QTextDocument *, int, const QTextFormat &format)
{
    return {format.doubleProperty(kWidth), format.doubleProperty(kHeight)};
}

void ChartObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format)
{
    const int index = format.intProperty(kIndex);
    if (index < 0 || index >= int(m_charts.size()))
        return;
    const Entry &e = m_charts[std::size_t(index)];
    paint(*painter, rect, e.kind, e.data.get(), m_style);
}

void ChartObject::paint(QPainter &painter, const QRectF &rect, ChartKind kind, const void *data, const ChartStyle &style)
{
    painter.save();
    if (kind == ChartKind::Radar)
        paintRadar(painter, rect, *static_cast<const RadarData *>(data), style);
    else
        paintHeatMap(painter, rect, *static_cast<const HeatMapData *>(data), style);
    painter.restore();
}

}  // namespace hicm::report
