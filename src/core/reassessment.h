// A reassessment: the next assessment of an area, made from the last one. Qt-free and pure.
#pragma once

#include "assessment.h"

#include <string>

namespace hicm {

// The new assessment of `previous`'s area on `date` with `title` (the previous title when empty): the
// partners, targets and importance weights carry over; levels, notes and metric values start afresh (the
// previous levels are shown beside the new ones, never copied); every open action (not started or in
// progress) is carried into the new plan with its owner, due date, status and notes, and remembers the
// action it continues (Action::carriedFrom). Done and dropped actions stay behind, in the previous plan.
Assessment planReassessment(const Assessment &previous, const std::string &date, const std::string &title = {});

// What became of each of the previous plan's actions, for the report and the CLI.
enum class ActionOutcome { Completed, Dropped, Carried, NotCarried };
const char *toString(ActionOutcome o);  // "completed", "dropped", "carried", "not-carried"
struct PreviousAction {
    Action action;                     // as it stands in the previous assessment
    ActionOutcome outcome = ActionOutcome::NotCarried;
    const Action *carriedAs = nullptr;  // in `current`, when carried
};
// For each action of `previous`, in its order: completed (done), dropped, carried (an action of
// `current` continues it) or not carried (open, but not in the new plan).
std::vector<PreviousAction> previousActions(const Assessment &previous, const Assessment &current);

}  // namespace hicm
