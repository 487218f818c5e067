#include "workspace_edit.h"

#include "workspace.h"

namespace hicm::document {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// A made or inserted assessment: its inverse deletes it.
WorkspaceApplied made(const storage::Result<std::int64_t> &id)
{
    if (!id)
        return {id.error(), std::nullopt, 0};
    return {storage::Done{}, DeleteAssessment{*id}, *id};
}

}  // namespace

WorkspaceApplied applyToWorkspace(storage::Workspace &workspace, const WorkspaceEdit &edit)
{
    return std::visit(
        Overloaded{
            [&](const CreateAssessment &e) { return made(workspace.createAssessment(e.fields, e.frameworkJson)); },
            [&](const Reassess &e) { return made(workspace.reassess(e.previousId, e.date, e.title)); },
            [&](const InsertAssessment &e) {
                return made(workspace.insertAssessment(e.assessment, e.frameworkJson, e.keepIds));
            },
            [&](const DeleteAssessment &e) -> WorkspaceApplied {
                // What is stored, kept for the undo: it comes back with the same ids.
                auto stored = workspace.loadAssessment(e.id);
                if (!stored)
                    return {stored.error(), std::nullopt, e.id};
                auto json = workspace.frameworkJson(e.id);
                if (!json)
                    return {json.error(), std::nullopt, e.id};
                storage::Status status = workspace.deleteAssessment(e.id);
                if (!status)
                    return {status, std::nullopt, e.id};
                return {status, InsertAssessment{std::move(*stored), std::move(*json), true}, e.id};
            }},
        edit);
}

std::int64_t assessmentOf(const WorkspaceEdit &edit)
{
    if (const auto *e = std::get_if<DeleteAssessment>(&edit))
        return e->id;
    if (const auto *e = std::get_if<InsertAssessment>(&edit))
        return e->keepIds ? e->assessment.id : 0;
    return 0;
}

}  // namespace hicm::document
