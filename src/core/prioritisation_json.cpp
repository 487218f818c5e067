// The prioritisation as JSON: the output of `hicm-assess-cli prioritise --json` (docs/cli.md) and of the
// golden tests. Keys are a public contract: they are kept as they are; new ones are only added.
#include "prioritisation.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace hicm {

using nlohmann::json;

namespace {

// Scores are shown rounded to two decimals, so that 8/3 is 2.67 in every output.
double rounded(double v)
{
    const double r = std::round(v * 100.0) / 100.0;
    return r == 0.0 ? 0.0 : r;
}

json number(double v)
{
    const double r = rounded(v);
    if (r == std::floor(r) && std::abs(r) < 1e15)
        return static_cast<long long>(r);
    return r;
}

json confidence(Confidence c)
{
    return c == Confidence::Unset ? json(nullptr) : json(toString(c));
}

json nullableLevel(const std::optional<int> &level)
{
    return level ? json(*level) : json(nullptr);
}

json partnerLevels(const FeatureInput &in)
{
    json out = json::array();
    for (const auto &pl : in.partnerLevels)
        out.push_back({{"partner", pl.partner}, {"level", pl.level}});
    return out;
}

json contributionToJson(const Contribution &c)
{
    return {{"feature", c.featureId},
            {"title", c.title},
            {"level", c.level},
            {"target", c.target},
            {"gap", c.gap},
            {"weight", c.weight},
            {"alignment_weight", number(c.alignmentWeight)},
            {"alignment_basis", basisName(c.alignmentBasis)},
            {"contribution", number(c.contribution)},
            {"provisional", c.provisional},
            {"confidence", confidence(c.confidence)}};
}

json changeToJson(const RankedChange &r)
{
    json drivers = json::array();
    for (const auto &c : r.drivers)
        drivers.push_back(contributionToJson(c));
    json requiredBy = json::array();
    for (const auto &d : r.requiredBy)
        requiredBy.push_back({{"change", d.change},
                              {"title", d.title},
                              {"direct", d.direct},
                              {"basis", d.direct ? json(basisName(d.basis)) : json(nullptr)}});
    json requirements = json::array();
    for (const auto &q : r.requirements)
        requirements.push_back(
            {{"change", q.change}, {"title", q.title}, {"basis", basisName(q.basis)}, {"status", q.status}});
    json actions = json::array();
    for (const auto &a : r.actions)
        actions.push_back({{"feature", a.feature}, {"id", a.id}, {"text", a.text}, {"planned", a.planned}});
    return {{"id", r.id},
            {"title", r.title},
            {"rank", r.rank},
            {"score", number(r.score)},
            {"total", number(r.total)},
            {"priority", number(r.priority)},
            {"priority_from", r.priorityFrom.empty() ? json(nullptr) : json(r.priorityFrom)},
            {"phase", toString(r.phase)},
            {"phase_label", label(r.phase)},
            {"step", r.step},
            {"provisional", r.provisional},
            {"reasons",
             {{"summary", r.summary},
              {"features", drivers},
              {"at_target", r.atTarget},
              {"not_scored", r.notScored},
              {"requires", requirements},
              {"required_by", requiredBy},
              {"pulled_forward", r.pulledForward},
              {"phase", r.phaseReason},
              {"plain", r.plain}}},
            {"actions", actions}};
}

json findingsToJson(const Findings &f)
{
    json noShared = json::array();
    for (const auto &in : f.noSharedView)
        noShared.push_back({{"feature", in.featureId},
                            {"title", in.title},
                            {"spread", in.partnerSpread},
                            {"partners", partnerLevels(in)}});
    json low = json::array();
    for (const auto &in : f.lowConfidence)
        low.push_back({{"feature", in.featureId},
                       {"title", in.title},
                       {"level", nullableLevel(in.level)},
                       {"provisional", in.provisional}});
    json notScored = json::array();
    for (const auto &in : f.notScored)
        notScored.push_back({{"feature", in.featureId}, {"title", in.title}});
    json provisional = json::array();
    for (const auto &in : f.provisional)
        provisional.push_back({{"feature", in.featureId},
                               {"title", in.title},
                               {"level", nullableLevel(in.level)},
                               {"partners", partnerLevels(in)}});
    return {{"no_shared_view", noShared},
            {"low_confidence", low},
            {"not_scored", notScored},
            {"provisional", provisional},
            {"ignored", f.ignored}};
}

json agreedPlanToJson(const AgreedPlan &plan)
{
    json steps = json::array();
    for (const auto &s : plan.steps)
        steps.push_back({{"id", s.id},
                         {"title", s.title},
                         {"rank", s.rank},
                         {"phase", toString(s.phase)},
                         {"engine_rank", s.engineRank ? json(*s.engineRank) : json(nullptr)},
                         {"pinned", s.pinned},
                         {"brought_forward_by", s.broughtForwardBy.empty() ? json(nullptr) : json(s.broughtForwardBy)},
                         {"room_reason", s.roomReason},
                         {"difference", s.difference},
                         {"why", s.why}});
    json leftOut = json::array();
    for (const auto &l : plan.leftOut)
        leftOut.push_back({{"id", l.id},
                           {"title", l.title},
                           {"engine_rank", l.engineRank ? json(*l.engineRank) : json(nullptr)},
                           {"room_reason", l.roomReason},
                           {"difference", l.difference}});
    return {{"adjusted", plan.adjusted}, {"changes", steps}, {"left_out", leftOut}, {"notes", plan.notes}};
}

} // namespace

