// Planning a merge of a partner's file into the workshop's assessment (merge.h). Applying it and its
// JSON are in merge_apply.cpp.
#include "merge.h"

#include "exchange.h"
#include "text.h"

#include <algorithm>
#include <cctype>

namespace hicm {

namespace {

// True when the workshop's metric already holds everything the incoming one says.
bool metricCovers(const MetricValue &workshop, const MetricValue &incoming)
{
    auto covers = [](const std::string &w, const std::string &i) {
        return trimmed(i).empty() || trimmed(w) == trimmed(i);
    };
    return covers(workshop.value, incoming.value) && covers(workshop.unit, incoming.unit) &&
           covers(workshop.period, incoming.period) && covers(workshop.source, incoming.source);
}

// True when the workshop's text already holds the incoming one (the same, or merged in before).
bool textCovers(const std::string &workshop, const std::string &incoming)
{
    return trimmed(incoming).empty() || workshop.find(trimmed(incoming)) != std::string::npos;
}

class Planner {
public:
    Planner(MergePlan &plan, const Framework &fw) : m_plan(plan), m_fw(fw) {}

    // The workshop's spelling of an incoming organisation: exact, else ignoring case and spacing.
    std::string workshopName(const std::string &incoming) const
    {
        if (m_plan.workshop.partner(incoming))
            return incoming;
        const Partner *match = nullptr;
        for (const auto &p : m_plan.workshop.partners)
            if (folded(p.organisation) == folded(incoming)) {
                if (match)
                    return incoming; // ambiguous: treat as a new partner
                match = &p;
            }
        return match ? match->organisation : incoming;
    }

    void partner(const Partner &incoming)
    {
        const std::string name = workshopName(incoming.organisation);
        if (std::any_of(m_plan.items.begin(), m_plan.items.end(),
                        [&](const auto &i) { return i.key == "partner/" + name; }))
            return;
        MergeItem item;
        item.key = "partner/" + name;
        item.kind = MergeItemKind::Partner;
        item.partner = name;
        item.label = "partner " + name;
        item.incoming = incoming.organisation + " (" + toString(incoming.type) + ")";
        item.incomingPartner = incoming;
        item.incomingPartner->id = 0;
        item.incomingPartner->organisation = name;
        if (const Partner *p = m_plan.workshop.partner(name)) {
            item.status = MergeItemStatus::Same;
            item.workshop = p->organisation + " (" + toString(p->type) + ")";
        }
        m_plan.items.push_back(std::move(item));
    }

    void level(const std::string &featureId, const std::string &partner, int level, const std::string &note)
    {
        const FeatureAssessment *wf = m_plan.workshop.feature(featureId);
        const PartnerLevel *w = wf ? wf->partnerLevel(partner) : nullptr;
        MergeItem item =
            base(MergeItemKind::PartnerLevel, "level/" + featureId + "/" + partner, featureId, "level of " + partner);
        item.partner = partner;
        item.incomingLevel = level;
        item.incoming = std::to_string(level);
        if (w) {
            item.workshop = std::to_string(w->level);
            item.status = w->level == level ? MergeItemStatus::Same : MergeItemStatus::Conflict;
        }
        m_plan.items.push_back(std::move(item));
        if (trimmed(note).empty())
            return;
        MergeItem n =
            base(MergeItemKind::PartnerNote, "note/" + featureId + "/" + partner, featureId, "note of " + partner);
        n.partner = partner;
        n.incomingText = note;
        n.incoming = note;
        if (w && !trimmed(w->note).empty()) {
            n.workshop = w->note;
            n.status = textCovers(w->note, note) ? MergeItemStatus::Same : MergeItemStatus::Conflict;
        }
        m_plan.items.push_back(std::move(n));
    }

    void metric(const std::string &featureId, const MetricValue &m)
    {
        if (trimmed(m.value).empty())
            return;
        MergeItem item = base(MergeItemKind::Metric, "metric/" + m.metricId, featureId, "data item " + m.metricId);
        item.metricId = m.metricId;
        item.incomingMetric = m;
        item.incoming = metricValueText(m);
        if (const FeatureAssessment *wf = m_plan.workshop.feature(featureId))
            for (const auto &w : wf->metrics)
                if (w.metricId == m.metricId && !trimmed(w.value).empty()) {
                    item.workshop = metricValueText(w);
                    item.status = metricCovers(w, m) ? MergeItemStatus::Same : MergeItemStatus::Conflict;
                }
        m_plan.items.push_back(std::move(item));
    }

