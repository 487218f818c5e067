// An assessment: one area's scoring of the framework's features at one workshop. Qt-free plain data;
// storage (src/storage) persists it, prioritisation and comparison read it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hicm {

enum class Confidence { Unset, Low, Medium, High };
enum class AssessmentStatus { Draft, Final };
enum class ActionStatus { NotStarted, InProgress, Done, Dropped };
enum class OrgType { Icb, NhsTrust, LocalAuthority, CareProvider, Vcfse, PrimaryCare, LivedExperience, Other };
enum class OverrideKind { Pin, Exclude };

// Stable lower-case names used in the CLI, JSON and the database ("low", "in-progress", "nhs-trust" …).
const char *toString(Confidence c);
const char *toString(AssessmentStatus s);
const char *toString(ActionStatus s);
const char *toString(OrgType t);
const char *toString(OverrideKind k);
// Human labels for the UI and reports ("NHS trust", "In progress" …).
const char *label(OrgType t);
const char *label(ActionStatus s);
std::optional<Confidence> parseConfidence(const std::string &s);
std::optional<AssessmentStatus> parseAssessmentStatus(const std::string &s);
std::optional<ActionStatus> parseActionStatus(const std::string &s);
std::optional<OrgType> parseOrgType(const std::string &s);  // accepts names and labels, any case
std::optional<OverrideKind> parseOverrideKind(const std::string &s);
std::vector<OrgType> allOrgTypes();
std::vector<ActionStatus> allActionStatuses();

struct Partner {
    std::int64_t id = 0;       // storage id; 0 before it is stored
    std::string organisation;  // unique within an assessment
    OrgType type = OrgType::Other;
    std::string contact;
};

// One partner's view of one feature.
struct PartnerLevel {
    std::string partner;  // Partner::organisation
    int level = 0;
    std::string note;
};

struct MetricValue {
    std::string metricId;  // a framework "data to use" id, e.g. "B1.M3", or the room's own: "B6.own1"
    std::string value;
    std::string unit;
    std::string period;
    std::string source;
    std::string name;  // the room's own metric's name (empty for the framework's listed ones)
};

// A metric value in one line, as the change log and the merge view show it:
// "120 per month; period: 2023-24; source: SUS".
std::string metricValueText(const MetricValue &m);
// The id of the room's own metric number `n` (1, 2 …) for a feature: "B6.own1"; and whether an id is one.
std::string ownMetricId(const std::string &featureId, int n);
bool isOwnMetricId(const std::string &featureId, const std::string &metricId);

struct FeatureAssessment {
    std::string featureId;  // e.g. "B3"
    std::vector<PartnerLevel> partnerLevels;
    std::optional<int> agreedLevel;
    std::string rationale;
    std::optional<int> targetLevel;  // nullopt: the top of the scale
    Confidence confidence = Confidence::Unset;
    int weight = 2;  // importance, 1..3
    std::string evidence;
    std::vector<MetricValue> metrics;
    std::vector<std::string> plannedActions;  // targeted action ids taken into the plan

    const PartnerLevel *partnerLevel(const std::string &partner) const;
};

struct Action {
    std::int64_t id = 0;  // storage id; also the number shown to users ("action 3")
    std::string text;
    std::string change;   // a change id, or empty
    std::string feature;  // a feature id, or empty
    std::string owner;
    std::string due;  // YYYY-MM-DD or empty
    ActionStatus status = ActionStatus::NotStarted;
    std::string notes;
    // When the action was carried into a reassessment: the id of the action it continues in the
    // assessment this one reassesses (Assessment::previousId). Not part of exchange files.
    std::optional<std::int64_t> carriedFrom;

    // Not started or in progress: carried into the next assessment.
    bool open() const { return status == ActionStatus::NotStarted || status == ActionStatus::InProgress; }
};

// A facilitator's decision beside the prioritisation engine's result: pin a change first, or exclude one.
struct Override {
    std::string change;
    OverrideKind kind = OverrideKind::Pin;
    std::string reason;
};

struct LogEntry {
    std::int64_t id = 0;
    std::string when;  // ISO 8601 UTC
    std::string what;  // e.g. "agreed level B3"
    std::string from;
    std::string to;
};

struct Assessment {
    std::int64_t id = 0;
    std::string area;
    std::string title;
    std::string date;  // YYYY-MM-DD
    std::string facilitator;
    AssessmentStatus status = AssessmentStatus::Draft;
    std::string created;  // ISO 8601 UTC
    std::string updated;
    std::string frameworkHash;   // content hash of the framework edition it was scored against
    std::string frameworkTitle;  // and its title and edition, for display
    std::string frameworkEdition;
    std::optional<std::int64_t> previousId;  // the assessment this one reassesses, if any

    std::vector<Partner> partners;
    std::vector<FeatureAssessment> features;  // one per framework feature, in framework order
    std::vector<Action> actions;
    std::vector<Override> overrides;

    const FeatureAssessment *feature(const std::string &featureId) const;
    FeatureAssessment *feature(const std::string &featureId);
    const Partner *partner(const std::string &organisation) const;
    // Number of features with an agreed level.
    int agreedCount() const;
};

struct Feature;

// Puts a feature's metric values and planned targeted actions in the framework's order (the framework's
// listed ones first, as the framework lists them; the room's own metrics after them, as added): the order
// a stored assessment is read in, and the one an edited copy keeps.
void sortInFrameworkOrder(FeatureAssessment &assessed, const Feature &feature);

}  // namespace hicm
