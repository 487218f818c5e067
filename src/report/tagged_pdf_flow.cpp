// The tagged PDF's pages (tagged_pdf_layout.h): the running header and footer (artifacts), page breaks
// (a heading kept with what follows it, a short table not split), and the structure tree and bookmarks
// written in reading order as the blocks are placed. Run twice: once to count the pages, once to draw.
#include "tagged_pdf_layout.h"

#include <algorithm>

namespace hicm::report {

using namespace taggedpdf;

void TaggedPdfSink::Impl::startPage()
{
    y = kMarginTop;
    pageEmpty = true;
    if (!draw)
        return;
    // Running header and footer: artifacts (the cover has only its band).
    tagBegin("Artifact", "");
    if (page == 0) {
        setColor(cr, styles::accent);
        cairo_rectangle(cr, 0, 0, kPageW, 22);
        cairo_fill(cr);
    } else {
        const Style s{9, false, false, kGrey};
        LayoutPtr right = layout({{options.headerRight, s}}, kTextW * 0.4, 1.0, PANGO_ALIGN_RIGHT);
        pango_layout_set_ellipsize(right.get(), PANGO_ELLIPSIZE_END);
        LayoutPtr left = layout({{options.headerLeft, s}}, kTextW * 0.6 - 20, 1.0);
        pango_layout_set_ellipsize(left.get(), PANGO_ELLIPSIZE_END);
        const qreal base = 40;
        auto atBaseline = [&](PangoLayout *l, qreal x) {
            cairo_move_to(cr, x, base - pt(pango_layout_get_baseline(l)));
            pango_cairo_show_layout(cr, l);
        };
        atBaseline(left.get(), kMarginX);
        atBaseline(right.get(), kMarginX + kTextW * 0.6);
        setColor(cr, QColor(0x9a, 0x9a, 0x9a));
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, kMarginX, base + 6);
        cairo_line_to(cr, kPageW - kMarginX, base + 6);
        cairo_stroke(cr);
        const qreal foot = kPageH - 32;
        LayoutPtr number = layout({{QStringLiteral("Page %1 of %2").arg(page + 1).arg(pages), s}}, kTextW, 1.0,
                                  PANGO_ALIGN_RIGHT);
        cairo_move_to(cr, kMarginX, foot - pt(pango_layout_get_baseline(number.get())));
        pango_cairo_show_layout(cr, number.get());
        if (!options.footerLeft.isEmpty()) {
            LayoutPtr draft = layout({{options.footerLeft, s}}, kTextW / 2, 1.0);
            cairo_move_to(cr, kMarginX, foot - pt(pango_layout_get_baseline(draft.get())));
            pango_cairo_show_layout(cr, draft.get());
        }
    }
    tagEnd("Artifact");
}

void TaggedPdfSink::Impl::newPage()
{
    if (draw) {
        cairo_show_page(cr);
        if (progress && !cancelled && !progress(page + 1, pages))
            cancelled = true;
    }
    ++page;
    startPage();
}

void TaggedPdfSink::Impl::space(qreal points)
{
    if (!pageEmpty)
        y += points;
}

