// QPainter into cairo (cairo_painter.h): the chart painters' vector graphics straight into the PDF.
#include "cairo_painter.h"

#include <QPaintEngine>
#include <QPainterPath>
#include <QTextItem>

// GLib's headers use `signals` as a name, which Qt defines as a keyword.
#pragma push_macro("signals")
#undef signals
#include <cairo.h>
#include <pango/pangocairo.h>
#pragma pop_macro("signals")

#include <cmath>
#include <map>
#include <tuple>
#include <vector>

namespace hicm::report {

class CairoPaintEngine : public QPaintEngine {
public:
    CairoPaintEngine(cairo_t *cr, PangoContext *pango) : QPaintEngine(QPaintEngine::AllFeatures), m_cr(cr), m_pango(pango)
    {
    }
    ~CairoPaintEngine() override
    {
        for (auto &entry : m_fonts)
            pango_font_description_free(entry.second);
    }

    bool begin(QPaintDevice *) override
    {
        cairo_save(m_cr);
        cairo_get_matrix(m_cr, &m_base);
        return true;
    }
    bool end() override
    {
        cairo_restore(m_cr);
        return true;
    }
    Type type() const override { return QPaintEngine::User; }

    void updateState(const QPaintEngineState &state) override
    {
        const DirtyFlags dirty = state.state();
        if (dirty & DirtyTransform)
            m_transform = state.transform();
        if (dirty & DirtyPen)
            m_pen = state.pen();
        if (dirty & DirtyBrush)
            m_brush = state.brush();
        if (dirty & DirtyFont)
            m_font = state.font();
        if (dirty & DirtyOpacity)
            m_opacity = state.opacity();
    }

    void drawPath(const QPainterPath &path) override
    {
        applyTransform();
        const auto trace = [&] {
            cairo_new_path(m_cr);
            for (int i = 0; i < path.elementCount(); ++i) {
                const QPainterPath::Element e = path.elementAt(i);
                switch (e.type) {
                case QPainterPath::MoveToElement:
                    cairo_move_to(m_cr, e.x, e.y);
                    break;
                case QPainterPath::LineToElement:
                    cairo_line_to(m_cr, e.x, e.y);
                    break;
                case QPainterPath::CurveToElement: {
                    const QPainterPath::Element c2 = path.elementAt(i + 1), to = path.elementAt(i + 2);
                    cairo_curve_to(m_cr, e.x, e.y, c2.x, c2.y, to.x, to.y);
                    i += 2;
                    break;
                }
                case QPainterPath::CurveToDataElement:
                    break;
                }
            }
        };
        paint(trace, path.fillRule() == Qt::OddEvenFill ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING, true);
    }

    void drawPolygon(const QPointF *points, int count, PolygonDrawMode mode) override
    {
        if (count < 1)
            return;
        applyTransform();
        const bool closed = mode != PolylineMode;
        const auto trace = [&] {
            cairo_new_path(m_cr);
            cairo_move_to(m_cr, points[0].x(), points[0].y());
            for (int i = 1; i < count; ++i)
                cairo_line_to(m_cr, points[i].x(), points[i].y());
            if (closed)
                cairo_close_path(m_cr);
        };
        paint(trace, mode == WindingMode ? CAIRO_FILL_RULE_WINDING : CAIRO_FILL_RULE_EVEN_ODD, closed);
    }

    void drawRects(const QRectF *rects, int count) override
    {
        applyTransform();
        for (int i = 0; i < count; ++i) {
            const QRectF r = rects[i];
            const auto trace = [&] {
                cairo_new_path(m_cr);
                cairo_rectangle(m_cr, r.x(), r.y(), r.width(), r.height());
            };
            paint(trace, CAIRO_FILL_RULE_WINDING, true);
        }
    }

    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}  // the charts draw none

    // A line of text as Qt laid it out (`at` is where its baseline starts), in the same font, through Pango.
    void drawTextItem(const QPointF &at, const QTextItem &item) override
    {
        const QString text = item.text();
        if (text.isEmpty() || m_pen.style() == Qt::NoPen)
            return;
        applyTransform();
        PangoLayout *layout = pango_layout_new(m_pango);
        pango_layout_set_font_description(layout, fontFor(item.font()));
        const QByteArray utf8 = text.toUtf8();
        pango_layout_set_text(layout, utf8.constData(), int(utf8.size()));
        setSource(m_pen.color());
        cairo_move_to(m_cr, at.x(), at.y());
        pango_cairo_show_layout_line(m_cr, pango_layout_get_line_readonly(layout, 0));
        g_object_unref(layout);
    }

private:
    void applyTransform()
    {
        cairo_set_matrix(m_cr, &m_base);
        cairo_matrix_t m;
        cairo_matrix_init(&m, m_transform.m11(), m_transform.m12(), m_transform.m21(), m_transform.m22(),
                          m_transform.dx(), m_transform.dy());
        cairo_transform(m_cr, &m);
    }

    void setSource(const QColor &c)
    {
        cairo_set_source_rgba(m_cr, c.redF(), c.greenF(), c.blueF(), c.alphaF() * m_opacity);
    }

