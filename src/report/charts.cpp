// The chart painters' shared parts (style, level colours, series pens and markers, the keys under the
// charts) and the heat map. The radar is in charts_radar.cpp.
#include "charts.h"

#include "charts_internal.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace hicm::report {

namespace {

const QColor kAgreed(0x08, 0x51, 0x9c);
const QColor kTarget(0xb4, 0x3c, 0x0a);
const QColor kPrevious(0x55, 0x5b, 0x66);

}  // namespace

namespace detail {

QFont boldOf(const QFont &f)
{
    QFont b = f;
    b.setBold(true);
    return b;
}

QPen seriesPen(SeriesRole role, qreal pt)
{
    switch (role) {
    case SeriesRole::Agreed:
        return QPen(kAgreed, 2.0 * pt, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    case SeriesRole::Target: {
        QPen p(kTarget, 1.5 * pt, Qt::CustomDashLine, Qt::FlatCap, Qt::RoundJoin);
        p.setDashPattern({4.0, 2.5});
        return p;
    }
    case SeriesRole::Previous: {
        QPen p(kPrevious, 1.6 * pt, Qt::CustomDashLine, Qt::RoundCap, Qt::RoundJoin);
        p.setDashPattern({0.1, 2.2});
        return p;
    }
    }
    return {};
}

void paintMarker(QPainter &p, SeriesRole role, QPointF at, qreal pt)
{
    p.save();
    switch (role) {
    case SeriesRole::Agreed:
        p.setPen(QPen(Qt::white, 0.6 * pt));
        p.setBrush(kAgreed);
        p.drawEllipse(at, 2.6 * pt, 2.6 * pt);
        break;
    case SeriesRole::Target:
        p.setPen(QPen(kTarget, 1.1 * pt));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(at.x() - 3.6 * pt, at.y() - 3.6 * pt, 7.2 * pt, 7.2 * pt));
        break;
    case SeriesRole::Previous: {
        const qreal s = 4.2 * pt;
        QPolygonF tri({QPointF(at.x(), at.y() - s), QPointF(at.x() + s * 0.87, at.y() + s * 0.5),
                       QPointF(at.x() - s * 0.87, at.y() + s * 0.5)});
        p.setPen(QPen(kPrevious, 1.0 * pt));
        p.setBrush(Qt::NoBrush);
        p.drawPolygon(tri);
        break;
    }
    }
    p.restore();
}

qreal flowKey(QPainter *p, QPointF topLeft, qreal width, const std::vector<KeyItem> &items, int minLevel,
              int maxLevel, const ChartStyle &s)
{
    const QFontMetricsF fm(s.font);
    const qreal lineH = fm.height() * 1.35;
    const qreal gap = 12 * s.pt;
    qreal x = 0, y = 0;
    for (const auto &item : items) {
        const qreal sample = item.kind == KeyItem::Series ? 22 * s.pt : item.kind == KeyItem::Text ? 0 : 12 * s.pt;
        const qreal room = width - sample - (sample > 0 ? 4 * s.pt : 0);
        qreal textW = fm.horizontalAdvance(item.label);
        int lines = 1;
        if (textW > room && room > 0) {  // longer than a whole line: it wraps within the key's width
            const QRectF wrapped = fm.boundingRect(QRectF(0, 0, room, 1e6), Qt::TextWordWrap, item.label);
            textW = room;
            lines = std::max(1, int(std::lround(wrapped.height() / fm.lineSpacing())));
        }
        const qreal w = sample + (sample > 0 ? 4 * s.pt : 0) + textW;
        if (x > 0 && x + w > width) {
            x = 0;
            y += lineH;
        }
        if (p) {
            const QPointF o = topLeft + QPointF(x, y);
            const qreal midY = o.y() + lineH / 2;
            const QRectF box(o.x(), midY - 5 * s.pt, 12 * s.pt, 10 * s.pt);
            p->save();
            switch (item.kind) {
            case KeyItem::Series:
                p->setPen(seriesPen(item.role, s.pt));
                p->drawLine(QPointF(o.x(), midY), QPointF(o.x() + sample, midY));
                paintMarker(*p, item.role, QPointF(o.x() + sample / 2, midY), s.pt);
                break;
            case KeyItem::Swatch:
                p->setPen(QPen(s.grid, 0.5 * s.pt));
                p->setBrush(levelFill(item.level, minLevel, maxLevel));
                p->drawRect(box);
                break;
            case KeyItem::Empty:
                p->setPen(QPen(s.grid, 0.5 * s.pt));
                p->setBrush(QBrush(s.grid, Qt::BDiagPattern));
                p->drawRect(box);
                break;
            case KeyItem::Flag:
                p->setPen(QPen(s.text, 1.2 * s.pt, Qt::DashLine));
                p->setBrush(Qt::NoBrush);
                p->drawRect(box);
                break;
            case KeyItem::Text:
                break;
            }
            p->setPen(s.text);
            p->setFont(s.font);
            if (lines > 1)
                p->drawText(QRectF(o.x() + w - textW, o.y() + (lineH - fm.height()) / 2, textW + 1,
                                   fm.lineSpacing() * lines + 1),
                            Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, item.label);
            else
                p->drawText(QRectF(o.x() + w - textW, o.y(), textW + 1, lineH), Qt::AlignLeft | Qt::AlignVCenter,
                            item.label);
            p->restore();
        }
        x += w + gap;
        if (lines > 1) {  // what follows starts below it
            y += fm.lineSpacing() * (lines - 1);
            x = width;
        }
    }
    return items.empty() ? 0 : y + lineH;
}

}  // namespace detail

