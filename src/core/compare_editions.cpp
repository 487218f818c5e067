// The texts that changed between two framework editions, for the features both have (compare.h).
#include "compare.h"

namespace hicm {

namespace {

std::string editionName(const Framework &fw)
{
    std::string name = fw.meta.title.empty() ? fw.meta.id : fw.meta.title;
    return fw.meta.edition.empty() ? name : name + " (" + fw.meta.edition + ")";
}

void compareText(std::vector<TextChange> &out, const std::string &featureId, const std::string &what,
                 const std::string &before, const std::string &after)
{
    if (before != after)
        out.push_back({featureId, what, before, after});
}

// Items with ids (data items, targeted actions): changed, added and removed, in the later order first.
void compareItems(std::vector<TextChange> &out, const std::string &featureId, const std::string &kind,
                  const std::vector<Item> &before, const std::vector<Item> &after)
{
    auto find = [](const std::vector<Item> &items, const std::string &id) -> const Item * {
        for (const auto &i : items)
            if (i.id == id)
                return &i;
        return nullptr;
    };
    for (const auto &item : after) {
        const Item *old = find(before, item.id);
        compareText(out, featureId, kind + " " + item.id, old ? old->text.text : std::string(), item.text.text);
    }
    for (const auto &item : before)
        if (!find(after, item.id))
            compareText(out, featureId, kind + " " + item.id, item.text.text, std::string());
}

void compareFeature(std::vector<TextChange> &out, const Feature &before, const Feature &after)
{
    compareText(out, after.id, "title", before.title.text, after.title.text);
    for (const auto &level : after.levels) {
        const FeatureLevel *old = before.level(level.level);
        const std::string n = std::to_string(level.level);
        compareText(out, after.id, "level " + n + " label", old ? old->label.text : std::string(), level.label.text);
        compareText(out, after.id, "level " + n + " descriptor", old ? old->descriptor.text : std::string(),
                    level.descriptor.text);
    }
    for (const auto &level : before.levels)
        if (!after.level(level.level))
            compareText(out, after.id, "level " + std::to_string(level.level) + " descriptor", level.descriptor.text,
                        std::string());
    compareItems(out, after.id, "data item", before.dataToUse, after.dataToUse);
    compareItems(out, after.id, "targeted action", before.targetedActions, after.targetedActions);
}

} // namespace

EditionDifference compareEditions(const Framework &before, const Framework &after)
{
    EditionDifference d;
    d.before = editionName(before);
    d.after = editionName(after);
    d.differs = before.contentHash != after.contentHash;
    if (!d.differs)
        return d;
    for (const auto &f : after.features) {
        if (const Feature *old = before.feature(f.id))
            compareFeature(d.changedTexts, *old, f);
        else
            d.onlyAfter.push_back(f.id + " " + f.title.text);
    }
    for (const auto &f : before.features)
        if (!after.feature(f.id))
            d.onlyBefore.push_back(f.id + " " + f.title.text);
    return d;
}

} // namespace hicm
