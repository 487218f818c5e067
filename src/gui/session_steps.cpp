// Session's undo steps: the two undo commands (typed edits of the open assessment, and edits of the
// workspace's assessments), how a step is applied and undone, and the whole-assessment steps (create,
// reassess, delete). Every step is a typed edit of the document layer; undo applies its inverse.
#include "session.h"

#include "workspace.h"

#include <QUndoCommand>

namespace hicm::gui {

using storage::Status;
using namespace document;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

}  // namespace

// One undoable step of typed edits (usually one edit): redo applies them in order, undo applies the
// inverses their application returned, last first (and keeps the inverses of those for the next redo), so
// every step is checked and stored like any edit.
class EditCommand : public QUndoCommand {
public:
    EditCommand(Session *session, const QString &text, std::vector<document::Edit> edits, int mergeId, QString mergeKey)
        : QUndoCommand(text), m_session(session), m_forward(std::move(edits)), m_mergeId(mergeId),
          m_mergeKey(std::move(mergeKey))
    {
    }

    void redo() override
    {
        if (!m_session->applyEdits(m_forward, m_backward))
            setObsolete(true);  // nothing was stored: QUndoStack drops the step
    }
    void undo() override
    {
        if (!m_session->applyEdits(m_backward, m_forward))
            setObsolete(true);
    }
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        auto *o = static_cast<const EditCommand *>(other);
        if (o->m_mergeKey != m_mergeKey)
            return false;
        m_forward = o->m_forward;  // keep our undo: it restores the text from before the typing began
        return true;
    }

private:
    Session *m_session;
    std::vector<document::Edit> m_forward;
    std::vector<document::Edit> m_backward;
    int m_mergeId;
    QString m_mergeKey;
};

// One undoable edit of the workspace's assessments (document/workspace_edit.h): create, reassess, import,
// delete. Redo applies it, undo applies its inverse (a deletion keeps what it deleted, and its undo puts it
// back with the same ids). `done`: the edit was applied already (a creation, applied to learn its id), so
// the first redo only says so.
class WorkspaceCommand : public QUndoCommand {
public:
    WorkspaceCommand(Session *session, const QString &text, document::WorkspaceEdit edit,
                     std::optional<document::WorkspaceEdit> done = std::nullopt)
        : QUndoCommand(text), m_session(session), m_forward(std::move(edit)),
          m_backward(done ? std::move(*done) : m_forward), m_done(done.has_value())
    {
    }

    void redo() override
    {
        if (m_done) {
            m_done = false;
            m_session->stored();
            return;
        }
        if (!m_session->applyWorkspaceEdit(m_forward, m_backward))
            setObsolete(true);
    }
    void undo() override
    {
        if (!m_session->applyWorkspaceEdit(m_backward, m_forward))
            setObsolete(true);
    }

private:
    Session *m_session;
    document::WorkspaceEdit m_forward;
    document::WorkspaceEdit m_backward;
    bool m_done;
};

void Session::refused(const Status &status)
{
    if (status.error().kind == storage::StorageError::Kind::Final)
        emit locked(tr("Not changed: this assessment is final and locked. Use Unlock for Editing to change it."));
    else
        emit failed(qs(status.error().toString()));
    reload();  // show what is really stored
    if (m_workspace.changedByOthers())  // refused over another program's change: re-read it all, soon
        QTimer::singleShot(0, this, &Session::checkOtherPrograms);
}

void Session::stored()
{
    emit saved(tr("Saved"));
    reload();
    m_summariesStale = true;
    emit summariesChanged();
}

bool Session::applyWorkspaceEdit(const WorkspaceEdit &edit, WorkspaceEdit &inverse)
{
    auto applied = applyToWorkspace(m_workspace, edit);
    if (!applied.status) {
        refused(applied.status);
        return false;
    }
    inverse = *applied.inverse;
    m_lastAssessment = applied.id;
    if (std::holds_alternative<DeleteAssessment>(edit) && m_document && m_document->id() == applied.id)
        closeAssessment();
    stored();
    return true;
}

