// The tagged PDF's word wrapping (src/report/tagged_pdf_wrap.cpp) against Pango's own: the report lays
// each text out on one line a paragraph, shaping it once, and breaks those lines itself. On the
// framework's own texts (every feature's title, introduction, data items, level descriptors and targeted
// actions; every change's statements and actions), at the report's sizes and column widths, alone and
// after a bold label, its lines must be Pango's: the same text on each line, at the same baseline, top
// and height, to Pango's own unit (1/1024 pt). And where it cannot wrap a text itself (right to left, a
// word wider than the line, an empty paragraph) it leaves it to Pango.
#include "report_test_support.h"
#include "tagged_pdf_layout.h"

#include <string>
#include <vector>

using namespace hicm;
using namespace hicm::report::taggedpdf;

namespace {

// A Pango context set up as the tagged PDF's (tagged_pdf.cpp): 72 dpi, unrounded glyph positions,
// unhinted metrics, on a PDF surface that writes nowhere.
struct PangoSetup {
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(
        [](void *, const unsigned char *, unsigned int) { return CAIRO_STATUS_SUCCESS; }, nullptr, 595, 842);
    cairo_t *cr = cairo_create(surface);
    PangoContext *pango = pango_cairo_create_context(cr);
    PangoFontDescription *font = pango_font_description_from_string("Liberation Sans, Arial, DejaVu Sans 10");
    PangoSetup()
    {
        pango_cairo_context_set_resolution(pango, 72);
        auto *map = PANGO_CAIRO_FONT_MAP(pango_context_get_font_map(pango));
        if (pango_cairo_font_map_get_resolution(map) != 72)
            pango_cairo_font_map_set_resolution(map, 72);
        pango_context_set_round_glyph_positions(pango, FALSE);
        cairo_font_options_t *fo = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
        pango_cairo_context_set_font_options(pango, fo);
        cairo_font_options_destroy(fo);
    }
    ~PangoSetup()
    {
        pango_font_description_free(font);
        g_object_unref(pango);
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
    }

    // `label` in bold, then `text`, at `size` points with the given line spacing, as the sink's layout().
    LayoutPtr layout(const std::string &label, const std::string &text, double size, float spacing) const
    {
        LayoutPtr l(pango_layout_new(pango));
        const std::string all = label + text;
        PangoAttrList *attrs = pango_attr_list_new();
        auto add = [&](PangoAttribute *a, std::size_t from, std::size_t to) {
            a->start_index = guint(from);
            a->end_index = guint(to);
            pango_attr_list_insert(attrs, a);
        };
        add(pango_attr_size_new(int(size * PANGO_SCALE)), 0, all.size());
        if (!label.empty()) {
            add(pango_attr_weight_new(PANGO_WEIGHT_BOLD), 0, label.size());
            add(pango_attr_foreground_new(0x0b00, 0x3d00, 0x6b00), 0, label.size());
        }
        add(pango_attr_foreground_new(0x1a00, 0x1a00, 0x1a00), label.size(), all.size());
        pango_layout_set_font_description(l.get(), font);
        pango_layout_set_text(l.get(), all.data(), int(all.size()));
        pango_layout_set_attributes(l.get(), attrs);
        pango_attr_list_unref(attrs);
        pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_line_spacing(l.get(), spacing);
        return l;
    }
};

// Where each line starts in the text, and its length, in bytes.
std::vector<std::pair<int, int>> lineText(const Laid &laid)
{
    std::vector<std::pair<int, int>> out;
    for (const auto &line : laid.lines) {
        if (line.line) {
            out.emplace_back(line.line->start_index, line.line->length);
            continue;
        }
        int length = 0;
        for (std::size_t i = line.firstRun; i < line.firstRun + line.runCount; ++i)
            length += laid.runs[i]->item->length;
        out.emplace_back(laid.runs[line.firstRun]->item->offset, length);
    }
    return out;
}

bool wrappedByUs(const Laid &laid)
{
    return !laid.runs.empty();
}

struct Outcome {
    int texts = 0, oneLine = 0, ours = 0, pangos = 0;
};

// Lays `text` out both ways at `width` points and compares every line.
void compare(const PangoSetup &c, const std::string &label, const std::string &text, double size, float spacing,
             double width, Outcome &outcome)
{
    LayoutPtr reference = c.layout(label, text, size, spacing);
    pango_layout_set_width(reference.get(), int(width * PANGO_SCALE));
    const Laid pango = laidOut(std::move(reference));
    LayoutPtr probe = c.layout(label, text, size, spacing);
    pango_layout_set_width(probe.get(), -1);
    const Laid ours = wrapped(std::move(probe), width);
    INFO("\"" << label << text << "\" at " << size << " pt, " << width << " pt wide, spacing " << spacing);
    ++outcome.texts;
    if (wrappedByUs(ours))
        ++outcome.ours;
    else if (ours.lines.size() > 1 || pango_layout_get_width(ours.layout.get()) != -1)
        ++outcome.pangos;
    else
        ++outcome.oneLine;
    if (ours.lines.size() != pango.lines.size() || lineText(ours) != lineText(pango)) {
        const char *t = pango_layout_get_text(ours.layout.get());
        for (auto [from, length] : lineText(pango))
            UNSCOPED_INFO("pango: [" << std::string(t + from, std::size_t(length)) << "]");
        for (auto [from, length] : lineText(ours))
            UNSCOPED_INFO("ours:  [" << std::string(t + from, std::size_t(length)) << "]");
    }
    REQUIRE(ours.lines.size() == pango.lines.size());
    CHECK(lineText(ours) == lineText(pango));
    for (std::size_t i = 0; i < ours.lines.size(); ++i) {
        INFO("line " << i);
        CHECK(ours.lines[i].baseline == Approx(pango.lines[i].baseline).margin(1e-9));
        CHECK(ours.lines[i].top == Approx(pango.lines[i].top).margin(1e-9));
        CHECK(ours.lines[i].height == Approx(pango.lines[i].height).margin(1e-9));
        CHECK(ours.lines[i].x == Approx(pango.lines[i].x).margin(1e-9));
    }
    CHECK(ours.height == Approx(pango.height).margin(1e-9));
}

}  // namespace

