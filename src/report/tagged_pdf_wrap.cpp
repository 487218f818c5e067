// The tagged PDF's lines of text (tagged_pdf_layout.h): Pango's lines read once, and Pango's word wrapping
// done from a text laid out one line a paragraph, so that each piece of text is shaped once.
#include "tagged_pdf_layout.h"

#include <algorithm>
#include <cstdlib>

namespace hicm::report {

namespace taggedpdf {

namespace {

// Reads the lines of the text Pango laid out in `laid.layout`.
void readLines(Laid &laid)
{
    PangoLayoutIter *it = pango_layout_get_iter(laid.layout.get());
    do {
        PangoRectangle r;
        pango_layout_iter_get_line_extents(it, nullptr, &r);
        Laid::Line line;
        line.line = pango_layout_iter_get_line_readonly(it);
        line.x = pt(r.x);
        line.top = pt(r.y);
        line.height = pt(r.height);
        line.baseline = pt(pango_layout_iter_get_baseline(it));
        laid.lines.push_back(line);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    PangoRectangle logical;
    pango_layout_get_extents(laid.layout.get(), nullptr, &logical);
    laid.height = pt(logical.height);
}

// How much wider character `c` of a paragraph (whose runs start at laid.runs[firstRun]) is when it ends a
// line than where it was shaped: its glyphs' own advances against their shaped ones, which hold its
// kerning with the character after it. In Pango units.
int unkerned(const Laid &laid, std::size_t firstRun, const char *text, int c)
{
    for (std::size_t r = firstRun; r < laid.runs.size(); ++r) {
        const PangoGlyphItem *g = laid.runs[r].get();
        if (c >= g->item->num_chars) {
            c -= g->item->num_chars;
            continue;
        }
        const char *itemText = text + g->item->offset;
        const int offset = int(g_utf8_offset_to_pointer(itemText, c) - itemText);
        int cluster = -1;  // the cluster holding the character: the last that starts at or before it
        for (int i = 0; i < g->glyphs->num_glyphs; ++i)
            if (g->glyphs->log_clusters[i] <= offset)
                cluster = std::max(cluster, g->glyphs->log_clusters[i]);
        int delta = 0;
        for (int i = 0; i < g->glyphs->num_glyphs; ++i)
            if (g->glyphs->log_clusters[i] == cluster) {
                PangoRectangle own;
                pango_font_get_glyph_extents(g->item->analysis.font, g->glyphs->glyphs[i].glyph, nullptr, &own);
                delta += own.width - g->glyphs->glyphs[i].geometry.width;
            }
        return delta;
    }
    return 0;
}

// Breaks the paragraphs of `laid.layout` (laid out without a width: one line each) into lines at most
// `width` wide, as Pango's word wrapping would: the last place a line may break (Unicode's line breaking,
// from Pango) at which the text before it, without the space it ends in, fits. The lines are pieces of the
// paragraphs' glyph runs, placed as Pango places lines (its line spacing factor from baseline to baseline,
// by the height of the line's fonts). False, with nothing made, where Pango must wrap the text itself:
// a paragraph written right to left or holding text that is, an empty paragraph, a word wider than the line.
bool wrapLines(Laid &laid, int width)
{
    PangoLayout *l = laid.layout.get();
    const char *text = pango_layout_get_text(l);
    int attrCount = 0;
    const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly(l, &attrCount);
    const float spacing = pango_layout_get_line_spacing(l);
    std::vector<int> widths, starts;
    int baseline = 0, yOffset = 0;
    bool firstLine = true;
    for (GSList *it = pango_layout_get_lines_readonly(l); it; it = it->next) {
        const auto *paragraph = static_cast<PangoLayoutLine *>(it->data);
        if (!paragraph->runs || paragraph->resolved_dir != PANGO_DIRECTION_LTR)
            return false;
        const std::size_t firstRun = laid.runs.size();
        int chars = 0;
        for (GSList *r = paragraph->runs; r; r = r->next) {
            auto *run = static_cast<PangoGlyphItem *>(r->data);
            if (run->item->analysis.level % 2 != 0)
                return false;
            laid.runs.emplace_back(pango_glyph_item_copy(run));
            chars += run->item->num_chars;
        }
        const int start = int(g_utf8_pointer_to_offset(text, text + paragraph->start_index));
        if (start + chars >= attrCount)
            return false;
        widths.assign(std::size_t(chars), 0);
        for (std::size_t i = firstRun, at = 0; i < laid.runs.size(); at += std::size_t(laid.runs[i]->item->num_chars), ++i)
            pango_glyph_item_get_logical_widths(laid.runs[i].get(), text, widths.data() + at);
        const auto white = [&](int i) { return attrs[start + i].is_white ? widths[std::size_t(i)] : 0; };
        // How wide the line up to a break before character `i` is, `w` the width of its characters, as
        // Pango measures it: without the space it ends in, and with its last character as shaped at the
        // end of a line (Pango shapes the line again to see), so without its kerning with the next line's
        // first: only near the line's end does that decide anything.
        const auto measure = [&](int i, int w) {
            const int m = w - white(i - 1);
            return std::abs(m - width) > 4 * PANGO_SCALE ? m : m + unkerned(laid, firstRun, text, i - 1);
        };
        starts.assign(1, 0);
        for (int from = 0;;) {
            int w = 0, best = -1, i = from;
            for (; i < chars; ++i) {
                if (i > from && attrs[start + i].is_line_break) {
                    if (measure(i, w) > width)
                        break;  // (and every later place is wider still)
                    best = i;
                }
                w += widths[std::size_t(i)];
            }
            if (i == chars && w - white(chars - 1) <= width)
                break;
            // A word wider than the line (Pango breaks it between letters), or a break that adds or takes
            // away a hyphen: Pango's.
            if (best < 0 || attrs[start + best].break_inserts_hyphen || attrs[start + best].break_removes_preceding)
                return false;
            starts.push_back(best);
            from = best;
        }
        // The paragraph's runs split where its lines start, then each line placed.
        std::size_t r = firstRun;
        int runStart = 0;  // where run r starts in the paragraph, in characters
        for (std::size_t k = 1; k <= starts.size(); ++k) {
            const int end = k < starts.size() ? starts[k] : chars;
            const std::size_t from = r;
            while (r < laid.runs.size() && runStart + laid.runs[r]->item->num_chars <= end)
                runStart += laid.runs[r++]->item->num_chars;
            if (r < laid.runs.size() && runStart < end) {
                PangoGlyphItem *rest = laid.runs[r].get();
                const char *at = text + rest->item->offset;
                const int index = int(g_utf8_offset_to_pointer(at, end - runStart) - at);
                laid.runs.insert(laid.runs.begin() + std::ptrdiff_t(r),
                                 GlyphItemPtr(pango_glyph_item_split(rest, text, index)));
                ++r;
                runStart = end;
            }
            PangoRectangle extents{0, 0, 0, 0};
            int height = 0, x = 0;
            for (std::size_t i = from; i < r; ++i) {
                PangoGlyphItem *g = laid.runs[i].get();
                PangoRectangle logical;
                pango_glyph_string_extents(g->glyphs, g->item->analysis.font, nullptr, &logical);
                const int left = std::min(extents.x, x + logical.x);
                extents.width = std::max(extents.x + extents.width, x + logical.x + logical.width) - left;
                extents.x = left;
                const int top = std::min(extents.y, logical.y);
                extents.height = std::max(extents.y + extents.height, logical.y + logical.height) - top;
                extents.y = top;
                PangoFontMetrics *metrics = pango_font_get_metrics(g->item->analysis.font, g->item->analysis.language);
                height = std::max(height, std::abs(pango_font_metrics_get_height(metrics)));
                pango_font_metrics_unref(metrics);
                x += logical.width;
            }
            // As pango_layout_get_extents: the first line's top at 0; then baseline to baseline the spacing
            // factor times the line's height (in float, as Pango computes it, truncated to its units).
            if (firstLine || spacing == 0.0f)
                baseline = yOffset - extents.y;
            else
                baseline = int(float(baseline) + spacing * float(height));
            firstLine = false;
            Laid::Line line;
            line.firstRun = from;
            line.runCount = r - from;
            line.x = pt(extents.x);
            line.top = pt(baseline + extents.y);
            line.height = pt(extents.height);
            line.baseline = pt(baseline);
            laid.lines.push_back(line);
            yOffset = baseline + extents.y + extents.height;
        }
    }
    laid.height = pt(yOffset);
    return true;
}

}  // namespace

Laid laidOut(LayoutPtr l)
{
    Laid laid;
    laid.layout = std::move(l);
    readLines(laid);
    return laid;
}

Laid wrapped(LayoutPtr l, qreal width)
{
    const int w = int(width * PANGO_SCALE);
    Laid laid;
    laid.layout = std::move(l);
    bool fits = true;
    for (GSList *it = pango_layout_get_lines_readonly(laid.layout.get()); it && fits; it = it->next) {
        const auto *line = static_cast<PangoLayoutLine *>(it->data);
        int lineWidth = 0;
        for (GSList *r = line->runs; r; r = r->next)
            lineWidth += pango_glyph_string_get_width(static_cast<PangoGlyphItem *>(r->data)->glyphs);
        // (A right-to-left paragraph is aligned to the right of the width, which Pango must know.)
        fits = lineWidth <= w && line->resolved_dir == PANGO_DIRECTION_LTR;
    }
    if (fits) {  // the lines Pango's wrapping would make: one a paragraph
        readLines(laid);
        return laid;
    }
    if (wrapLines(laid, w))
        return laid;
    laid.lines.clear();
    laid.runs.clear();
    pango_layout_set_width(laid.layout.get(), w);
    readLines(laid);
    return laid;
}

void showLine(cairo_t *cr, const Laid &laid, const Laid::Line &line)
{
    if (line.line) {
        pango_cairo_show_layout_line(cr, line.line);
        return;
    }
    // As pango_cairo_show_layout_line draws a line's runs: each in its foreground colour, the text kept
    // with its glyphs (the PDF's text to copy and read aloud), the next run where this one ends.
    double x = 0, y = 0;
    cairo_get_current_point(cr, &x, &y);
    const char *text = pango_layout_get_text(laid.layout.get());
    for (std::size_t i = line.firstRun; i < line.firstRun + line.runCount; ++i) {
        PangoGlyphItem *g = laid.runs[i].get();
        cairo_save(cr);
        for (GSList *a = g->item->analysis.extra_attrs; a; a = a->next) {
            const auto *attr = static_cast<PangoAttribute *>(a->data);
            if (attr->klass->type == PANGO_ATTR_FOREGROUND) {
                const PangoColor &c = reinterpret_cast<const PangoAttrColor *>(attr)->color;
                cairo_set_source_rgb(cr, c.red / 65535.0, c.green / 65535.0, c.blue / 65535.0);
            }
        }
        cairo_move_to(cr, x, y);
        pango_cairo_show_glyph_item(cr, text, g);
        cairo_restore(cr);
        x += pt(pango_glyph_string_get_width(g->glyphs));
    }
}

}  // namespace taggedpdf

}  // namespace hicm::report
