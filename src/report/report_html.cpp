// The report as one accessible, self-contained HTML5 file: semantic headings (never skipping a
// level), lists, tables with captions and header cells, charts as inline SVG with a text alternative,
// print styles; no script, no external resource. Every text is escaped: user text is data.
#include "report_html.h"

#include "charts.h"
#include "composer.h"
#include "output_guard.h"
#include "report_data.h"
#include "report_sections.h"
#include "text.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include <algorithm>

namespace hicm::report {

namespace {

// The text column of the print layout (A4 less its margins), in points: charts keep their proportions.
constexpr qreal kTextWidthPt = 595.276 - 2 * 56.7;

// User text as shown: bidi controls dropped, right-to-left text isolated (core shownAsTyped), escaped.
QString esc(const QString &text)
{
    return QString::fromStdString(shownAsTyped(text.toStdString())).toHtmlEscaped();
}

const char *kStyle = R"css(
:root { color: #1a1a1a; background: #ffffff; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 1rem; line-height: 1.45;
       max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
h1, h2 { color: #0b3d6b; line-height: 1.2; }
h1 { font-size: 1.7rem; margin: 2.5rem 0 .8rem; padding-bottom: .2rem; border-bottom: 2px solid #0b3d6b; }
h1.title { font-size: 2.2rem; border: none; margin-top: .5rem; }
h2 { font-size: 1.3rem; margin: 1.6rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
p { margin: 0 0 .6rem; }
p.label { margin: .9rem 0 .2rem; color: #444444; font-weight: bold; }
p.small, li.small { font-size: .92rem; }
ul { margin: .2rem 0 .8rem; padding-left: 1.4rem; }
li { margin-bottom: .25rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1.2rem; font-size: .92rem; }
caption { caption-side: top; text-align: left; font-weight: bold; color: #444444; padding: .3rem 0; }
th, td { border-bottom: 1px solid #a6a6a6; padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #e4e7eb; border-bottom: 2px solid #555555; }
tbody th { font-weight: bold; }
blockquote { margin: .3rem 0 .9rem; padding: .5rem .8rem; background: #f2f4f7; border-left: 4px solid #0b3d6b;
             font-style: italic; color: #262626; }
figure { margin: .6rem 0 1.2rem; }
figure svg, figure img { display: block; width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #444444; margin-top: .3rem; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, 24%) 1fr; gap: .25rem 1rem; margin: 1rem 0; }
dl.facts dt { font-weight: bold; color: #444444; }
dl.facts dd { margin: 0; }
.kicker { font-weight: bold; color: #0b3d6b; letter-spacing: .05em; margin: 0; }
hr.page-break { border: 0; border-top: 1px solid #a6a6a6; margin: 2.5rem 0; }
@media print {
  hr.page-break { break-after: page; border: 0; margin: 0; }
  @page { size: A4; margin: 18mm 16mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h1:not(.title) { break-before: page; }
  h1, h2, h3, p.label, caption { break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure, blockquote, dl.facts { break-inside: avoid; }
}
)css";

class HtmlSink : public ReportSink {
public:
    HtmlSink(const HtmlOptions &options) : m_options(options) {}

    QString html;
    QString error;

    qreal textWidthPt() const override { return kTextWidthPt; }

    void title(const QString &text, const Style &, qreal) override
    {
        closeList();
        html += m_options.forPandoc ? QStringLiteral("<p class=\"title\"><strong>") + esc(text) + QStringLiteral("</strong></p>\n")
                                    : QStringLiteral("<h1 class=\"title\">") + esc(text) + QStringLiteral("</h1>\n");
        m_level = 1;
    }

    void heading(int level, const QString &text, bool) override
    {
        closeList();
        if (level >= 4) {
            html += QStringLiteral("<p class=\"label\">") + esc(text) + QStringLiteral("</p>\n");
            return;
        }
        // Never skip a level: a heading deeper than one below the last becomes one below it.
        const int h = std::clamp(level, 1, m_level + 1);
        m_level = h;
        html += QStringLiteral("<h%1>").arg(h) + esc(text) + QStringLiteral("</h%1>\n").arg(h);
    }

    void paragraph(const std::vector<Run> &runs, qreal, qreal) override
    {
        closeList();
        const QString body = inline_(runs);
        if (body.trimmed().isEmpty())
            return;
        const bool small = std::all_of(runs.begin(), runs.end(), [](const Run &r) { return r.style.size < 10; });
        const bool kicker = runs.size() == 1 && runs.front().style.bold && runs.front().style.color == styles::accent;
        html += (kicker ? QStringLiteral("<p class=\"kicker\">") : small ? QStringLiteral("<p class=\"small\">") : QStringLiteral("<p>")) +
                body + QStringLiteral("</p>\n");
    }

    void beginList() override
    {
        closeList();
        html += QStringLiteral("<ul>\n");
        m_inList = true;
    }
    void bullet(const std::vector<Run> &runs, qreal) override
    {
        if (!m_inList)
            beginList();
        html += QStringLiteral("<li>") + inline_(runs) + QStringLiteral("</li>\n");
    }
    void endList() override { closeList(); }

    void quotation(const QString &text, const QString &attribution) override
    {
        closeList();
        html += QStringLiteral("<blockquote><p>") + lines(text) + QStringLiteral("</p>");
        if (!attribution.isEmpty())
            html += QStringLiteral("<p>\u2014 ") + esc(attribution) + QStringLiteral("</p>");
        html += QStringLiteral("</blockquote>\n");
    }

    void beginTable(const TableSpec &spec) override
    {
        closeList();
        m_table = spec;
        m_cells.assign(std::size_t(std::max(0, spec.rows)), std::vector<Cell>(spec.widths.size()));
    }

    void cell(int row, int column, const std::vector<Run> &runs, const QColor &fill) override
    {
        if (row < 0 || row >= int(m_cells.size()) || column < 0 || column >= int(m_table.widths.size()))
            return;
        m_cells[std::size_t(row)][std::size_t(column)] = {inline_(runs), fill};
    }

    void endTable() override
    {
        QString t = QStringLiteral("<table>\n");
        if (!m_table.caption.isEmpty())
            t += QStringLiteral("<caption>") + esc(m_table.caption) + QStringLiteral("</caption>\n");
        t += QStringLiteral("<colgroup>");
        for (qreal w : m_table.widths)
            t += m_options.forPandoc ? QStringLiteral("<col width=\"%1%\">").arg(w, 0, 'f', 1)
                                     : QStringLiteral("<col style=\"width: %1%\">").arg(w, 0, 'f', 1);
        t += QStringLiteral("</colgroup>\n");
        if (!m_table.header.empty()) {
            t += QStringLiteral("<thead><tr>");
            for (const auto &h : m_table.header)
                t += QStringLiteral("<th scope=\"col\">") + esc(h) + QStringLiteral("</th>");
            t += QStringLiteral("</tr></thead>\n");
        }
        t += QStringLiteral("<tbody>\n");
        for (const auto &row : m_cells) {
            t += QStringLiteral("<tr>");
            for (std::size_t c = 0; c < row.size(); ++c) {
                const bool th = c == 0 && m_table.rowHeaders && !m_options.rowHeadersAsCells;
                QString open = th ? QStringLiteral("<th scope=\"row\"") : QStringLiteral("<td");
                if (row[c].fill.isValid() && !m_options.forPandoc)
                    open += QStringLiteral(" style=\"background: %1\"").arg(row[c].fill.name());
                t += open + QLatin1Char('>') + row[c].html + (th ? QStringLiteral("</th>") : QStringLiteral("</td>"));
            }
            t += QStringLiteral("</tr>\n");
        }
        t += QStringLiteral("</tbody>\n</table>\n");
        html += t;
        m_cells.clear();
    }

    void facts(const std::vector<std::pair<QString, QString>> &rows, qreal) override
    {
        closeList();
        html += QStringLiteral("<dl class=\"facts\">\n");
        for (const auto &[label, value] : rows)
            html += QStringLiteral("<dt>") + esc(label) + QStringLiteral("</dt><dd>") + lines(value) + QStringLiteral("</dd>\n");
        html += QStringLiteral("</dl>\n");
    }

    void figure(const Figure &f) override
    {
        closeList();
        const QString id = QStringLiteral("figure-%1").arg(++m_figures);
        // In Word and OpenDocument the summary's radar is not held to the printed page's 240 pt (the page flows
        // there anyway): at its full height, up to 300 pt, so that its rings and labels can be read.
        qreal height = f.heightPt;
        if (!m_options.imageFolder.isEmpty() && f.kind == ChartKind::Radar && f.radar)
            height = std::max(height, std::min<qreal>(300, radarHeight(*f.radar, reportChartStyle(1.0), kTextWidthPt - 1)));
        const QSizeF size(kTextWidthPt - 1, height);
        const auto paint = [&](QPainter &p, const QRectF &rect, qreal pxPerPt) {
            const void *data = f.kind == ChartKind::Radar ? static_cast<const void *>(f.radar.get())
                                                          : static_cast<const void *>(f.heatMap.get());
            if (data)
                ChartObject::paint(p, rect, f.kind, data, reportChartStyle(pxPerPt));
        };
        html += QStringLiteral("<figure>\n");
        if (m_options.imageFolder.isEmpty()) {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            QSvgGenerator svg;
            svg.setOutputDevice(&buffer);
            svg.setSize(size.toSize());
            svg.setViewBox(QRectF(QPointF(0, 0), size));
            svg.setResolution(72);
            {
                QPainter p(&svg);
                p.setRenderHint(QPainter::Antialiasing);
                paint(p, QRectF(QPointF(0, 0), size), 1.0);
            }
            QString text = QString::fromUtf8(buffer.data());
            text = text.mid(std::max<qsizetype>(0, text.indexOf(QStringLiteral("<svg"))));
            // Qt's own <title>/<desc> (empty) give way to the figure's visible description.
            static const QRegularExpression meta(QStringLiteral("<title>[^<]*</title>\\s*|<desc>[^<]*</desc>\\s*"));
            text.remove(meta);
            text.replace(QRegularExpression(QStringLiteral("^<svg\\s+width=\"[^\"]*\"\\s+height=\"[^\"]*\"")), QStringLiteral("<svg"));
            // Ids unique in the page (two charts both define their patterns), the report's fonts.
            text.replace(QStringLiteral("id=\""), QStringLiteral("id=\"%1-").arg(id));
            text.replace(QStringLiteral("url(#"), QStringLiteral("url(#%1-").arg(id));
            text.replace(QRegularExpression(QStringLiteral("font-family=\"[^\"]*\"")),
                         QStringLiteral("font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\""));
            text.replace(0, 4, QStringLiteral("<svg role=\"img\" aria-labelledby=\"%1\" focusable=\"false\"").arg(id));
            html += text.trimmed() + QLatin1Char('\n');
        } else {
            constexpr qreal dpi = 200;
            QImage image(QSize(qRound(size.width() / 72 * dpi), qRound(size.height() / 72 * dpi)), QImage::Format_RGB32);
            image.setDotsPerMeterX(qRound(dpi / 0.0254));
            image.setDotsPerMeterY(qRound(dpi / 0.0254));
            image.fill(Qt::white);
            {
                QPainter p(&image);
                p.setRenderHint(QPainter::Antialiasing);
                paint(p, QRectF(QPointF(0, 0), QSizeF(image.size())), dpi / 72);
            }
            const QString name = QStringLiteral("chart-%1.png").arg(m_figures);
            if (!image.save(QDir(m_options.imageFolder).filePath(name), "PNG"))
                error = QStringLiteral("cannot write the chart image %1").arg(name);
            html += QStringLiteral("<img src=\"%1\" alt=\"%2\" style=\"width: %3in; height: %4in\">\n")
                        .arg(name, esc(f.alt))
                        .arg(size.width() / 72, 0, 'f', 2)
                        .arg(size.height() / 72, 0, 'f', 2);
        }
        // For Word and OpenDocument the caption is what the chart is; its values are the picture's text
        // alternative (report_pandoc.cpp), as in the PDF, not a paragraph of figures under it.
        const QString caption = m_options.forPandoc ? shortCaption(f.alt) : f.alt;
        html += QStringLiteral("<figcaption id=\"%1\">").arg(id) + esc(caption) + QStringLiteral("</figcaption>\n</figure>\n");
    }

    void spacer(qreal) override {}
    void keepWithNext() override {}
    // A thematic break on screen (after the board cover sheet: the report proper begins), a new page in
    // print; pandoc reads it as a horizontal rule, which the Word and OpenDocument versions turn into a
    // page break (report_pandoc.cpp).
    void pageBreak() override
    {
        closeList();
        html += QStringLiteral("<hr class=\"page-break\">\n");
    }

    void finish() { closeList(); }

private:
    struct Cell {
        QString html;
        QColor fill;
    };

    void closeList()
    {
        if (m_inList)
            html += QStringLiteral("</ul>\n");
        m_inList = false;
    }

    static QString lines(const QString &text)
    {
        QString out = esc(text);
        out.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        out.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        return out;
    }

    static QString inline_(const std::vector<Run> &runs)
    {
        QString out;
        for (const auto &r : runs) {
            QString t = lines(r.text);
            if (t.isEmpty())
                continue;
            if (r.style.italic)
                t = QStringLiteral("<em>") + t + QStringLiteral("</em>");
            if (r.style.bold)
                t = QStringLiteral("<strong>") + t + QStringLiteral("</strong>");
            out += t;
        }
        return out;
    }

    HtmlOptions m_options;
    int m_level = 0;
    bool m_inList = false;
    int m_figures = 0;
    TableSpec m_table;
    std::vector<std::vector<Cell>> m_cells;
};

}  // namespace

QString shortCaption(const QString &description)
{
    static const QRegularExpression valuesStart(QStringLiteral(":\\s|\\.(\\s|$)"));
    const qsizetype end = description.indexOf(valuesStart);
    return end > 0 ? description.left(end) + QLatin1Char('.') : description;
}

QString reportTitle(const ReportInput &input)
{
    return qs(input.assessment.area) + QStringLiteral(": intermediate care self-assessment");
}

QByteArray htmlBytes(const ReportInput &input, const HtmlOptions &options, QString *error)
{
    HtmlSink sink(options);
    composeReport(input, sink);
    sink.finish();
    if (!sink.error.isEmpty()) {
        if (error)
            *error = sink.error;
        return {};
    }
    QString doc = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>") +
                  esc(reportTitle(input)) + QStringLiteral("</title>\n");
    if (!options.forPandoc)
        doc += QStringLiteral("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>") + QString::fromUtf8(kStyle) + QStringLiteral("</style>\n");
    doc += QStringLiteral("</head>\n<body>\n<main>\n") + sink.html + QStringLiteral("</main>\n</body>\n</html>\n");
    return doc.toUtf8();
}

WriteResult writeHtml(const ReportInput &input, const QString &path)
{
    WriteResult result;
    if (const std::string why = storage::outputRefusal(path.toStdString(), {}); !why.empty()) {
        result.error = QString::fromStdString(why);
        return result;
    }
    result.error = writeFileBytes(path, htmlBytes(input));
    result.ok = result.error.isEmpty();
    return result;
}

}  // namespace hicm::report
