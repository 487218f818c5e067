// Feeds the Results screen's chart views with the report's chart painters (src/report/charts.h).
#pragma once

#include "assessment.h"
#include "framework.h"

namespace hicm::gui {

class ChartView;

void setResultsCharts(ChartView &radar, ChartView &heatMap, const Framework &framework, const Assessment &assessment,
                      const Assessment *previous);

}  // namespace hicm::gui
