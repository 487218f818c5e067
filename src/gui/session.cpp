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

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

enum MergeIds { MergeField = 1, MergeRationale, MergeEvidence, MergeMetric, MergeAction };

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
    auto framework = m_workspace.framework(id);
    auto loaded = m_workspace.loadAssessment(id);
    if (!framework || !loaded) {
        emit failed(qs((!framework ? framework.error() : loaded.error()).toString()));
        return false;
    }
    m_framework = *framework;
    m_assessment = std::move(*loaded);
    m_previous.reset();
    if (m_assessment->previousId) {
        if (auto prev = m_workspace.loadAssessment(*m_assessment->previousId))
            m_previous = std::move(*prev);
    }
    emit assessmentChanged();
    return true;
}

void Session::closeAssessment()
{
    m_assessment.reset();
    m_previous.reset();
    m_framework.reset();
}

bool Session::reload()
{
    if (!m_assessment)
        return true;
    auto loaded = m_workspace.loadAssessment(m_assessment->id);
    if (!loaded) {
        emit failed(qs(loaded.error().toString()));
        return false;
    }
    m_assessment = std::move(*loaded);
    emit assessmentChanged();
    return true;
}

bool Session::run(const std::function<Status()> &step)
{
    const Status status = step();
    if (!status) {
        if (status.error().kind == storage::StorageError::Kind::Final)
            emit locked(tr("Not changed: this assessment is final and locked. Use Unlock for Editing to change it."));
        else
            emit failed(qs(status.error().toString()));
        reload();  // show what is really stored
        if (m_workspace.changedByOthers())  // refused over another program's change: re-read it all, soon
            QTimer::singleShot(0, this, &Session::checkOtherPrograms);
        return false;
    }
    emit saved(tr("Saved"));
    reload();
    m_summariesStale = true;
    emit summariesChanged();
    return true;
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
        if (m_assessment && m_assessment->id == id)
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
    const auto &a = *m_assessment;
    const std::string old = field == storage::AssessmentField::Area    ? a.area
                            : field == storage::AssessmentField::Title ? a.title
                            : field == storage::AssessmentField::Date  ? a.date
                                                                       : a.facilitator;
    const std::int64_t id = a.id;
    const std::string now = value.toStdString();
    if (now == old)
        return;
    push(tr("Edit assessment details"), [this, id, field, now] { return m_workspace.setAssessmentField(id, field, now); },
         [this, id, field, old] { return m_workspace.setAssessmentField(id, field, old); }, MergeField,
         QString::number(static_cast<int>(field)));
}

void Session::setStatus(AssessmentStatus status)
{
    const auto id = m_assessment->id;
    const auto old = m_assessment->status;
    if (old == status)
        return;
    push(status == AssessmentStatus::Final ? tr("Mark as final") : tr("Mark as draft"),
         [this, id, status] { return m_workspace.setStatus(id, status); },
         [this, id, old] { return m_workspace.setStatus(id, old); });
}

void Session::addPartner(const Partner &partner)
{
    const auto id = m_assessment->id;
    auto added = std::make_shared<std::int64_t>(0);
    push(tr("Add partner %1").arg(qs(partner.organisation)),
         [this, id, partner, added]() -> Status {
             Partner p = partner;
             p.id = 0;
             auto r = m_workspace.addPartner(id, p);
             if (!r)
                 return r.error();
             *added = *r;
             return storage::Done{};
         },
         [this, id, added] { return m_workspace.removePartner(id, *added); });
}

void Session::updatePartner(const Partner &partner)
{
    const auto id = m_assessment->id;
    const Partner *old = nullptr;
    for (const auto &p : m_assessment->partners)
        if (p.id == partner.id)
            old = &p;
    if (!old)
        return;
    const Partner before = *old;
    push(tr("Edit partner %1").arg(qs(partner.organisation)), [this, id, partner] { return m_workspace.updatePartner(id, partner); },
         [this, id, before] { return m_workspace.updatePartner(id, before); }, MergeField,
         QStringLiteral("partner-%1").arg(partner.id));
}

