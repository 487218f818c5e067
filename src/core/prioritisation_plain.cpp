// The plan in words for a board (docs/prioritisation.md, "In words"): why each change is where it is,
// without the arithmetic, and the order the room agreed, with where and why it differs from the method's.
// Every view of the plan (report, app, CLI, CSV) takes its words and its order from here.
#include "prioritisation.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace hicm {

namespace {

std::string numberWord(std::size_t n)
{
    static const std::array<const char *, 11> words{"no",  "one",   "two",   "three", "four", "five",
                                                     "six", "seven", "eight", "nine",  "ten"};
    return n < words.size() ? words[n] : std::to_string(n);
}

std::string changeName(const std::string &id, const std::string &title)
{
    return "HIC " + id + (title.empty() ? "" : " " + title);
}

std::string joinWords(const std::vector<std::string> &items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : (i + 1 == items.size() ? " and " : ", ")) + items[i];
    return out;
}

const char *importanceWords(int weight)
{
    return weight >= 3 ? "rated very important" : weight <= 1 ? "rated less important" : "rated important";
}

// "B4 Discharge to assess (two levels below target, rated important)"
std::string gapWords(const Contribution &c)
{
    return c.featureId + " " + c.title + " (" + numberWord(static_cast<std::size_t>(c.gap)) +
           (c.gap == 1 ? " level" : " levels") + " below target, " + importanceWords(c.weight) +
           (c.provisional ? ", on a level not yet agreed" : "") + ")";
}

// The deepest gaps of a change: its largest contributions (those tied with the first), at most two.
std::string deepestWords(const RankedChange &r)
{
    std::vector<std::string> deepest;
    for (const auto &d : r.drivers)
        if (deepest.size() < 2 && d.contribution >= r.drivers.front().contribution - 1e-9)
            deepest.push_back(gapWords(d));
    std::string s = (deepest.size() == 1 ? "the deepest gap is in " : "the deepest gaps are in ") + joinWords(deepest);
    const std::size_t others = r.drivers.size() - deepest.size();
    if (others > 0)
        s += "; it also addresses " + numberWord(others) + " other " + (others == 1 ? "feature" : "features") +
             " short of target";
    return s;
}

const RankedChange *recommendedChange(const Prioritisation &p, const std::string &id)
{
    auto it = std::find_if(p.changes.begin(), p.changes.end(), [&](const RankedChange &c) { return c.id == id; });
    return it == p.changes.end() ? nullptr : &*it;
}

const NotRecommended *notRecommendedEntry(const Prioritisation &p, const std::string &id)
{
    auto it = std::find_if(p.notRecommended.begin(), p.notRecommended.end(),
                           [&](const NotRecommended &n) { return n.id == id; });
    return it == p.notRecommended.end() ? nullptr : &*it;
}

// Why not is the step's `why`, which follows the difference: not said twice.
std::string methodAlone(const Prioritisation &p, const std::string &id)
{
    if (const RankedChange *e = recommendedChange(p, id))
        return "the method alone would rank it " + ordinal(e->rank);
    return "the method alone would not recommend it now";
}

std::string titleOf(const Prioritisation &p, const std::string &id)
{
    if (const RankedChange *e = recommendedChange(p, id))
        return e->title;
    const NotRecommended *n = notRecommendedEntry(p, id);
    return n ? n->title : std::string();
}

} // namespace

std::string ordinal(int n)
{
    const int tens = n % 100, units = n % 10;
    const char *suffix = tens >= 11 && tens <= 13 ? "th" : units == 1 ? "st" : units == 2 ? "nd" : units == 3 ? "rd" : "th";
    return std::to_string(n) + suffix;
}

std::string plainReason(const RankedChange &r, const std::vector<RankedChange> &sequence)
{
    std::vector<std::string> first;
    for (const auto &q : r.requirements)
        if (q.status == "recommended")
            first.push_back(changeName(q.change, q.title));
    std::string s = std::string(label(r.phase)) + ": ";
    if (r.pulledForward) {
        auto by = std::find_if(sequence.begin(), sequence.end(), [&](const RankedChange &c) { return c.id == r.priorityFrom; });
        s += changeName(r.priorityFrom, by != sequence.end() ? by->title : std::string()) +
             " needs it first, so it comes earlier than its own gaps alone would place it. ";
    }
    if (r.phase != Phase::StartNow && r.step >= 1 && !first.empty())
        s += joinWords(first) + (first.size() == 1 ? " has" : " have") + " to be under way first. ";
    else if (r.phase != Phase::StartNow && !r.pulledForward)
        s += "its gaps are smaller than those of the changes to start now. ";
    std::string deepest = deepestWords(r);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ". ") == 0) // a new sentence
        deepest[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(deepest[0])));
    s += deepest + ".";
    if (r.provisional)
        s += " This rests on a level the partners have not agreed yet.";
    return s;
}

