#include "session.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace hicm::gui {

using storage::Status;

// One undoable edit: redo and undo each write to the workspace.
class StorageCommand : public QUndoCommand {
public:
    StorageCommand(Session *session, const QString &text, std::function<Status()> redo, std::function<Status()> undo,
                   int mergeId, QString mergeKey)
        : QUndoCommand(text), m_session(session), m_redo(std::move(redo)), m_undo(std::move(undo)), m_mergeId(mergeId),
          m_mergeKey(std::move(mergeKey))
    {
    }

    void redo() override
    {
        if (!m_session->run(m_redo))
            setObsolete(true);  // nothing was stored: QUndoStack drops the step
    }
    void undo() override
    {
        if (!m_session->run(m_undo))
            setObsolete(true);
    }
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        auto *o = static_cast<const StorageCommand *>(other);
        if (o->m_mergeKey != m_mergeKey)
            return false;
        m_redo = o->m_redo;  // keep our undo: it restores the text from before the typing began
        return true;
    }

private:
    Session *m_session;
    std::function<Status()> m_redo;
    std::function<Status()> m_undo;
    int m_mergeId;
    QString m_mergeKey;
};

// One undoable typed edit: redo applies it, undo applies the inverse its application returned (and
// keeps the inverse of that for the next redo), so every step is checked and stored like any edit.
class EditCommand : public QUndoCommand {
public:
    EditCommand(Session *session, const QString &text, document::Edit edit, int mergeId, QString mergeKey)
        : QUndoCommand(text), m_session(session), m_forward(std::move(edit)), m_backward(m_forward),
          m_mergeId(mergeId), m_mergeKey(std::move(mergeKey))
    {
    }

    void redo() override
    {
        if (!m_session->applyEdit(m_forward, m_backward))
            setObsolete(true);  // nothing was stored: QUndoStack drops the step
    }
    void undo() override
    {
        if (!m_session->applyEdit(m_backward, m_forward))
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
    document::Edit m_forward;
    document::Edit m_backward;
    int m_mergeId;
    QString m_mergeKey;
};

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Merge ids of typed edits (EditCommand) and of whole-assessment steps (StorageCommand) never meet:
// QUndoStack merges only commands of the same id.
enum MergeIds { MergeField = 1, MergeRationale, MergeEvidence, MergeMetric, MergeAction };

using namespace document;

storage::FeatureEdit partnerLevelEdit(std::int64_t partnerId, std::optional<int> level)
{
    storage::FeatureEdit e;
    e.partnerLevels.push_back({partnerId, level, std::nullopt});
    return e;
}

}  // namespace

Session::Session(storage::Workspace workspace) : m_workspace(std::move(workspace))
{
    m_undo.setUndoLimit(500);
    m_workspace.setRefuseStaleEdits(true);  // an edit after another program's change is refused, not written over it
    m_watch.setInterval(500);
    connect(&m_watch, &QTimer::timeout, this, &Session::checkOtherPrograms);
    m_watch.start();
}

void Session::checkOtherPrograms()
{
    if (!m_workspace.changedByOthers())
        return;
    m_workspace.markSeen();  // before re-reading: a change made meanwhile is seen at the next poll
    m_undo.clear();
    m_summariesStale = true;
    emit summariesChanged();
    reload();
    emit changedElsewhere(tr("Another program changed this workspace: the screen shows what is stored now, "
                             "and the undo history was cleared."));
}

Session::~Session() = default;

std::unique_ptr<Session> Session::open(const QString &path, QString *error, std::shared_ptr<const Framework> known)
{
    return adopt(prepare(path.toStdString(), std::move(known)), error);
}

PreparedWorkspace Session::prepare(const std::string &path, std::shared_ptr<const Framework> known)
{
    PreparedWorkspace prepared;
    prepared.path = path;
    auto result = storage::Workspace::open(path);
    if (!result) {
        prepared.error = result.error().toString();
        return prepared;
    }
    result->shareFramework(std::move(known));
    (void)result->verifyIntegrity();  // here, off the GUI thread; a damaged file turns read-only, saying why
    if (auto list = result->listAssessments())
        prepared.summaries = std::move(*list);
    prepared.workspace.emplace(std::move(*result));
    return prepared;
}

