// The prioritisation engine (docs/prioritisation.md). Everything it knows about the model comes from the
// Framework: which features align with which change, with what weight, and which change requires which.
#include "prioritisation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

namespace hicm {

namespace {

constexpr double kEpsilon = 1e-9;

// The engine's view of one change before sequencing.
struct ChangeState {
    const Change *change = nullptr;
    std::size_t index = 0; // framework order
    RankedChange ranked;
    bool recommended = false;
    std::set<std::size_t> closure; // every change it requires, directly or through others
};

// Ordering key of a change: higher score, then higher total, then earlier in the framework.
struct Key {
    double score = 0;
    double total = 0;
    std::size_t index = 0;
};

// True when `a` comes before `b`.
bool better(const Key &a, const Key &b)
{
    if (std::abs(a.score - b.score) > kEpsilon)
        return a.score > b.score;
    if (std::abs(a.total - b.total) > kEpsilon)
        return a.total > b.total;
    return a.index < b.index;
}

std::string plural(std::size_t n, const char *one, const char *many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string joinIds(const std::vector<std::string> &ids)
{
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        out += (i == 0 ? "" : (i + 1 == ids.size() ? " and " : ", ")) + ids[i];
    return out;
}

// Scores one change from the gaps of its aligned features.
void scoreChange(const Framework &fw, const std::vector<FeatureInput> &inputs, const Assessment &a, ChangeState &s)
{
    RankedChange &r = s.ranked;
    r.id = s.change->id;
    r.title = s.change->title.text;
    for (std::size_t i = 0; i < fw.features.size(); ++i) {
        const Feature &f = fw.features[i];
        auto al = std::find_if(f.alignsWith.begin(), f.alignsWith.end(),
                               [&](const Alignment &x) { return x.change == r.id; });
        if (al == f.alignsWith.end())
            continue;
        const FeatureInput &in = inputs[i];
        if (!in.level) {
            r.notScored.push_back(f.id);
            continue;
        }
        if (in.gap == 0) {
            r.atTarget.push_back(f.id);
            continue;
        }
        Contribution c{f.id,           in.title,     *in.level,
                       in.target,      in.gap,       in.weight,
                       al->weight,     al->basis,    in.gap * in.weight * al->weight,
                       in.provisional, in.confidence};
        r.total += c.contribution;
        r.score = std::max(r.score, c.contribution);
        r.provisional = r.provisional || c.provisional;
        r.drivers.push_back(std::move(c));
    }
    // Recommended exactly when some aligned feature is short of its target: that is a positive score,
    // and it is also "not yet in place", so a prerequisite of a recommended change that is not in place
    // is always recommended too.
    s.recommended = !r.drivers.empty();
    std::stable_sort(r.drivers.begin(), r.drivers.end(), [](const Contribution &x, const Contribution &y) {
        return x.contribution > y.contribution + kEpsilon;
    });
    for (const auto &d : r.drivers) {
        const FeatureAssessment *fa = a.feature(d.featureId);
        for (const auto &item : fw.feature(d.featureId)->targetedActions) {
            const bool planned = fa && std::find(fa->plannedActions.begin(), fa->plannedActions.end(), item.id) !=
                                           fa->plannedActions.end();
            r.actions.push_back(ActionRef{d.featureId, item.id, item.text.text, planned});
        }
    }
}

// Every change each change requires, directly or through others (the graph has no cycle: the loader checks).
void computeClosures(const Framework &fw, std::vector<ChangeState> &states)
{
    std::map<std::string, std::size_t> indexOf;
    for (const auto &s : states)
        indexOf[s.change->id] = s.index;
    std::function<void(std::size_t, std::size_t, std::set<std::size_t> &)> walk =
        [&](std::size_t from, std::size_t root, std::set<std::size_t> &seen) {
            for (const auto &req : fw.prerequisitesOf(states[from].change->id)) {
                auto it = indexOf.find(req);
                if (it == indexOf.end() || it->second == root || !seen.insert(it->second).second)
                    continue;
                walk(it->second, root, seen);
            }
        };
    for (auto &s : states)
        walk(s.index, s.index, s.closure);
}

Key keyOf(const ChangeState &s)
{
    return Key{s.ranked.score, s.ranked.total, s.index};
}

std::string requirementStatus(const ChangeState &s)
{
    if (s.recommended)
        return "recommended";
    if (s.ranked.atTarget.empty() && s.ranked.notScored.empty())
        return "no_aligned_features";
    return s.ranked.atTarget.empty() ? "not_scored" : "in_place";
}

void explain(const Framework &fw, const std::vector<ChangeState> &states, RankedChange &r, double top);

// The changes not recommended, in framework order, each with why.
std::vector<NotRecommended> notRecommendedOf(const std::vector<ChangeState> &states)
{
    std::vector<NotRecommended> out;
    for (const auto &s : states) {
        if (s.recommended)
            continue;
        NotRecommended n;
        n.id = s.change->id;
        n.title = s.change->title.text;
        n.atTarget = s.ranked.atTarget;
        n.notScored = s.ranked.notScored;
        for (const auto &d : states)
            if (d.recommended && d.closure.count(s.index))
                n.prerequisiteOf.push_back(d.change->id);
        if (n.atTarget.empty() && n.notScored.empty()) {
            n.reason = NotRecommendedReason::NoAlignedFeatures;
            n.why = "No feature of the framework is aligned with this change, so the assessment cannot point to it.";
        } else if (n.atTarget.empty()) {
            n.reason = NotRecommendedReason::NotScored;
            n.why = n.notScored.size() == 1 ? "Its aligned feature " + n.notScored[0] + " is not scored yet."
                                            : "Its aligned features " + joinIds(n.notScored) + " are not scored yet.";
        } else {
            n.reason = NotRecommendedReason::AtTarget;
            n.why =
                (n.atTarget.size() == 1 ? "Its aligned feature " + n.atTarget[0] + " is at its target"
                                        : "Its aligned features " + joinIds(n.atTarget) + " are all at their target") +
                (n.notScored.empty() ? std::string(".") : "; " + joinIds(n.notScored) + " not scored yet.");
        }
        if (!n.prerequisiteOf.empty())
            n.why += " It is a prerequisite of " + joinIds(n.prerequisiteOf) +
                     (n.reason == NotRecommendedReason::AtTarget ? ", and already in place."
                                                                 : "; check whether it is in place.");
        out.push_back(std::move(n));
    }
    return out;
}

} // namespace

const char *toString(Phase p)
{
    switch (p) {
    case Phase::StartNow:
        return "start-now";
    case Phase::Next:
        return "next";
    case Phase::Later:
        return "later";
    }
    return "";
}

const char *label(Phase p)
{
    switch (p) {
    case Phase::StartNow:
        return "Start now";
    case Phase::Next:
        return "Next";
    case Phase::Later:
        return "Later";
    }
    return "";
}

const char *toString(NotRecommendedReason r)
{
    switch (r) {
    case NotRecommendedReason::AtTarget:
        return "at_target";
    case NotRecommendedReason::NotScored:
        return "not_scored";
    case NotRecommendedReason::NoAlignedFeatures:
        return "no_aligned_features";
    }
    return "";
}

std::string formatScore(double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", std::round(value * 100.0) / 100.0);
    std::string s = buf;
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s == "-0" ? "0" : s;
}

Prioritisation prioritise(const Framework &fw, const Assessment &assessment)
{
    Prioritisation out;
    out.frameworkId = fw.meta.id;
    out.frameworkTitle = fw.meta.title;
    out.frameworkEdition = fw.meta.edition;
    out.inputs = prioritisationInputs(fw, assessment);

    std::vector<ChangeState> states(fw.changes.size());
    for (std::size_t i = 0; i < fw.changes.size(); ++i) {
        states[i].change = &fw.changes[i];
        states[i].index = i;
        scoreChange(fw, out.inputs, assessment, states[i]);
    }
    computeClosures(fw, states);

    // Priority: a change takes the key of the most urgent recommended change that needs it, if that is
    // more urgent than its own. Step: the longest chain of recommended prerequisites below it.
    std::vector<Key> priority(states.size());
    double top = 0;
    for (const auto &s : states)
        if (s.recommended)
            top = std::max(top, s.ranked.score);
    for (auto &s : states) {
        if (!s.recommended)
            continue;
        priority[s.index] = keyOf(s);
        for (const auto &d : states)
            if (d.recommended && d.closure.count(s.index) && better(keyOf(d), priority[s.index])) {
                priority[s.index] = keyOf(d);
                s.ranked.priorityFrom = d.change->id;
            }
        s.ranked.priority = priority[s.index].score;
        s.ranked.pulledForward = !s.ranked.priorityFrom.empty();
    }
    std::function<int(std::size_t)> stepOf = [&](std::size_t i) {
        int best = 0;
        for (std::size_t p : states[i].closure)
            if (states[p].recommended)
                best = std::max(best, stepOf(p) + 1);
        return best;
    };
    for (auto &s : states) {
        if (!s.recommended)
            continue;
        s.ranked.step = stepOf(s.index);
        const double pr = s.ranked.priority;
        const int band = pr * 2 >= top - kEpsilon ? 0 : (pr * 4 >= top - kEpsilon ? 1 : 2);
        s.ranked.phase = static_cast<Phase>(std::min(2, std::max(s.ranked.step, band)));
    }

    // Sequence: repeatedly place, among the recommended changes whose recommended prerequisites are all
    // placed, the one in the earliest phase, then with the best priority, then with the best own key.
    std::vector<bool> placed(states.size(), false);
    for (;;) {
        const ChangeState *pick = nullptr;
        for (const auto &s : states) {
            if (!s.recommended || placed[s.index])
                continue;
            if (std::any_of(s.closure.begin(), s.closure.end(),
                            [&](std::size_t p) { return states[p].recommended && !placed[p]; }))
                continue;
            if (!pick) {
                pick = &s;
                continue;
            }
            if (s.ranked.phase != pick->ranked.phase) {
                if (s.ranked.phase < pick->ranked.phase)
                    pick = &s;
            } else if (better(priority[s.index], priority[pick->index]) ||
                       (!better(priority[pick->index], priority[s.index]) && better(keyOf(s), keyOf(*pick)))) {
                pick = &s;
            }
        }
        if (!pick)
            break;
        placed[pick->index] = true;
        out.changes.push_back(pick->ranked);
        out.changes.back().rank = static_cast<int>(out.changes.size());
    }
    for (auto &r : out.changes) {
        explain(fw, states, r, top);
        out.provisional = out.provisional || r.provisional;
    }
    for (auto &r : out.changes)
        r.plain = plainReason(r, out.changes);

    out.notRecommended = notRecommendedOf(states);
    out.findings = prioritisationFindings(fw, assessment, out.inputs);
    applyOverrides(fw, assessment, out);
    return out;
}

namespace {

// Reasons a facilitator can read out: what drives the change, what it needs, what needs it, its phase.
void explain(const Framework &fw, const std::vector<ChangeState> &states, RankedChange &r, double top)
{
    const ChangeState *self = nullptr;
    for (const auto &s : states)
        if (s.change->id == r.id)
            self = &s;
    for (const auto &p : fw.prerequisites) {
        if (p.change != r.id)
            continue;
        const ChangeState *req = nullptr;
        for (const auto &s : states)
            if (s.change->id == p.required)
                req = &s;
        if (req)
            r.requirements.push_back(
                Requirement{req->change->id, req->change->title.text, p.basis, requirementStatus(*req)});
    }
    for (const auto &d : states) {
        if (!d.recommended || !d.closure.count(self->index))
            continue;
        Dependent dep{d.change->id, d.change->title.text, false, Basis::Text};
        for (const auto &p : fw.prerequisites)
            if (p.change == d.change->id && p.required == r.id) {
                dep.direct = true;
                dep.basis = p.basis;
            }
        r.requiredBy.push_back(std::move(dep));
    }

    r.summary = "Score " + formatScore(r.score) + ", the largest contribution; total " + formatScore(r.total) +
                " from " + plural(r.drivers.size(), "feature", "features") + " short of target.";
    for (std::size_t i = 0; i < r.drivers.size(); ++i) {
        const auto &c = r.drivers[i];
        r.summary +=
            std::string(i == 0 ? " " : "; ") + c.featureId + ": level " + std::to_string(c.level) +
            (c.provisional ? " (provisional)" : "") + " of " + std::to_string(c.target) + ", gap " +
            std::to_string(c.gap) + " \u00d7 importance " + std::to_string(c.weight) +
            (std::abs(c.alignmentWeight - 1.0) > kEpsilon ? " \u00d7 alignment " + formatScore(c.alignmentWeight)
                                                          : std::string()) +
            " = " + formatScore(c.contribution);
    }
    r.summary += ".";
    if (!r.atTarget.empty())
        r.summary += " At target: " + joinIds(r.atTarget) + ".";
    if (!r.notScored.empty())
        r.summary += " Not scored yet: " + joinIds(r.notScored) + ".";
    if (r.pulledForward) {
        const auto via = std::find_if(r.requiredBy.begin(), r.requiredBy.end(),
                                      [&](const Dependent &d) { return d.change == r.priorityFrom; });
        r.summary += " Brought forward: " + r.priorityFrom + " (score " + formatScore(r.priority) + ") needs it first" +
                     (via != r.requiredBy.end() && !via->direct ? " (through its own prerequisites)." : ".");
    }

    const std::string pr = formatScore(r.priority), half = formatScore(top / 2), quarter = formatScore(top / 4);
    switch (r.phase) {
    case Phase::StartNow:
        r.phaseReason = "Start now: nothing recommended has to come first, and its priority " + pr +
                        " is at least half the highest score (" + half + ").";
        break;
    case Phase::Next:
    case Phase::Later: {
        std::vector<std::string> why;
        if (r.step >= 1)
            why.push_back(std::to_string(r.step) + (r.step == 1 ? " step" : " steps") +
                          " of recommended prerequisites must be under way first");
        if (r.priority * 2 < top - kEpsilon)
            why.push_back("its priority " + pr + " is below half the highest score (" + half + ")" +
                          (r.priority * 4 < top - kEpsilon ? " and below a quarter (" + quarter + ")" : ""));
        r.phaseReason = std::string(label(r.phase)) + ": " + joinIds(why) + ".";
        break;
    }
    }
}

} // namespace

} // namespace hicm