bool Session::applyEdit(const Edit &edit, Edit &inverse)
{
    if (!m_document)
        return false;
    auto applied = m_document->apply(edit);
    if (!applied.status) {
        refused(applied.status);
        return false;
    }
    inverse = *applied.inverse;
    emit saved(tr("Saved"));
    m_summariesStale = true;
    emit summariesChanged();
    return true;
}

bool Session::applyEdits(const std::vector<Edit> &edits, std::vector<Edit> &inverses)
{
    std::vector<Edit> back;  // the inverses, last first
    for (const Edit &edit : edits) {
        Edit inverse = edit;
        if (!applyEdit(edit, inverse)) {
            for (const Edit &undo : back) {  // the step is all or nothing: put back what it did already
                Edit ignored = undo;
                applyEdit(undo, ignored);
            }
            m_lastStored = false;
            return false;
        }
        back.insert(back.begin(), std::move(inverse));
    }
    inverses = std::move(back);
    m_lastStored = true;
    return true;
}

void Session::apply(const QString &text, Edit edit, int mergeId, const QString &mergeKey)
{
    applySteps(text, {std::move(edit)}, mergeId, mergeKey);
}

bool Session::applySteps(const QString &text, std::vector<Edit> edits, int mergeId, const QString &mergeKey)
{
    if (readOnly()) {
        emit failed(tr("%1: this workspace is open read-only (%2); the change was not made.")
                        .arg(path(), readOnlyReason()));
        return false;
    }
    if (!m_document)
        return false;
    m_lastStored = false;
    m_undo.push(new EditCommand(this, text, std::move(edits), mergeId, mergeKey));
    return m_lastStored;
}

std::optional<std::int64_t> Session::apply(const QString &text, WorkspaceEdit edit)
{
    if (readOnly()) {
        emit failed(tr("%1: this workspace is open read-only (%2); the change was not made.")
                        .arg(path(), readOnlyReason()));
        return std::nullopt;
    }
    m_lastAssessment = 0;
    m_undo.push(new WorkspaceCommand(this, text, std::move(edit)));
    return m_lastAssessment != 0 ? std::optional<std::int64_t>(m_lastAssessment) : std::nullopt;
}

std::optional<std::int64_t> Session::createAssessment(const storage::NewAssessment &fields,
                                                      const std::string &frameworkJson)
{
    if (readOnly()) {
        emit failed(tr("%1: this workspace is open read-only (%2).").arg(path(), readOnlyReason()));
        return std::nullopt;
    }
    const CreateAssessment create{fields, frameworkJson};
    auto applied = applyToWorkspace(m_workspace, create);
    if (!applied.status) {
        emit failed(qs(applied.status.error().toString()));
        return std::nullopt;
    }
    m_undo.push(new WorkspaceCommand(this, tr("New assessment %1").arg(qs(fields.area)), create, *applied.inverse));
    return applied.id;
}

std::optional<std::int64_t> Session::reassess(std::int64_t previousId, const std::string &date, const std::string &title)
{
    if (readOnly()) {
        emit failed(tr("%1: this workspace is open read-only (%2).").arg(path(), readOnlyReason()));
        return std::nullopt;
    }
    // Area, partners, targets, weights and the open actions carry over; levels and notes start afresh.
    const Reassess next{previousId, date, title};
    auto applied = applyToWorkspace(m_workspace, next);
    if (!applied.status) {
        emit failed(qs(applied.status.error().toString()));
        return std::nullopt;
    }
    QString area;
    if (auto loaded = m_workspace.loadAssessment(applied.id))
        area = qs(loaded->area);
    m_undo.push(new WorkspaceCommand(this, tr("Reassess %1").arg(area), next, *applied.inverse));
    return applied.id;
}

void Session::deleteAssessment(std::int64_t id)
{
    QString name;
    for (const auto &s : summaries())
        if (s.id == id)
            name = qs(s.area);
    apply(tr("Delete assessment %1").arg(name), DeleteAssessment{id});
}

}  // namespace hicm::gui