std::unique_ptr<Session> Session::adopt(PreparedWorkspace prepared, QString *error)
{
    if (!prepared.workspace) {
        if (error)
            *error = qs(prepared.error);
        return nullptr;
    }
    std::unique_ptr<Session> session(new Session(std::move(*prepared.workspace)));
    if (prepared.summaries) {
        session->m_summaries = std::move(*prepared.summaries);
        session->m_summariesStale = false;
    } else if (!session->refreshSummaries()) {
        if (error)
            *error = tr("%1: the list of assessments cannot be read").arg(qs(prepared.path));
        return nullptr;
    }
    return session;
}

QString Session::path() const
{
    return qs(m_workspace.path());
}

bool Session::readOnly() const
{
    return m_workspace.readOnly();
}

QString Session::readOnlyReason() const
{
    return qs(m_workspace.readOnlyReason());
}

const std::vector<storage::AssessmentSummary> &Session::summaries()
{
    if (m_summariesStale)
        refreshSummaries();
    return m_summaries;
}

bool Session::refreshSummaries()
{
    auto list = m_workspace.listAssessments();
    if (!list) {
        emit failed(qs(list.error().toString()));
        return false;
    }
    m_summaries = std::move(*list);
    m_summariesStale = false;
    return true;
}

bool Session::openAssessment(std::int64_t id)
{
    std::string error;
    auto doc = Document::open(m_workspace, id, &error);
    if (!doc) {
        emit failed(qs(error));
        return false;
    }
    m_document = std::move(doc);
    Document *d = m_document.get();
    connect(d, &Document::changed, this, &Session::assessmentChanged);
    connect(d, &Document::featureChanged, this, &Session::featureChanged);
    connect(d, &Document::partnersChanged, this, &Session::partnersChanged);
    connect(d, &Document::detailsChanged, this, &Session::detailsChanged);
    connect(d, &Document::planChanged, this, &Session::planChanged);
    connect(d, &Document::decisionsChanged, this, &Session::decisionsChanged);
    connect(d, &Document::reloaded, this, &Session::reloaded);
    emit opened();
    emit assessmentChanged();
    return true;
}

void Session::closeAssessment()
{
    m_document.reset();
}

bool Session::reload()
{
    if (!m_document)
        return true;
    std::string error;
    if (!m_document->reload(&error)) {
        emit failed(qs(error));
        return false;
    }
    return true;
}

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

