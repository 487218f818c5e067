// The reads both front ends make of a workspace, written once (the app's Compare, Trend and report
// screens through Session, and the CLI's commands): an assessment with the framework it was scored
// against, two of them compared, and an area's history for its trend. Each reads in one place, in the
// same order, so the app and the CLI report the same first problem.
#pragma once

#include "compare.h"
#include "trend.h"
#include "workspace.h"

#include <cstdint>
#include <string>
#include <vector>

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

}  // namespace hicm::document
