// The prioritisation engine: from an assessment's maturity gaps to a ranked, sequenced and explained
// plan of the framework's changes. Qt-free and pure: the same framework and assessment always give the
// same result. Driven entirely by the framework data (alignments, prerequisites, level scale); no
// feature or change id is known to the code. The rules are in docs/prioritisation.md.
#pragma once

#include "assessment.h"
#include "framework.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace hicm {

// What the engine reads from one feature of the assessment.
struct FeatureInput {
    std::string featureId;
    std::string title;
    std::optional<int> level; // agreed, or the partners' median rounded down; nullopt: not scored
    bool provisional = false; // level is the partners' median, not agreed
    int target = 0;           // the target level (default: the top of the scale)
    int gap = 0;              // max(0, target - level); 0 when not scored
    int weight = 2;           // importance, 1..3
    Confidence confidence = Confidence::Unset;
    std::vector<PartnerLevel> partnerLevels; // those on the scale
    int partnerSpread = 0;                   // highest minus lowest partner level
};

// One aligned feature's part in a change's score.
struct Contribution {
    std::string featureId;
    std::string title;
    int level = 0;
    int target = 0;
    int gap = 0;
    int weight = 2;
    double alignmentWeight = 1.0;
    Basis alignmentBasis = Basis::Text;
    double contribution = 0; // gap x weight x alignmentWeight
    bool provisional = false;
    Confidence confidence = Confidence::Unset;
};

// A recommended change that (transitively) requires this one.
struct Dependent {
    std::string change;
    std::string title;
    bool direct = false;       // a prerequisite stated directly, not through another change
    Basis basis = Basis::Text; // of the direct link (when direct)
};

// A change this one requires, and where that prerequisite stands.
struct Requirement {
    std::string change;
    std::string title;
    Basis basis = Basis::Text;
    std::string status; // "recommended", "in_place", "not_scored", "no_aligned_features"
};

struct ActionRef {
    std::string feature;
    std::string id;
    std::string text;
    bool planned = false; // already taken into the assessment's plan
};

enum class Phase { StartNow, Next, Later };
const char *toString(Phase p); // "start-now", "next", "later"
const char *label(Phase p);    // "Start now", "Next", "Later"

struct RankedChange {
    std::string id;
    std::string title;
    int rank = 0;     // 1-based position in the sequence
    double score = 0; // the largest contribution of its aligned features (its deepest weighted gap)
    double total = 0; // sum of the contributions: the first tie-break
    Phase phase = Phase::StartNow;
    int step = 0;                       // longest chain of recommended prerequisites below this change
    double priority = 0;                // own score, or the highest score of a recommended dependent
    std::string priorityFrom;           // the dependent that lent its priority; empty when its own
    bool pulledForward = false;         // brought forward: its priority is lent by a change that needs it
    bool provisional = false;           // a driving feature's level is provisional
    std::vector<Contribution> drivers;  // aligned features short of target, largest contribution first
    std::vector<std::string> atTarget;  // aligned features at or above target
    std::vector<std::string> notScored; // aligned features not scored yet
    std::vector<Dependent> requiredBy;
    std::vector<Requirement> requirements; // its direct prerequisites
    std::vector<ActionRef> actions;
    std::string phaseReason; // the phase rule's arithmetic (JSON, the report's method appendix)
    std::string summary;     // the score's arithmetic (JSON, the report's method appendix)
    std::string plain;       // why it is where it is, in words for a board: no numbers, no action codes
};

enum class NotRecommendedReason { AtTarget, NotScored, NoAlignedFeatures };
const char *toString(NotRecommendedReason r); // "at_target", "not_scored", "no_aligned_features"

struct NotRecommended {
    std::string id;
    std::string title;
    NotRecommendedReason reason = NotRecommendedReason::AtTarget;
    std::string why;
    std::vector<std::string> atTarget;
    std::vector<std::string> notScored;
    std::vector<std::string> prerequisiteOf; // recommended changes that require it
};

struct Findings {
    std::vector<FeatureInput> noSharedView; // partners two or more levels apart
    std::vector<FeatureInput> lowConfidence;
    std::vector<FeatureInput> notScored;
    std::vector<FeatureInput> provisional;
    std::vector<std::string> ignored; // levels or ids in the assessment the framework does not know
};

