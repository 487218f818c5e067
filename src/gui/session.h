// The open workspace, its undo stack and the assessment being worked on (a document::Document). Every
// edit is a typed edit (src/document/edit.h) pushed as a named undo command: applying it writes to the
// workspace at once (durable before the UI shows it) and returns its inverse, which undo applies, just as
// durably. Storage errors come back as signals, never as a crash.
#pragma once

#include "assessment.h"
#include "document.h"
#include "queries.h"
#include "workspace_edit.h"
#include "framework.h"
#include "roomstate.h"
#include "storage_error.h"
#include "workspace_types.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <future>
#include <memory>
#include <optional>

namespace hicm::storage {
class Workspace;
}

namespace hicm::gui {

// A workspace opened and listed, before any Qt object is involved (Session::prepare): the app does this on a
// second thread while it builds its window, then makes the Session from it on the GUI thread.
struct PreparedWorkspace {
    PreparedWorkspace();
    PreparedWorkspace(PreparedWorkspace &&) noexcept;
    PreparedWorkspace &operator=(PreparedWorkspace &&) noexcept;
    ~PreparedWorkspace();

    std::string path;
    std::unique_ptr<storage::Workspace> workspace;  // null: see `error`
    std::string error;  // why there is no workspace
    std::optional<std::vector<storage::AssessmentSummary>> summaries;  // none if they could not be read
};

class Session : public QObject {
    Q_OBJECT
public:
    // Opens (or creates) a workspace. On failure returns null and sets `error` to a message naming the
    // file and the reason. `known`: a framework already parsed (the bundled one), shared with the workspace.
    static std::unique_ptr<Session> open(const QString &path, QString *error,
                                         std::shared_ptr<const Framework> known = nullptr);
    // The same in two halves. `prepare` opens the file (SQLite, its checks, an upgrade or backup) and lists
    // its assessments; it touches no Qt object, so it may run on any thread. `adopt` runs on the GUI thread.
    static PreparedWorkspace prepare(const std::string &path, std::shared_ptr<const Framework> known = nullptr);
    // The same, with the known framework still being parsed on another thread (start-up): it is waited for
    // only after the file's checks, just before the assessments are listed against it, so that the stored
    // copy of the same framework is not parsed a second time.
    // Unlike the first, it leaves the full integrity check to a thread of its own (quick_check only, before it
    // returns), started by the first settleIntegrity(): call that once the window is shown.
    static PreparedWorkspace prepare(const std::string &path, std::shared_future<std::shared_ptr<const Framework>> known);
    // That check's answer, never waiting (the first call starts it): none while it runs; true when it found
    // the file damaged, which is now read-only (readOnlyReason says why). Nothing was written before it:
    // every write waits for it (or, before it started, runs it).
    std::optional<bool> settleIntegrity();
    static std::unique_ptr<Session> adopt(PreparedWorkspace prepared, QString *error);
    ~Session() override;

    QString path() const;
    bool readOnly() const;
    QString readOnlyReason() const;
    // What the user may want to know that did not stop the workspace opening (storage's warnings).
    QStringList warnings() const;
    // Why a file must not be written at `path` (the workspace itself or its journal), empty when it may.
    QString outputRefusal(const QString &path) const;
    // The framework file assessment `id` was scored against, byte for byte (for an export).
    storage::Result<std::string> frameworkJson(std::int64_t id);
    QUndoStack *undoStack() { return &m_undo; }

    // The workspace's assessments, for the home screen: re-read when asked for after a change (an edit
    // only marks the list stale, so recording a level never waits for the whole workspace to be listed).
    const std::vector<storage::AssessmentSummary> &summaries();
    bool refreshSummaries();

    // The assessment being worked on, and the framework it was scored against.
    bool openAssessment(std::int64_t id);
    void closeAssessment();
    bool hasAssessment() const { return m_document != nullptr; }
    const Assessment &assessment() const { return m_document->assessment(); }
    const Framework &framework() const { return m_document->framework(); }
    std::shared_ptr<const Framework> frameworkPtr() const { return m_document->frameworkPtr(); }
    // The assessment it reassesses, when there is one (read-only reference).
    const Assessment *previous() const { return m_document->previous(); }
    document::Document *document() { return m_document.get(); }

    // Reading other assessments of the workspace, for Compare, Trend and the report (document/queries.h,
    // the CLI's reads too).
    storage::Result<ScoredAssessment> scored(std::int64_t id);
    storage::Result<document::Compared> compare(std::int64_t beforeId, std::int64_t afterId);
    document::AreaHistory areaHistory(const std::string &area);
    // The board report's input for the open assessment (document::reportBasis: its prioritisation, and the
    // assessment it reassesses with that one's framework), as the CLI's report command reads it from the file.
    document::ReportBasis reportBasis();
    // The live room's own state for assessment `id` (document/roomstate.h): durable when saved, not an
    // edit (no undo step, no change-log row).
    storage::Result<std::string> roomState(std::int64_t id);
    storage::Status saveRoomState(std::int64_t id, const std::string &state);

