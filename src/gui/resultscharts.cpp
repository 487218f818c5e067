#include "resultscharts.h"

#include "chartview.h"
#include "charts.h"
#include "compare.h"
#include "prioritisation.h"
#include "report_data.h"
#include "report_sink.h"

#include <QCoreApplication>
#include <QPainter>

#include <memory>

namespace hicm::gui {

void setResultsCharts(ChartView &radar, ChartView &heatMap, const Framework &framework, const Assessment &assessment,
                      const Assessment *previous)
{
    const Prioritisation result = prioritise(framework, assessment);
    const QString previousName =
        previous ? QCoreApplication::translate("Results", "Previous (%1)").arg(QString::fromStdString(previous->date)) : QString();
    const std::optional<Comparison> comparison =
        previous ? std::optional<Comparison>(compareAssessments(framework, *previous, framework, assessment)) : std::nullopt;
    auto radarData = std::make_shared<report::RadarData>(
        report::radarFor(framework, result, comparison ? &*comparison : nullptr, previousName));
    auto heatData = std::make_shared<report::HeatMapData>(report::heatMapFor(framework, assessment, result));

    radar.setChart(
        [radarData, &radar](QPainter &p, const QRectF &rect) {
            report::paintRadar(p, rect, *radarData, report::ChartStyle::forDevice(radar, radar.font()));
        },
        report::chartDescription(*radarData));  // the same words as the report's text alternative

    heatMap.setChart(
        [heatData, &heatMap](QPainter &p, const QRectF &rect) {
            report::paintHeatMap(p, rect, *heatData, report::ChartStyle::forDevice(heatMap, heatMap.font()));
        },
        report::chartDescription(*heatData));
}

}  // namespace hicm::gui
