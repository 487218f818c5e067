// Mapping an assessment from one framework edition onto another by feature id (exchange.h).
#include "exchange.h"

#include <algorithm>

namespace hicm {

namespace {

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &s : items)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::string editionName(const Framework &fw)
{
    std::string name = fw.meta.title.empty() ? fw.meta.id : fw.meta.title;
    if (!fw.meta.edition.empty())
        name += " (" + fw.meta.edition + ")";
    return name;
}

// Drops `level` when it is not on `to`'s scale; returns whether it is kept.
bool keepLevel(const Framework &to, const std::optional<int> &level)
{
    return !level || to.level(*level) != nullptr;
}

} // namespace

Assessment mapAssessmentToFramework(const Assessment &a, const Framework &from, const Framework &to,
                                    std::vector<std::string> &notes)
{
    if (from.contentHash == to.contentHash && !from.contentHash.empty())
        return a;
    Assessment out = a;
    out.frameworkHash = to.contentHash;
    out.frameworkTitle = to.meta.title;
    out.frameworkEdition = to.meta.edition;
    out.features.clear();

    std::vector<std::string> droppedFeatures;
    for (const auto &f : a.features) {
        const Feature *target = to.feature(f.featureId);
        if (!target) {
            const Feature *source = from.feature(f.featureId);
            droppedFeatures.push_back(f.featureId + (source ? " " + source->title.text : std::string()));
            continue;
        }
        FeatureAssessment g = f;
        g.partnerLevels.clear();
        for (const auto &pl : f.partnerLevels) {
            if (to.level(pl.level))
                g.partnerLevels.push_back(pl);
            else
                notes.push_back(pl.partner + "'s level " + std::to_string(pl.level) + " for " + f.featureId +
                                " is not on the scale of " + editionName(to) + "; left out");
        }
        if (!keepLevel(to, g.agreedLevel)) {
            notes.push_back("the agreed level " + std::to_string(*g.agreedLevel) + " of " + f.featureId +
                            " is not on the scale of " + editionName(to) + "; left out");
            g.agreedLevel.reset();
        }
        if (!keepLevel(to, g.targetLevel)) {
            notes.push_back("the target level " + std::to_string(*g.targetLevel) + " of " + f.featureId +
                            " is not on the scale of " + editionName(to) + "; the top of the scale is used");
            g.targetLevel.reset();
        }
        g.metrics.clear();
        for (const auto &m : f.metrics) {
            if (target->metric(m.metricId))
                g.metrics.push_back(m);
            else
                notes.push_back("data item " + m.metricId + " (value \"" + m.value + "\") is not in " + f.featureId +
                                " of " + editionName(to) + "; left out");
        }
        g.plannedActions.clear();
        for (const auto &id : f.plannedActions) {
            if (target->action(id))
                g.plannedActions.push_back(id);
            else
                notes.push_back("targeted action " + id + " is not in " + f.featureId + " of " + editionName(to) +
                                "; left out of the plan");
        }
        out.features.push_back(std::move(g));
    }
    // Framework order, as a stored assessment has it.
    std::stable_sort(out.features.begin(), out.features.end(), [&](const auto &x, const auto &y) {
        auto index = [&](const std::string &id) {
            for (std::size_t i = 0; i < to.features.size(); ++i)
                if (to.features[i].id == id)
                    return i;
            return to.features.size();
        };
        return index(x.featureId) < index(y.featureId);
    });
    if (!droppedFeatures.empty())
        notes.insert(notes.begin(),
                     "features " + editionName(to) + " does not have were left out: " + joined(droppedFeatures));

    for (auto &ac : out.actions) {
        if (!ac.feature.empty() && !to.feature(ac.feature)) {
            notes.push_back("action \"" + ac.text + "\" named feature " + ac.feature + ", which " + editionName(to) +
                            " does not have; the action is kept without it");
            ac.feature.clear();
        }
        if (!ac.change.empty() && !to.change(ac.change)) {
            notes.push_back("action \"" + ac.text + "\" named change " + ac.change + ", which " + editionName(to) +
                            " does not have; the action is kept without it");
            ac.change.clear();
        }
    }
    std::vector<Override> overrides;
    for (const auto &o : out.overrides) {
        if (to.change(o.change))
            overrides.push_back(o);
        else
            notes.push_back("the override of change " + o.change + " was left out: " + editionName(to) +
                            " has no such change");
    }
    out.overrides = std::move(overrides);
    return out;
}

} // namespace hicm
