// Internal to the tagged PDF back end (tagged_pdf.h): its blocks, their laid-out text and the state of
// laying them out on pages, shared by its files:
//   tagged_pdf.cpp         the sink: collecting the report's blocks; finish(); writeTaggedPdf()
//   tagged_pdf_text.cpp    text through Pango: laid out once, its lines kept; block heights
//   tagged_pdf_wrap.cpp    lines: Pango's read, or Pango's word wrapping done on text shaped once
//   tagged_pdf_flow.cpp    the pages: header and footer, page breaks, keeping headings with what follows,
//                          the structure tree and bookmarks in reading order
//   tagged_pdf_tables.cpp  tables (rows split across pages, repeated header rows) and charts
//   tagged_pdf_finish.cpp  qpdf's finishing of the file
#pragma once

#include "tagged_pdf.h"

#include "report_sink.h"

#include <QColor>
#include <QString>

// GLib's headers use `signals` as a name, which Qt defines as a keyword.
#pragma push_macro("signals")
#undef signals
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#pragma pop_macro("signals")

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace hicm::report {

namespace taggedpdf {

// The print layout's geometry in points (as the QTextDocument layout, report_build.cpp): A4 portrait.
constexpr qreal kPageW = 595.276, kPageH = 841.89;
constexpr qreal kMarginX = 56.7, kMarginTop = 70.0, kMarginBottom = 62.0;
constexpr qreal kTextW = kPageW - 2 * kMarginX;
constexpr qreal kBottom = kPageH - kMarginBottom;

inline const QColor kRule(0xa6, 0xa6, 0xa6);
inline const QColor kHeaderRule(0x55, 0x55, 0x55);
inline const QColor kHeaderFill(0xe4, 0xe7, 0xeb);
inline const QColor kQuoteFill(0xf2, 0xf4, 0xf7);
inline const QColor kGrey(0x55, 0x55, 0x55);

struct LayoutDeleter {
    void operator()(PangoLayout *l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

inline void setColor(cairo_t *cr, const QColor &c) { cairo_set_source_rgb(cr, c.redF(), c.greenF(), c.blueF()); }

inline qreal pt(int pangoUnits) { return qreal(pangoUnits) / PANGO_SCALE; }

struct GlyphItemDeleter {
    void operator()(PangoGlyphItem *g) const { pango_glyph_item_free(g); }
};
using GlyphItemPtr = std::unique_ptr<PangoGlyphItem, GlyphItemDeleter>;

// A laid-out text with its lines' geometry, read once from Pango (its iterators and extents walk
// every line on each call): where each line sits, for placing it, breaking pages between lines and
// keeping headings with what follows.
//
// A text that fits its width, or whose paragraphs are all left to right, is laid out by Pango on one line
// per paragraph, so that every piece of it is shaped once; the lines a longer paragraph is wrapped into
// are then pieces of those glyph runs (`runs`), broken where Pango would break them (wrapLines()). Pango's
// own wrapping shapes each piece of text again for every line it is broken across and once more to place
// it. Anything else (right-to-left text, a word longer than the line) is wrapped by Pango (`line`).
struct Laid {
    struct Line {
        PangoLayoutLine *line = nullptr;  // owned by the layout; null for a line of `runs`
        std::size_t firstRun = 0, runCount = 0;  // its glyph runs in `runs`, left to right, when `line` is null
        qreal x = 0, top = 0, height = 0, baseline = 0;  // in the layout, points
    };
    LayoutPtr layout;  // holds the text and its items
    std::vector<Line> lines;
    std::vector<GlyphItemPtr> runs;  // the pieces of the layout's runs that wrapped lines are made of
    qreal height = 0;
    qreal firstLineHeight() const { return lines.empty() ? 0 : lines.front().height; }
};

// Reads the lines of a text Pango has laid out (tagged_pdf_wrap.cpp).
Laid laidOut(LayoutPtr l);
// Lays a text out at `width` points as Pango's word wrapping would: `l` is laid out without a width (one line
// per paragraph); it is kept as it is when it fits, or its lines broken into lines of glyph runs. When
// that cannot be done (see Laid), Pango wraps `l` at the width instead.
Laid wrapped(LayoutPtr l, qreal width);
// Draws one line with its baseline at the current point.
void showLine(cairo_t *cr, const Laid &laid, const Laid::Line &line);

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
// The lines of each cell drawn in one part of a row (all of them unless the row is split).
struct Part {
    std::size_t from = 0, to = SIZE_MAX;
    qreal offset = 0;  // the cell's layout y at the part's top
};

}  // namespace taggedpdf

struct TaggedPdfSink::Impl {
    TaggedPdfOptions options;
    std::vector<taggedpdf::Block> blocks;
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
    qreal y = taggedpdf::kMarginTop;
    bool pageEmpty = true;
    int outlineIds[3] = {CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT};
    Progress progress;
    bool cancelled = false;
    int rowCount = 0;                 // TR elements drawn so far
    std::vector<int> continuedRows;   // those that continue the row before on a new page


    ~Impl();

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

    // ---- text (tagged_pdf_text.cpp) ----
    taggedpdf::LayoutPtr layout(const std::vector<Run> &runs, qreal width, qreal lineSpacing = 1.12,
                                PangoAlignment align = PANGO_ALIGN_LEFT);
    // The runs laid out at `width`, left aligned, and their lines read (taggedpdf::wrapped()).
    taggedpdf::Laid text(const std::vector<Run> &runs, qreal width, qreal lineSpacing = 1.12);
    // Draws the whole text at (x, top) (no page break inside), line by line where Pango put them.
    void drawLayout(const taggedpdf::Laid &l, qreal x, qreal top, std::size_t from = 0, std::size_t to = SIZE_MAX,
                    qreal offset = 0);
    // Places a text line by line from the current position, breaking pages between lines: the leaf
    // element `tag` is closed before a break and a new one of the same type opened after it.
    void flowLayout(const taggedpdf::Laid &l, qreal x, const char *tag);
    // Lays out a block's text (and a table's cells) once.
    void prepare(taggedpdf::Block &b);
    static qreal rowHeight(const taggedpdf::Block &b, const std::vector<taggedpdf::Laid> &row);
    // The height of a whole block, and of what of it must stay with a heading before it.
    qreal blockHeight(const taggedpdf::Block &b) const;
    qreal firstUnit(const taggedpdf::Block &b) const;
    static qreal before(const taggedpdf::Block &b) { return b.spaceBefore; }

    // ---- pages (tagged_pdf_flow.cpp) ----
    void startPage();
    void newPage();
    void space(qreal points);
    // Places every block on the pages: counting them (draw false), or drawing them with their structure
    // elements, bookmarks and the Figures' text alternatives in `alts`.
    void run(std::vector<QString> &alts);

    // ---- tables and charts (tagged_pdf_tables.cpp) ----
    void drawRow(const taggedpdf::Block &b, const std::vector<taggedpdf::Laid> &row, const std::vector<QColor> &fills,
                 bool header, bool tagged, qreal h, const std::vector<taggedpdf::Part> &parts = {},
                 bool continued = false);
    void splitRow(const taggedpdf::Block &b, std::size_t r, const std::vector<QColor> &fills);
    void table(const taggedpdf::Block &b);
    void drawChart(const Figure &f, qreal x, qreal top, qreal w, qreal h);
};

}  // namespace hicm::report
