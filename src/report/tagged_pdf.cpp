// The tagged PDF back end (tagged_pdf.h): the report's blocks are collected as they come, their text
// laid out once by Pango (tagged_pdf_text.cpp), placed on A4 pages twice (once to count the pages for
// "Page N of M", once to draw: tagged_pdf_flow.cpp, tables and charts in tagged_pdf_tables.cpp) and drawn
// with cairo (the charts through cairo_painter.h); qpdf finishes the document (tagged_pdf_finish.cpp).
#include "tagged_pdf.h"

#include "composer.h"
#include "report_data.h"
#include "report_sections.h"
#include "tagged_pdf_layout.h"

#include <QFontInfo>

#include <algorithm>
#include <string>

namespace hicm::report {

using namespace taggedpdf;

TaggedPdfSink::Impl::~Impl()
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

namespace {

cairo_status_t appendBytes(void *closure, const unsigned char *data, unsigned int length)
{
    static_cast<std::string *>(closure)->append(reinterpret_cast<const char *>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// A block that only marks a place: a list's start or end, a page break.
Block marker(Kind kind)
{
    Block b;
    b.kind = kind;
    return b;
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
    // The font map at the same resolution: Pango measures a font's metrics (for line spacing) in a context
    // of its own at the font map's resolution, which at the default 96 dpi was a second font pattern for
    // every size and style the report uses, each substituted, matched and sorted by fontconfig again (5 % of
    // the CLI's report; the same PDF). Set only when it differs, as setting it empties the map's caches.
    auto *map = PANGO_CAIRO_FONT_MAP(pango_context_get_font_map(d->pango));
    if (pango_cairo_font_map_get_resolution(map) != 72)
        pango_cairo_font_map_set_resolution(map, 72);
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

void TaggedPdfSink::beginList() { d->blocks.push_back(marker(Kind::ListBegin)); }

void TaggedPdfSink::bullet(const std::vector<Run> &runs, qreal spaceAfterPt)
{
    Block b;
    b.kind = Kind::Bullet;
    b.runs = runs;
    b.spaceAfter = spaceAfterPt;
    d->blocks.push_back(std::move(b));
}

void TaggedPdfSink::endList() { d->blocks.push_back(marker(Kind::ListEnd)); }

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

void TaggedPdfSink::pageBreak() { d->blocks.push_back(marker(Kind::PageBreak)); }

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
