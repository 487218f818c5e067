// Trend charts: values over time as small line charts, one panel per feature (agreed level and target)
// or per data item (its numeric values). Painted with the conventions of charts.h (ChartStyle; series
// told apart by line style and marker shape as well as colour, so they survive greyscale printing), for
// the app's Trend view and the report alike. QtGui only.
#pragma once

#include "charts.h"

#include <QString>

#include <optional>
#include <vector>

class QPainter;

namespace hicm {
class Framework;
struct Trend;
} // namespace hicm

namespace hicm::report {

struct TrendSeries {
    QString name;                              // for the key, e.g. "Agreed level"
    SeriesRole role = SeriesRole::Agreed;      // decides the look, as on the radar
    std::vector<std::optional<double>> values; // one per point in time; nullopt: a gap in the line
};

struct TrendPanel {
    QString title; // e.g. "B1 Access to intermediate care", "B1.M1 Referrals per month (per month)"
    std::vector<TrendSeries> series;
};

struct TrendChartData {
    std::vector<QString> xLabels; // the points in time, oldest first (e.g. dates)
    bool levels = true;           // y axis: the level scale (whole levels) or plain numbers
    int minLevel = 1;
    int maxLevel = 3;
    std::vector<QString> levelLabels; // minLevel first, for the key; optional
    std::vector<TrendPanel> panels;   // small multiples, left to right, then down; in each panel the
                                      // first series is painted last, on top
    int columns = 0;                  // panels per row; 0: as many as fit (each at least ~170 pt wide)
};

// Paints the panels and a key underneath inside `rect`.
void paintTrend(QPainter &painter, const QRectF &rect, const TrendChartData &data, const ChartStyle &style);

// The height the chart wants at `width`.
qreal trendHeight(const TrendChartData &data, const ChartStyle &style, qreal width);

// From a core trend (src/core/trend.h): one panel per feature with the agreed level and the target (the
// key names the levels of `framework`, e.g. the latest edition's, when given)…
TrendChartData trendLevelChart(const Trend &trend, const Framework *framework = nullptr);
// …and one panel per data item with numbers, on its own scale.
TrendChartData trendMetricChart(const Trend &trend);

} // namespace hicm::report
