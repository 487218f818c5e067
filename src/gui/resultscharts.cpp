#include "resultscharts.h"

#include "chartview.h"
#include "charts.h"
#include "prioritisation.h"
#include "report_data.h"

#include <QCoreApplication>
#include <QPainter>
#include <QStringList>

#include <memory>

namespace hicm::gui {

void setResultsCharts(ChartView &radar, ChartView &heatMap, const Framework &framework, const Assessment &assessment,
                      const Assessment *previous)
{
    const Prioritisation result = prioritise(framework, assessment);
    const QString previousName =
        previous ? QCoreApplication::translate("Results", "Previous (%1)").arg(QString::fromStdString(previous->date)) : QString();
    auto radarData = std::make_shared<report::RadarData>(report::radarFor(framework, result, previous, previousName));
    auto heatData = std::make_shared<report::HeatMapData>(report::heatMapFor(framework, assessment, result));

    QStringList radarText;
    for (std::size_t i = 0; i < radarData->axes.size(); ++i) {
        QStringList values;
        for (const auto &series : radarData->series)
            values << series.name + " " +
                          (series.values[i] ? QString::number(*series.values[i]) : QCoreApplication::translate("Results", "none"));
        radarText << radarData->axes[i].id + ": " + values.join(", ");
    }
    radar.setChart(
        [radarData, &radar](QPainter &p, const QRectF &rect) {
            report::paintRadar(p, rect, *radarData, report::ChartStyle::forDevice(radar, radar.font()));
        },
        radarText.join("; "));

    QStringList heatText;
    for (std::size_t r = 0; r < heatData->rows.size(); ++r) {
        QStringList cells;
        for (std::size_t c = 0; c < heatData->columns.size(); ++c)
            cells << heatData->columns[c] + " " +
                         (heatData->cells[r][c] ? QString::number(*heatData->cells[r][c]) : QStringLiteral("—"));
        heatText << heatData->rows[r] + ": " + cells.join(", ");
    }
    heatMap.setChart(
        [heatData, &heatMap](QPainter &p, const QRectF &rect) {
            report::paintHeatMap(p, rect, *heatData, report::ChartStyle::forDevice(heatMap, heatMap.font()));
        },
        heatText.join("; "));
}

}  // namespace hicm::gui
