// The Session: the open workspace (opening it, watching for other programs' changes), its list of
// assessments, the open assessment, and the named edits the pages make. Its undo steps are in
// session_steps.cpp.
#include "session.h"

#include "output_guard.h"
#include "workspace.h"

#include <QCoreApplication>

namespace hicm::gui {

using storage::Status;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Merge ids of typed edits (EditCommand, session_steps.cpp): QUndoStack merges only steps of the same id.
enum MergeIds { MergeField = 1, MergeRationale, MergeEvidence, MergeMetric, MergeAction };

using namespace document;

storage::FeatureEdit partnerLevelEdit(std::int64_t partnerId, std::optional<int> level)
{
    storage::FeatureEdit e;
    e.partnerLevels.push_back({partnerId, level, std::nullopt});
    return e;
}

}  // namespace

PreparedWorkspace::PreparedWorkspace() = default;
PreparedWorkspace::PreparedWorkspace(PreparedWorkspace &&) noexcept = default;
PreparedWorkspace &PreparedWorkspace::operator=(PreparedWorkspace &&) noexcept = default;
PreparedWorkspace::~PreparedWorkspace() = default;

Session::Session(std::unique_ptr<storage::Workspace> workspace) : m_owned(std::move(workspace)), m_workspace(*m_owned)
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
    std::promise<std::shared_ptr<const Framework>> ready;
    ready.set_value(std::move(known));
    // The full check at open (off the GUI thread): a damaged file is open read-only, saying why.
    return prepareWith(path, ready.get_future().share(), false);
}

std::optional<bool> Session::settleIntegrity()
{
    m_workspace.startIntegrityCheck();  // the first time: the window is up, the check's thread starts now
    if (m_workspace.integrityCheckRunning())
        return std::nullopt;
    if (m_workspace.readOnly())
        return false;
    (void)m_workspace.verifyIntegrity();  // its answer is in: no wait (a failed one is checked again here)
    return m_workspace.readOnly();
}

PreparedWorkspace Session::prepare(const std::string &path, std::shared_future<std::shared_ptr<const Framework>> known)
{
    // At start-up the full integrity check runs on a thread of its own, started once the window is up (on a
    // laptop with two cores, the check and the first paint no longer compete for them); the window takes
    // its answer when it is in (settleIntegrity), and any write waits for it.
    return prepareWith(path, std::move(known), true);
}

PreparedWorkspace Session::prepareWith(const std::string &path, std::shared_future<std::shared_ptr<const Framework>> known,
                                       bool checkInBackground)
{
    PreparedWorkspace prepared;
    prepared.path = path;
    storage::OpenOptions options;
    options.fullCheckInBackground = checkInBackground;
    options.startCheckLater = checkInBackground;  // settleIntegrity() starts it, once the window is up
    auto result = storage::Workspace::open(path, options);
    if (!result) {
        prepared.error = result.error().toString();
        return prepared;
    }
    try {
        result->shareFramework(known.get());
    } catch (const std::future_error &) {
        // No framework came (its parse failed and the window is not built): the stored copies are used.
    }
    if (!checkInBackground)
        (void)result->verifyIntegrity();  // damage the check at open found (quick_check passing) turns it read-only now
    if (auto list = result->listAssessments())
        prepared.summaries = std::move(*list);
    prepared.workspace = std::make_unique<storage::Workspace>(std::move(*result));
    return prepared;
}

std::unique_ptr<Session> Session::adopt(PreparedWorkspace prepared, QString *error)
{
    if (!prepared.workspace) {
        if (error)
            *error = qs(prepared.error);
        return nullptr;
    }
    std::unique_ptr<Session> session(new Session(std::move(prepared.workspace)));
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

QStringList Session::warnings() const
{
    QStringList out;
    for (const auto &w : m_workspace.warnings())
        out << qs(w);
    return out;
}

QString Session::outputRefusal(const QString &path) const
{
    return qs(storage::outputRefusal(path.toStdString(), m_workspace.path()));
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
