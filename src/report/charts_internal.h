// Internal to the chart painters (charts.cpp, charts_radar.cpp, trendchart.cpp): the series' pens and markers, and
// the keys laid out under the charts.
#pragma once

#include "charts.h"

#include <QPen>
#include <QPointF>

#include <vector>

namespace hicm::report::detail {

QFont boldOf(const QFont &f);
QPen seriesPen(SeriesRole role, qreal pt);
void paintMarker(QPainter &p, SeriesRole role, QPointF at, qreal pt);

// One entry of a chart's key.
struct KeyItem {
    enum Kind { Series, Swatch, Empty, Flag, Text } kind = Text;
    QString label;
    SeriesRole role = SeriesRole::Agreed;
    int level = 0;
};

// Lays the key out left to right, wrapping at `width`; paints it when `p` is given. Returns the
// height used.
qreal flowKey(QPainter *p, QPointF topLeft, qreal width, const std::vector<KeyItem> &items, int minLevel,
              int maxLevel, const ChartStyle &s);

}  // namespace hicm::report::detail
