// Merging a partner's exported assessment into the workshop's: the incoming file's partner levels,
// partner notes, evidence notes and metric values come in under that partner (partners matched by
// organisation name; a partner the workshop does not have yet is added). planMerge() lists every item
// with the workshop's value beside the incoming one; where both have different values it is a conflict
// for the facilitator to decide. Nothing changes until applyMerge() and then Workspace::applyMerge().
// Qt-free and pure. The JSON is documented in docs/cli.md ("merge").
#pragma once

#include "assessment.h"
#include "framework.h"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hicm {

enum class MergeItemKind { Partner, PartnerLevel, PartnerNote, Metric, Evidence };
const char *toString(MergeItemKind k); // "partner", "partner-level", "partner-note", "metric", "evidence"

enum class MergeItemStatus {
    New,      // only the incoming file has it: it comes in unless declined
    Same,     // the workshop already has it (or everything in it): nothing to do
    Conflict, // both have it, with different values: the facilitator chooses
};
const char *toString(MergeItemStatus s); // "new", "same", "conflict"

enum class MergeChoice {
    Workshop, // keep the workshop's value (for a new item: leave it out)
    Incoming, // take the incoming value
    Both,     // text items (notes, evidence) only: the workshop's text, a blank line, the incoming text
};
const char *toString(MergeChoice c); // "workshop", "incoming", "both"
std::optional<MergeChoice> parseMergeChoice(const std::string &text);

struct MergeItem {
    std::string key; // stable and unique in the plan: "partner/ORG", "level/B1/ORG", "note/B1/ORG",
                     // "metric/B1.M1", "evidence/B1" (ORG: the workshop's spelling of the name)
    MergeItemKind kind = MergeItemKind::PartnerLevel;
    MergeItemStatus status = MergeItemStatus::New;
    std::string partner;   // organisation, as the workshop spells it (partner items)
    std::string featureId; // empty for partner items
    std::string metricId;  // metric items
    std::string label;     // for people: "B1 Access, level of North ICB"
    std::string workshop;  // the workshop's value as text; empty: none
    std::string incoming;  // the incoming value as text

    // The incoming value itself.
    std::optional<Partner> incomingPartner;
    std::optional<int> incomingLevel;
    std::string incomingText; // note, evidence
    std::optional<MetricValue> incomingMetric;

    bool isText() const { return kind == MergeItemKind::PartnerNote || kind == MergeItemKind::Evidence; }
};

struct MergeOptions {
    // Take the file's agreed levels and rationales as this partner's levels and notes (for a partner who
    // scored their own view as "agreed" on their own laptop). Empty organisation: off.
    Partner asPartner;
};

struct MergePlan {
    Assessment workshop; // the workshop's assessment as planned against
    std::string incomingArea, incomingTitle, incomingDate;
    std::vector<std::string> featureOrder; // the workshop framework's feature ids
    std::vector<MergeItem> items;          // partners first, then feature by feature
    std::vector<std::string> notes;        // what was left out and why (other framework edition …)
    std::vector<std::string> warnings;     // e.g. the file is of another area

    std::size_t conflicts() const;
    std::size_t newItems() const;
    const MergeItem *item(const std::string &key) const;
};

// Plans the merge of `incoming` (scored against `incomingFw`) into `workshop` (scored against
// `workshopFw`). When the editions differ the incoming assessment is first mapped onto the workshop's
// by feature id (mapAssessmentToFramework); what it drops is listed in the plan's notes.
MergePlan planMerge(const Assessment &workshop, const Framework &workshopFw, const Assessment &incoming,
                    const Framework &incomingFw, const MergeOptions &options = {});

struct MergeChoices {
    std::optional<MergeChoice> all;           // for every conflict without a choice of its own
    std::map<std::string, MergeChoice> byKey; // per item (conflicts, or new items to decline)
};

struct MergeOutcome {
    std::optional<Assessment> merged;    // set when every conflict has a choice
    std::vector<std::string> unresolved; // keys of conflicts without a choice
    std::vector<std::string> errors;     // choices naming no item, or Both for an item that is not text
    std::size_t applied = 0;             // items whose incoming value went in

    bool ok() const { return merged.has_value(); }
};

// The workshop's assessment with the chosen incoming values in. Nothing is stored.
MergeOutcome applyMerge(const MergePlan &plan, const MergeChoices &choices);

nlohmann::json mergePlanToJson(const MergePlan &plan);

} // namespace hicm
