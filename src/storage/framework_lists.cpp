#include "framework_lists.h"

namespace hicm::storage {

namespace {

template <typename T, typename F>
std::string join(const std::vector<T> &items, F name)
{
    std::string out;
    for (const auto &item : items)
        out += (out.empty() ? "" : ", ") + name(item);
    return out.empty() ? "none" : out;
}

}  // namespace

std::string featureList(const Framework &fw)
{
    return join(fw.features, [](const Feature &f) { return f.id; });
}

std::string levelList(const Framework &fw)
{
    return join(fw.levels, [](const Level &l) {
        std::string labels;
        for (const auto &label : l.allLabels())
            labels += (labels.empty() ? "" : ", ") + label;
        return std::to_string(l.id) + " (" + labels + ")";
    });
}

std::string changeList(const Framework &fw)
{
    return join(fw.changes, [](const Change &c) { return c.id; });
}

std::string metricList(const Feature &feature)
{
    return join(feature.dataToUse, [](const Item &i) { return i.id; });
}

std::string targetedActionList(const Feature &feature)
{
    return join(feature.targetedActions, [](const Item &i) { return i.id; });
}

}  // namespace hicm::storage
