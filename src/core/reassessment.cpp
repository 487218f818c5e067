#include "reassessment.h"

namespace hicm {

Assessment planReassessment(const Assessment &previous, const std::string &date, const std::string &title)
{
    Assessment next;
    next.area = previous.area;
    next.title = title.empty() ? previous.title : title;
    next.date = date;
    next.facilitator = previous.facilitator;
    next.previousId = previous.id;
    next.partners = previous.partners;
    for (const auto &f : previous.features) {
        FeatureAssessment carried;
        carried.featureId = f.featureId;
        carried.targetLevel = f.targetLevel;
        carried.weight = f.weight;
        next.features.push_back(std::move(carried));
    }
    for (const auto &a : previous.actions) {
        if (!a.open())
            continue;
        Action carried = a;
        carried.id = 0;
        carried.carriedFrom = a.id;
        next.actions.push_back(std::move(carried));
    }
    return next;
}

const char *toString(ActionOutcome o)
{
    switch (o) {
    case ActionOutcome::Completed: return "completed";
    case ActionOutcome::Dropped: return "dropped";
    case ActionOutcome::Carried: return "carried";
    case ActionOutcome::NotCarried: return "not-carried";
    }
    return "not-carried";
}

std::vector<PreviousAction> previousActions(const Assessment &previous, const Assessment &current)
{
    std::vector<PreviousAction> out;
    for (const auto &a : previous.actions) {
        PreviousAction p{a, ActionOutcome::NotCarried, nullptr};
        for (const auto &c : current.actions)
            if (c.carriedFrom && *c.carriedFrom == a.id)
                p.carriedAs = &c;
        if (a.status == ActionStatus::Done)
            p.outcome = ActionOutcome::Completed;
        else if (a.status == ActionStatus::Dropped)
            p.outcome = ActionOutcome::Dropped;
        else if (p.carriedAs)
            p.outcome = ActionOutcome::Carried;
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace hicm
