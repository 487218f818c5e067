// Comparing two assessments (compare.h). The JSON is in compare_json.cpp, edition texts in compare_editions.cpp.
#include "compare.h"

#include "text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace hicm {

namespace {

std::string frameworkName(const Framework &fw)
{
    std::string name = fw.meta.title.empty() ? fw.meta.id : fw.meta.title;
    return fw.meta.edition.empty() ? name : name + " (" + fw.meta.edition + ")";
}

AssessmentRef refOf(const Assessment &a, const Framework &fw)
{
    return {a.id, a.area, a.title, a.date, frameworkName(fw)};
}

std::string levelWords(const Feature *feature, const Framework &fw, int level)
{
    std::string label;
    if (feature)
        if (const FeatureLevel *fl = feature->level(level))
            label = fl->label.text;
    if (label.empty())
        if (const Level *l = fw.level(level))
            label = l->label.text;
    return std::to_string(level) + (label.empty() ? "" : " " + label);
}

MetricChange metricChange(const std::string &id, const std::string &label, const MetricValue *before,
                          const MetricValue *after)
{
    MetricChange m;
    m.metricId = id;
    m.label = label;
    if (before)
        m.before = *before;
    if (after)
        m.after = *after;
    if (!before) {
        m.direction = MetricDirection::Added;
        return m;
    }
    if (!after) {
        m.direction = MetricDirection::Removed;
        return m;
    }
    const bool sameUnit = folded(before->unit) == folded(after->unit);
    const auto nb = parseMetricNumber(before->value), na = parseMetricNumber(after->value);
    if (nb && na && sameUnit) {
        m.difference = *na - *nb;
        m.direction = *na > *nb ? MetricDirection::Up : *na < *nb ? MetricDirection::Down : MetricDirection::Same;
    } else {
        m.direction = sameUnit && trimmed(before->value) == trimmed(after->value) ? MetricDirection::Same
                                                                                  : MetricDirection::Changed;
    }
    return m;
}

const MetricValue *findMetric(const FeatureAssessment *f, const std::string &id)
{
    if (!f)
        return nullptr;
    for (const auto &m : f->metrics)
        if (m.metricId == id && !trimmed(m.value).empty())
            return &m;
    return nullptr;
}

std::vector<MetricChange> metricChanges(const Feature &later, const Feature *earlier, const FeatureAssessment *before,
                                        const FeatureAssessment *after)
{
    std::vector<std::pair<std::string, std::string>> items; // id, label: the later edition's first
    for (const auto &item : later.dataToUse)
        items.emplace_back(item.id, item.text.text);
    if (earlier)
        for (const auto &item : earlier->dataToUse)
            if (!later.metric(item.id))
                items.emplace_back(item.id, item.text.text);
    std::vector<MetricChange> out;
    for (const auto &[id, label] : items) {
        const MetricValue *b = findMetric(before, id), *a = findMetric(after, id);
        if (b || a)
            out.push_back(metricChange(id, label, b, a));
    }
    return out;
}

std::vector<RecommendedRef> recommended(const Prioritisation &p)
{
    std::vector<RecommendedRef> out;
    for (const auto &c : p.changes)
        out.push_back({c.id, c.title, c.rank, c.phase, c.score});
    return out;
}

void compareActions(const Assessment &before, const Assessment &after, Comparison &c)
{
    std::map<std::string, const Action *> earlier;
    for (const auto &ac : before.actions)
        earlier.emplace(folded(ac.text), &ac);
    std::set<std::string> doneNow;
    for (const auto &ac : after.actions) {
        if (ac.status != ActionStatus::Done)
            continue;
        const std::string key = folded(ac.text);
        doneNow.insert(key);
        auto it = earlier.find(key);
        if (it != earlier.end() && it->second->status == ActionStatus::Done)
            continue; // already done then: not completed since
        c.actionsCompleted.push_back({ac.text, ac.change, ac.feature, ac.owner, it != earlier.end()});
    }
    for (const auto &ac : before.actions)
        if (ac.status != ActionStatus::Done && !doneNow.count(folded(ac.text)))
            c.stillOpen.push_back(ac.text);
}

std::string movedSentence(const FeatureComparison &f, const Feature *feature, const Framework &fw)
{
    std::string s = f.featureId + " " + f.title + ": ";
    if (f.levelBefore && f.levelAfter)
        s += std::string(f.delta() > 0 ? "up" : "down") + " from " + levelWords(feature, fw, *f.levelBefore) + " to " +
             levelWords(feature, fw, *f.levelAfter) + ".";
    else if (f.levelAfter)
        s += "agreed at " + levelWords(feature, fw, *f.levelAfter) + " (not agreed before).";
    else
        s += "was agreed at " + levelWords(feature, fw, *f.levelBefore) + "; not agreed now.";
    if (!f.levelAfter)
        return s;
    const std::string why = trimmed(f.rationaleAfter);
    return s + (why.empty() ? " No rationale was recorded." : " Why: " + why);
}

} // namespace

