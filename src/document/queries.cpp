#include "queries.h"

#include "workspace.h"

namespace hicm::document {

storage::Result<ScoredAssessment> loadScored(storage::Workspace &workspace, std::int64_t id)
{
    auto assessment = workspace.loadAssessment(id);
    if (!assessment)
        return assessment.error();
    auto framework = workspace.framework(id);
    if (!framework)
        return framework.error();
    return ScoredAssessment{std::move(*assessment), *framework};
}

storage::Result<Compared> compareStored(storage::Workspace &workspace, std::int64_t beforeId, std::int64_t afterId)
{
    // Both assessments first, then both frameworks: the first problem in that order is the one reported.
    auto before = workspace.loadAssessment(beforeId), after = workspace.loadAssessment(afterId);
    auto fwBefore = workspace.framework(beforeId), fwAfter = workspace.framework(afterId);
    for (const storage::StorageError *error :
         {before ? nullptr : &before.error(), after ? nullptr : &after.error(), fwBefore ? nullptr : &fwBefore.error(),
          fwAfter ? nullptr : &fwAfter.error()})
        if (error)
            return *error;
    Comparison comparison = compareAssessments(**fwBefore, *before, **fwAfter, *after);
    return Compared{{std::move(*before), *fwBefore}, {std::move(*after), *fwAfter}, std::move(comparison)};
}

AreaHistory areaHistory(storage::Workspace &workspace, const std::vector<storage::AssessmentSummary> &summaries,
                        const std::string &area)
{
    AreaHistory history;
    for (const auto &s : summaries) {
        if (!sameArea(s.area, area))
            continue;
        auto scored = loadScored(workspace, s.id);
        if (scored)
            history.assessments.push_back(std::move(*scored));
        else
            history.unread.push_back(scored.error());
    }
    return history;
}

storage::Result<ReportBasis> reportBasis(storage::Workspace &workspace, std::int64_t id,
                                         std::optional<std::int64_t> compareWith)
{
    auto scored = loadScored(workspace, id);
    if (!scored)
        return scored.error();
    std::optional<ScoredAssessment> previous;
    if (compareWith) {
        auto loaded = loadScored(workspace, *compareWith);
        if (!loaded)
            return loaded.error();
        previous = std::move(*loaded);
    }
    Prioritisation p = prioritise(*scored->framework, scored->assessment);
    return ReportBasis{std::move(*scored), std::move(p), std::move(previous)};
}

ReportBasis reportBasis(storage::Workspace &workspace, ScoredAssessment open, const Assessment *previous)
{
    ReportBasis basis{std::move(open), {}, std::nullopt};
    basis.prioritisation = prioritise(*basis.assessment.framework, basis.assessment.assessment);
    if (previous && basis.assessment.assessment.previousId) {
        auto framework = workspace.framework(*basis.assessment.assessment.previousId);
        basis.previous = ScoredAssessment{*previous, framework ? *framework : nullptr};
    }
    return basis;
}

}  // namespace hicm::document