AgreedPlan agreedPlan(const Prioritisation &p)
{
    AgreedPlan plan;
    auto pinReason = [&](const std::string &id, OverrideKind kind) {
        for (const auto &o : p.overrides)
            if (o.applied && o.decision.change == id && o.decision.kind == kind)
                return o.decision.reason;
        return std::string();
    };
    if (p.overrides.empty()) { // no overrides: the engine's sequence (with overrides, the facilitator's may be empty)
        for (const auto &c : p.changes)
            plan.steps.push_back(AgreedStep{c.id, c.title, c.rank, c.phase, c.rank, false, {}, {}, {}, c.plain});
    }
    for (const auto &e : p.facilitatorSequence) {
        AgreedStep step{e.id, e.title, e.rank, e.phase, e.engineRank, e.pinned, e.broughtForwardBy, {}, {}, {}};
        const RankedChange *engine = recommendedChange(p, e.id);
        const NotRecommended *nr = notRecommendedEntry(p, e.id);
        step.why = engine ? engine->plain : nr ? nr->why : std::string();
        if (engine && engine->phase != e.phase) { // the method's phase is not the room's: say whose it is
            static const char *const alone[] = {"start now", "come next", "come later"};
            step.why = std::string("By the method alone it would ") + alone[static_cast<int>(engine->phase)] + ": " +
                       engine->plain.substr(std::string(label(engine->phase)).size() + 2);
        }
        if (e.pinned) {
            step.roomReason = pinReason(e.id, OverrideKind::Pin);
            step.difference = changeName(e.id, e.title) + " was pinned first by the room" +
                              (step.roomReason.empty() ? "" : ": " + step.roomReason) + "; " + methodAlone(p, e.id) + ".";
        } else if (!e.broughtForwardBy.empty() && !(e.engineRank && *e.engineRank == e.rank)) {
            // (Needed first by a pinned change but where the method puts it anyway: nothing to say.)
            step.difference = changeName(e.id, e.title) + " comes earlier because the room pinned " +
                              changeName(e.broughtForwardBy, titleOf(p, e.broughtForwardBy)) +
                              ", which needs it first; " + methodAlone(p, e.id) + ".";
        } else if (e.engineRank && *e.engineRank != e.rank) {
            step.difference = changeName(e.id, e.title) + " is " + ordinal(e.rank) + " because of the room's changes; " +
                              methodAlone(p, e.id) + ".";
        }
        plan.steps.push_back(std::move(step));
    }
    for (const auto &o : p.overrides) {
        const std::string name = changeName(o.decision.change, titleOf(p, o.decision.change));
        const char *what = o.decision.kind == OverrideKind::Pin ? "pin" : "exclusion";
        if (!o.applied) {
            plan.notes.push_back("The room's " + std::string(what) + " of " + name + " was not applied: " + o.note + ".");
            continue;
        }
        if (o.decision.kind != OverrideKind::Exclude)
            continue;
        LeftOutStep out{o.decision.change, titleOf(p, o.decision.change), std::nullopt, o.decision.reason, {}};
        if (const RankedChange *e = recommendedChange(p, o.decision.change))
            out.engineRank = e->rank;
        out.difference = name + " was left out by the room" + (out.roomReason.empty() ? "" : ": " + out.roomReason) +
                         "; " + (out.engineRank ? methodAlone(p, out.id) : "the method does not recommend it now either") +
                         ".";
        plan.leftOut.push_back(std::move(out));
    }
    for (const auto &w : p.overrideWarnings)
        plan.notes.push_back(w);
    plan.adjusted = !plan.leftOut.empty() ||
                    std::any_of(plan.steps.begin(), plan.steps.end(), [](const AgreedStep &s) { return !s.difference.empty(); });
    return plan;
}

} // namespace hicm
