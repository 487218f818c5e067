// The JSON of a comparison (compare.h; keys in docs/cli.md, "compare").
#include "compare.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace hicm {

using nlohmann::json;

const char *toString(MetricDirection d)
{
    switch (d) {
    case MetricDirection::Up:
        return "up";
    case MetricDirection::Down:
        return "down";
    case MetricDirection::Same:
        return "same";
    case MetricDirection::Changed:
        return "changed";
    case MetricDirection::Added:
        return "added";
    case MetricDirection::Removed:
        return "removed";
    }
    return "changed";
}

namespace {

json level(const std::optional<int> &v)
{
    return v ? json(*v) : json(nullptr);
}

// Rounded to at most six decimals, integers as integers: 0.1 + 0.2 reads 0.3.
json number(double v)
{
    const double r = std::round(v * 1e6) / 1e6;
    if (r == std::floor(r) && std::abs(r) < 1e15)
        return static_cast<long long>(r);
    return r;
}

json metricValue(const std::optional<MetricValue> &m)
{
    if (!m)
        return nullptr;
    return {{"value", m->value}, {"unit", m->unit}, {"period", m->period}, {"source", m->source}};
}

json ref(const AssessmentRef &r)
{
    return {{"id", r.id}, {"area", r.area}, {"title", r.title}, {"date", r.date}, {"framework", r.framework}};
}

json recommended(const std::vector<RecommendedRef> &list)
{
    json out = json::array();
    for (const auto &r : list) {
        const double score = std::round(r.score * 100.0) / 100.0;
        out.push_back({{"id", r.id},
                       {"title", r.title},
                       {"rank", r.rank},
                       {"phase", toString(r.phase)},
                       {"score", score == std::floor(score) ? json(static_cast<long long>(score)) : json(score)}});
    }
    return out;
}

} // namespace

json compareToJson(const Comparison &c)
{
    json features = json::array();
    for (const auto &f : c.features) {
        json metrics = json::array();
        for (const auto &m : f.metrics)
            metrics.push_back({{"id", m.metricId},
                               {"label", m.label},
                               {"before", metricValue(m.before)},
                               {"after", metricValue(m.after)},
                               {"direction", toString(m.direction)},
                               {"difference", m.difference ? number(*m.difference) : json(nullptr)}});
        features.push_back({{"feature", f.featureId},
                            {"title", f.title},
                            {"level_before", level(f.levelBefore)},
                            {"level_after", level(f.levelAfter)},
                            {"delta", f.levelBefore && f.levelAfter ? json(f.delta()) : json(nullptr)},
                            {"moved", f.moved()},
                            {"target_before", f.effectiveTargetBefore},
                            {"target_after", f.effectiveTargetAfter},
                            {"target_changed", f.targetChanged()},
                            {"rationale", f.rationaleAfter},
                            {"metrics", metrics}});
    }
    json completed = json::array();
    for (const auto &a : c.actionsCompleted)
        completed.push_back({{"text", a.text},
                             {"change", a.change.empty() ? json(nullptr) : json(a.change)},
                             {"feature", a.feature.empty() ? json(nullptr) : json(a.feature)},
                             {"owner", a.owner},
                             {"from_earlier_plan", a.fromEarlierPlan}});
    json texts = json::array();
    for (const auto &t : c.editions.changedTexts)
        texts.push_back({{"feature", t.featureId},
                         {"what", t.what},
                         {"before", t.before.empty() ? json(nullptr) : json(t.before)},
                         {"after", t.after.empty() ? json(nullptr) : json(t.after)}});
    return json{
        {"before", ref(c.before)},
        {"after", ref(c.after)},
        {"warnings", c.warnings},
        {"summary", {{"moved_up", c.movedUp()}, {"moved_down", c.movedDown()}, {"features", c.features.size()}}},
        {"features", features},
        {"recommended_before", recommended(c.recommendedBefore)},
        {"recommended_after", recommended(c.recommendedAfter)},
        {"newly_recommended", c.newlyRecommended},
        {"no_longer_recommended", c.noLongerRecommended},
        {"actions_completed", completed},
        {"still_open", c.stillOpen},
        {"what_moved", c.whatMoved},
        {"editions",
         {{"differs", c.editions.differs},
          {"before", c.editions.before},
          {"after", c.editions.after},
          {"changed_texts", texts},
          {"only_before", c.editions.onlyBefore},
          {"only_after", c.editions.onlyAfter}}}};
}

} // namespace hicm
