// Trend: all assessments of one area in date order, each feature's agreed level over time and the
// numeric metric values over time. Qt-free and pure. The JSON is documented in docs/cli.md ("trend").
#pragma once

#include "assessment.h"
#include "framework.h"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hicm {

// An assessment with the framework edition it was scored against.
struct ScoredAssessment {
    Assessment assessment;
    std::shared_ptr<const Framework> framework;
};

struct TrendPoint {
    std::int64_t id = 0;
    std::string date;
    std::string title;
    std::string framework; // "Title (edition)"
};

struct FeatureTrend {
    std::string featureId;
    std::string title;                       // in the latest edition that has the feature
    std::vector<std::optional<int>> levels;  // agreed level, one per point (nullopt: not agreed or not in that edition)
    std::vector<std::optional<int>> targets; // effective target, one per point (nullopt: not in that edition)
};

struct MetricTrend {
    std::string featureId;
    std::string metricId;
    std::string label;
    std::string unit;                          // the unit of the values shown (the most recent one given)
    std::vector<std::optional<double>> values; // one per point; nullopt: none, not a number, or another unit
    std::vector<std::string> raw;              // the values as recorded ("" when none)
};

struct Trend {
    std::string area;                   // as written in the latest assessment (trimmed)
    std::vector<TrendPoint> points;     // by date, then id
    int minLevel = 1, maxLevel = 3;     // the widest scale among the editions
    std::vector<FeatureTrend> features; // the latest edition's order, then features only older ones had
    std::vector<MetricTrend> metrics;   // data items with at least one numeric value, feature order
    std::vector<std::string> notes;     // values left out (not numbers, another unit), editions changing
};

// The trend of the assessments in `all` whose area is `area` (sameArea(): case and surrounding white
// space ignored). Assessments without a framework are skipped.
Trend buildTrend(const std::vector<ScoredAssessment> &all, const std::string &area);

nlohmann::json trendToJson(const Trend &trend);

} // namespace hicm
