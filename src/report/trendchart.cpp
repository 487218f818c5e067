#include "trendchart.h"

#include "charts_internal.h"

#include "framework.h"
#include "trend.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <set>

namespace hicm::report {

using namespace detail;

namespace {

struct Scale {
    double lo = 0, hi = 1;
    std::vector<double> ticks;
};

// Whole levels for a level chart; round steps covering the values for numbers.
Scale scaleFor(const TrendChartData &d, const TrendPanel &panel)
{
    Scale s;
    if (d.levels) {
        s.lo = d.minLevel - 0.35;
        s.hi = d.maxLevel + 0.35;
        for (int l = d.minLevel; l <= d.maxLevel; ++l)
            s.ticks.push_back(l);
        return s;
    }
    double lo = INFINITY, hi = -INFINITY;
    for (const auto &series : panel.series)
        for (const auto &v : series.values)
            if (v) {
                lo = std::min(lo, *v);
                hi = std::max(hi, *v);
            }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    if (hi - lo < 1e-9) {
        const double pad = std::max(std::abs(hi) * 0.1, 1.0);
        lo -= pad;
        hi += pad;
    }
    const double raw = (hi - lo) / 4, magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    s.lo = std::floor(lo / step) * step;
    s.hi = std::ceil(hi / step) * step;
    for (double t = s.lo; t <= s.hi + step / 2; t += step)
        s.ticks.push_back(std::abs(t) < step / 1e6 ? 0.0 : t);
    return s;
}

int columnsFor(const TrendChartData &d, const ChartStyle &s, qreal width)
{
    if (d.panels.empty())
        return 1;
    // Panels keep one size whatever their number: a lone panel does not stretch across the page. A panel
    // is at least 26 characters of its font wide, so that large type (presenting) takes fewer columns
    // rather than titles of more than three lines.
    const qreal least = std::max(170 * s.pt, QFontMetricsF(s.font).averageCharWidth() * 26);
    return d.columns > 0 ? d.columns : std::clamp(int(width / least), 1, 4);
}

// The lines every panel's title gets: as many as the longest title needs at the panel's width, at most
// three (only a fourth line's worth is elided), the same for all panels so that their plots line up. A
// feature's or a metric's name says what is charted: cut short, the room could not tell the panels apart.
int titleLines(const TrendChartData &d, const ChartStyle &s, qreal panelWidth)
{
    const QFontMetricsF bm(boldOf(s.font));
    const qreal width = panelWidth - 10 * s.pt;  // paintTrend's gap between panels
    int lines = 1;
    for (const auto &panel : d.panels) {
        const qreal h = bm.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, panel.title).height();
        lines = std::max(lines, int(std::ceil(h / bm.lineSpacing() - 0.25)));
    }
    return std::min(lines, 3);
}

qreal titleHeight(const ChartStyle &s, int lines)
{
    const QFontMetricsF bm(boldOf(s.font));
    return lines > 1 ? bm.lineSpacing() * (lines + 0.2) : bm.height() * 1.4;
}

qreal panelHeight(const ChartStyle &s, qreal panelWidth, int lines)
{
    const QFontMetricsF fm(s.font);
    return titleHeight(s, lines) + std::clamp(panelWidth * 0.42, 70 * s.pt, 150 * s.pt) + fm.height() * 1.5 +
           10 * s.pt;
}

struct KeyEntry {
    QString name;
    SeriesRole role;
};

std::vector<KeyEntry> keyEntries(const TrendChartData &d)
{
    std::vector<KeyEntry> out;
    std::set<QString> seen;
    for (const auto &panel : d.panels)
        for (const auto &series : panel.series)
            if (seen.insert(series.name).second)
                out.push_back({series.name, series.role});
    return out;
}

// Lays out (and paints, when `p` is given) the key; returns its height. The same key as the radar's.
qreal key(QPainter *p, QPointF topLeft, qreal width, const TrendChartData &d, const ChartStyle &s)
{
    std::vector<KeyItem> items;
    for (const auto &e : keyEntries(d))
        items.push_back({KeyItem::Series, e.name, e.role, 0});
    if (d.levels && !d.levelLabels.empty()) {
        QString levels = QStringLiteral("Levels: ");
        for (std::size_t i = 0; i < d.levelLabels.size(); ++i)
            levels += (i ? QStringLiteral(" \u00b7 ") : QString()) + d.levelLabels[i];
        items.push_back({KeyItem::Text, levels, SeriesRole::Agreed, 0});
    }
    return flowKey(p, topLeft, width, items, d.minLevel, d.maxLevel, s);
}

QString tickText(const TrendChartData &d, double v)
{
    return d.levels ? QString::number(int(std::lround(v))) : QString::number(v, 'g', 6);
}

void paintPanel(QPainter &p, const QRectF &r, const TrendChartData &d, const TrendPanel &panel, const ChartStyle &s,
                int lines)
{
    const QFontMetricsF fm(s.font);
    const QFont bold = boldOf(s.font);
    p.save();
    p.setFont(bold);
    p.setPen(s.text);
    // The whole title, on as many lines as the panels' titles get (titleLines); only what runs past
    // them is elided.
    const QFontMetricsF bm(bold);
    const QRectF titleRect(r.left(), r.top(), r.width(), titleHeight(s, lines));
    const qreal room = bm.lineSpacing() * (lines + 0.25);
    QString title = panel.title;
    const auto height = [&](const QString &text) {
        return bm.boundingRect(QRectF(0, 0, r.width(), 1e6), Qt::TextWordWrap, text).height();
    };
    if (height(title) > room) {
        while (title.size() > 1 && height(title + QStringLiteral("\u2026")) > room)
            title.chop(1);
        title += QStringLiteral("\u2026");
    }
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, title);
    p.setFont(s.font);