    void evidence(const std::string &featureId, const std::string &text)
    {
        if (trimmed(text).empty())
            return;
        MergeItem item = base(MergeItemKind::Evidence, "evidence/" + featureId, featureId, "evidence notes");
        item.incomingText = text;
        item.incoming = text;
        const FeatureAssessment *wf = m_plan.workshop.feature(featureId);
        if (wf && !trimmed(wf->evidence).empty()) {
            item.workshop = wf->evidence;
            item.status = textCovers(wf->evidence, text) ? MergeItemStatus::Same : MergeItemStatus::Conflict;
        }
        m_plan.items.push_back(std::move(item));
    }

private:
    MergeItem base(MergeItemKind kind, std::string key, const std::string &featureId, const std::string &what) const
    {
        MergeItem item;
        item.key = std::move(key);
        item.kind = kind;
        item.featureId = featureId;
        const Feature *f = m_fw.feature(featureId);
        item.label = featureId + (f ? " " + f->title.text : std::string()) + ", " + what;
        return item;
    }

    MergePlan &m_plan;
    const Framework &m_fw;
};

} // namespace

MergePlan planMerge(const Assessment &workshop, const Framework &workshopFw, const Assessment &incomingRaw,
                    const Framework &incomingFw, const MergeOptions &options)
{
    MergePlan plan;
    plan.workshop = workshop;
    plan.incomingArea = incomingRaw.area;
    plan.incomingTitle = incomingRaw.title;
    plan.incomingDate = incomingRaw.date;
    for (const auto &f : workshopFw.features)
        plan.featureOrder.push_back(f.id);
    const Assessment incoming = mapAssessmentToFramework(incomingRaw, incomingFw, workshopFw, plan.notes);
    if (!trimmed(incoming.area).empty() && folded(incoming.area) != folded(workshop.area))
        plan.warnings.push_back("the file is an assessment of \"" + incoming.area + "\", the workshop's of \"" +
                                workshop.area + "\"");

    Planner planner(plan, workshopFw);
    const std::string as = trimmed(options.asPartner.organisation);
    for (const auto &p : incoming.partners)
        planner.partner(p);
    if (!as.empty()) {
        Partner p = options.asPartner;
        if (const Partner *own = incoming.partner(as))
            p.type = own->type;
        p.organisation = as;
        planner.partner(p);
    }
    const std::string asName = as.empty() ? std::string() : planner.workshopName(as);

    bool agreedLeftOut = false;
    for (const auto &featureId : plan.featureOrder) {
        const FeatureAssessment *f = incoming.feature(featureId);
        if (!f)
            continue;
        for (const auto &pl : f->partnerLevels)
            planner.level(featureId, planner.workshopName(pl.partner), pl.level, pl.note);
        if (f->agreedLevel) {
            if (!as.empty() && !f->partnerLevel(as))
                planner.level(featureId, asName, *f->agreedLevel, f->rationale);
            else
                agreedLeftOut = true;
        }
        for (const auto &m : f->metrics)
            planner.metric(featureId, m);
        planner.evidence(featureId, f->evidence);
    }
    if (agreedLeftOut)
        plan.notes.push_back(as.empty()
                                 ? "the file's agreed levels and rationales are not merged: the workshop agrees its "
                                   "own (to take them as one partner's view, merge with that partner named)"
                                 : "where the file has " + as + "'s own level, its agreed level is not used");
    bool other = !incoming.actions.empty() || !incoming.overrides.empty();
    for (const auto &f : incoming.features)
        other = other || f.targetLevel || f.weight != 2 || !f.plannedActions.empty();
    if (other)
        plan.notes.push_back("the file's targets, weights, action plan and overrides are not merged: they are the "
                             "workshop's to set");
    return plan;
}

} // namespace hicm