json prioritisationToJson(const Prioritisation &p)
{
    json changes = json::array();
    for (const auto &r : p.changes)
        changes.push_back(changeToJson(r));
    json notRecommended = json::array();
    for (const auto &n : p.notRecommended)
        notRecommended.push_back({{"id", n.id},
                                  {"title", n.title},
                                  {"reason", toString(n.reason)},
                                  {"why", n.why},
                                  {"at_target", n.atTarget},
                                  {"not_scored", n.notScored},
                                  {"prerequisite_of", n.prerequisiteOf}});
    json inputs = json::array();
    for (const auto &in : p.inputs)
        inputs.push_back({{"feature", in.featureId},
                          {"level", nullableLevel(in.level)},
                          {"provisional", in.provisional},
                          {"target", in.target},
                          {"gap", in.gap},
                          {"weight", in.weight},
                          {"confidence", confidence(in.confidence)}});
    json overrides = json::array();
    for (const auto &o : p.overrides)
        overrides.push_back({{"change", o.decision.change},
                             {"kind", toString(o.decision.kind)},
                             {"reason", o.decision.reason},
                             {"applied", o.applied},
                             {"note", o.note}});
    json out = {{"framework", {{"id", p.frameworkId}, {"title", p.frameworkTitle}, {"edition", p.frameworkEdition}}},
                {"inputs", inputs},
                {"changes", changes},
                {"not_recommended", notRecommended},
                {"findings", findingsToJson(p.findings)},
                {"provisional", p.provisional},
                {"overrides", overrides}};
    if (!p.overrides.empty()) {
        json seq = json::array();
        for (const auto &e : p.facilitatorSequence)
            seq.push_back(
                {{"id", e.id},
                 {"title", e.title},
                 {"rank", e.rank},
                 {"phase", toString(e.phase)},
                 {"engine_rank", e.engineRank ? json(*e.engineRank) : json(nullptr)},
                 {"pinned", e.pinned},
                 {"brought_forward_by", e.broughtForwardBy.empty() ? json(nullptr) : json(e.broughtForwardBy)},
                 {"note", e.note}});
        out["facilitator_sequence"] = seq;
        out["override_warnings"] = p.overrideWarnings;
    }
    out["agreed_plan"] = agreedPlanToJson(agreedPlan(p));
    return out;
}

} // namespace hicm