using namespace detail;

namespace {

std::vector<KeyItem> heatKey(const HeatMapData &d)
{
    std::vector<KeyItem> items;
    for (int level = d.minLevel; level <= d.maxLevel; ++level) {
        const auto i = static_cast<std::size_t>(level - d.minLevel);
        const QString text = i < d.levelLabels.size() ? d.levelLabels[i] : QString::number(level);
        items.push_back({KeyItem::Swatch, text, SeriesRole::Agreed, level});
    }
    items.push_back({KeyItem::Empty, QStringLiteral("no level given"), SeriesRole::Agreed, 0});
    if (std::find(d.flagged.begin(), d.flagged.end(), true) != d.flagged.end())
        items.push_back({KeyItem::Flag, QStringLiteral("\u2666 ") + d.flaggedLabel, SeriesRole::Agreed, 0});
    return items;
}

}  // namespace

ChartStyle ChartStyle::forDevice(const QPaintDevice &device, const QFont &font)
{
    ChartStyle s;
    s.pt = device.logicalDpiY() / 72.0;
    s.font = font;
    if (font.pointSizeF() > 0)
        s.font.setPixelSize(std::max(1, qRound(font.pointSizeF() * s.pt)));
    return s;
}

QColor levelFill(int level, int minLevel, int maxLevel)
{
    // Three stops of one blue ramp: light, middle, dark (greyscale: 0.91, 0.64, 0.30).
    static const QColor stops[3] = {QColor(0xde, 0xeb, 0xf7), QColor(0x6b, 0xae, 0xd6), QColor(0x08, 0x51, 0x9c)};
    const qreal t = maxLevel > minLevel ? std::clamp(qreal(level - minLevel) / (maxLevel - minLevel), 0.0, 1.0) : 1.0;
    const qreal pos = t * 2;
    const int i = std::min(1, int(pos));
    const qreal f = pos - i;
    const QColor &a = stops[i], &b = stops[i + 1];
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * f, a.greenF() + (b.greenF() - a.greenF()) * f,
                            a.blueF() + (b.blueF() - a.blueF()) * f);
}

QColor levelInk(int level, int minLevel, int maxLevel)
{
    // Whichever of near-black and white stands further from the fill in grey.
    const QColor c = levelFill(level, minLevel, maxLevel);
    const qreal grey = 0.299 * c.redF() + 0.587 * c.greenF() + 0.114 * c.blueF();
    return grey > 0.5 ? QColor(0x11, 0x11, 0x11) : QColor(Qt::white);
}

namespace {

struct HeatLayout {
    qreal nameW = 0, cellW = 0, headerH = 0, gap = 0;
    std::vector<qreal> rowH;  // rows, then the summary row when there is one
    qreal keyH = 0;
};

HeatLayout heatLayout(const HeatMapData &d, const ChartStyle &s, qreal width)
{
    HeatLayout l;
    const QFontMetricsF fm(s.font);
    const qreal pad = 4 * s.pt;
    qreal widest = fm.horizontalAdvance(d.summaryLabel);
    for (const auto &name : d.rows)
        widest = std::max(widest, fm.horizontalAdvance(name));
    l.nameW = std::min(width * 0.34, widest + 2 * pad + 1);
    l.cellW = d.columns.empty() ? 0 : (width - l.nameW) / qreal(d.columns.size());
    l.headerH = fm.height() * (d.flagged.empty() ? 1.6 : 2.5);
    l.gap = 5 * s.pt;
    auto height = [&](const QString &name) {
        const qreal text = fm.boundingRect(QRectF(0, 0, l.nameW - 2 * pad, 1e6), Qt::TextWordWrap, name).height();
        return std::max(fm.height() * 1.7, std::min(text, fm.height() * 3) + 2 * pad);
    };
    for (const auto &name : d.rows)
        l.rowH.push_back(height(name));
    if (!d.summaryLabel.isEmpty())
        l.rowH.push_back(height(d.summaryLabel));
    l.keyH = flowKey(nullptr, {}, width, heatKey(d), d.minLevel, d.maxLevel, s);
    return l;
}

}  // namespace