void TaggedPdfSink::Impl::run(std::vector<QString> &alts)
{
    page = 0;
    rowCount = 0;
    continuedRows.clear();
    for (int &id : outlineIds)
        id = CAIRO_PDF_OUTLINE_ROOT;
    if (draw)
        tagBegin("Document", "");
    startPage();
    qreal pendingAfter = 0;  // the bottom margin of the block before
    for (std::size_t i = 0; i < blocks.size() && !cancelled; ++i) {
        Block &b = blocks[i];
        if (b.kind == Kind::PageBreak) {
            if (!pageEmpty)
                newPage();
            pendingAfter = 0;
            continue;
        }
        if (b.kind == Kind::ListBegin || b.kind == Kind::ListEnd) {
            if (draw) {
                if (b.kind == Kind::ListBegin)
                    tagBegin("L", "");
                else
                    tagEnd("L");
            }
            continue;
        }
        if (b.kind == Kind::Spacer) {
            space(b.spaceBefore);
            continue;
        }
        if (b.newPage && !pageEmpty) {
            newPage();
            pendingAfter = 0;
        }
        space(std::max(pendingAfter, before(b)));
        pendingAfter = b.spaceAfter;
        // Keep with next: this block and the kept run after it, and the start of what follows.
        if (b.keep && !pageEmpty) {
            qreal need = blockHeight(b);
            std::size_t j = i + 1;
            while (j < blocks.size() && (blocks[j].kind == Kind::ListBegin || blocks[j].kind == Kind::ListEnd ||
                                         blocks[j].kind == Kind::Spacer))
                ++j;
            for (; j < blocks.size() && blocks[j].keep && !blocks[j].newPage; ++j)
                need += before(blocks[j]) + blockHeight(blocks[j]);
            if (j < blocks.size() && !blocks[j].newPage && blocks[j].kind != Kind::PageBreak)
                need += std::max(b.spaceAfter, before(blocks[j])) + firstUnit(blocks[j]);
            if (y + need > kBottom && need < kBottom - kMarginTop)
                newPage();
        }
        switch (b.kind) {
        case Kind::Title:
        case Kind::Heading: {
            const int level = b.kind == Kind::Title ? 1 : b.level;
            const qreal h = blockHeight(b);
            if (y + h > kBottom && !pageEmpty)
                newPage();
            const char *tag = level == 1 ? "H1" : level == 2 ? "H2" : level == 3 ? "H3" : "P";
            if (draw) {
                tagBegin(tag, "");
                drawLayout(b.text, kMarginX, y);
                tagEnd(tag);
                if (level <= 3) {
                    const QByteArray dest = QStringLiteral("page=%1 pos=[%2 %3]")
                                                .arg(page + 1)
                                                .arg(kMarginX, 0, 'f', 1)
                                                .arg(std::max<qreal>(0, y - 6), 0, 'f', 1)
                                                .toUtf8();
                    const int parent = level == 1 ? CAIRO_PDF_OUTLINE_ROOT : outlineIds[level - 2];
                    outlineIds[level - 1] = cairo_pdf_surface_add_outline(
                        surface, parent, b.runs.front().text.toUtf8().constData(), dest.constData(),
                        level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0));
                    for (int k = level; k < 3; ++k)
                        outlineIds[k] = outlineIds[level - 1];
                }
            }
            y += h;
            pageEmpty = false;
            break;
        }
        case Kind::Para:
            if (y + b.text.firstLineHeight() > kBottom && !pageEmpty)
                newPage();
            if (draw)
                tagBegin("P", "");
            flowLayout(b.text, kMarginX + b.indent, "P");
            if (draw)
                tagEnd("P");
            break;
        case Kind::Bullet: {
            if (y + b.text.firstLineHeight() > kBottom && !pageEmpty)
                newPage();
            if (draw) {
                tagBegin("LI", "");
                tagBegin("Lbl", "");
                const Style first = b.runs.empty() ? styles::body : b.runs.front().style;
                LayoutPtr dot = layout({{QStringLiteral("\u2022"), {first.size, false, false, styles::accent}}}, 10);
                const qreal baseline = b.text.lines.empty() ? 0 : b.text.lines.front().baseline;
                cairo_move_to(cr, kMarginX + 5, y + baseline - pt(pango_layout_get_baseline(dot.get())));
                pango_cairo_show_layout(cr, dot.get());
                tagEnd("Lbl");
                tagBegin("LBody", "");
            }
            flowLayout(b.text, kMarginX + 14, "LBody");
            if (draw) {
                tagEnd("LBody");
                tagEnd("LI");
            }
            break;
        }
        case Kind::Quote: {
            const qreal h = blockHeight(b);
            if (y + h > kBottom && !pageEmpty)
                newPage();
            if (draw) {
                tagBegin("Artifact", "");
                setColor(cr, kQuoteFill);
                cairo_rectangle(cr, kMarginX, y, kTextW, h);
                cairo_fill(cr);
                setColor(cr, styles::accent);
                cairo_rectangle(cr, kMarginX, y, 2.5, h);
                cairo_fill(cr);
                tagEnd("Artifact");
                tagBegin("BlockQuote", "");
                tagBegin("P", "");
                drawLayout(b.text, kMarginX + 2.5 + 8, y + 5);
                tagEnd("P");
                tagEnd("BlockQuote");
            }
            y += h;
            pageEmpty = false;
            break;
        }
        case Kind::Table:
            table(b);
            break;
        case Kind::Figure: {
            const qreal h = b.figure.heightPt;
            if (y + h > kBottom && !pageEmpty)
                newPage();
            if (draw) {
                tagBegin("Figure", "");
                drawChart(b.figure, kMarginX + 0.5, y, kTextW - 1, h);
                tagEnd("Figure");
                alts.push_back(b.figure.alt);
            }
            y += h;
            pageEmpty = false;
            break;
        }
        default:
            break;
        }
    }
    if (draw) {
        tagEnd("Document");
        if (progress && !cancelled && !progress(page + 1, pages))
            cancelled = true;
    }
    pages = page + 1;
}

}  // namespace hicm::report