    const Scale scale = scaleFor(d, panel);
    qreal axisW = 0;
    for (double t : scale.ticks)
        axisW = std::max(axisW, fm.horizontalAdvance(tickText(d, t)));
    axisW += 5 * s.pt;
    const qreal top = titleRect.bottom() + fm.height() * 0.5; // room for the top tick's label
    const QRectF plot(r.left() + axisW, top, r.width() - axisW - 4 * s.pt,
                      r.bottom() - top - fm.height() * 1.5 - 4 * s.pt);
    auto yOf = [&](double v) { return plot.bottom() - (v - scale.lo) / (scale.hi - scale.lo) * plot.height(); };
    const std::size_t n = d.xLabels.size();
    auto xOf = [&](std::size_t i) {
        return plot.left() + plot.width() * (qreal(i) + 0.5) / qreal(std::max<std::size_t>(n, 1));
    };

    for (double t : scale.ticks) {
        const qreal y = yOf(t);
        p.setPen(QPen(s.grid, 0.4 * s.pt, Qt::DotLine));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(s.text);
        p.drawText(QRectF(r.left(), y - fm.height() / 2, axisW - 4 * s.pt, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, tickText(d, t));
    }
    p.setPen(QPen(s.grid, 0.8 * s.pt));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.drawLine(plot.bottomLeft(), plot.topLeft());

    // Time labels: every k-th so they never overlap, always the latest.
    qreal widest = 0;
    for (const auto &l : d.xLabels)
        widest = std::max(widest, fm.horizontalAdvance(l));
    const qreal slot = plot.width() / qreal(std::max<std::size_t>(n, 1));
    const std::size_t every =
        std::max<std::size_t>(1, std::size_t(std::ceil((widest + 6 * s.pt) / std::max(slot, 1.0))));
    p.setPen(s.text);
    for (std::size_t i = 0; i < n; ++i) {
        if ((n - 1 - i) % every != 0)
            continue;
        const qreal w = std::min(widest + 6 * s.pt, r.width());
        qreal left = std::clamp(xOf(i) - w / 2, r.left(), r.right() - w);
        p.drawText(QRectF(left, plot.bottom() + 3 * s.pt, w, fm.height() * 1.3), Qt::AlignHCenter | Qt::AlignTop,
                   d.xLabels[i]);
    }

    p.setRenderHint(QPainter::Antialiasing, true);
    for (auto it = panel.series.rbegin(); it != panel.series.rend(); ++it) { // the first on top
        const TrendSeries &series = *it;
        p.setPen(seriesPen(series.role, s.pt));
        p.setBrush(Qt::NoBrush);
        QPainterPath path;
        bool drawing = false;
        for (std::size_t i = 0; i < series.values.size() && i < n; ++i) {
            if (!series.values[i]) {
                drawing = false;
                continue;
            }
            const QPointF at(xOf(i), yOf(*series.values[i]));
            if (drawing)
                path.lineTo(at);
            else
                path.moveTo(at);
            drawing = true;
        }
        p.drawPath(path);
        for (std::size_t i = 0; i < series.values.size() && i < n; ++i)
            if (series.values[i])
                paintMarker(p, series.role, QPointF(xOf(i), yOf(*series.values[i])), s.pt);
    }
    p.restore();
}

} // namespace