qreal heatMapHeight(const HeatMapData &d, const ChartStyle &s, qreal width)
{
    const HeatLayout l = heatLayout(d, s, width);
    qreal h = l.headerH + l.gap * 2 + l.keyH;
    for (qreal r : l.rowH)
        h += r;
    return h + (d.summaryLabel.isEmpty() ? 0 : l.gap);
}

void paintHeatMap(QPainter &p, const QRectF &rect, const HeatMapData &d, const ChartStyle &s)
{
    const HeatLayout l = heatLayout(d, s, rect.width());
    const QFontMetricsF fm(s.font);
    const QFont bold = boldOf(s.font);
    const qreal pad = 4 * s.pt;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    const qreal x0 = rect.left() + l.nameW;
    // Column headers, flagged ones marked with a diamond as well as the outline.
    p.setPen(s.text);
    for (std::size_t c = 0; c < d.columns.size(); ++c) {
        const QRectF h(x0 + l.cellW * qreal(c), rect.top(), l.cellW, l.headerH);
        const bool flag = c < d.flagged.size() && d.flagged[c];
        p.setFont(bold);
        p.drawText(h, Qt::AlignHCenter | (d.flagged.empty() ? Qt::AlignVCenter : Qt::AlignTop), d.columns[c]);
        if (flag) {
            p.setFont(s.font);
            p.drawText(h.adjusted(0, fm.height(), 0, 0), Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("\u2666"));
        }
    }
    qreal y = rect.top() + l.headerH;
    auto paintRow = [&](const QString &name, const std::vector<std::optional<int>> &cells, qreal h, bool strong) {
        p.setPen(s.text);
        p.setFont(strong ? bold : s.font);
        const QString shown = fm.elidedText(name, Qt::ElideRight, (l.nameW - 2 * pad) * 3 - fm.averageCharWidth());
        p.drawText(QRectF(rect.left(), y, l.nameW - pad, h).adjusted(0, pad / 2, 0, -pad / 2),
                   Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, shown);
        for (std::size_t c = 0; c < d.columns.size(); ++c) {
            const QRectF cell(x0 + l.cellW * qreal(c), y, l.cellW, h);
            const bool given = c < cells.size() && cells[c].has_value();
            const int level = given ? cells[c].value_or(0) : 0;
            p.setPen(QPen(Qt::white, 1.5 * s.pt));
            p.setBrush(given ? QBrush(levelFill(level, d.minLevel, d.maxLevel)) : QBrush(s.grid, Qt::BDiagPattern));
            p.drawRect(cell);
            p.setPen(given ? levelInk(level, d.minLevel, d.maxLevel) : s.text);
            p.setFont(bold);
            p.drawText(cell, Qt::AlignCenter, given ? QString::number(level) : QStringLiteral("\u2013"));
        }
        y += h;
    };
    for (std::size_t r = 0; r < d.rows.size(); ++r)
        paintRow(d.rows[r], r < d.cells.size() ? d.cells[r] : std::vector<std::optional<int>>{}, l.rowH[r], false);
    const qreal gridBottom = y;
    if (!d.summaryLabel.isEmpty()) {
        y += l.gap;
        p.setPen(QPen(s.text, 0.8 * s.pt));
        p.drawLine(QPointF(rect.left(), y - l.gap / 2), QPointF(rect.right(), y - l.gap / 2));
        paintRow(d.summaryLabel, d.summary, l.rowH.back(), true);
    }
    // Flagged columns: a dashed outline round the partners' cells.
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(s.text, 1.4 * s.pt, Qt::DashLine));
    for (std::size_t c = 0; c < d.columns.size() && c < d.flagged.size(); ++c)
        if (d.flagged[c])
            p.drawRect(QRectF(x0 + l.cellW * qreal(c), rect.top() + l.headerH - 1.5 * s.pt, l.cellW,
                              gridBottom - rect.top() - l.headerH + 3 * s.pt));
    flowKey(&p, QPointF(rect.left(), y + l.gap), rect.width(), heatKey(d), d.minLevel, d.maxLevel, s);
    p.restore();
}

}  // namespace hicm::report