    // Creating and deleting (undoable). Return the new id, or nullopt after reporting the error.
    std::optional<std::int64_t> createAssessment(const storage::NewAssessment &fields, const std::string &frameworkJson);
    // A new assessment from a previous one (storage::Workspace::reassess): area, partners, targets, weights
    // and open actions carried over; the previous levels are shown as reference, not copied. `title` empty
    // keeps the previous title.
    std::optional<std::int64_t> reassess(std::int64_t previousId, const std::string &date, const std::string &title = {});
    void deleteAssessment(std::int64_t id);

    // Edits of the open assessment. Each is one undo step; typing into the same text field merges.
    void setField(storage::AssessmentField field, const QString &value);
    void setStatus(AssessmentStatus status);
    void addPartner(const Partner &partner);
    void updatePartner(const Partner &partner);
    void removePartner(std::int64_t partnerId);
    void setPartnerLevel(const std::string &featureId, std::int64_t partnerId, std::optional<int> level);
    void setAgreedLevel(const std::string &featureId, std::optional<int> level);
    void setRationale(const std::string &featureId, const QString &text);
    void setTarget(const std::string &featureId, std::optional<int> level);
    void setConfidence(const std::string &featureId, Confidence confidence);
    void setWeight(const std::string &featureId, int weight);
    void setEvidence(const std::string &featureId, const QString &text);
    void setMetric(const std::string &featureId, const MetricValue &value);
    void addAction(const Action &action);
    void updateAction(const Action &action);
    void removeAction(std::int64_t actionId);
    void setOverride(const Override &decision);
    void removeOverride(const std::string &changeId);

    // Applies `edit` now as an undoable step named `text`; undo applies its inverse. Steps with the same
    // `mergeId` and `mergeKey` in a row (typing into one text) are one step.
    void apply(const QString &text, document::Edit edit, int mergeId = -1, const QString &mergeKey = {});
    // The same for several edits as one step (all stored, or none); true when stored.
    bool applySteps(const QString &text, std::vector<document::Edit> edits, int mergeId = -1,
                    const QString &mergeKey = {});
    // Applies an edit of the workspace's assessments (an import, a deletion) as an undoable step; returns
    // the assessment it made, put back or deleted, or nullopt after reporting why it was refused.
    std::optional<std::int64_t> apply(const QString &text, document::WorkspaceEdit edit);

signals:
    void assessmentChanged();             // the open assessment changed (any edit, or it was re-read)
    // Finer: what an edit touched, so that a view re-draws only that (document::Document's signals).
    void featureChanged(const QString &featureId);
    void partnersChanged();
    void detailsChanged();
    void planChanged();
    void decisionsChanged();
    void reloaded();
    void opened();  // another assessment was opened (or the open one closed)
    void summariesChanged();              // the list of assessments may have changed
    void saved(const QString &message);   // an edit is on disk
    void failed(const QString &message);  // an edit could not be stored; nothing changed
    void locked(const QString &message);  // an edit of a final assessment was refused; nothing changed
    void changedElsewhere(const QString &message);  // another program changed the workspace; re-read

private:
    explicit Session(std::unique_ptr<storage::Workspace> workspace);
    static PreparedWorkspace prepareWith(const std::string &path,
                                         std::shared_future<std::shared_ptr<const Framework>> known, bool checkInBackground);
    friend class WorkspaceCommand;
    friend class EditCommand;
    // After a workspace edit is stored: says so, re-reads the open assessment and marks the list stale.
    void stored();
    bool applyWorkspaceEdit(const document::WorkspaceEdit &edit, document::WorkspaceEdit &inverse);
    // Applies `edit`; on success sets `inverse` and returns true.
    bool applyEdit(const document::Edit &edit, document::Edit &inverse);
    // Applies `edits` in order (all or none); on success sets `inverses` (last first) and returns true.
    bool applyEdits(const std::vector<document::Edit> &edits, std::vector<document::Edit> &inverses);
    // Reports a refused edit and shows what is stored.
    void refused(const storage::Status &status);
    bool reload();
    // Polled (kWatchMs): another program's change is re-read, and the undo history (values read before
    // it) is cleared, so that neither an edit nor an undo is applied over a value this window has not seen.
    void checkOtherPrograms();

    // The open workspace: only the Session (and its undo steps) reach it, through the document layer's
    // edits and reads; no other GUI file sees storage's interface.
    std::unique_ptr<storage::Workspace> m_owned;
    storage::Workspace &m_workspace;
    QUndoStack m_undo;
    std::vector<storage::AssessmentSummary> m_summaries;
    bool m_summariesStale = true;
    std::unique_ptr<document::Document> m_document;
    QTimer m_watch;
    bool m_lastStored = false;         // whether the last step pushed was stored
    std::int64_t m_lastAssessment = 0; // the assessment the last workspace edit made, put back or deleted
};

}  // namespace hicm::gui
