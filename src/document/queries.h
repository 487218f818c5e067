// The reads both front ends make of a workspace, written once (the app's Compare, Trend and report
// screens through Session, and the CLI's commands): an assessment with the framework it was scored
// against, two of them compared, an area's history for its trend, and the board report's input. Each reads in one place, in the
// same order, so the app and the CLI report the same first problem.
#pragma once

#include "compare.h"
#include "prioritisation.h"
#include "trend.h"
#include "storage_error.h"
#include "workspace_types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hicm::storage {
class Workspace;
}

namespace hicm::document {

// Assessment `id` and the framework it was scored against (its stored copy).
storage::Result<ScoredAssessment> loadScored(storage::Workspace &workspace, std::int64_t id);

// Assessment `beforeId` (then) compared with `afterId` (now), each against its own framework.
struct Compared {
    ScoredAssessment before;
    ScoredAssessment after;
    Comparison comparison;
};
storage::Result<Compared> compareStored(storage::Workspace &workspace, std::int64_t beforeId, std::int64_t afterId);

// The assessments of `area` (sameArea: case and surrounding spaces aside) among `summaries`, each with
// its framework, in the order listed, for core buildTrend; `unread` says why any could not be read (one
// problem per assessment, in the same order).
struct AreaHistory {
    std::vector<ScoredAssessment> assessments;
    std::vector<storage::StorageError> unread;
};
AreaHistory areaHistory(storage::Workspace &workspace, const std::vector<storage::AssessmentSummary> &summaries,
                        const std::string &area);

// What the board report is made from (report::ReportInput points into it; this library does not depend
// on hicm_report): the assessment with its framework and its prioritisation, and the assessment it is
// compared with, with that one's framework, when there is one.
struct ReportBasis {
    ScoredAssessment assessment;
    Prioritisation prioritisation;
    std::optional<ScoredAssessment> previous;
};
// From the file, as the CLI's report command reads it: assessment `id`, then `compareWith` when given
// (the first problem in that order is the one reported).
storage::Result<ReportBasis> reportBasis(storage::Workspace &workspace, std::int64_t id,
                                         std::optional<std::int64_t> compareWith);
// For an assessment already open (the app's document copy, `open`), compared with `previous` (the one it
// reassesses, as the document read it; nullptr for none) and the framework stored with
// `open.assessment.previousId`; when that framework cannot be read, `previous->framework` is null and the
// report reads the previous levels against the open assessment's framework.
ReportBasis reportBasis(storage::Workspace &workspace, ScoredAssessment open, const Assessment *previous);

}  // namespace hicm::document