    // Fills the shape `trace` makes with the brush, then strokes it with the pen.
    template <typename Trace>
    void paint(const Trace &trace, cairo_fill_rule_t rule, bool fill)
    {
        if (fill && m_brush.style() == Qt::SolidPattern) {
            trace();
            cairo_set_fill_rule(m_cr, rule);
            setSource(m_brush.color());
            cairo_fill(m_cr);
        } else if (fill && m_brush.style() != Qt::NoBrush) {
            // A hatch ("/" lines 8 units apart, as Qt's BDiagPattern); other patterns the same way.
            trace();
            cairo_set_fill_rule(m_cr, rule);
            double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
            cairo_path_extents(m_cr, &x1, &y1, &x2, &y2);
            cairo_save(m_cr);
            cairo_clip(m_cr);
            const double step = 8;
            for (double k = std::floor((x1 + y1) / step); k * step <= x2 + y2 + step; ++k) {
                cairo_move_to(m_cr, k * step - y2, y2);
                cairo_line_to(m_cr, k * step - y1, y1);
            }
            setSource(m_brush.color());
            cairo_set_line_width(m_cr, 0.8);
            cairo_set_line_cap(m_cr, CAIRO_LINE_CAP_BUTT);
            cairo_set_dash(m_cr, nullptr, 0, 0);
            cairo_stroke(m_cr);
            cairo_restore(m_cr);
        }
        if (m_pen.style() == Qt::NoPen)
            return;
        trace();
        const double width = m_pen.widthF() > 0 ? m_pen.widthF() : 1.0;
        cairo_set_line_width(m_cr, width);
        cairo_set_line_cap(m_cr, m_pen.capStyle() == Qt::RoundCap    ? CAIRO_LINE_CAP_ROUND
                                 : m_pen.capStyle() == Qt::SquareCap ? CAIRO_LINE_CAP_SQUARE
                                                                     : CAIRO_LINE_CAP_BUTT);
        cairo_set_line_join(m_cr, m_pen.joinStyle() == Qt::RoundJoin   ? CAIRO_LINE_JOIN_ROUND
                                  : m_pen.joinStyle() == Qt::BevelJoin ? CAIRO_LINE_JOIN_BEVEL
                                                                       : CAIRO_LINE_JOIN_MITER);
        cairo_set_miter_limit(m_cr, m_pen.miterLimit());
        if (m_pen.style() == Qt::SolidLine) {
            cairo_set_dash(m_cr, nullptr, 0, 0);
        } else {
            // Qt gives dashes in pen widths.
            std::vector<double> dashes;
            for (qreal d : m_pen.dashPattern())
                dashes.push_back(d * width);
            cairo_set_dash(m_cr, dashes.data(), int(dashes.size()), m_pen.dashOffset() * width);
        }
        setSource(m_pen.color());
        cairo_stroke(m_cr);
    }

    // Pango's description of a Qt font (charts use pixel sizes: one pixel a point here), kept per chart.
    const PangoFontDescription *fontFor(const QFont &font)
    {
        const double size = font.pixelSize() > 0 ? font.pixelSize() : font.pointSizeF();
        const auto key = std::make_tuple(font.family(), size, font.weight(), font.italic());
        auto it = m_fonts.find(key);
        if (it != m_fonts.end())
            return it->second;
        PangoFontDescription *d = pango_font_description_new();
        pango_font_description_set_family(d, font.family().toUtf8().constData());
        pango_font_description_set_absolute_size(d, size * PANGO_SCALE);
        pango_font_description_set_weight(d, PangoWeight(font.weight()));
        pango_font_description_set_style(d, font.italic() ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
        return m_fonts.emplace(key, d).first->second;
    }

    cairo_t *m_cr;
    PangoContext *m_pango;
    cairo_matrix_t m_base{};
    QTransform m_transform;
    QPen m_pen;
    QBrush m_brush;
    QFont m_font;
    qreal m_opacity = 1.0;
    std::map<std::tuple<QString, double, int, bool>, PangoFontDescription *> m_fonts;
};

CairoPaintDevice::CairoPaintDevice(cairo_t *cr, PangoContext *pango, const QSizeF &size)
    : m_engine(std::make_unique<CairoPaintEngine>(cr, pango)), m_size(size)
{
}

CairoPaintDevice::~CairoPaintDevice() = default;

QPaintEngine *CairoPaintDevice::paintEngine() const { return m_engine.get(); }

int CairoPaintDevice::metric(PaintDeviceMetric metric) const
{
    switch (metric) {
    case PdmWidth:
        return int(std::ceil(m_size.width()));
    case PdmHeight:
        return int(std::ceil(m_size.height()));
    case PdmWidthMM:
        return int(std::lround(m_size.width() * 25.4 / 72));
    case PdmHeightMM:
        return int(std::lround(m_size.height() * 25.4 / 72));
    case PdmNumColors:
        return INT_MAX;
    case PdmDepth:
        return 32;
    case PdmDpiX:
    case PdmDpiY:
    case PdmPhysicalDpiX:
    case PdmPhysicalDpiY:
        return 72;
    case PdmDevicePixelRatio:
        return 1;
    case PdmDevicePixelRatioScaled:
        return int(devicePixelRatioFScale());
    }
    return QPaintDevice::metric(metric);
}

}  // namespace hicm::report
