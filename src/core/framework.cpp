#include "framework.h"

#include <algorithm>
#include <cctype>

namespace hicm {

const char *basisName(Basis b)
{
    return b == Basis::App ? "app" : "text";
}

std::vector<std::string> Level::allLabels() const
{
    std::vector<std::string> out{label.text};
    for (const auto &v : label.variants)
        if (std::find(out.begin(), out.end(), v.text) == out.end())
            out.push_back(v.text);
    return out;
}

const FeatureLevel *Feature::level(int levelId) const
{
    for (const auto &l : levels)
        if (l.level == levelId)
            return &l;
    return nullptr;
}

template <typename T>
static const T *findById(const std::vector<T> &items, const std::string &id)
{
    for (const auto &item : items)
        if (item.id == id)
            return &item;
    return nullptr;
}

const Item *Feature::metric(const std::string &metricId) const
{
    return findById(dataToUse, metricId);
}

const Item *Feature::action(const std::string &actionId) const
{
    return findById(targetedActions, actionId);
}

bool Feature::alignsWithChange(const std::string &changeId) const
{
    return std::any_of(alignsWith.begin(), alignsWith.end(),
                       [&](const Alignment &a) { return a.change == changeId; });
}

const Feature *Framework::feature(const std::string &id) const
{
    return findById(features, id);
}

const Change *Framework::change(const std::string &id) const
{
    return findById(changes, id);
}

const Level *Framework::level(int id) const
{
    for (const auto &l : levels)
        if (l.id == id)
            return &l;
    return nullptr;
}

const Source *Framework::source(const std::string &id) const
{
    return findById(meta.sources, id);
}

static std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::optional<int> Framework::parseLevel(const std::string &text) const
{
    if (!text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); })) {
        if (text.size() > 3)
            return std::nullopt;
        const int n = std::stoi(text);
        return level(n) ? std::optional<int>(n) : std::nullopt;
    }
    const std::string wanted = lower(text);
    for (const auto &l : levels)
        for (const auto &label : l.allLabels())
            if (lower(label) == wanted)
                return l.id;
    return std::nullopt;
}

std::vector<const Feature *> Framework::featuresAlignedWith(const std::string &changeId) const
{
    std::vector<const Feature *> out;
    for (const auto &f : features)
        if (f.alignsWithChange(changeId))
            out.push_back(&f);
    return out;
}

std::vector<std::string> Framework::prerequisitesOf(const std::string &changeId) const
{
    std::vector<std::string> out;
    for (const auto &p : prerequisites)
        if (p.change == changeId)
            out.push_back(p.required);
    return out;
}

std::string Framework::summary() const
{
    auto plural = [](std::size_t n, const char *word) {
        return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
    };
    return plural(features.size(), "feature") + ", " + plural(changes.size(), "change") + ", " +
           plural(levels.size(), "level");
}

}  // namespace hicm