TEST_CASE("the tagged PDF wraps the framework's texts where Pango would", "[pdf][wrap]")
{
    const Framework &fw = test::bundledFramework();
    std::vector<std::string> texts;
    const auto sourced = [&](const std::vector<SourcedText> &list) {
        for (const auto &t : list)
            texts.push_back(t.text);
    };
    const auto items = [&](const std::vector<Item> &list) {
        for (const auto &i : list)
            texts.push_back(i.text.text);
    };
    for (const Feature &f : fw.features) {
        texts.push_back(f.title.text);
        sourced(f.introduction);
        items(f.dataToUse);
        for (const auto &l : f.levels)
            texts.push_back(l.descriptor.text);
        items(f.targetedActions);
    }
    for (const Change &c : fw.changes) {
        texts.push_back(c.title.text);
        sourced(c.statements);
        items(c.actions);
    }
    texts.push_back("Two paragraphs: the first one long enough to wrap at the narrower widths of a table's "
                    "column,\nand the second after a line break, wrapped as well when the column is narrow.");
    REQUIRE(texts.size() > 100);

    const PangoSetup c;
    Outcome outcome;
    // The report's sizes and line spacings (body, table cells, small print, headings) and widths (the text
    // column, a bullet's, a quote's, and table columns from an eighth of the text to its whole).
    const struct {
        double size;
        float spacing;
    } styles[] = {{10, 1.12f}, {9, 1.08f}, {11, 1.12f}, {13, 1.05f}, {17, 1.05f}};
    const double widths[] = {481.9, 467.9, 100.0, 144.6, 240.9, 60.0};
    for (const auto &style : styles)
        for (double width : widths)
            for (const std::string &text : texts) {
                compare(c, {}, text, style.size, style.spacing, width, outcome);
                compare(c, "B7 ", text, style.size, style.spacing, width, outcome);
            }
    // Most of them wrapped by the report itself, not handed back to Pango (as a word wider than the
    // narrowest column at the larger sizes is).
    INFO(outcome.texts << " texts: " << outcome.oneLine << " on one line, " << outcome.ours << " wrapped by us, "
                       << outcome.pangos << " by Pango");
    CHECK(outcome.ours > outcome.texts / 2);
    CHECK(outcome.oneLine > outcome.texts / 10);
    CHECK(outcome.pangos < outcome.texts / 5);
}

TEST_CASE("the tagged PDF leaves right-to-left text and words wider than the line to Pango", "[pdf][wrap]")
{
    const PangoSetup c;
    Outcome outcome;
    // A partner's name in Urdu in an English note, a note in Urdu, a reference wider than a column (a web
    // address breaks at its slashes), and an empty line between two paragraphs.
    compare(c, {}, "Agreed with \u06A9\u06CC\u0626\u0631 \u06C1\u0648\u0645 \u0627\u06CC\u0633\u0648\u0633\u06CC "
                   "\u0627\u06CC\u0634\u0646 after a long discussion of the data for this feature and its targets.",
            10, 1.12f, 150, outcome);
    compare(c, {}, "\u06A9\u06CC\u0626\u0631 \u06C1\u0648\u0645 \u0627\u06CC\u0633\u0648\u0633\u06CC \u0627\u06CC\u0634\u0646",
            10, 1.12f, 60, outcome);
    compare(c, {}, "Reference NHSE-ICB-QD7-INTERMEDIATECARE-SELFASSESSMENT-2026-0001 for the data.", 9, 1.08f, 100,
            outcome);
    compare(c, {}, "First paragraph, which wraps across more than one line at this width.\n\nThird.", 10, 1.12f, 100,
            outcome);
    CHECK(outcome.ours == 0);
    CHECK(outcome.pangos == 4);
}
