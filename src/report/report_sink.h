// Internal: what the report says, apart from how it is drawn. The sections (report_sections.h) write
// only through a ReportSink; each back end renders the same semantic stream its own way:
//   Composer (composer.h)  a QTextDocument: the paginated print layout (PDF, preview);
//   HtmlSink (html.cpp)    one accessible, self-contained HTML5 file (and, through pandoc, DOCX/ODT).
// Every text given here is plain user text: a back end inserts it as text (escaping it where its
// format needs), never parses it as markup.
#pragma once

#include "charts.h"

#include <QColor>
#include <QFont>
#include <QString>

#include <memory>
#include <utility>
#include <vector>

namespace hicm::report {

// A character style: size in points (never below 9), weight, slant, colour.
struct Style {
    qreal size = 10;
    bool bold = false;
    bool italic = false;
    QColor color = QColor(0x1a, 0x1a, 0x1a);
};

namespace styles {
inline const Style body{10, false, false, QColor(0x1a, 0x1a, 0x1a)};
inline const Style strong{10, true, false, QColor(0x1a, 0x1a, 0x1a)};
inline const Style small{9, false, false, QColor(0x1a, 0x1a, 0x1a)};
inline const Style smallStrong{9, true, false, QColor(0x1a, 0x1a, 0x1a)};
inline const Style note{9, false, true, QColor(0x44, 0x44, 0x44)};
inline const Style quote{9.5, false, true, QColor(0x26, 0x26, 0x26)};
inline const Style lead{11, false, false, QColor(0x1a, 0x1a, 0x1a)};
inline const QColor accent(0x0b, 0x3d, 0x6b);
}  // namespace styles

// One run of text in a paragraph, list item or cell. A "\n" in the text starts a new line.
struct Run {
    QString text;
    Style style = styles::body;
};

enum class ChartKind { Radar, HeatMap };

// A chart and its text alternative. Exactly one of `radar` / `heatMap` is set, after `kind`.
struct Figure {
    ChartKind kind = ChartKind::Radar;
    std::shared_ptr<const RadarData> radar;
    std::shared_ptr<const HeatMapData> heatMap;
    qreal heightPt = 200;  // drawn the width of the text column, this tall
    QString alt;           // what the chart shows, in words (chartDescription())
};

// A table: optional header row, widths in percent of the text column (one per column), `rows` body rows.
struct TableSpec {
    QString caption;              // what the table holds; not shown in the print layout (its heading does)
    std::vector<QString> header;  // empty: no header row
    std::vector<qreal> widths;
    int rows = 0;
    bool rowHeaders = false;      // the first column names its row (a header cell for its row)
};

// The text alternative of a chart: a sentence saying what it is, then its values in reading order.
QString chartDescription(const RadarData &data);
QString chartDescription(const HeatMapData &data);

// The report's font (Liberation Sans, or a metric-compatible sans serif) and the chart style at its
// 9 pt label size, `pxPerPt` device units per point.
QFont reportFont();
ChartStyle reportChartStyle(qreal pxPerPt);

class ReportSink {
public:
    virtual ~ReportSink() = default;

    // The width of the text column in points (charts are sized for it).
    virtual qreal textWidthPt() const = 0;

    // The document's title (the area's name on the cover): the HTML page's h1, Word's Title; a
    // paragraph of `style` in print.
    virtual void title(const QString &text, const Style &style, qreal spaceAfterPt) = 0;
    // Headings: level 1 (a section: starts a page in print when `newPage`), 2, 3, and 4 (a run-in
    // label above a block; an HTML back end may show it as a strong paragraph).
    virtual void heading(int level, const QString &text, bool newPage = false) = 0;
    // A paragraph of runs; spacing and indent are print hints.
    virtual void paragraph(const std::vector<Run> &runs, qreal spaceAfterPt = 5, qreal indentPt = 0) = 0;
    // A paragraph of one style; `text` may hold several lines, each its own paragraph.
    void paragraph(const QString &text, const Style &style = styles::body, qreal spaceAfterPt = 5);

    // A bulleted list: bullet() only between beginList() and endList().
    virtual void beginList() = 0;
    virtual void bullet(const std::vector<Run> &runs, qreal spaceAfterPt = 2) = 0;
    virtual void endList() = 0;

    // Quoted text (a framework descriptor), with an optional attribution.
    virtual void quotation(const QString &text, const QString &attribution = {}) = 0;

    // A table: beginTable(), then cell() for body rows 0 .. rows-1 (the header row is the spec's),
    // then endTable(). `fill` is a print shading hint (zebra rows, the agreed level).
    virtual void beginTable(const TableSpec &spec) = 0;
    virtual void cell(int row, int column, const std::vector<Run> &runs, const QColor &fill = {}) = 0;
    void cell(int row, int column, const QString &text, const Style &style = styles::small);
    virtual void endTable() = 0;

    // Label/value pairs (a definition list in HTML, a borderless two-column table in print).
    virtual void facts(const std::vector<std::pair<QString, QString>> &rows, qreal labelWidthPercent = 28) = 0;

    // A chart with its text alternative.
    virtual void figure(const Figure &figure) = 0;
    void radar(const RadarData &data, qreal heightPt);
    void heatMap(const HeatMapData &data, qreal heightPt);

    // Print layout hints, which other back ends may ignore: vertical space, keep the last block on
    // the page of the next one, a forced page break.
    virtual void spacer(qreal points) = 0;
    virtual void keepWithNext() = 0;
    virtual void pageBreak() = 0;
};

}  // namespace hicm::report
