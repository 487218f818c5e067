// Applying a merge plan with the facilitator's choices, and the plan's JSON (merge.h).
#include "merge.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace hicm {

using nlohmann::json;

const char *toString(MergeItemKind k)
{
    switch (k) {
    case MergeItemKind::Partner:
        return "partner";
    case MergeItemKind::PartnerLevel:
        return "partner-level";
    case MergeItemKind::PartnerNote:
        return "partner-note";
    case MergeItemKind::Metric:
        return "metric";
    case MergeItemKind::Evidence:
        return "evidence";
    }
    return "partner-level";
}

const char *toString(MergeItemStatus s)
{
    switch (s) {
    case MergeItemStatus::New:
        return "new";
    case MergeItemStatus::Same:
        return "same";
    case MergeItemStatus::Conflict:
        return "conflict";
    }
    return "new";
}

const char *toString(MergeChoice c)
{
    switch (c) {
    case MergeChoice::Workshop:
        return "workshop";
    case MergeChoice::Incoming:
        return "incoming";
    case MergeChoice::Both:
        return "both";
    }
    return "workshop";
}

std::optional<MergeChoice> parseMergeChoice(const std::string &text)
{
    for (auto c : {MergeChoice::Workshop, MergeChoice::Incoming, MergeChoice::Both})
        if (text == toString(c))
            return c;
    return std::nullopt;
}

std::size_t MergePlan::conflicts() const
{
    return static_cast<std::size_t>(
        std::count_if(items.begin(), items.end(), [](const auto &i) { return i.status == MergeItemStatus::Conflict; }));
}

std::size_t MergePlan::newItems() const
{
    return static_cast<std::size_t>(
        std::count_if(items.begin(), items.end(), [](const auto &i) { return i.status == MergeItemStatus::New; }));
}

const MergeItem *MergePlan::item(const std::string &key) const
{
    for (const auto &i : items)
        if (i.key == key)
            return &i;
    return nullptr;
}

namespace {

// The feature's entry in `a`, created in framework order when missing.
FeatureAssessment &featureOf(Assessment &a, const std::vector<std::string> &order, const std::string &featureId)
{
    if (FeatureAssessment *f = a.feature(featureId))
        return *f;
    auto rank = [&](const std::string &id) {
        return static_cast<std::size_t>(std::find(order.begin(), order.end(), id) - order.begin());
    };
    auto at = std::find_if(a.features.begin(), a.features.end(),
                           [&](const FeatureAssessment &f) { return rank(f.featureId) > rank(featureId); });
    FeatureAssessment f;
    f.featureId = featureId;
    return *a.features.insert(at, std::move(f));
}

PartnerLevel *partnerLevelOf(FeatureAssessment &f, const std::string &partner)
{
    for (auto &pl : f.partnerLevels)
        if (pl.partner == partner)
            return &pl;
    return nullptr;
}

std::string combined(const std::string &workshop, const std::string &incoming, MergeChoice choice)
{
    if (choice == MergeChoice::Both && !workshop.empty())
        return workshop + "\n\n" + incoming;
    return incoming;
}

} // namespace

MergeOutcome applyMerge(const MergePlan &plan, const MergeChoices &choices)
{
    MergeOutcome out;
    for (const auto &[key, choice] : choices.byKey) {
        const MergeItem *item = plan.item(key);
        if (!item)
            out.errors.push_back("no item \"" + key + "\" in the merge");
        else if (choice == MergeChoice::Both && !item->isText())
            out.errors.push_back("\"" + key + "\" is not a text: choose workshop or incoming");
    }
    Assessment merged = plan.workshop;
    std::set<std::string> declinedPartners;
    auto choiceFor = [&](const MergeItem &item) -> std::optional<MergeChoice> {
        if (auto it = choices.byKey.find(item.key); it != choices.byKey.end())
            return it->second;
        if (item.status == MergeItemStatus::New)
            return MergeChoice::Incoming;
        if (item.status == MergeItemStatus::Conflict && choices.all) {
            if (*choices.all == MergeChoice::Both && !item.isText())
                return std::nullopt;
            return choices.all;
        }
        return std::nullopt;
    };
    for (const auto &item : plan.items) {
        if (item.status == MergeItemStatus::Same)
            continue;
        const auto choice = choiceFor(item);
        if (!choice) {
            out.unresolved.push_back(item.key);
            continue;
        }
        if (*choice == MergeChoice::Workshop) {
            if (item.kind == MergeItemKind::Partner)
                declinedPartners.insert(item.partner);
            continue;
        }
        if (declinedPartners.count(item.partner))
            continue;
        switch (item.kind) {
        case MergeItemKind::Partner:
            merged.partners.push_back(*item.incomingPartner);
            break;
        case MergeItemKind::PartnerLevel: {
            FeatureAssessment &f = featureOf(merged, plan.featureOrder, item.featureId);
            if (PartnerLevel *pl = partnerLevelOf(f, item.partner))
                pl->level = *item.incomingLevel;
            else
                f.partnerLevels.push_back({item.partner, *item.incomingLevel, {}});
            break;
        }
        case MergeItemKind::PartnerNote: {
            FeatureAssessment &f = featureOf(merged, plan.featureOrder, item.featureId);
            PartnerLevel *pl = partnerLevelOf(f, item.partner);
            if (!pl)
                continue; // its level was declined: a note needs a level to hang on
            pl->note = combined(pl->note, item.incomingText, *choice);
            break;
        }
        case MergeItemKind::Metric: {
            FeatureAssessment &f = featureOf(merged, plan.featureOrder, item.featureId);
            auto it = std::find_if(f.metrics.begin(), f.metrics.end(),
                                   [&](const MetricValue &m) { return m.metricId == item.metricId; });
            if (it != f.metrics.end())
                *it = *item.incomingMetric;
            else
                f.metrics.push_back(*item.incomingMetric);
            break;
        }
        case MergeItemKind::Evidence: {
            FeatureAssessment &f = featureOf(merged, plan.featureOrder, item.featureId);
            f.evidence = combined(f.evidence, item.incomingText, *choice);
            break;
        }
        }
        ++out.applied;
    }
    if (out.unresolved.empty() && out.errors.empty())
        out.merged = std::move(merged);
    return out;
}

json mergePlanToJson(const MergePlan &plan)
{
    json items = json::array();
    for (const auto &i : plan.items)
        items.push_back({{"key", i.key},
                         {"kind", toString(i.kind)},
                         {"status", toString(i.status)},
                         {"partner", i.partner.empty() ? json(nullptr) : json(i.partner)},
                         {"feature", i.featureId.empty() ? json(nullptr) : json(i.featureId)},
                         {"metric", i.metricId.empty() ? json(nullptr) : json(i.metricId)},
                         {"label", i.label},
                         {"workshop", i.workshop.empty() ? json(nullptr) : json(i.workshop)},
                         {"incoming", i.incoming}});
    return json{{"workshop",
                 {{"id", plan.workshop.id},
                  {"area", plan.workshop.area},
                  {"title", plan.workshop.title},
                  {"date", plan.workshop.date}}},
                {"incoming", {{"area", plan.incomingArea}, {"title", plan.incomingTitle}, {"date", plan.incomingDate}}},
                {"items", items},
                {"new", plan.newItems()},
                {"conflicts", plan.conflicts()},
                {"notes", plan.notes},
                {"warnings", plan.warnings}};
}

} // namespace hicm
