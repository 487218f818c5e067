// The radar chart: levels per feature, agreed, target and previous.
#include "charts.h"

#include "charts_internal.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace hicm::report {

using namespace detail;

namespace {

std::vector<KeyItem> radarKey(const RadarData &d)
{
    std::vector<KeyItem> items;
    for (const auto &series : d.series)
        items.push_back({KeyItem::Series, series.name, series.role, 0});
    if (!d.levelLabels.empty()) {
        QString rings = QStringLiteral("Rings: ");
        for (std::size_t i = 0; i < d.levelLabels.size(); ++i)
            rings += (i ? QStringLiteral(" \u00b7 ") : QString()) + d.levelLabels[i];
        items.push_back({KeyItem::Text, rings, SeriesRole::Agreed, 0});
    }
    return items;
}

}  // namespace

qreal radarHeight(const RadarData &data, const ChartStyle &style, qreal width)
{
    return width * 0.62 + flowKey(nullptr, {}, width, radarKey(data), data.minLevel, data.maxLevel, style);
}

void paintRadar(QPainter &p, const QRectF &rect, const RadarData &d, const ChartStyle &s)
{
    const std::size_t n = d.axes.size();
    if (n < 3 || d.maxLevel < d.minLevel)
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const auto key = radarKey(d);
    const QFontMetricsF fm(s.font);
    const QFont bold = boldOf(s.font);
    const qreal gap = 6 * s.pt;
    // The key is drawn centred under the chart, as wide as the chart and its labels (at least 3/5 of
    // the rect): it is measured at that width, and the chart made smaller until the key fits beneath
    // it, never below the rect.
    qreal keyH = flowKey(nullptr, {}, rect.width(), key, d.minLevel, d.maxLevel, s);
    QRectF area;
    qreal labelW = 0, radius = 0, keyW = rect.width();
    auto angle = [n](std::size_t i) { return -std::numbers::pi / 2 + 2 * std::numbers::pi * double(i) / double(n); };
    // A label at the top or bottom wraps within the gap between its neighbours' labels (they start where
    // their axes end), so that on a small chart it never runs into them; the chart leaves room for it.
    const auto centred = [&](std::size_t i) { return std::abs(std::cos(angle(i))) < 0.3; };
    const auto labelWidth = [&](std::size_t i, qreal radius) {
        const qreal neighbour = std::abs(std::cos(angle((i + 1) % n))) * (radius + gap);
        return centred(i) ? std::clamp(2 * neighbour - 4 * s.pt, fm.averageCharWidth() * 10, labelW) : labelW;
    };
    const auto labelHeight = [&](std::size_t i, qreal radius) {
        const int flags = Qt::TextWordWrap | Qt::AlignHCenter;
        const QString &title = d.axes[i].title;
        return fm.height() + (title.isEmpty() ? 0 : fm.boundingRect(QRectF(0, 0, labelWidth(i, radius), 1e6), flags, title).height());
    };
    const auto radiusFor = [&](qreal labelH) {
        return std::max(10.0, std::min(area.width() / 2 - labelW - gap, area.height() / 2 - labelH - gap));
    };
    const auto layOut = [&] {
        area = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - keyH - 6 * s.pt);
        labelW = std::min(area.width() * 0.25, fm.averageCharWidth() * 24);
        radius = radiusFor(fm.height() * 3.2);
        for (int pass = 0; pass < 2; ++pass) {
            qreal tallest = fm.height() * 3.2;
            for (std::size_t i = 0; i < n; ++i)
                if (centred(i))
                    tallest = std::max(tallest, labelHeight(i, radius));
            radius = radiusFor(tallest);
        }
        keyW = std::min(rect.width(), std::max(radius * 2 + labelW * 2, rect.width() * 0.6));
    };
    const auto keyHeight = [&](qreal width) { return flowKey(nullptr, {}, width, key, d.minLevel, d.maxLevel, s); };
    layOut();
    for (int fit = 0; fit < 3 && keyHeight(keyW) > keyH; ++fit) {
        keyH = keyHeight(keyW);
        layOut();
    }
    if (keyHeight(keyW) > keyH) {  // still not settled: room for the key at its narrowest
        keyH = keyHeight(std::min(rect.width(), rect.width() * 0.6));
        layOut();
    }
    const QPointF c = area.center();
    const int rings = d.maxLevel - d.minLevel + 1;
    auto point = [&](std::size_t i, qreal value) {
        const qreal r = radius * std::clamp((value - (d.minLevel - 1)) / rings, 0.0, 1.0);
        return QPointF(c.x() + r * std::cos(angle(i)), c.y() + r * std::sin(angle(i)));
    };

    // Grid: one polygon per level, the axes, and the level numbers along the first axis.
    p.setPen(QPen(s.grid, 0.6 * s.pt));
    for (int level = d.minLevel; level <= d.maxLevel; ++level) {
        QPolygonF ring;
        for (std::size_t i = 0; i < n; ++i)
            ring << point(i, level);
        p.drawPolygon(ring);
    }
    for (std::size_t i = 0; i < n; ++i)
        p.drawLine(c, point(i, d.maxLevel));
    // Series: the agreed fill first, then lines from the last series to the first, then markers.
    for (const auto &series : d.series) {
        if (series.role != SeriesRole::Agreed)
            continue;
        QPolygonF poly;
        for (std::size_t i = 0; i < n && i < series.values.size(); ++i)
            if (series.values[i])
                poly << point(i, *series.values[i]);
        if (poly.size() >= 3) {
            QColor fill = seriesPen(SeriesRole::Agreed, 1).color();
            fill.setAlphaF(0.14);
            p.setPen(Qt::NoPen);
            p.setBrush(fill);
            p.drawPolygon(poly);
        }
    }
    p.setBrush(Qt::NoBrush);
    for (auto it = d.series.rbegin(); it != d.series.rend(); ++it) {
        p.setPen(seriesPen(it->role, s.pt));
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t j = (i + 1) % n;
            if (i < it->values.size() && j < it->values.size() && it->values[i] && it->values[j])
                p.drawLine(point(i, *it->values[i]), point(j, *it->values[j]));
        }
    }
    for (auto it = d.series.rbegin(); it != d.series.rend(); ++it)
        for (std::size_t i = 0; i < n && i < it->values.size(); ++i)
            if (it->values[i])
                paintMarker(p, it->role, point(i, *it->values[i]), s.pt);

    // Level numbers where each ring crosses the line half-way between the first two axes (no marker
    // ever sits there), on a white patch so lines do not run through them.
    p.setFont(s.font);
    const qreal mid = -std::numbers::pi / 2 + std::numbers::pi / double(n);
    const qreal edge = std::cos(std::numbers::pi / double(n));
    for (int level = d.minLevel; level <= d.maxLevel; ++level) {
        const qreal r = radius * (level - (d.minLevel - 1)) / rings * edge;
        const QPointF at(c.x() + r * std::cos(mid), c.y() + r * std::sin(mid));
        const QString text = QString::number(level);
        const QRectF box(at.x() - fm.horizontalAdvance(text) / 2 - 1.5 * s.pt, at.y() - fm.height() / 2,
                         fm.horizontalAdvance(text) + 3 * s.pt, fm.height());
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawRect(box);
        p.setPen(s.grid.darker(150));
        p.drawText(box, Qt::AlignCenter, text);
    }

    // Axis labels: the id in bold, the title wrapped beneath, placed by where the axis points.
    p.setPen(s.text);
    for (std::size_t i = 0; i < n; ++i) {
        const qreal cx = std::cos(angle(i)), cy = std::sin(angle(i));
        const QPointF at(c.x() + (radius + gap) * cx, c.y() + (radius + gap) * cy);
        const int flags = Qt::TextWordWrap | (centred(i) ? Qt::AlignHCenter : cx > 0 ? Qt::AlignLeft : Qt::AlignRight);
        const qreal w = labelWidth(i, radius);
        const QString title = d.axes[i].title;
        const QRectF titleBox = fm.boundingRect(QRectF(0, 0, w, 1e6), flags, title);
        const qreal h = fm.height() + (title.isEmpty() ? 0 : titleBox.height());
        const qreal left = centred(i) ? at.x() - w / 2 : cx > 0 ? at.x() : at.x() - w;
        const qreal top = cy < -0.7 ? at.y() - h : cy > 0.7 ? at.y() : at.y() - h / 2;
        p.setFont(bold);
        p.drawText(QRectF(left, top, w, fm.height()), flags, d.axes[i].id);
        p.setFont(s.font);
        p.drawText(QRectF(left, top + fm.height(), w, titleBox.height() + 1), flags, title);
    }
    flowKey(&p, QPointF(rect.left() + (rect.width() - keyW) / 2, rect.bottom() - keyH), keyW, key, d.minLevel,
            d.maxLevel, s);
    p.restore();
}

}  // namespace hicm::report
