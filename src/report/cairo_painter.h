// Internal to the tagged PDF (tagged_pdf.cpp): a QPaintDevice whose QPainter draws straight into a
// cairo context, so that the chart painters (charts.h) put their vector graphics into the PDF without a
// round trip through SVG (QSvgGenerator, then librsvg parsing and drawing it again, which cost most of
// the time of the two charts). Paths, polygons, rectangles, ellipses and lines become cairo paths with
// the pen's width, dashes, caps and joins; solid brushes fill (with their alpha), a hatched brush
// (Qt::BDiagPattern, "no level given") becomes diagonal lines clipped to the shape, so no bitmap enters
// the PDF; text is laid out by Qt (where QPainter::drawText puts each line) and drawn through Pango in
// the same font, so it stays text (selectable, searchable). Pixmaps, gradients and clipping are not
// drawn: the charts use none of them.
#pragma once

#include <QPaintDevice>
#include <QSizeF>

#include <memory>

typedef struct _cairo cairo_t;
typedef struct _PangoContext PangoContext;

namespace hicm::report {

class CairoPaintEngine;

class CairoPaintDevice : public QPaintDevice {
public:
    // Paints into `cr` with its current transformation as the device's origin, 72 units to the inch
    // (a PDF point per unit); `pango` sets the text (its resolution 72).
    CairoPaintDevice(cairo_t *cr, PangoContext *pango, const QSizeF &size);
    ~CairoPaintDevice() override;

    QPaintEngine *paintEngine() const override;

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    std::unique_ptr<CairoPaintEngine> m_engine;
    QSizeF m_size;
};

}  // namespace hicm::report
