// Chart painters shared by the screen and the report: plain functions on a QPainter, QtGui only, no
// state of their own. The report paints them into the PDF (vector graphics) and into images for the
// editable document; the app's widgets call the same functions from paintEvent().
//
// Every chart survives greyscale printing: series differ by line style and marker shape as well as by
// colour, heat-map cells carry their number and get darker with the level.
#pragma once

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <optional>
#include <vector>

class QPainter;
class QPaintDevice;

namespace hicm::report {

// How big things are on the device being painted.
struct ChartStyle {
    // The label font (at least 9 pt in the report). Titles and legends are derived from it.
    QFont font;
    // Painter units per typographic point: line widths, markers and gaps are given in points.
    qreal pt = 1.0;
    QColor text = QColor(0x22, 0x22, 0x22);
    QColor grid = QColor(0x99, 0x99, 0x99);

    // A style for painting straight onto `device` (a widget, an image): `font` at its point size and
    // `pt` from the device's logical resolution. The font is converted to a pixel size, so the chart
    // stays in proportion when the painter is scaled.
    static ChartStyle forDevice(const QPaintDevice &device, const QFont &font);
};

// The role of a radar series decides its look: Agreed is a solid line with round markers and a light
// fill, Target a dashed line with square markers, Previous a dotted line with triangles.
enum class SeriesRole { Agreed, Target, Previous };

struct RadarSeries {
    SeriesRole role = SeriesRole::Agreed;
    QString name;  // for the legend, e.g. "Agreed", "Previous (2024-05-01)"
    // One value per axis, in axis order; nullopt where there is none (not scored): the line is broken.
    std::vector<std::optional<double>> values;
};

struct RadarAxis {
    QString id;     // short label at the axis end, e.g. "B1"
    QString title;  // written under the id, wrapped, e.g. "Access to intermediate care"
};

// A radar ("spider") chart of levels per feature. The centre is minLevel - 1; there is one ring per level.
struct RadarData {
    std::vector<RadarAxis> axes;  // clockwise from the top; at least three
    int minLevel = 1;
    int maxLevel = 3;
    std::vector<QString> levelLabels;  // optional, minLevel first: "1 Not yet established" … for the key
    std::vector<RadarSeries> series;   // painted in order; Agreed is best given first
};

// A partners × features grid of levels, the number written in each cell.
struct HeatMapData {
    std::vector<QString> rows;     // partners, top to bottom
    std::vector<QString> columns;  // feature ids, left to right
    // cells[row][column]; nullopt: no level given
    std::vector<std::vector<std::optional<int>>> cells;
    // optional bottom row, set apart by a rule (e.g. the agreed levels); empty label: none
    QString summaryLabel;
    std::vector<std::optional<int>> summary;
    // columns to mark as having no shared view (partners two or more levels apart); may be empty
    std::vector<bool> flagged;
    QString flaggedLabel = QStringLiteral("no shared view: partners two or more levels apart");
    int minLevel = 1;
    int maxLevel = 3;
    std::vector<QString> levelLabels;  // minLevel first, for the key
};

// Fill colour for a level cell: light to dark with the level, so greyscale keeps the order.
QColor levelFill(int level, int minLevel, int maxLevel);
// Black or white, whichever reads on levelFill(level …).
QColor levelInk(int level, int minLevel, int maxLevel);

// Paints a radar chart (with its key underneath) inside `rect`.
void paintRadar(QPainter &painter, const QRectF &rect, const RadarData &data, const ChartStyle &style);

// Paints a heat map (with its key underneath) inside `rect`, at most as tall as heatMapHeight().
void paintHeatMap(QPainter &painter, const QRectF &rect, const HeatMapData &data, const ChartStyle &style);

// The height a heat map needs at `width`: partner names wrap onto up to three lines.
qreal heatMapHeight(const HeatMapData &data, const ChartStyle &style, qreal width);

// The height a radar chart wants at `width` (the chart is a little wider than tall, plus its key).
qreal radarHeight(const RadarData &data, const ChartStyle &style, qreal width);

}  // namespace hicm::report