// A facilitator's override as the engine applied it.
struct OverrideOutcome {
    Override decision;
    bool applied = false;
    std::string note;
};

// One entry of the facilitator's adjusted sequence.
struct AdjustedEntry {
    std::string id;
    std::string title;
    int rank = 0;
    Phase phase = Phase::StartNow;
    std::optional<int> engineRank; // nullopt: the engine did not recommend it
    bool pinned = false;
    std::string broughtForwardBy; // a pinned change that needs this one first
    std::string note;
};

struct Prioritisation {
    std::string frameworkId;
    std::string frameworkTitle;
    std::string frameworkEdition;
    std::vector<FeatureInput> inputs;           // framework order
    std::vector<RankedChange> changes;          // recommended, in sequence
    std::vector<NotRecommended> notRecommended; // framework order
    Findings findings;
    bool provisional = false; // some recommended change rests on a provisional level
    std::vector<OverrideOutcome> overrides;
    std::vector<AdjustedEntry> facilitatorSequence; // empty when there are no overrides
    std::vector<std::string> overrideWarnings;
};

// One change in the order the room agreed: the engine's sequence with the facilitator's overrides applied.
struct AgreedStep {
    std::string id;
    std::string title;
    int rank = 0;
    Phase phase = Phase::StartNow;
    std::optional<int> engineRank; // the method's own rank; nullopt: the method does not recommend it
    bool pinned = false;
    std::string broughtForwardBy; // a pinned change that needs this one first
    std::string roomReason;       // the reason given with the pin
    std::string difference;       // where and why this differs from the method's order; empty: it does not
    std::string why;              // the method's plain reason (RankedChange::plain), or why it is not recommended
};

// A change the method recommends and the room left out.
struct LeftOutStep {
    std::string id;
    std::string title;
    std::optional<int> engineRank;
    std::string roomReason;
    std::string difference; // "HIC F Workforce was left out by the room: …; the method alone would rank it 2nd."
};

// The plan the room agreed. Every view of the plan (report, app, CLI, CSV) shows this, so they cannot
// disagree: with no overrides it is the engine's sequence.
struct AgreedPlan {
    bool adjusted = false; // the room's order differs from the method's
    std::vector<AgreedStep> steps;
    std::vector<LeftOutStep> leftOut;
    std::vector<std::string> notes; // overrides not applied and exclusions a kept change still needs, in words
};
AgreedPlan agreedPlan(const Prioritisation &p);

// "1st", "2nd", "3rd", "4th", "11th", "22nd" …
std::string ordinal(int n);

// Runs the engine. Pure: no I/O, no clock, no randomness.
Prioritisation prioritise(const Framework &framework, const Assessment &assessment);

// The engine's inputs per feature (exposed for the UI and tests).
std::vector<FeatureInput> prioritisationInputs(const Framework &framework, const Assessment &assessment);

// What the engine left out of the assessment and why (levels off the scale, unknown feature ids …).
std::vector<std::string> prioritisationIgnored(const Framework &framework, const Assessment &assessment);

// The findings beside the ranking, from the inputs (framework order within each kind).
Findings prioritisationFindings(const Framework &framework, const Assessment &assessment,
                                const std::vector<FeatureInput> &inputs);

// A score for people: at most two decimals, no trailing zeros ("4", "2.5", "2.67").
std::string formatScore(double value);

// The partners' median rounded down; nullopt for none.
std::optional<int> medianRoundedDown(std::vector<int> levels);

// The JSON of `hicm-assess-cli prioritise --json` (docs/cli.md, docs/prioritisation.md).
nlohmann::json prioritisationToJson(const Prioritisation &p);

// Internal: why a recommended change is where it is, in words for a board (prioritisation_plain.cpp).
std::string plainReason(const RankedChange &change, const std::vector<RankedChange> &sequence);

// Internal: applies the facilitator's overrides to an engine result (prioritisation_overrides.cpp).
void applyOverrides(const Framework &framework, const Assessment &assessment, Prioritisation &result);

} // namespace hicm
