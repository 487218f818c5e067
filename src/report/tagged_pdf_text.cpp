// The tagged PDF's text (tagged_pdf_layout.h): each text laid out by Pango once (tagged_pdf_wrap.cpp), its
// lines' geometry read once and kept for placing, breaking pages and drawing; the heights of blocks for
// keeping them together.
#include "tagged_pdf_layout.h"

#include <algorithm>

namespace hicm::report {

using namespace taggedpdf;

LayoutPtr TaggedPdfSink::Impl::layout(const std::vector<Run> &runs, qreal width, qreal lineSpacing, PangoAlignment align)
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

Laid TaggedPdfSink::Impl::text(const std::vector<Run> &runs, qreal width, qreal lineSpacing)
{
    LayoutPtr l = layout(runs, width, lineSpacing);
    pango_layout_set_width(l.get(), -1);  // one line a paragraph, then wrapped (wrapped())
    return wrapped(std::move(l), width);
}

void TaggedPdfSink::Impl::drawLayout(const Laid &l, qreal x, qreal top, std::size_t from, std::size_t to, qreal offset)
{
    if (!draw)
        return;
    for (std::size_t i = from; i < l.lines.size() && i < to; ++i) {
        cairo_move_to(cr, x + l.lines[i].x, top + l.lines[i].baseline - offset);
        showLine(cr, l, l.lines[i]);
    }
}

void TaggedPdfSink::Impl::flowLayout(const Laid &l, qreal x, const char *tag)
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
            showLine(cr, l, line);
        }
    }
    y += l.height - offset;
    pageEmpty = false;
}

void TaggedPdfSink::Impl::prepare(Block &b)
{
    switch (b.kind) {
    case Kind::Title:
    case Kind::Para:
        b.text = text(b.runs, kTextW - b.indent);
        break;
    case Kind::Heading: {
        static const qreal sizes[] = {17, 13, 11, 9.5};
        const Style s{sizes[b.level - 1], true, false, b.level == 3 ? QColor(0x1a, 0x1a, 0x1a) : styles::accent};
        b.text = text({{b.runs.front().text, s}}, kTextW, 1.05);
        break;
    }
    case Kind::Bullet:
        b.text = text(b.runs, kTextW - 14);
        break;
    case Kind::Quote:
        b.text = text(b.runs, kTextW - 8 - 5 - 2.5);
        break;
    case Kind::Table: {
        const qreal pad = b.facts ? 3 : 3.5;
        for (qreal w : b.spec.widths)
            b.columnW.push_back(kTextW * w / 100);
        for (std::size_t c = 0; c < b.spec.header.size() && c < b.columnW.size(); ++c)
            b.header.push_back(
                text({{b.spec.header[c], styles::smallStrong}}, b.columnW[c] - 2 * pad, 1.08));
        b.headerH = b.header.empty() ? 0 : rowHeight(b, b.header);
        for (const auto &row : b.cells) {
            std::vector<Laid> laid;
            for (std::size_t c = 0; c < row.size() && c < b.columnW.size(); ++c)
                laid.push_back(text(row[c].runs, b.columnW[c] - 2 * pad, 1.08));
            b.bodyH.push_back(rowHeight(b, laid));
            b.body.push_back(std::move(laid));
        }
        break;
    }
    default:
        break;
    }
}

qreal TaggedPdfSink::Impl::rowHeight(const Block &b, const std::vector<Laid> &row)
{
    const qreal pad = b.facts ? 3 : 3.5;
    qreal h = 0;
    for (const auto &l : row)
        h = std::max(h, l.height);
    return h + 2 * pad;
}

qreal TaggedPdfSink::Impl::blockHeight(const Block &b) const
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

qreal TaggedPdfSink::Impl::firstUnit(const Block &b) const
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

}  // namespace hicm::report
