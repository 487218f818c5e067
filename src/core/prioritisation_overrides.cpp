// Facilitator overrides (docs/prioritisation.md, "Overrides"): pins and exclusions are applied to a copy
// of the engine's sequence, the facilitator's sequence; the engine's own sequence is never changed.
#include "prioritisation.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace hicm {

namespace {

// Every change `id` requires, directly or through others.
std::set<std::string> allPrerequisites(const Framework &fw, const std::string &id)
{
    std::set<std::string> out;
    std::vector<std::string> todo{id};
    while (!todo.empty()) {
        const std::string next = todo.back();
        todo.pop_back();
        for (const auto &req : fw.prerequisitesOf(next))
            if (req != id && out.insert(req).second)
                todo.push_back(req);
    }
    return out;
}

const RankedChange *engineEntry(const Prioritisation &p, const std::string &id)
{
    for (const auto &c : p.changes)
        if (c.id == id)
            return &c;
    return nullptr;
}

const NotRecommended *notRecommendedEntry(const Prioritisation &p, const std::string &id)
{
    for (const auto &n : p.notRecommended)
        if (n.id == id)
            return &n;
    return nullptr;
}

} // namespace

void applyOverrides(const Framework &fw, const Assessment &assessment, Prioritisation &result)
{
    if (assessment.overrides.empty())
        return;

    // Which overrides apply: known changes, not pinned and excluded at once, not repeated.
    std::map<std::string, std::set<OverrideKind>> kinds;
    for (const auto &o : assessment.overrides)
        kinds[o.change].insert(o.kind);
    std::vector<std::string> pins;
    std::set<std::string> excluded;
    std::set<std::pair<std::string, OverrideKind>> seen;
    for (const auto &o : assessment.overrides) {
        OverrideOutcome out{o, false, {}};
        const RankedChange *engine = engineEntry(result, o.change);
        if (!fw.change(o.change)) {
            out.note = "not a change of this framework; ignored";
        } else if (kinds[o.change].size() > 1) {
            out.note = "the change is both pinned and excluded; neither is applied";
        } else if (!seen.insert({o.change, o.kind}).second) {
            out.note = "repeats an earlier override of the same change";
        } else {
            out.applied = true;
            const std::string engineSays =
                engine ? "the engine ranks it " + std::to_string(engine->rank) + " (" + label(engine->phase) + ")"
                       : "the engine does not recommend it: " + notRecommendedEntry(result, o.change)->why;
            if (o.kind == OverrideKind::Pin) {
                pins.push_back(o.change);
                out.note = "pinned first; " + engineSays;
            } else {
                excluded.insert(o.change);
                out.note = "excluded from the facilitator's sequence; " + engineSays;
            }
        }
        result.overrides.push_back(std::move(out));
    }

    std::vector<AdjustedEntry> &seq = result.facilitatorSequence;
    auto placedAt = [&](const std::string &id) {
        return std::find_if(seq.begin(), seq.end(), [&](const AdjustedEntry &e) { return e.id == id; });
    };
    auto add = [&](const std::string &id, Phase phase) -> AdjustedEntry & {
        AdjustedEntry e;
        e.id = id;
        e.title = fw.change(id)->title.text;
        e.phase = phase;
        if (const RankedChange *engine = engineEntry(result, id))
            e.engineRank = engine->rank;
        seq.push_back(std::move(e));
        return seq.back();
    };

    // Pinned changes first, in the order they were pinned, each after the prerequisites it still needs:
    // those the engine recommends or the facilitator pinned, unless excluded (then a warning). A
    // depth-first walk places them prerequisites first; siblings go in the engine's order.
    const std::set<std::string> pinned(pins.begin(), pins.end());
    auto engineOrder = [&](std::vector<std::string> ids) {
        auto rankOf = [&](const std::string &id) {
            const RankedChange *e = engineEntry(result, id);
            return e ? e->rank : static_cast<int>(result.changes.size()) + 1;
        };
        std::stable_sort(ids.begin(), ids.end(),
                         [&](const std::string &x, const std::string &y) { return rankOf(x) < rankOf(y); });
        return ids;
    };
    std::set<std::string> visited;
    std::function<void(const std::string &, const std::string &)> bringForward = [&](const std::string &id,
                                                                                     const std::string &pin) {
        for (const auto &req : engineOrder(fw.prerequisitesOf(id))) {
            if (!visited.insert(pin + "/" + req).second)
                continue;
            bringForward(req, pin);
            const bool needed = engineEntry(result, req) || pinned.count(req);
            if (!needed || placedAt(req) != seq.end())
                continue;
            if (excluded.count(req)) {
                result.overrideWarnings.push_back(pin + " is pinned, but it needs " + req +
                                                  " first, which is excluded.");
                continue;
            }
            AdjustedEntry &e = add(req, Phase::StartNow);
            e.broughtForwardBy = pin;
            e.note = "brought forward: pinned " + pin + " needs it first";
        }
    };
    for (const auto &pin : pins) {
        bringForward(pin, pin);
        auto at = placedAt(pin);
        AdjustedEntry &e = at != seq.end() ? *at : add(pin, Phase::StartNow);
        e.pinned = true;
        e.note = e.broughtForwardBy.empty() ? "pinned by the facilitator"
                                            : "pinned by the facilitator; also needed first by " + e.broughtForwardBy;
        if (!e.engineRank)
            e.note += "; not recommended by the engine";
    }
    // Then the engine's sequence, without the exclusions.
    for (const auto &c : result.changes) {
        if (excluded.count(c.id) || placedAt(c.id) != seq.end())
            continue;
        add(c.id, c.phase);
        for (const auto &req : allPrerequisites(fw, c.id))
            if (excluded.count(req) && engineEntry(result, req))
                result.overrideWarnings.push_back(req + " is excluded, but " + c.id + " needs it first.");
    }
    for (std::size_t i = 0; i < seq.size(); ++i)
        seq[i].rank = static_cast<int>(i + 1);
}

} // namespace hicm
