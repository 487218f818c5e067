// The records a workspace takes and gives (storage::Workspace, workspace.h): how to open one, a line of
// its list of assessments, a new assessment's fields, and the changes of one feature. Plain values with
// no storage behind them, so that the document layer and the front ends can name them without seeing the
// workspace's interface.
#pragma once

#include "assessment.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hicm::storage {

enum class OpenMode { ReadWrite, ReadOnly };

struct OpenOptions {
    OpenMode mode = OpenMode::ReadWrite;
    bool create = true;          // create the file if the path does not exist (ReadWrite only)
    int busyTimeoutMs = 5000;    // how long to wait for another program's lock
    bool backupOnOpen = true;    // rotating backup when opened for writing (ReadWrite only)
    int keepBackups = 5;         // rotating backups kept in "<file>.backups/"
    // ReadWrite only. At open, PRAGMA quick_check (a damaged file is refused exactly as without this), and
    // the full integrity check, which the first write needs, on a thread of its own with a connection of its
    // own: the app's start-up does not wait for it. The first write (or verifyIntegrity) waits for its
    // answer; if it did not pass, that write checks again itself, and a damaged file turns read-only.
    bool fullCheckInBackground = false;
    // With fullCheckInBackground: the check's thread starts when Workspace::startIntegrityCheck() is called
    // (the app: once its window is up, so that the check does not compete with drawing it), not at open.
    // Until then it counts as running; a write, or verifyIntegrity, before it runs the check itself.
    bool startCheckLater = false;
};

// One line of the assessment list, with a mini profile of the agreed levels.
struct AssessmentSummary {
    std::int64_t id = 0;
    std::string area;
    std::string title;
    std::string date;
    AssessmentStatus status = AssessmentStatus::Draft;
    std::string updated;
    std::string frameworkTitle;
    std::string frameworkEdition;
    int agreedCount = 0;
    int featureCount = 0;
    std::vector<std::pair<std::string, std::optional<int>>> levels;  // feature id, agreed level; framework order
};

struct NewAssessment {
    std::string area;  // required
    std::string title;
    std::string date;  // YYYY-MM-DD or empty
    std::string facilitator;
    std::vector<Partner> partners;
    std::optional<std::int64_t> previousId;
};

enum class AssessmentField { Area, Title, Date, Facilitator };

// One partner's level (and note) for a feature; level nullopt removes it.
struct PartnerLevelEdit {
    std::int64_t partnerId = 0;
    std::optional<int> level;
    std::optional<std::string> note;  // unchanged when nullopt
};

// Several changes to one feature, applied in one transaction; only the fields set are changed.
// For the optional<optional<int>> levels: nullopt = leave alone, optional(nullopt) = clear.
struct FeatureEdit {
    std::optional<std::optional<int>> agreedLevel;
    std::optional<std::string> rationale;
    std::optional<std::optional<int>> targetLevel;
    std::optional<Confidence> confidence;
    std::optional<int> weight;
    std::optional<std::string> evidence;
    std::vector<PartnerLevelEdit> partnerLevels;
};

}  // namespace hicm::storage
