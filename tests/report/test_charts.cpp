// The chart painters shared by the screen and the report: they paint, they keep the level order in
// greyscale, and they cope with odd data.
#include "charts.h"
#include "compare.h"
#include "report_data.h"
#include "report_test_support.h"

#include <QImage>
#include <QPainter>

using namespace hicm;
using namespace hicm::report;
using namespace hicm::test;

namespace {

QImage canvas(int w, int h)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(Qt::white);
    return image;
}

int inked(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += image.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
    return n;
}

qreal grey(const QColor &c)
{
    return 0.299 * c.redF() + 0.587 * c.greenF() + 0.114 * c.blueF();
}

}  // namespace

TEST_CASE("level colours get darker with the level, and their ink reads on them", "[charts]")
{
    for (int top : {3, 4, 5}) {
        for (int level = 1; level < top; ++level) {
            INFO("levels 1.." << top << ", level " << level);
            CHECK(grey(levelFill(level, 1, top)) > grey(levelFill(level + 1, 1, top)) + 0.12);
        }
        for (int level = 1; level <= top; ++level)
            CHECK(std::abs(grey(levelInk(level, 1, top)) - grey(levelFill(level, 1, top))) > 0.38);
    }
}

TEST_CASE("the radar and the heat map paint the sample assessment", "[charts]")
{
    const Framework &fw = bundledFramework();
    const Assessment now = sampleAssessment(fw);
    const Assessment before = sampleAssessment(fw, true);
    const Prioritisation p = prioritise(fw, now);
    QImage image = canvas(800, 600);
    const ChartStyle style = ChartStyle::forDevice(image, QFont(QStringLiteral("Liberation Sans"), 9));
    CHECK(style.font.pixelSize() > 0);

    const Comparison cmp = compareAssessments(fw, before, fw, now);
    const RadarData radar = radarFor(fw, p, &cmp, QStringLiteral("Previous"));
    REQUIRE(radar.axes.size() == fw.features.size());
    REQUIRE(radar.series.size() == 3);
    CHECK(radar.series[0].values[0] == std::optional<double>(*now.features[0].agreedLevel));
    // The previous series is the agreed level then, axis by axis (the core's comparison, matched by id).
    for (std::size_t i = 0; i < radar.axes.size(); ++i) {
        const FeatureAssessment *then = before.feature(radar.axes[i].id.toStdString());
        CHECK(radar.series[2].values[i] ==
              (then && then->agreedLevel ? std::optional<double>(*then->agreedLevel) : std::nullopt));
    }
    CHECK(radarFor(fw, p, nullptr, QString()).series.size() == 2);
    {
        QPainter painter(&image);
        paintRadar(painter, QRectF(0, 0, 800, 600), radar, style);
    }
    CHECK(inked(image) > 20000);

    const HeatMapData heat = heatMapFor(fw, now, p);
    REQUIRE(heat.rows.size() == now.partners.size());
    CHECK(heat.rows[4] == QString::fromStdString(kHostilePartner));
    CHECK(heat.cells[0][0] == std::optional<int>(now.features[0].partnerLevels[0].level));
    CHECK(std::count(heat.flagged.begin(), heat.flagged.end(), true) == 2);
    const qreal h = heatMapHeight(heat, style, 800);
    HeatMapData more = heat;
    more.rows.push_back(QStringLiteral("One more partner"));
    more.cells.push_back(std::vector<std::optional<int>>(heat.columns.size()));
    CHECK(heatMapHeight(more, style, 800) > h);
    QImage map = canvas(800, int(h) + 1);
    {
        QPainter painter(&map);
        paintHeatMap(painter, QRectF(0, 0, 800, h), heat, style);
    }
    CHECK(inked(map) > 40000);
    // The darkest cell colour is there: a level 3 cell was painted.
    bool dark = false;
    for (int y = 0; y < map.height() && !dark; ++y)
        for (int x = 0; x < map.width() && !dark; ++x)
            dark = map.pixelColor(x, y) == levelFill(3, 1, 3);
    CHECK(dark);
}

TEST_CASE("charts cope with too little data", "[charts]")
{
    QImage image = canvas(300, 200);
    const ChartStyle style = ChartStyle::forDevice(image, QFont(QStringLiteral("Liberation Sans"), 9));
    QPainter painter(&image);
    RadarData twoAxes;
    twoAxes.axes = {{QStringLiteral("A"), {}}, {QStringLiteral("B"), {}}};
    paintRadar(painter, QRectF(0, 0, 300, 200), twoAxes, style);  // fewer than three axes: nothing
    RadarData gaps;
    gaps.axes = {{QStringLiteral("A"), {}}, {QStringLiteral("B"), {}}, {QStringLiteral("C"), {}}};
    gaps.series = {{SeriesRole::Agreed, QStringLiteral("Agreed"), {1.0, std::nullopt}}};  // short and broken
    paintRadar(painter, QRectF(0, 0, 300, 200), gaps, style);
    HeatMapData empty;
    paintHeatMap(painter, QRectF(0, 0, 300, 200), empty, style);
    CHECK(heatMapHeight(empty, style, 300) > 0);
    painter.end();
    CHECK(inked(image) > 0);
}

TEST_CASE("the radar keeps its key inside its rect whatever the pane", "[charts]")
{
    // The compare page while presenting drew the key at the width of the chart, narrower than the pane
    // it had measured the key for: the key's last line ("Rings: 1 Not yet established · …") fell below
    // the pane's edge, cut in half, and ran past its right edge.
    const Framework &fw = bundledFramework();
    const Assessment now = sampleAssessment(fw);
    const Assessment before = sampleAssessment(fw, true);
    const Prioritisation p = prioritise(fw, now);
    const Comparison cmp = compareAssessments(fw, before, fw, now);
    const RadarData radar = radarFor(fw, p, &cmp, QStringLiteral("Then (2026-04-01)"));
    for (int pixels : {12, 16, 21, 26}) {
        for (int width : {300, 480, 620, 900}) {
            for (int height : {400, 560, 700}) {
                INFO("font " << pixels << " px, rect " << width << " x " << height);
                QImage image = canvas(width + 40, height + 40);
                QFont font(QStringLiteral("DejaVu Sans"));
                font.setPixelSize(pixels);
                ChartStyle style = ChartStyle::forDevice(image, font);
                {
                    QPainter painter(&image);
                    paintRadar(painter, QRectF(0, 0, width, height), radar, style);
                }
                int outside = 0;  // below the rect or right of it
                for (int y = 0; y < image.height(); ++y)
                    for (int x = 0; x < image.width(); ++x)
                        if (y > height || x > width)
                            outside += image.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
                CHECK(outside == 0);
            }
        }
    }
}
