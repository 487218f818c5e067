// Comparing two assessments (then and now), each with the framework edition it was scored against:
// what moved, targets, metrics, the recommended changes then and now, the actions completed since, and
// which framework texts changed between editions. Qt-free and pure. The JSON is documented in
// docs/cli.md ("compare").
#pragma once

#include "assessment.h"
#include "framework.h"
#include "prioritisation.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace hicm {

// A metric value as a number, when it reads as one: "12", "-3.5", "1,234", "45%", "£1,200", " 7 ".
std::optional<double> parseMetricNumber(const std::string &value);

// True when two area names name the same area (case and surrounding white space ignored).
bool sameArea(const std::string &a, const std::string &b);

enum class MetricDirection { Up, Down, Same, Changed, Added, Removed };
const char *toString(MetricDirection d); // "up", "down", "same", "changed", "added", "removed"

struct MetricChange {
    std::string metricId;
    std::string label; // the data item's text in the later edition (or the earlier one)
    std::optional<MetricValue> before;
    std::optional<MetricValue> after;
    MetricDirection direction = MetricDirection::Same;
    std::optional<double> difference; // after - before, when both are numbers in the same unit
};

struct FeatureComparison {
    std::string featureId;
    std::string title;                            // in the later edition
    std::optional<int> levelBefore, levelAfter;   // agreed levels
    std::optional<int> targetBefore, targetAfter; // as set (nullopt: the top of the scale)
    int effectiveTargetBefore = 0, effectiveTargetAfter = 0;
    std::string rationaleAfter;
    std::vector<MetricChange> metrics; // every data item with a value then or now, in the later order

    // Positive: up; negative: down; 0 when the same or either is not agreed.
    int delta() const { return levelBefore && levelAfter ? *levelAfter - *levelBefore : 0; }
    bool moved() const { return levelBefore != levelAfter; }
    bool targetChanged() const { return effectiveTargetBefore != effectiveTargetAfter; }
};

struct RecommendedRef {
    std::string id;
    std::string title;
    int rank = 0;
    Phase phase = Phase::StartNow;
    double score = 0;
};

struct CompletedAction {
    std::string text;
    std::string change;
    std::string feature;
    std::string owner;
    bool fromEarlierPlan = false; // the earlier plan had it (matched by text), not done then
};

// One text that differs between two framework editions, for a feature both have.
struct TextChange {
    std::string featureId;
    std::string what;   // "title", "level 2 descriptor", "data item B1.M2", "targeted action B1.T1"
    std::string before; // empty: not in the earlier edition
    std::string after;  // empty: not in the later edition
};

struct EditionDifference {
    bool differs = false;
    std::string before, after; // "Title (edition)"
    std::vector<TextChange> changedTexts;
    std::vector<std::string> onlyBefore; // "B9 Title": features only the earlier edition has
    std::vector<std::string> onlyAfter;
};

struct AssessmentRef {
    std::int64_t id = 0;
    std::string area;
    std::string title;
    std::string date;
    std::string framework; // "Title (edition)"
};

struct Comparison {
    AssessmentRef before, after;
    std::vector<std::string> warnings;       // different areas, dates out of order, different editions
    std::vector<FeatureComparison> features; // the features both editions have, in the later order
    std::vector<RecommendedRef> recommendedBefore, recommendedAfter;
    std::vector<std::string> newlyRecommended, noLongerRecommended; // change ids
    std::vector<CompletedAction> actionsCompleted;
    std::vector<std::string> stillOpen; // texts of the earlier plan's actions not done then or now
    std::vector<std::string> whatMoved; // sentences: the features that moved, largest first, and why
    EditionDifference editions;

    int movedUp() const;
    int movedDown() const;
};

// Compares `before` (then) with `after` (now).
Comparison compareAssessments(const Framework &frameworkBefore, const Assessment &before,
                              const Framework &frameworkAfter, const Assessment &after);

// The texts that differ between two editions, for the features both have, and the features only one has.
EditionDifference compareEditions(const Framework &before, const Framework &after);

nlohmann::json compareToJson(const Comparison &comparison);

} // namespace hicm