bool Session::run(const std::function<Status()> &step)
{
    const Status status = step();
    if (!status) {
        refused(status);
        return false;
    }
    emit saved(tr("Saved"));
    reload();
    m_summariesStale = true;
    emit summariesChanged();
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

void Session::apply(const QString &text, Edit edit, int mergeId, const QString &mergeKey)
{
    if (readOnly()) {
        emit failed(tr("%1: this workspace is open read-only (%2); the change was not made.")
                        .arg(path(), readOnlyReason()));
        return;
    }
    if (!m_document)
        return;
    m_undo.push(new EditCommand(this, text, std::move(edit), mergeId, mergeKey));
}

void Session::push(const QString &text, std::function<Status()> redo, std::function<Status()> undo, int mergeId,
                   const QString &mergeKey)
{
    if (readOnly()) {
        emit failed(tr("%1: this workspace is open read-only (%2); the change was not made.")
                        .arg(path(), readOnlyReason()));
        return;
    }
    m_undo.push(new StorageCommand(this, text, std::move(redo), std::move(undo), mergeId, mergeKey));
}

// Undo of a whole assessment: delete it (keeping a snapshot), and redo puts the snapshot back with
// the same ids.
void Session::pushAssessmentStep(const QString &text, std::int64_t id, bool existsNow)
{
    auto snapshot = std::make_shared<std::optional<Assessment>>();
    auto json = std::make_shared<std::string>();
    auto remove = [this, id, snapshot, json]() -> Status {
        auto a = m_workspace.loadAssessment(id);
        auto j = m_workspace.frameworkJson(id);
        if (!a)
            return a.error();
        if (!j)
            return j.error();
        *snapshot = std::move(*a);
        *json = std::move(*j);
        if (m_document && m_document->id() == id)
            closeAssessment();
        return m_workspace.deleteAssessment(id);
    };
    auto restore = [this, snapshot, json]() -> Status {
        if (!*snapshot)
            return Status(storage::Done{});
        auto r = m_workspace.insertAssessment(**snapshot, *json, true);
        return r ? Status(storage::Done{}) : Status(r.error());
    };
    if (existsNow) {
        // It was just created: the first redo (run by push) does nothing; undo removes it.
        auto first = std::make_shared<bool>(true);
        push(text, [first, restore]() -> Status {
            if (*first) {
                *first = false;
                return Status(storage::Done{});
            }
            return restore();
        }, remove);
    } else {
        push(text, remove, restore);
    }
}

std::optional<std::int64_t> Session::createAssessment(const storage::NewAssessment &fields,
                                                      const std::string &frameworkJson)
{
    if (readOnly()) {
        emit failed(tr("%1: this workspace is open read-only (%2).").arg(path(), readOnlyReason()));
        return std::nullopt;
    }
    auto id = m_workspace.createAssessment(fields, frameworkJson);
    if (!id) {
        emit failed(qs(id.error().toString()));
        return std::nullopt;
    }
    pushAssessmentStep(tr("New assessment %1").arg(qs(fields.area)), *id, true);
    return *id;
}

std::optional<std::int64_t> Session::reassess(std::int64_t previousId, const std::string &date, const std::string &title)
{
    if (readOnly()) {
        emit failed(tr("%1: this workspace is open read-only (%2).").arg(path(), readOnlyReason()));
        return std::nullopt;
    }
    // Area, partners, targets, weights and the open actions carry over; levels and notes start afresh.
    auto id = m_workspace.reassess(previousId, date, title);
    if (!id) {
        emit failed(qs(id.error().toString()));
        return std::nullopt;
    }
    QString area;
    if (auto loaded = m_workspace.loadAssessment(*id))
        area = qs(loaded->area);
    pushAssessmentStep(tr("Reassess %1").arg(area), *id, true);
    return *id;
}

void Session::deleteAssessment(std::int64_t id)
{
    QString name;
    for (const auto &s : summaries())
        if (s.id == id)
            name = qs(s.area);
    pushAssessmentStep(tr("Delete assessment %1").arg(name), id, false);
}

void Session::setField(storage::AssessmentField field, const QString &value)
{
    const auto &a = assessment();
    const std::string old = field == storage::AssessmentField::Area    ? a.area
                            : field == storage::AssessmentField::Title ? a.title
                            : field == storage::AssessmentField::Date  ? a.date
                                                                       : a.facilitator;
    const std::string now = value.toStdString();
    if (now == old)
        return;
    apply(tr("Edit assessment details"), SetDetail{field, now}, MergeField, QString::number(static_cast<int>(field)));
}

void Session::setStatus(AssessmentStatus status)
{
    if (assessment().status == status)
        return;
    apply(status == AssessmentStatus::Final ? tr("Mark as final") : tr("Mark as draft"), SetStatus{status});
}

void Session::addPartner(const Partner &partner)
{
    apply(tr("Add partner %1").arg(qs(partner.organisation)), AddPartner{partner});
}

void Session::updatePartner(const Partner &partner)
{
    bool known = false;
    for (const auto &p : assessment().partners)
        known = known || p.id == partner.id;
    if (!known)
        return;
    apply(tr("Edit partner %1").arg(qs(partner.organisation)), UpdatePartner{partner}, MergeField,
          QStringLiteral("partner-%1").arg(partner.id));
}

void Session::removePartner(std::int64_t partnerId)
{
    for (const auto &p : assessment().partners)
        if (p.id == partnerId)
            return apply(tr("Remove partner %1").arg(qs(p.organisation)), RemovePartner{partnerId});
}

void Session::setPartnerLevel(const std::string &featureId, std::int64_t partnerId, std::optional<int> level)
{
    std::optional<int> old;
    std::string name;
    for (const auto &p : assessment().partners)
        if (p.id == partnerId)
            name = p.organisation;
    if (const auto *f = assessment().feature(featureId))
        if (const auto *pl = f->partnerLevel(name))
            old = pl->level;
    if (old == level)
        return;
    apply(tr("%1: %2's level").arg(qs(featureId), qs(name)), EditFeature{featureId, partnerLevelEdit(partnerId, level)});
}

void Session::setAgreedLevel(const std::string &featureId, std::optional<int> level)
{
    const auto *f = assessment().feature(featureId);
    if ((f ? f->agreedLevel : std::nullopt) == level)
        return;
    storage::FeatureEdit e;
    e.agreedLevel = level;
    apply(tr("%1: agreed level").arg(qs(featureId)), EditFeature{featureId, e});
}

void Session::setRationale(const std::string &featureId, const QString &text)
{
    const auto *f = assessment().feature(featureId);
    const std::string now = text.toStdString();
    if ((f ? f->rationale : std::string()) == now)
        return;
    storage::FeatureEdit e;
    e.rationale = now;
    apply(tr("%1: rationale").arg(qs(featureId)), EditFeature{featureId, e}, MergeRationale, qs(featureId));
}

void Session::setTarget(const std::string &featureId, std::optional<int> level)
{
    const auto *f = assessment().feature(featureId);
    if ((f ? f->targetLevel : std::nullopt) == level)
        return;
    storage::FeatureEdit e;
    e.targetLevel = level;
    apply(tr("%1: target").arg(qs(featureId)), EditFeature{featureId, e});
}

void Session::setConfidence(const std::string &featureId, Confidence confidence)
{
    const auto *f = assessment().feature(featureId);
    if ((f ? f->confidence : Confidence::Unset) == confidence)
        return;
    storage::FeatureEdit e;
    e.confidence = confidence;
    apply(tr("%1: confidence").arg(qs(featureId)), EditFeature{featureId, e});
}

void Session::setWeight(const std::string &featureId, int weight)
{
    const auto *f = assessment().feature(featureId);
    if ((f ? f->weight : 2) == weight)
        return;
    storage::FeatureEdit e;
    e.weight = weight;
    apply(tr("%1: importance").arg(qs(featureId)), EditFeature{featureId, e});
}

void Session::setEvidence(const std::string &featureId, const QString &text)
{
    const auto *f = assessment().feature(featureId);
    const std::string now = text.toStdString();
    if ((f ? f->evidence : std::string()) == now)
        return;
    storage::FeatureEdit e;
    e.evidence = now;
    apply(tr("%1: evidence notes").arg(qs(featureId)), EditFeature{featureId, e}, MergeEvidence, qs(featureId));
}

void Session::setMetric(const std::string &featureId, const MetricValue &value)
{
    apply(tr("%1: data value").arg(qs(featureId)), SetMetric{featureId, value}, MergeMetric,
          qs(featureId + "/" + value.metricId));
}

void Session::addAction(const Action &action)
{
    Action added = action;
    added.id = 0;
    apply(tr("Add action"), AddAction{added});
}

void Session::updateAction(const Action &action)
{
    bool known = false;
    for (const auto &a : assessment().actions)
        known = known || a.id == action.id;
    if (!known)
        return;
    apply(tr("Edit action"), UpdateAction{action}, MergeAction, QString::number(action.id));
}

void Session::removeAction(std::int64_t actionId)
{
    for (const auto &a : assessment().actions)
        if (a.id == actionId)
            return apply(tr("Remove action"), RemoveAction{actionId});
}

void Session::setOverride(const Override &decision)
{
    apply(tr("Facilitator decision on HIC %1").arg(qs(decision.change)), SetOverride{decision});
}

void Session::removeOverride(const std::string &changeId)
{
    for (const auto &o : assessment().overrides)
        if (o.change == changeId)
            return apply(tr("Clear decision on HIC %1").arg(qs(changeId)), RemoveOverride{changeId});
}

}  // namespace hicm::gui