void Session::removePartner(std::int64_t partnerId)
{
    const auto id = m_assessment->id;
    const Partner *found = nullptr;
    for (const auto &p : m_assessment->partners)
        if (p.id == partnerId)
            found = &p;
    if (!found)
        return;
    // Keep the partner and their levels, so that undo brings them back exactly.
    const Partner partner = *found;
    std::vector<std::pair<std::string, PartnerLevel>> levels;
    for (const auto &f : m_assessment->features)
        if (const PartnerLevel *pl = f.partnerLevel(partner.organisation))
            levels.emplace_back(f.featureId, *pl);
    push(tr("Remove partner %1").arg(qs(partner.organisation)),
         [this, id, partnerId] { return m_workspace.removePartner(id, partnerId); },
         [this, id, partner, levels] { return m_workspace.restorePartner(id, partner, levels); });
}

void Session::setPartnerLevel(const std::string &featureId, std::int64_t partnerId, std::optional<int> level)
{
    const auto id = m_assessment->id;
    std::optional<int> old;
    std::string name;
    for (const auto &p : m_assessment->partners)
        if (p.id == partnerId)
            name = p.organisation;
    if (const auto *f = m_assessment->feature(featureId))
        if (const auto *pl = f->partnerLevel(name))
            old = pl->level;
    if (old == level)
        return;
    push(tr("%1: %2's level").arg(qs(featureId), qs(name)),
         [this, id, featureId, partnerId, level] { return m_workspace.setPartnerLevel(id, featureId, partnerId, level); },
         [this, id, featureId, partnerId, old] { return m_workspace.setPartnerLevel(id, featureId, partnerId, old); });
}

void Session::setAgreedLevel(const std::string &featureId, std::optional<int> level)
{
    const auto id = m_assessment->id;
    const auto *f = m_assessment->feature(featureId);
    const std::optional<int> old = f ? f->agreedLevel : std::nullopt;
    if (old == level)
        return;
    push(tr("%1: agreed level").arg(qs(featureId)),
         [this, id, featureId, level] { return m_workspace.setAgreedLevel(id, featureId, level); },
         [this, id, featureId, old] { return m_workspace.setAgreedLevel(id, featureId, old); });
}

void Session::setRationale(const std::string &featureId, const QString &text)
{
    const auto id = m_assessment->id;
    const auto *f = m_assessment->feature(featureId);
    const std::string old = f ? f->rationale : std::string();
    const std::string now = text.toStdString();
    if (old == now)
        return;
    auto edit = [this, id, featureId](std::string value) {
        return [this, id, featureId, value] {
            storage::FeatureEdit e;
            e.rationale = value;
            return m_workspace.updateFeature(id, featureId, e);
        };
    };
    push(tr("%1: rationale").arg(qs(featureId)), edit(now), edit(old), MergeRationale, qs(featureId));
}

void Session::setTarget(const std::string &featureId, std::optional<int> level)
{
    const auto id = m_assessment->id;
    const auto *f = m_assessment->feature(featureId);
    const std::optional<int> old = f ? f->targetLevel : std::nullopt;
    if (old == level)
        return;
    push(tr("%1: target").arg(qs(featureId)),
         [this, id, featureId, level] { return m_workspace.setTarget(id, featureId, level); },
         [this, id, featureId, old] { return m_workspace.setTarget(id, featureId, old); });
}

void Session::setConfidence(const std::string &featureId, Confidence confidence)
{
    const auto id = m_assessment->id;
    const auto *f = m_assessment->feature(featureId);
    const Confidence old = f ? f->confidence : Confidence::Unset;
    if (old == confidence)
        return;
    push(tr("%1: confidence").arg(qs(featureId)),
         [this, id, featureId, confidence] { return m_workspace.setConfidence(id, featureId, confidence); },
         [this, id, featureId, old] { return m_workspace.setConfidence(id, featureId, old); });
}

