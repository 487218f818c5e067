// The document's life (open, reload), what an edit changes (scopeOf, featureOf) and the signals that say
// so, and the check of the copy against the file. Applying an edit: document_apply.cpp.
#include "document.h"

#include "assessment_json.h"
#include "overloaded.h"
#include "workspace.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace hicm::document {

namespace {

std::atomic<bool> g_verify{false};

}  // namespace

Scope scopeOf(const Edit &edit)
{
    return std::visit(Overloaded{[](const SetDetail &) { return Scope::Details; },
                                 [](const SetStatus &) { return Scope::Details; },
                                 [](const EditFeature &) { return Scope::Feature; },
                                 [](const SetMetric &) { return Scope::Feature; },
                                 [](const RemoveMetric &) { return Scope::Feature; },
                                 [](const SetPlanned &) { return Scope::Feature; },
                                 [](const AddPartner &) { return Scope::Partners; },
                                 [](const RestorePartner &) { return Scope::Partners; },
                                 [](const UpdatePartner &) { return Scope::Partners; },
                                 [](const RemovePartner &) { return Scope::Partners; },
                                 [](const AddAction &) { return Scope::Plan; },
                                 [](const UpdateAction &) { return Scope::Plan; },
                                 [](const RemoveAction &) { return Scope::Plan; },
                                 [](const SetOverride &) { return Scope::Decisions; },
                                 [](const RemoveOverride &) { return Scope::Decisions; },
                                 [](const RoomVotes &) { return Scope::Feature; },
                                 [](const MergeFile &) { return Scope::All; },
                                 [](const UndoMerge &) { return Scope::All; }},
                      edit);
}

std::string featureOf(const Edit &edit)
{
    if (const auto *e = std::get_if<EditFeature>(&edit))
        return e->featureId;
    if (const auto *e = std::get_if<SetMetric>(&edit))
        return e->featureId;
    if (const auto *e = std::get_if<RemoveMetric>(&edit))
        return e->featureId;
    if (const auto *e = std::get_if<SetPlanned>(&edit))
        return e->featureId;
    if (const auto *e = std::get_if<RoomVotes>(&edit))
        return e->featureId;
    return {};
}

Document::Document(storage::Workspace &workspace, Assessment assessment, std::shared_ptr<const Framework> framework)
    : m_workspace(workspace), m_assessment(std::move(assessment)), m_framework(std::move(framework))
{
}

Document::~Document() = default;

std::unique_ptr<Document> Document::open(storage::Workspace &workspace, std::int64_t id, std::string *error)
{
    auto framework = workspace.framework(id);
    auto loaded = workspace.loadAssessment(id);
    if (!framework || !loaded) {
        if (error)
            *error = (!framework ? framework.error() : loaded.error()).toString();
        return nullptr;
    }
    std::unique_ptr<Document> doc(new Document(workspace, std::move(*loaded), *framework));
    if (doc->m_assessment.previousId)
        if (auto prev = workspace.loadAssessment(*doc->m_assessment.previousId))
            doc->m_previous = std::move(*prev);
    return doc;
}

void Document::setVerifyEveryEdit(bool verify)
{
    g_verify = verify;
}

bool Document::reload(std::string *error)
{
    auto loaded = m_workspace.loadAssessment(m_assessment.id);
    if (!loaded) {
        if (error)
            *error = loaded.error().toString();
        return false;
    }
    m_assessment = std::move(*loaded);
    m_previous.reset();
    if (m_assessment.previousId)
        if (auto prev = m_workspace.loadAssessment(*m_assessment.previousId))
            m_previous = std::move(*prev);
    emit reloaded();
    emit changed();
    return true;
}

void Document::announce(const Edit &edit)
{
    switch (scopeOf(edit)) {
    case Scope::Details:
        emit detailsChanged();
        break;
    case Scope::Feature:
        emit featureChanged(QString::fromStdString(featureOf(edit)));
        break;
    case Scope::Partners:
        emit partnersChanged();
        break;
    case Scope::Plan:
        emit planChanged();
        break;
    case Scope::Decisions:
        emit decisionsChanged();
        break;
    case Scope::All:
        emit reloaded();
        break;
    }
    emit changed();
}

void Document::verify() const
{
    if (!g_verify)
        return;
    auto stored = m_workspace.loadAssessment(m_assessment.id);
    if (!stored)
        return;
    const auto mine = assessmentToJson(m_assessment), theirs = assessmentToJson(*stored);
    if (mine == theirs)
        return;
    const auto diff = nlohmann::json::diff(theirs, mine);
    std::fprintf(stderr, "hicm document: the copy differs from the file after an edit: %s\n", diff.dump().c_str());
    std::abort();
}

}  // namespace hicm::document
