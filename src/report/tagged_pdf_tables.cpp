// The tagged PDF's tables and charts (tagged_pdf_layout.h): rows with their shading and rules as
// artifacts, header cells as TH, a row taller than a page flowing on over the next pages (one TR for a
// screen reader), the header row repeated as an artifact; charts painted straight into the page.
#include "tagged_pdf_layout.h"

#include "cairo_painter.h"
#include "composer.h"
#include "report_data.h"

#include <QPainter>

#include <algorithm>

namespace hicm::report {

using namespace taggedpdf;

// A row (or part of one) of height `h` at y: shading and rules as artifacts, then the cells in a TR
// (or, for a repeated header row, as an artifact). A part that continues a row from the page
// before is a TR of its own here; finishing the PDF merges it into the row it continues.
void TaggedPdfSink::Impl::drawRow(const Block &b, const std::vector<Laid> &row, const std::vector<QColor> &fills,
                                  bool header, bool tagged, qreal h, const std::vector<Part> &parts, bool continued)
{
    const qreal pad = b.facts ? 3 : 3.5;
    if (draw) {
        tagBegin("Artifact", "");
        qreal x = kMarginX;
        for (std::size_t c = 0; c < row.size(); ++c) {
            const QColor fill = header ? kHeaderFill : (c < fills.size() ? fills[c] : QColor());
            if (fill.isValid()) {
                setColor(cr, fill);
                cairo_rectangle(cr, x, y, b.columnW[c], h);
                cairo_fill(cr);
            }
            x += b.columnW[c];
        }
        if (!b.facts) {
            setColor(cr, header ? kHeaderRule : kRule);
            cairo_set_line_width(cr, header ? 1.0 : 0.5);
            cairo_move_to(cr, kMarginX, y + h);
            cairo_line_to(cr, kMarginX + kTextW, y + h);
            cairo_stroke(cr);
        }
        tagEnd("Artifact");
        if (!tagged) {
            tagBegin("Artifact", "");
        } else {
            if (continued)
                continuedRows.push_back(rowCount);
            ++rowCount;
            tagBegin("TR", "");
        }
        x = kMarginX;
        for (std::size_t c = 0; c < row.size(); ++c) {
            const char *tag = header || (c == 0 && (b.spec.rowHeaders || b.facts)) ? "TH" : "TD";
            if (tagged)
                tagBegin(tag, "");
            const Part part = c < parts.size() ? parts[c] : Part{};
            drawLayout(row[c], x + pad, y + pad, part.from, part.to, part.offset);
            if (tagged)
                tagEnd(tag);
            x += b.columnW[c];
        }
        tagEnd(tagged ? "TR" : "Artifact");
    }
    y += h;
    pageEmpty = false;
}

// A row taller than a page: each cell's lines flow on over as many pages as they need, every
// part inside the margins, the header row repeated above each continuation.
void TaggedPdfSink::Impl::splitRow(const Block &b, std::size_t r, const std::vector<QColor> &fills)
{
    const qreal pad = b.facts ? 3 : 3.5;
    const std::vector<Laid> &row = b.body[r];
    std::vector<std::size_t> next(row.size(), 0);
    for (bool first = true;; first = false) {
        const qreal room = kBottom - y - 2 * pad;
        std::vector<Part> parts(row.size());
        qreal used = 0;
        bool left = false;
        for (std::size_t c = 0; c < row.size(); ++c) {
            const Laid &l = row[c];
            const std::size_t from = next[c];
            const qreal offset = from < l.lines.size() ? l.lines[from].top : l.height;
            std::size_t to = from;
            while (to < l.lines.size() && l.lines[to].top + l.lines[to].height - offset <= room)
                ++to;
            if (to == from && to < l.lines.size() && pageEmpty)
                ++to;  // a single line taller than the page: placed anyway, so the row ends
            if (to > from)
                used = std::max(used, l.lines[to - 1].top + l.lines[to - 1].height - offset);
            parts[c] = {from, to, offset};
            next[c] = to;
            left = left || to < l.lines.size();
        }
        drawRow(b, row, fills, false, true, used + 2 * pad, parts, !first);
        if (!left)
            return;
        newPage();
        if (!b.header.empty())
            drawRow(b, b.header, {}, true, false, b.headerH);
    }
}

void TaggedPdfSink::Impl::table(const Block &b)
{
    const qreal total = blockHeight(b);
    space(3);
    // A short table that would straddle a page break starts on the next page.
    if (!pageEmpty && y + std::min(total, firstUnit(b)) > kBottom)
        newPage();
    else if (!pageEmpty && y + total > kBottom && total < (kBottom - kMarginTop) / 2)
        newPage();
    if (draw)
        tagBegin("Table", "");
    if (!b.header.empty())
        drawRow(b, b.header, {}, true, true, b.headerH);
    const qreal fullPage = kBottom - kMarginTop - b.headerH;
    for (std::size_t r = 0; r < b.body.size(); ++r) {
        std::vector<QColor> fills;
        for (const auto &c : b.cells[r])
            fills.push_back(c.fill);
        const qreal h = b.bodyH[r];
        if (h > fullPage) {
            // Taller than a page: split, starting here unless only a sliver of the page is left.
            if (!pageEmpty && y + 48 > kBottom) {
                newPage();
                if (!b.header.empty())
                    drawRow(b, b.header, {}, true, false, b.headerH);
            }
            splitRow(b, r, fills);
            continue;
        }
        if (y + h > kBottom && !pageEmpty) {
            newPage();
            if (!b.header.empty())
                drawRow(b, b.header, {}, true, false, b.headerH);  // repeated: an artifact
        }
        drawRow(b, b.body[r], fills, false, true, h);
    }
    if (draw)
        tagEnd("Table");
}

// The chart painted by the same code as everywhere, its vector graphics and text straight into the page.
void TaggedPdfSink::Impl::drawChart(const Figure &f, qreal x, qreal top, qreal w, qreal h)
{
    const void *data = f.kind == ChartKind::Radar ? static_cast<const void *>(f.radar.get())
                                                  : static_cast<const void *>(f.heatMap.get());
    if (!data)
        return;
    cairo_save(cr);
    cairo_translate(cr, x, top);
    {
        CairoPaintDevice device(cr, pango, QSizeF(w, h));
        QPainter p(&device);
        ChartObject::paint(p, QRectF(0, 0, w, h), f.kind, data, reportChartStyle(1.0));
    }
    cairo_restore(cr);
}

}  // namespace hicm::report