qreal trendHeight(const TrendChartData &data, const ChartStyle &style, qreal width)
{
    const int columns = columnsFor(data, style, width);
    const int rows =
        data.panels.empty() ? 0 : int((data.panels.size() + std::size_t(columns) - 1) / std::size_t(columns));
    return rows * panelHeight(style, width / columns, titleLines(data, style, width / columns)) +
           key(nullptr, {}, width, data, style);
}

void paintTrend(QPainter &painter, const QRectF &rect, const TrendChartData &data, const ChartStyle &style)
{
    const int columns = columnsFor(data, style, rect.width());
    const qreal w = rect.width() / columns;
    const int lines = titleLines(data, style, w);
    const qreal h = panelHeight(style, w, lines);
    for (std::size_t i = 0; i < data.panels.size(); ++i) {
        const qreal x = rect.left() + w * qreal(i % std::size_t(columns));
        const qreal y = rect.top() + h * qreal(i / std::size_t(columns));
        paintPanel(painter, QRectF(x, y, w - 10 * style.pt, h - 6 * style.pt), data, data.panels[i], style, lines);
    }
    const int rows = int((data.panels.size() + std::size_t(columns) - 1) / std::size_t(columns));
    key(&painter, QPointF(rect.left(), rect.top() + rows * h), rect.width(), data, style);
}

namespace {

std::vector<QString> dates(const Trend &t)
{
    std::vector<QString> out;
    for (const auto &p : t.points)
        out.push_back(p.date.empty() ? QStringLiteral("#%1").arg(p.id) : QString::fromStdString(p.date));
    return out;
}

std::vector<std::optional<double>> asDoubles(const std::vector<std::optional<int>> &values)
{
    std::vector<std::optional<double>> out;
    for (const auto &v : values)
        out.push_back(v ? std::optional<double>(*v) : std::nullopt);
    return out;
}

} // namespace

TrendChartData trendLevelChart(const Trend &t, const Framework *framework)
{
    TrendChartData d;
    d.xLabels = dates(t);
    d.minLevel = t.minLevel;
    d.maxLevel = t.maxLevel;
    if (framework)
        for (const auto &level : framework->levels)
            d.levelLabels.push_back(
                QStringLiteral("%1 %2").arg(level.id).arg(QString::fromStdString(level.label.text)));
    for (const auto &f : t.features)
        d.panels.push_back({QString::fromStdString(f.featureId + " " + f.title),
                            {{QStringLiteral("Agreed level"), SeriesRole::Agreed, asDoubles(f.levels)},
                             {QStringLiteral("Target"), SeriesRole::Target, asDoubles(f.targets)}}});
    return d;
}

TrendChartData trendMetricChart(const Trend &t)
{
    TrendChartData d;
    d.xLabels = dates(t);
    d.levels = false;
    for (const auto &m : t.metrics)
        d.panels.push_back(
            {QString::fromStdString(m.metricId + " " + m.label + (m.unit.empty() ? "" : " (" + m.unit + ")")),
             {{QStringLiteral("Value"), SeriesRole::Agreed, m.values}}});
    return d;
}

} // namespace hicm::report
