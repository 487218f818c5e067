// Internal: the QTextDocument back end of ReportSink (report_sink.h): writes the report's content into a
// QTextDocument through a QTextCursor. All user text is
// inserted as text (never parsed as HTML), so `<b>Acme & Sons</b>` stays exactly that.
// Lengths are given in points and converted to the document's units: format lengths (margins,
// padding, borders) to the layout's logical pixels, which it scales to its paint device itself;
// chart objects to the paint device's pixels, which it takes as they are.
#pragma once

#include "charts.h"
#include "report_sink.h"

#include <QColor>
#include <QFont>
#include <QObject>
#include <QString>
#include <QTextCursor>
#include <QTextObjectInterface>

#include <memory>
#include <string>
#include <vector>

class QTextDocument;
class QTextTable;

namespace hicm::report {

enum class ReportTarget { Print, Editable };

// Charts inside the print document: a QTextObjectInterface handler registered on the document paints
// each chart with the shared painters (charts.h) when the page is painted, so in a PDF the charts are
// vector graphics and their labels real text.
class ChartObject : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int kObjectType = QTextFormat::UserObject + 1;
    static constexpr int kIndex = QTextFormat::UserProperty + 2;   // which chart (add()'s result)
    static constexpr int kWidth = QTextFormat::UserProperty + 3;   // size in document units
    static constexpr int kHeight = QTextFormat::UserProperty + 4;

    ChartObject(const ChartStyle &style, QObject *parent);

    // Keeps the chart's data; returns the index to store in the object's format.
    int add(ChartKind kind, std::shared_ptr<const void> data);

    QSizeF intrinsicSize(QTextDocument *doc, int posInDocument, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *doc, int posInDocument,
                    const QTextFormat &format) override;

    // Paints a chart of either kind (used for the editable document's images too).
    static void paint(QPainter &painter, const QRectF &rect, ChartKind kind, const void *data,
                      const ChartStyle &style);

private:
    struct Entry {
        ChartKind kind;
        std::shared_ptr<const void> data;
    };
    ChartStyle m_style;
    std::vector<Entry> m_charts;
};


class Composer : public ReportSink {
public:
    // `formatPxPerPt`: format length units per point; `objectPxPerPt`: the paint device's pixels per
    // point (chart objects); `textWidthPt`: the width of the text column in points.
    Composer(QTextDocument &doc, ReportTarget target, qreal formatPxPerPt, qreal objectPxPerPt, qreal textWidthPt,
             const QFont &base);
    ~Composer() override;

    // Registers the print document's chart painter on its layout. Called once the content is in:
    // a document without a layout takes text much faster (nothing is laid out as it goes in).
    static void registerCharts(QTextDocument &doc);

    ReportTarget target() const { return m_target; }
    qreal px(qreal points) const { return points * m_pxPerPt; }
    qreal textWidthPt() const override { return m_textWidthPt; }

    using ReportSink::cell;
    using ReportSink::paragraph;

    void title(const QString &text, const Style &style, qreal spaceAfterPt) override
    {
        paragraph(std::vector<Run>{{text, style}}, spaceAfterPt);
    }
    // Headings: level 1 (section, 17 pt), 2 (13 pt), 3 (11 pt), 4 (a 9.5 pt label). Kept with what
    // follows in print.
    void heading(int level, const QString &text, bool newPage = false) override;
    void paragraph(const std::vector<Run> &runs, qreal spaceAfterPt = 5, qreal indentPt = 0) override;
    // Lists are runs of bulleted paragraphs here.
    void beginList() override {}
    void bullet(const std::vector<Run> &runs, qreal spaceAfterPt = 2) override;
    void endList() override {}
    // Indented text with a rule on its left (quotations from the framework).
    void quotation(const QString &text, const QString &attribution = {}) override;
    void spacer(qreal points) override;
    // Keeps the current block on the same page as the next one (print only).
    void keepWithNext() override;
    void pageBreak() override;

    // A table with a repeated header row; the caption is not shown.
    void beginTable(const TableSpec &spec) override;
    void cell(int row, int column, const std::vector<Run> &runs, const QColor &fill = {}) override;
    void endTable() override;
    // A two-column table of labels and values (no header).
    void facts(const std::vector<std::pair<QString, QString>> &rows, qreal labelWidthPercent = 28) override;

    // A chart the width of the text column: a vector object in print, an image in the editable document.
    void figure(const Figure &figure) override;
    // The style the charts are painted with (their fonts at the report's label size).
    ChartStyle chartStyle(qreal pxPerPt) const;

private:
    QTextTable *table(const std::vector<QString> &header, const std::vector<qreal> &widths, int rows);
    void cell(QTextTable *table, int row, int column, const std::vector<Run> &runs, const QColor &fill = {});
    // Moves the cursor to the end of the document, after any table.
    void leaveTable();
    QTextCharFormat charFormat(const Style &style) const;
    void startBlock(const QTextBlockFormat &format);
    void chart(ChartKind kind, std::shared_ptr<const void> data, qreal heightPt);

    QTextDocument &m_doc;
    ReportTarget m_target;
    qreal m_pxPerPt;
    qreal m_objectPxPerPt;
    qreal m_textWidthPt;
    QFont m_base;
    QString m_family;  // the family the base font resolves to
    QTextCursor m_cursor;
    QTextTable *m_table = nullptr;  // between beginTable() and endTable()
    bool m_firstBlock = true;
    bool m_ruled = true;  // cells get a rule beneath
    int m_images = 0;
};

// Block property marking a heading to keep with the next block.
constexpr int kKeepWithNext = 0x100000 + 1;  // QTextFormat::UserProperty + 1

}  // namespace hicm::report
