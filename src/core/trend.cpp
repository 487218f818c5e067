// Trend over the assessments of one area (trend.h).
#include "trend.h"

#include "compare.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace hicm {

using nlohmann::json;

namespace {

std::string editionName(const Framework &fw)
{
    std::string name = fw.meta.title.empty() ? fw.meta.id : fw.meta.title;
    return fw.meta.edition.empty() ? name : name + " (" + fw.meta.edition + ")";
}

std::string unitKey(const std::string &unit)
{
    std::string out;
    for (unsigned char c : unit)
        if (!std::isspace(c))
            out += static_cast<char>(std::tolower(c));
    return out;
}

// One data item over time: the latest unit decides which values are comparable.
MetricTrend metricTrend(const std::vector<const ScoredAssessment *> &items, const std::string &featureId,
                        const std::string &metricId, const std::string &label, std::vector<std::string> &notes)
{
    MetricTrend t;
    t.featureId = featureId;
    t.metricId = metricId;
    t.label = label;
    std::vector<const MetricValue *> values;
    for (const auto *s : items) {
        const MetricValue *found = nullptr;
        if (const FeatureAssessment *f = s->assessment.feature(featureId))
            for (const auto &m : f->metrics)
                if (m.metricId == metricId && m.value.find_first_not_of(" \t\r\n") != std::string::npos)
                    found = &m;
        values.push_back(found);
        if (found && parseMetricNumber(found->value))
            t.unit = found->unit;
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        const MetricValue *m = values[i];
        t.raw.push_back(m ? m->value : std::string());
        if (!m) {
            t.values.emplace_back();
            continue;
        }
        auto number = parseMetricNumber(m->value);
        const std::string when = items[i]->assessment.date.empty()
                                     ? "assessment " + std::to_string(items[i]->assessment.id)
                                     : items[i]->assessment.date;
        if (!number)
            notes.push_back(metricId + " on " + when + ": \"" + m->value + "\" is not a number; not charted");
        else if (unitKey(m->unit) != unitKey(t.unit)) {
            notes.push_back(metricId + " on " + when + ": recorded in \"" + m->unit + "\", not \"" + t.unit +
                            "\"; not charted");
            number.reset();
        }
        t.values.push_back(number);
    }
    return t;
}

} // namespace

Trend buildTrend(const std::vector<ScoredAssessment> &all, const std::string &area)
{
    Trend t;
    std::vector<const ScoredAssessment *> items;
    for (const auto &s : all)
        if (s.framework && sameArea(s.assessment.area, area))
            items.push_back(&s);
    std::stable_sort(items.begin(), items.end(), [](const auto *x, const auto *y) {
        if (x->assessment.date != y->assessment.date)
            return x->assessment.date < y->assessment.date;
        return x->assessment.id < y->assessment.id;
    });
    t.area = items.empty() ? area : items.back()->assessment.area;
    t.area.erase(0, t.area.find_first_not_of(" \t\r\n"));
    t.area.erase(t.area.find_last_not_of(" \t\r\n") + 1);
    if (items.empty())
        return t;
    t.minLevel = items.front()->framework->levels.empty() ? 1 : items.front()->framework->levels.front().id;
    t.maxLevel = items.front()->framework->topLevel();
    for (const auto *s : items) {
        t.points.push_back({s->assessment.id, s->assessment.date, s->assessment.title, editionName(*s->framework)});
        if (!s->framework->levels.empty())
            t.minLevel = std::min(t.minLevel, s->framework->levels.front().id);
        t.maxLevel = std::max(t.maxLevel, s->framework->topLevel());
    }
    for (std::size_t i = 1; i < items.size(); ++i)
        if (items[i]->framework->contentHash != items[i - 1]->framework->contentHash)
            t.notes.push_back("from " +
                              (items[i]->assessment.date.empty()
                                   ? "assessment " + std::to_string(items[i]->assessment.id)
                                   : items[i]->assessment.date) +
                              " the assessments use " + editionName(*items[i]->framework) +
                              " (before: " + editionName(*items[i - 1]->framework) + ")");

    // Features and data items: the latest edition's order first, then those only older editions had.
    std::vector<std::pair<const Feature *, std::string>> features; // the newest definition of each
    std::set<std::string> seen;
    for (auto it = items.rbegin(); it != items.rend(); ++it)
        for (const auto &f : (*it)->framework->features)
            if (seen.insert(f.id).second)
                features.emplace_back(&f, f.id);
    for (const auto &[feature, id] : features) {
        FeatureTrend ft;
        ft.featureId = id;
        ft.title = feature->title.text;
        for (const auto *s : items) {
            if (!s->framework->feature(id)) {
                ft.levels.emplace_back();
                ft.targets.emplace_back();
                continue;
            }
            const FeatureAssessment *fa = s->assessment.feature(id);
            ft.levels.push_back(fa ? fa->agreedLevel : std::nullopt);
            ft.targets.push_back(fa && fa->targetLevel ? *fa->targetLevel : s->framework->topLevel());
        }
        t.features.push_back(std::move(ft));

        std::vector<std::pair<std::string, std::string>> metrics; // id, label: newest definition first
        std::set<std::string> seenMetrics;
        for (auto it = items.rbegin(); it != items.rend(); ++it)
            if (const Feature *f = (*it)->framework->feature(id))
                for (const auto &m : f->dataToUse)
                    if (seenMetrics.insert(m.id).second)
                        metrics.emplace_back(m.id, m.text.text);
        for (const auto &[metricId, label] : metrics) {
            std::vector<std::string> notes;
            MetricTrend mt = metricTrend(items, id, metricId, label, notes);
            if (std::any_of(mt.values.begin(), mt.values.end(), [](const auto &v) { return v.has_value(); })) {
                t.notes.insert(t.notes.end(), notes.begin(), notes.end());
                t.metrics.push_back(std::move(mt));
            } else if (std::any_of(mt.raw.begin(), mt.raw.end(), [](const auto &r) { return !r.empty(); })) {
                t.notes.push_back(metricId + " has values but none is a number; not charted");
            }
        }
    }
    return t;
}

json trendToJson(const Trend &t)
{
    json points = json::array();
    for (const auto &p : t.points)
        points.push_back({{"id", p.id}, {"date", p.date}, {"title", p.title}, {"framework", p.framework}});
    auto optionals = [](const auto &values) {
        json out = json::array();
        for (const auto &v : values)
            out.push_back(v ? json(*v) : json(nullptr));
        return out;
    };
    json features = json::array();
    for (const auto &f : t.features)
        features.push_back({{"feature", f.featureId},
                            {"title", f.title},
                            {"levels", optionals(f.levels)},
                            {"targets", optionals(f.targets)}});
    json metrics = json::array();
    for (const auto &m : t.metrics) {
        json values = json::array();
        for (const auto &v : m.values) {
            if (!v)
                values.push_back(nullptr);
            else if (*v == std::floor(*v) && std::abs(*v) < 1e15)
                values.push_back(static_cast<long long>(*v));
            else
                values.push_back(*v);
        }
        metrics.push_back({{"feature", m.featureId},
                           {"metric", m.metricId},
                           {"label", m.label},
                           {"unit", m.unit},
                           {"values", values},
                           {"raw", m.raw}});
    }
    return json{{"area", t.area},       {"assessments", points}, {"min_level", t.minLevel}, {"max_level", t.maxLevel},
                {"features", features}, {"metrics", metrics},    {"notes", t.notes}};
}

} // namespace hicm