void Session::setWeight(const std::string &featureId, int weight)
{
    const auto id = m_assessment->id;
    const auto *f = m_assessment->feature(featureId);
    const int old = f ? f->weight : 2;
    if (old == weight)
        return;
    push(tr("%1: importance").arg(qs(featureId)),
         [this, id, featureId, weight] { return m_workspace.setWeight(id, featureId, weight); },
         [this, id, featureId, old] { return m_workspace.setWeight(id, featureId, old); });
}

void Session::setEvidence(const std::string &featureId, const QString &text)
{
    const auto id = m_assessment->id;
    const auto *f = m_assessment->feature(featureId);
    const std::string old = f ? f->evidence : std::string();
    const std::string now = text.toStdString();
    if (old == now)
        return;
    push(tr("%1: evidence notes").arg(qs(featureId)),
         [this, id, featureId, now] { return m_workspace.setEvidence(id, featureId, now); },
         [this, id, featureId, old] { return m_workspace.setEvidence(id, featureId, old); }, MergeEvidence, qs(featureId));
}

void Session::setMetric(const std::string &featureId, const MetricValue &value)
{
    const auto id = m_assessment->id;
    std::optional<MetricValue> old;
    if (const auto *f = m_assessment->feature(featureId))
        for (const auto &m : f->metrics)
            if (m.metricId == value.metricId)
                old = m;
    push(tr("%1: data value").arg(qs(featureId)),
         [this, id, featureId, value] { return m_workspace.setMetric(id, featureId, value); },
         [this, id, featureId, old, metricId = value.metricId] {
             return old ? m_workspace.setMetric(id, featureId, *old) : m_workspace.removeMetric(id, featureId, metricId);
         },
         MergeMetric, qs(featureId + "/" + value.metricId));
}

void Session::addAction(const Action &action)
{
    const auto id = m_assessment->id;
    auto added = std::make_shared<Action>(action);
    push(tr("Add action"),
         [this, id, added]() -> Status {
             if (added->id != 0)
                 return m_workspace.restoreAction(id, *added);  // redo after undo: the same action
             auto r = m_workspace.addAction(id, *added);
             if (!r)
                 return r.error();
             added->id = *r;
             return storage::Done{};
         },
         [this, id, added] { return m_workspace.removeAction(id, added->id); });
}

void Session::updateAction(const Action &action)
{
    const auto id = m_assessment->id;
    std::optional<Action> old;
    for (const auto &a : m_assessment->actions)
        if (a.id == action.id)
            old = a;
    if (!old)
        return;
    push(tr("Edit action"), [this, id, action] { return m_workspace.updateAction(id, action); },
         [this, id, before = *old] { return m_workspace.updateAction(id, before); }, MergeAction,
         QString::number(action.id));
}

void Session::removeAction(std::int64_t actionId)
{
    const auto id = m_assessment->id;
    std::optional<Action> old;
    for (const auto &a : m_assessment->actions)
        if (a.id == actionId)
            old = a;
    if (!old)
        return;
    push(tr("Remove action"), [this, id, actionId] { return m_workspace.removeAction(id, actionId); },
         [this, id, before = *old] { return m_workspace.restoreAction(id, before); });
}

void Session::setOverride(const Override &decision)
{
    const auto id = m_assessment->id;
    std::optional<Override> old;
    for (const auto &o : m_assessment->overrides)
        if (o.change == decision.change)
            old = o;
    push(tr("Facilitator decision on HIC %1").arg(qs(decision.change)),
         [this, id, decision] { return m_workspace.setOverride(id, decision); },
         [this, id, old, change = decision.change] {
             return old ? m_workspace.setOverride(id, *old) : m_workspace.removeOverride(id, change);
         });
}

void Session::removeOverride(const std::string &changeId)
{
    const auto id = m_assessment->id;
    std::optional<Override> old;
    for (const auto &o : m_assessment->overrides)
        if (o.change == changeId)
            old = o;
    if (!old)
        return;
    push(tr("Clear decision on HIC %1").arg(qs(changeId)), [this, id, changeId] { return m_workspace.removeOverride(id, changeId); },
         [this, id, before = *old] { return m_workspace.setOverride(id, before); });
}

}  // namespace hicm::gui