std::optional<double> parseMetricNumber(const std::string &value)
{
    std::string s = trimmed(value);
    for (const char *prefix : {"\xC2\xA3", "$", "\xE2\x82\xAC"}) // £ $ €
        if (s.rfind(prefix, 0) == 0)
            s = trimmed(s.substr(std::string(prefix).size()));
    if (!s.empty() && s.back() == '%')
        s = trimmed(s.substr(0, s.size() - 1));
    std::string digits;
    for (std::size_t i = 0; i < s.size(); ++i) {
        // A comma between digits groups thousands; anywhere else it is not a number.
        if (s[i] == ',' && i > 0 && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
            std::isdigit(static_cast<unsigned char>(s[i + 1])))
            continue;
        digits += s[i];
    }
    if (!digits.empty() && digits.front() == '+')
        digits.erase(0, 1);
    if (digits.empty())
        return std::nullopt;
    double v = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

bool sameArea(const std::string &a, const std::string &b)
{
    return folded(a) == folded(b);
}

int Comparison::movedUp() const
{
    return static_cast<int>(
        std::count_if(features.begin(), features.end(), [](const auto &f) { return f.delta() > 0; }));
}

int Comparison::movedDown() const
{
    return static_cast<int>(
        std::count_if(features.begin(), features.end(), [](const auto &f) { return f.delta() < 0; }));
}

Comparison compareAssessments(const Framework &fwBefore, const Assessment &before, const Framework &fwAfter,
                              const Assessment &after)
{
    Comparison c;
    c.before = refOf(before, fwBefore);
    c.after = refOf(after, fwAfter);
    if (!sameArea(before.area, after.area))
        c.warnings.push_back("the assessments are of different areas (\"" + before.area + "\" and \"" + after.area +
                             "\"): the comparison is of two systems, not of one over time");
    if (!before.date.empty() && !after.date.empty() && before.date > after.date)
        c.warnings.push_back("the earlier assessment (" + before.date + ") is dated after the later one (" +
                             after.date + ")");
    c.editions = compareEditions(fwBefore, fwAfter);
    if (c.editions.differs)
        c.warnings.push_back("the assessments were scored against different framework editions (" + c.editions.before +
                             " and " + c.editions.after + "): they are compared on the features both have");

    for (const auto &feature : fwAfter.features) {
        const Feature *earlier = fwBefore.feature(feature.id);
        if (!earlier)
            continue;
        const FeatureAssessment *b = before.feature(feature.id), *a = after.feature(feature.id);
        FeatureComparison f;
        f.featureId = feature.id;
        f.title = feature.title.text;
        if (b) {
            f.levelBefore = b->agreedLevel;
            f.targetBefore = b->targetLevel;
        }
        if (a) {
            f.levelAfter = a->agreedLevel;
            f.targetAfter = a->targetLevel;
            f.rationaleAfter = a->rationale;
        }
        f.effectiveTargetBefore = f.targetBefore.value_or(fwBefore.topLevel());
        f.effectiveTargetAfter = f.targetAfter.value_or(fwAfter.topLevel());
        f.metrics = metricChanges(feature, earlier, b, a);
        c.features.push_back(std::move(f));
    }

    const Prioritisation pb = prioritise(fwBefore, before), pa = prioritise(fwAfter, after);
    c.recommendedBefore = recommended(pb);
    c.recommendedAfter = recommended(pa);
    auto has = [](const std::vector<RecommendedRef> &list, const std::string &id) {
        return std::any_of(list.begin(), list.end(), [&](const auto &r) { return r.id == id; });
    };
    for (const auto &r : c.recommendedAfter)
        if (!has(c.recommendedBefore, r.id))
            c.newlyRecommended.push_back(r.id);
    for (const auto &r : c.recommendedBefore)
        if (!has(c.recommendedAfter, r.id))
            c.noLongerRecommended.push_back(r.id);

    compareActions(before, after, c);

    std::vector<const FeatureComparison *> moved;
    for (const auto &f : c.features)
        if (f.moved())
            moved.push_back(&f);
    std::stable_sort(moved.begin(), moved.end(), [](const auto *x, const auto *y) {
        const bool bothX = x->levelBefore && x->levelAfter, bothY = y->levelBefore && y->levelAfter;
        if (bothX != bothY)
            return bothX;
        return std::abs(x->delta()) > std::abs(y->delta());
    });
    for (const auto *f : moved)
        c.whatMoved.push_back(movedSentence(*f, fwAfter.feature(f->featureId), fwAfter));
    return c;
}

} // namespace hicm
