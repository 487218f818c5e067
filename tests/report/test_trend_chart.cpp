// The trend charts (src/report/trendchart.h): built from a core trend, and painted inside their rect
// with both series visible and told apart.
#include "../unit/exchange_support.h"
#include "trend.h"
#include "trendchart.h"

#include <catch2/catch.hpp>

#include <QFont>
#include <QImage>
#include <QPainter>

using namespace hicm;
using namespace hicm::test;

namespace {

Trend northTrend()
{
    const auto mini = frameworkFile(miniFrameworkFile());
    const auto ed2 = frameworkFile(edition2File());
    return buildTrend({{fixtureAssessment("compare/north-2024.json"), mini},
                       {fixtureAssessment("compare/north-2025.json"), mini},
                       {fixtureAssessment("compare/north-2026-edition2.json"), ed2}},
                      "North Shire");
}

// Paints `data` on a white image as wide as `width`, as tall as the chart wants.
QImage paint(const report::TrendChartData &data, int width)
{
    QImage probe(1, 1, QImage::Format_RGB32);
    QFont font;
    font.setPointSizeF(9);
    const report::ChartStyle style = report::ChartStyle::forDevice(probe, font);
    const int height = int(std::ceil(report::trendHeight(data, style, width)));
    QImage image(width, height + 20, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    report::paintTrend(p, QRectF(0, 0, width, height), data, style);
    p.end();
    return image;
}

int countNear(const QImage &image, QColor colour, int fromRow = 0)
{
    int n = 0;
    for (int y = fromRow; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) < 12 && std::abs(c.green() - colour.green()) < 12 &&
                std::abs(c.blue() - colour.blue()) < 12)
                ++n;
        }
    return n;
}

} // namespace

TEST_CASE("trend chart: one panel per feature with the agreed level and the target", "[trend][chart]")
{
    const auto ed2 = frameworkFile(edition2File());
    const report::TrendChartData d = report::trendLevelChart(northTrend(), ed2.get());
    REQUIRE(d.xLabels == std::vector<QString>{"2024-05-01", "2025-05-01", "2026-05-01"});
    REQUIRE(d.panels.size() == 4);
    CHECK(d.panels[0].title == "B1 Access");
    CHECK(d.panels[3].title == "B4 Discharge");
    REQUIRE(d.panels[0].series.size() == 2);
    CHECK(d.panels[0].series[0].role == report::SeriesRole::Agreed);
    CHECK(d.panels[0].series[0].values == std::vector<std::optional<double>>{1, 2, 3});
    CHECK(d.panels[0].series[1].role == report::SeriesRole::Target);
    CHECK(d.panels[3].series[0].values == std::vector<std::optional<double>>{std::nullopt, std::nullopt, 1});
    CHECK(d.levelLabels.front() == "1 Not yet established");

    const QImage image = paint(d, 700);
    image.save(QString::fromStdString(std::filesystem::temp_directory_path().string() + "/hicm-trend-levels.png"));
    CHECK(countNear(image, QColor(0x08, 0x51, 0x9c)) > 100); // the agreed lines and markers
    CHECK(countNear(image, QColor(0xb4, 0x3c, 0x0a)) > 50);  // the targets
    // Nothing below the chart's own height.
    CHECK(countNear(image, Qt::white, image.height() - 20) == image.width() * 20);
}

TEST_CASE("trend chart: one panel per data item with numbers, on its own scale", "[trend][chart]")
{
    const report::TrendChartData d = report::trendMetricChart(northTrend());
    REQUIRE(d.panels.size() == 3);
    CHECK_FALSE(d.levels);
    CHECK(d.panels[0].title == "B1.M1 Referrals per month (per month)");
    CHECK(d.panels[1].series[0].values == std::vector<std::optional<double>>{std::nullopt, std::nullopt, 5});
    const QImage image = paint(d, 500);
    image.save(QString::fromStdString(std::filesystem::temp_directory_path().string() + "/hicm-trend-metrics.png"));
    CHECK(countNear(image, QColor(0x08, 0x51, 0x9c)) > 50);

    // Narrower: more rows, taller.
    QImage probe(1, 1, QImage::Format_RGB32);
    const auto style = report::ChartStyle::forDevice(probe, QFont());
    CHECK(report::trendHeight(d, style, 300) > report::trendHeight(d, style, 900));
    // An empty chart paints nothing and wants no room but its key.
    report::TrendChartData empty;
    CHECK(report::trendHeight(empty, style, 400) == 0);
}
