// Typed edits of an open assessment: each is one complete change, as a person makes it in the app, on
// the command line or (soon) from a phone in the live room. A Document applies an edit to the workspace
// and to its copy together and returns the edit that undoes it (its inverse), so an undo is just another
// edit and the app, the CLI and the room write the same change-log rows.
#pragma once

#include "assessment.h"
#include "workspace_types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace hicm::document {

// Area, title, date or facilitator.
struct SetDetail {
    storage::AssessmentField field;
    std::string value;
};
// Draft or final (reopening a final assessment is this edit too: the one edit a final assessment takes).
struct SetStatus {
    AssessmentStatus status;
};
// Anything on one feature: agreed level, rationale, target, confidence, importance, evidence, partners'
// levels and notes (storage::FeatureEdit: only the fields set change).
struct EditFeature {
    std::string featureId;
    storage::FeatureEdit edit;
};
struct SetMetric {
    std::string featureId;
    MetricValue value;
};
struct RemoveMetric {
    std::string featureId;
    std::string metricId;
};
// A targeted action of the framework taken into (or out of) the plan.
struct SetPlanned {
    std::string featureId;
    std::string actionId;
    bool planned = true;
};
// A new partner (partner.id is ignored; storage gives the id).
struct AddPartner {
    Partner partner;
};
// A removed partner put back with their id and their levels (the inverse of RemovePartner).
struct RestorePartner {
    Partner partner;
    std::vector<std::pair<std::string, PartnerLevel>> levels;  // (feature id, level)
};
struct UpdatePartner {
    Partner partner;  // partner.id says which
};
struct RemovePartner {
    std::int64_t partnerId = 0;
};
// A new action (action.id 0), or a removed one put back with its id (the inverse of RemoveAction).
struct AddAction {
    Action action;
};
struct UpdateAction {
    Action action;  // action.id says which
};
struct RemoveAction {
    std::int64_t actionId = 0;
};
struct SetOverride {
    Override decision;
};
struct RemoveOverride {
    std::string change;
};
// Partners' votes from the live room (src/room, docs/room.md): their levels for one feature, stored as
// EditFeature's partner levels are, but the change log says they came from the room ("ORG (room)").
// nullopt clears one (a re-vote). Its inverse is an EditFeature (what the levels were).
struct RoomVotes {
    std::string featureId;
    std::vector<std::pair<std::int64_t, std::optional<int>>> votes;  // partner id, level
};

// A partner's exchange file merged in (core merge.h: the assessment as it is to be after the merge),
// in one transaction (storage::Workspace::applyMerge). With `expectedUpdated` (the assessment's `updated`
// time the merge was planned on), refused if the assessment changed since. Its inverse is UndoMerge.
struct MergeFile {
    Assessment merged;
    std::string source;  // the file's name, for the change log
    std::string expectedUpdated;
};
// A merge undone: the partners, levels, notes, metric values and evidence the merge touched put back as
// they were in `before` (the assessment just before the merge). Its inverse is the MergeFile again.
struct UndoMerge {
    Assessment before;
    Assessment merged;
    std::string source;
};

using Edit = std::variant<SetDetail, SetStatus, EditFeature, SetMetric, RemoveMetric, SetPlanned, AddPartner,
                          RestorePartner, UpdatePartner, RemovePartner, AddAction, UpdateAction, RemoveAction,
                          SetOverride, RemoveOverride, RoomVotes, MergeFile, UndoMerge>;

// What an edit touches, so that only the views that show it are told (All: much of it, re-read).
enum class Scope { Details, Feature, Partners, Plan, Decisions, All };
Scope scopeOf(const Edit &edit);
// The feature an edit touches ("" when it is not a feature's).
std::string featureOf(const Edit &edit);

}  // namespace hicm::document
