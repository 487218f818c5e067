// The tagged PDF back end (tagged_pdf.h): the report's blocks are collected as they come, their text
// laid out once by Pango, placed on A4 pages twice (once to count the pages for "Page N of M", once to
// draw) and drawn with cairo (the charts through cairo_painter.h); qpdf finishes the document
// (tagged_pdf_finish.cpp).
#include "tagged_pdf.h"

#include "cairo_painter.h"
#include "composer.h"
#include "report_data.h"
#include "report_sections.h"

#include <QFontInfo>
#include <QPainter>
#include <QRegularExpression>
#include <QtMath>

// GLib's headers use `signals` as a name, which Qt defines as a keyword.
#pragma push_macro("signals")
#undef signals
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#pragma pop_macro("signals")

#include <algorithm>
#include <cstring>
#include <string>

namespace hicm::report {

namespace {

// The print layout's geometry in points (as the QTextDocument layout, report_build.cpp): A4 portrait.
constexpr qreal kPageW = 595.276, kPageH = 841.89;
constexpr qreal kMarginX = 56.7, kMarginTop = 70.0, kMarginBottom = 62.0;
constexpr qreal kTextW = kPageW - 2 * kMarginX;
constexpr qreal kBottom = kPageH - kMarginBottom;

const QColor kRule(0xa6, 0xa6, 0xa6);
const QColor kHeaderRule(0x55, 0x55, 0x55);
const QColor kHeaderFill(0xe4, 0xe7, 0xeb);
const QColor kQuoteFill(0xf2, 0xf4, 0xf7);
const QColor kGrey(0x55, 0x55, 0x55);

struct LayoutDeleter {
    void operator()(PangoLayout *l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

void setColor(cairo_t *cr, const QColor &c) { cairo_set_source_rgb(cr, c.redF(), c.greenF(), c.blueF()); }

qreal pt(int pangoUnits) { return qreal(pangoUnits) / PANGO_SCALE; }

// A laid-out text with its lines' geometry, read once from Pango (its iterators and extents walk
// every line on each call): where each line sits, for placing it, breaking pages between lines and
// keeping headings with what follows.
struct Laid {
    struct Line {
        PangoLayoutLine *line = nullptr;  // owned by the layout
        qreal x = 0, top = 0, height = 0, baseline = 0;  // in the layout, points
    };
    LayoutPtr layout;
    std::vector<Line> lines;
    qreal height = 0;
    qreal firstLineHeight() const { return lines.empty() ? 0 : lines.front().height; }
};

Laid laidOut(LayoutPtr l)
{
    Laid laid;
    PangoLayoutIter *it = pango_layout_get_iter(l.get());
    do {
        PangoRectangle r;
        pango_layout_iter_get_line_extents(it, nullptr, &r);
        laid.lines.push_back({pango_layout_iter_get_line_readonly(it), pt(r.x), pt(r.y), pt(r.height),
                              pt(pango_layout_iter_get_baseline(it))});
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    PangoRectangle logical;
    pango_layout_get_extents(l.get(), nullptr, &logical);
    laid.height = pt(logical.height);
    laid.layout = std::move(l);
    return laid;
}

struct CellContent {
    std::vector<Run> runs;
    QColor fill;
};

enum class Kind { Title, Heading, Para, ListBegin, ListEnd, Bullet, Quote, Table, Figure, Spacer, PageBreak };

struct Block {
    Kind kind = Kind::Para;
    int level = 0;
    bool newPage = false;
    bool keep = false;
    std::vector<Run> runs;
    qreal spaceBefore = 0, spaceAfter = 0, indent = 0;
    TableSpec spec;
    bool facts = false;
    std::vector<std::vector<CellContent>> cells;  // body rows
    Figure figure;
    // Laid out once: the text of Title/Heading/Para/Bullet/Quote, the header row and the cells.
    Laid text;
    std::vector<Laid> header;
    std::vector<std::vector<Laid>> body;
    std::vector<qreal> columnW;
    qreal headerH = 0;           // the header row's height, 0 without one
    std::vector<qreal> bodyH;    // each body row's
};

}  // namespace

struct TaggedPdfSink::Impl {
    TaggedPdfOptions options;
    std::vector<Block> blocks;
    bool inTable = false;
    QString family;

    // cairo/pango state
    std::string out;
    cairo_surface_t *surface = nullptr;
    cairo_t *cr = nullptr;
    PangoContext *pango = nullptr;
    PangoFontDescription *baseFont = nullptr;  // the report's family at 10 pt; runs set their own size

    // layout state
    bool draw = false;
    int page = 0;       // 0-based
    int pages = 1;      // from the counting pass
    qreal y = kMarginTop;
    bool pageEmpty = true;
    int outlineIds[3] = {CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT};
    Progress progress;
    bool cancelled = false;
    int rowCount = 0;                 // TR elements drawn so far
    std::vector<int> continuedRows;   // those that continue the row before on a new page

    ~Impl()
    {
        blocks.clear();
        if (baseFont)
            pango_font_description_free(baseFont);
        if (pango)
            g_object_unref(pango);
        if (cr)
            cairo_destroy(cr);
        if (surface)
            cairo_surface_destroy(surface);
    }

    // Structure elements. "Artifact" opens none: what is drawn outside every element becomes an
    // artifact when the document is finished (artifactsOutsideTheTree()), as cairo 1.16 cannot mark it.
    void tagBegin(const char *tag, const char *)
    {
        if (std::strcmp(tag, "Artifact") != 0)
            cairo_tag_begin(cr, tag, "");
    }
    void tagEnd(const char *tag)
    {
        if (std::strcmp(tag, "Artifact") != 0)
            cairo_tag_end(cr, tag);
    }

    // ---- text ----
    LayoutPtr layout(const std::vector<Run> &runs, qreal width, qreal lineSpacing = 1.12,
                     PangoAlignment align = PANGO_ALIGN_LEFT)
    {
        LayoutPtr l(pango_layout_new(pango));
        QByteArray utf8;
        PangoAttrList *attrs = pango_attr_list_new();
        for (const Run &r : runs) {
            const QByteArray piece = r.text.toUtf8();
            const guint start = guint(utf8.size());
            utf8 += piece;
            const guint end = guint(utf8.size());
            auto add = [&](PangoAttribute *a) {
                a->start_index = start;
                a->end_index = end;
                pango_attr_list_insert(attrs, a);
            };
            add(pango_attr_size_new(int(std::max<qreal>(9, r.style.size) * PANGO_SCALE)));
            add(pango_attr_weight_new(r.style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL));
            add(pango_attr_style_new(r.style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL));
            add(pango_attr_foreground_new(guint16(r.style.color.red() * 257), guint16(r.style.color.green() * 257),
                                          guint16(r.style.color.blue() * 257)));
        }
        pango_layout_set_font_description(l.get(), baseFont);
        pango_layout_set_text(l.get(), utf8.constData(), int(utf8.size()));
        pango_layout_set_attributes(l.get(), attrs);
        pango_attr_list_unref(attrs);
        pango_layout_set_width(l.get(), int(width * PANGO_SCALE));
        pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_line_spacing(l.get(), float(lineSpacing));
        pango_layout_set_alignment(l.get(), align);
        return l;
    }

    // Draws the whole text at (x, top) (no page break inside), line by line where Pango put them.
    void drawLayout(const Laid &l, qreal x, qreal top, std::size_t from = 0, std::size_t to = SIZE_MAX,
                    qreal offset = 0)
    {
        if (!draw)
            return;
        for (std::size_t i = from; i < l.lines.size() && i < to; ++i) {
            cairo_move_to(cr, x + l.lines[i].x, top + l.lines[i].baseline - offset);
            pango_cairo_show_layout_line(cr, l.lines[i].line);
        }
    }

    // Places a text line by line from the current position, breaking pages between lines: the leaf
    // element `tag` is closed before a break and a new one of the same type opened after it.
    void flowLayout(const Laid &l, qreal x, const char *tag)
    {
        qreal offset = 0;  // the layout's y at the top of the current page's part
        for (std::size_t i = 0; i < l.lines.size(); ++i) {
            const Laid::Line &line = l.lines[i];
            const qreal lineTop = line.top - offset;
            if (i > 0 && y + lineTop + line.height > kBottom) {
                if (draw)
                    tagEnd(tag);
                y += lineTop;
                newPage();
                offset = line.top;
                if (draw)
                    tagBegin(tag, "");
            }
            if (draw) {
                cairo_move_to(cr, x + line.x, y + line.baseline - offset);
                pango_cairo_show_layout_line(cr, line.line);
            }
        }
        y += l.height - offset;
        pageEmpty = false;
    }

    // ---- pages ----
    void startPage()
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

    void newPage()
    {
        if (draw) {
            cairo_show_page(cr);
            if (progress && !cancelled && !progress(page + 1, pages))
                cancelled = true;
        }
        ++page;
        startPage();
    }

    void space(qreal points)
    {
        if (!pageEmpty)
            y += points;
    }

    // ---- blocks ----
    void prepare(Block &b)
    {
        switch (b.kind) {
        case Kind::Title:
        case Kind::Para:
            b.text = laidOut(layout(b.runs, kTextW - b.indent));
            break;
        case Kind::Heading: {
            static const qreal sizes[] = {17, 13, 11, 9.5};
            const Style s{sizes[b.level - 1], true, false, b.level == 3 ? QColor(0x1a, 0x1a, 0x1a) : styles::accent};
            b.text = laidOut(layout({{b.runs.front().text, s}}, kTextW, 1.05));
            break;
        }
        case Kind::Bullet:
            b.text = laidOut(layout(b.runs, kTextW - 14));
            break;
        case Kind::Quote:
            b.text = laidOut(layout(b.runs, kTextW - 8 - 5 - 2.5));
            break;
        case Kind::Table: {
            const qreal pad = b.facts ? 3 : 3.5;
            for (qreal w : b.spec.widths)
                b.columnW.push_back(kTextW * w / 100);
            for (std::size_t c = 0; c < b.spec.header.size() && c < b.columnW.size(); ++c)
                b.header.push_back(
                    laidOut(layout({{b.spec.header[c], styles::smallStrong}}, b.columnW[c] - 2 * pad, 1.08)));
            b.headerH = b.header.empty() ? 0 : rowHeight(b, b.header);
            for (const auto &row : b.cells) {
                std::vector<Laid> laid;
                for (std::size_t c = 0; c < row.size() && c < b.columnW.size(); ++c)
                    laid.push_back(laidOut(layout(row[c].runs, b.columnW[c] - 2 * pad, 1.08)));
                b.bodyH.push_back(rowHeight(b, laid));
                b.body.push_back(std::move(laid));
            }
            break;
        }
        default:
            break;
        }
    }

    static qreal rowHeight(const Block &b, const std::vector<Laid> &row)
    {
        const qreal pad = b.facts ? 3 : 3.5;
        qreal h = 0;
        for (const auto &l : row)
            h = std::max(h, l.height);
        return h + 2 * pad;
    }

    // The height of a whole block, and of what of it must stay with a heading before it.
    qreal blockHeight(const Block &b) const
    {
        switch (b.kind) {
        case Kind::Title:
        case Kind::Heading:
        case Kind::Para:
        case Kind::Bullet:
            return b.text.height;
        case Kind::Quote:
            return b.text.height + 10;
        case Kind::Table: {
            qreal h = b.headerH;
            for (qreal r : b.bodyH)
                h += r;
            return h;
        }
        case Kind::Figure:
            return b.figure.heightPt;
        default:
            return 0;
        }
    }
    qreal firstUnit(const Block &b) const
    {
        switch (b.kind) {
        case Kind::Title:
        case Kind::Heading:
        case Kind::Para:
        case Kind::Bullet:
            return std::min<qreal>(28, b.text.height);
        case Kind::Quote:
            return std::min<qreal>(28, b.text.firstLineHeight() + 10);
        case Kind::Table:
            return b.headerH + (b.bodyH.empty() ? 0 : std::min(b.bodyH.front(), kBottom - kMarginTop - b.headerH));
        case Kind::Figure:
            return b.figure.heightPt;
        default:
            return 0;
        }
    }
    static qreal before(const Block &b)
    {
        return b.spaceBefore;
    }

    void run(std::vector<QString> &alts)
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

    // The lines of each cell drawn in one part of a row (all of them unless the row is split).
    struct Part {
        std::size_t from = 0, to = SIZE_MAX;
        qreal offset = 0;  // the cell's layout y at the part's top
    };

    // A row (or part of one) of height `h` at y: shading and rules as artifacts, then the cells in a TR
    // (or, for a repeated header row, as an artifact). A part that continues a row from the page
    // before is a TR of its own here; finishing the PDF merges it into the row it continues.
    void drawRow(const Block &b, const std::vector<Laid> &row, const std::vector<QColor> &fills, bool header,
                 bool tagged, qreal h, const std::vector<Part> &parts = {}, bool continued = false)
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
    void splitRow(const Block &b, std::size_t r, const std::vector<QColor> &fills)
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

    void table(const Block &b)
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
    void drawChart(const Figure &f, qreal x, qreal top, qreal w, qreal h)
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
};

namespace {

cairo_status_t appendBytes(void *closure, const unsigned char *data, unsigned int length)
{
    static_cast<std::string *>(closure)->append(reinterpret_cast<const char *>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

TaggedPdfSink::TaggedPdfSink(const TaggedPdfOptions &options) : d(std::make_unique<Impl>())
{
    d->options = options;
    static const QString family = QFontInfo(reportFont()).family();  // asking Qt's font database costs
    d->family = family;
    d->baseFont = pango_font_description_from_string(family.toUtf8().constData());
    pango_font_description_set_size(d->baseFont, 10 * PANGO_SCALE);
    d->surface = cairo_pdf_surface_create_for_stream(appendBytes, &d->out, kPageW, kPageH);
    d->cr = cairo_create(d->surface);
    d->pango = pango_cairo_create_context(d->cr);
    pango_cairo_context_set_resolution(d->pango, 72);
    // Glyphs where the font puts them, not rounded to whole points (which spaced letters unevenly at 10 pt
    // and made cairo write a positioning adjustment between nearly every pair of glyphs).
    pango_context_set_round_glyph_positions(d->pango, FALSE);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(d->pango, fo);
    cairo_font_options_destroy(fo);
}

TaggedPdfSink::~TaggedPdfSink() = default;

qreal TaggedPdfSink::textWidthPt() const { return kTextW; }

void TaggedPdfSink::title(const QString &text, const Style &style, qreal spaceAfterPt)
{
    Block b;
    b.kind = Kind::Title;
    b.runs = {{text, style}};
    b.spaceAfter = spaceAfterPt;
    d->blocks.push_back(std::move(b));
}

void TaggedPdfSink::heading(int level, const QString &text, bool newPage)
{
    Block b;
    b.kind = Kind::Heading;
    b.level = std::clamp(level, 1, 4);
    b.newPage = newPage;
    b.keep = true;
    b.runs = {{text, styles::body}};
    b.spaceBefore = b.level == 1 ? 0 : b.level == 2 ? 12 : b.level == 3 ? 8 : 5;
    b.spaceAfter = b.level == 1 ? 10 : b.level == 4 ? 2 : 4;
    d->blocks.push_back(std::move(b));
}

void TaggedPdfSink::paragraph(const std::vector<Run> &runs, qreal spaceAfterPt, qreal indentPt)
{
    Block b;
    b.kind = Kind::Para;
    b.runs = runs;
    b.spaceAfter = spaceAfterPt;
    b.indent = indentPt;
    d->blocks.push_back(std::move(b));
}

void TaggedPdfSink::beginList() { d->blocks.push_back(Block{Kind::ListBegin}); }

void TaggedPdfSink::bullet(const std::vector<Run> &runs, qreal spaceAfterPt)
{
    Block b;
    b.kind = Kind::Bullet;
    b.runs = runs;
    b.spaceAfter = spaceAfterPt;
    d->blocks.push_back(std::move(b));
}

void TaggedPdfSink::endList() { d->blocks.push_back(Block{Kind::ListEnd}); }

void TaggedPdfSink::quotation(const QString &text, const QString &attribution)
{
    Block b;
    b.kind = Kind::Quote;
    b.runs = {{text, styles::quote}};
    if (!attribution.isEmpty())
        b.runs.push_back({QStringLiteral("  \u2014 ") + attribution, styles::note});
    b.spaceBefore = 2;
    b.spaceAfter = 6;
    d->blocks.push_back(std::move(b));
}

void TaggedPdfSink::beginTable(const TableSpec &spec)
{
    Block b;
    b.kind = Kind::Table;
    b.spec = spec;
    b.cells.assign(std::size_t(std::max(0, spec.rows)), std::vector<CellContent>(spec.widths.size()));
    b.spaceAfter = 8;
    d->blocks.push_back(std::move(b));
    d->inTable = true;
}

void TaggedPdfSink::cell(int row, int column, const std::vector<Run> &runs, const QColor &fill)
{
    if (!d->inTable)
        return;
    Block &b = d->blocks.back();
    if (row < 0 || row >= int(b.cells.size()) || column < 0 || column >= int(b.cells[std::size_t(row)].size()))
        return;
    b.cells[std::size_t(row)][std::size_t(column)] = {runs, fill};
}

void TaggedPdfSink::endTable() { d->inTable = false; }

void TaggedPdfSink::facts(const std::vector<std::pair<QString, QString>> &rows, qreal labelWidthPercent)
{
    Block b;
    b.kind = Kind::Table;
    b.facts = true;
    b.spec.widths = {labelWidthPercent, 100 - labelWidthPercent};
    b.spec.rows = int(rows.size());
    b.spec.rowHeaders = true;
    for (const auto &[label, value] : rows)
    {
        CellContent l, v;
        l.runs.push_back({label, {10, true, false, QColor(0x44, 0x44, 0x44)}});
        v.runs.push_back({value, styles::body});
        b.cells.push_back({l, v});
    }
    b.spaceAfter = 8;
    d->blocks.push_back(std::move(b));
}

void TaggedPdfSink::figure(const Figure &figure)
{
    Block b;
    b.kind = Kind::Figure;
    b.figure = figure;
    b.spaceBefore = 2;
    b.spaceAfter = 6;
    d->blocks.push_back(std::move(b));
}

void TaggedPdfSink::spacer(qreal points)
{
    Block b;
    b.kind = Kind::Spacer;
    b.spaceBefore = points;
    d->blocks.push_back(std::move(b));
}

void TaggedPdfSink::keepWithNext()
{
    for (auto it = d->blocks.rbegin(); it != d->blocks.rend(); ++it) {
        if (it->kind == Kind::ListBegin || it->kind == Kind::ListEnd || it->kind == Kind::Spacer)
            continue;
        it->keep = true;
        return;
    }
}

void TaggedPdfSink::pageBreak() { d->blocks.push_back(Block{Kind::PageBreak}); }

QByteArray TaggedPdfSink::finish(const Progress &progress, QString *error, int *pages)
{
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, d->options.title.toUtf8().constData());
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR, "HICM Assess");
    for (Block &b : d->blocks)
        d->prepare(b);
    std::vector<QString> alts;
    d->draw = false;
    d->run(alts);  // counts the pages
    d->draw = true;
    d->progress = progress;
    d->run(alts);
    if (const cairo_status_t status = cairo_status(d->cr); status != CAIRO_STATUS_SUCCESS) {
        if (error)
            *error = QStringLiteral("cannot draw the PDF: ") + QString::fromUtf8(cairo_status_to_string(status));
        return {};
    }
    if (d->cancelled) {
        if (error)
            *error = QStringLiteral("cancelled");
        return {};
    }
    cairo_destroy(d->cr);
    d->cr = nullptr;
    cairo_surface_finish(d->surface);
    const cairo_status_t status = cairo_surface_status(d->surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        if (error)
            *error = QStringLiteral("cannot draw the PDF: ") + QString::fromUtf8(cairo_status_to_string(status));
        return {};
    }
    if (pages)
        *pages = d->pages;
    return finishTaggedPdf(d->out, d->options, alts, d->continuedRows, error);
}

WriteResult writeTaggedPdf(const ReportInput &input, const QString &path, const Progress &progress)
{
    WriteResult result;
    const Assessment &a = input.assessment;
    TaggedPdfOptions o;
    o.title = qs(a.area) + QStringLiteral(": intermediate care self-assessment");
    o.headerLeft = qs(a.area) + QStringLiteral("  \u00b7  ") + prettyDate(a.date);
    o.headerRight = QStringLiteral("Intermediate care self-assessment");
    o.footerLeft = a.status == AssessmentStatus::Final ? QString() : QStringLiteral("Draft");
    TaggedPdfSink sink(o);
    composeReport(input, sink);
    int pages = 0;
    QString error;
    const QByteArray bytes = sink.finish(progress, &error, &pages);
    if (bytes.isEmpty()) {
        result.error = path + QStringLiteral(": ") + error;
        return result;
    }
    result.error = writeFileBytes(path, bytes);
    result.ok = result.error.isEmpty();
    result.pages = pages;
    return result;
}

}  // namespace hicm::report
