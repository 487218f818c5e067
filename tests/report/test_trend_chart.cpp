// The trend charts (src/report/trendchart.h): built from a core trend, and painted inside their rect
// with both series visible and told apart.
#include "../unit/exchange_support.h"
#include "trend.h"
#include "trendchart.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <QXmlStreamReader>

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

// The text a chart paints, line by line: painted into SVG, where each line is a <text> element.
std::vector<QString> textPainted(const report::TrendChartData &d, int pixels, int width, qreal *height)
{
    QBuffer svg;
    svg.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&svg);
    generator.setResolution(96);
    generator.setSize(QSize(width, 2000));
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(pixels);
    const auto style = report::ChartStyle::forDevice(generator, font);
    *height = report::trendHeight(d, style, width);
    {
        QPainter p(&generator);
        report::paintTrend(p, QRectF(0, 0, width, *height), d, style);
    }
    std::vector<QString> texts;
    QXmlStreamReader xml(svg.data());
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
            texts.push_back(xml.readElementText());
    return texts;
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

TEST_CASE("trend chart: a feature's whole name over its panel, on up to three lines", "[trend][chart]")
{
    // While presenting, the trend cut "B6 Creating the right environment for intermediate care" and
    // "B7 Managing the intermediate care resource together" to two lines ending in "…", with room to
    // spare below the charts.
    report::TrendChartData d;
    d.xLabels = {QStringLiteral("2025-10-01"), QStringLiteral("2026-04-01"), QStringLiteral("2026-11-20")};
    d.levelLabels = {QStringLiteral("1 Not yet established"), QStringLiteral("2 Developing"), QStringLiteral("3 Exemplar")};
    const std::vector<QString> titles = {QStringLiteral("B1 Access to intermediate care"),
                                         QStringLiteral("B6 Creating the right environment for intermediate care"),
                                         QStringLiteral("B7 Managing the intermediate care resource together"),
                                         QStringLiteral("B8 Reviewing data regularly")};
    for (const auto &title : titles)
        d.panels.push_back({title, {{QStringLiteral("Agreed level"), report::SeriesRole::Agreed, {1, 2, 1}}}});
    for (int pixels : {12, 18, 22}) {
        for (int width : {700, 1000, 1250}) {
            INFO("font " << pixels << " px, " << width << " px wide");
            qreal height = 0;
            const std::vector<QString> texts = textPainted(d, pixels, width, &height);
            REQUIRE_FALSE(texts.empty());
            QString all;
            for (const auto &text : texts) {
                CHECK_FALSE(text.contains(QChar(0x2026)));
                all += text + QLatin1Char(' ');
            }
            // Every word of every title, in order.
            for (const auto &title : titles) {
                qsizetype from = 0;
                for (const auto &word : title.split(QLatin1Char(' '))) {
                    const qsizetype at = all.indexOf(word, from);
                    CHECK(at >= 0);
                    from = at < 0 ? from : at + word.size();
                }
            }
        }
    }
}
