// A workspace: one SQLite file holding many assessments. Every edit is one transaction, committed (and
// logged in the change log) before the call returns; there is never a "Save". No UI, never prints.
#pragma once

#include "assessment.h"
#include "framework.h"
#include "storage_error.h"
#include "workspace_types.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace hicm::storage {

struct UndoWrites;

// The schema this version writes. Older workspaces are migrated forward (after a backup) when opened
// for writing; newer ones are refused.
constexpr int kSchemaVersion = 5;
// PRAGMA application_id of every workspace: "HICM" in ASCII.
constexpr std::int32_t kApplicationId = 0x4849434D;

class Workspace {
public:
    // Opens a workspace, creating it if `path` does not exist (and options allow). Refuses, without
    // modifying the file: an empty file, a non-SQLite file, a damaged or truncated one, another program's
    // database and one written by a newer version. A file the OS will not let us write opens read-only.
    static Result<Workspace> open(const std::string &path, const OpenOptions &options = {});
    // Creates a new workspace; refuses if `path` exists.
    static Result<Workspace> create(const std::string &path);

    Workspace(Workspace &&) noexcept;
    Workspace &operator=(Workspace &&) noexcept;
    ~Workspace();

    const std::string &path() const;
    bool readOnly() const;
    // Why the workspace is read-only ("the file is read-only", "opened read-only"), empty when writable.
    const std::string &readOnlyReason() const;
    // Things the user may want to know that did not stop the open (e.g. the backup could not be written).
    const std::vector<std::string> &warnings() const;
    // The time (ISO 8601 UTC) this connection's last committed change (one that logged) was stamped with:
    // the assessment's `updated` after it. Empty before the first. Lets a caller keep its copy current
    // without re-reading.
    const std::string &lastWrite() const;
    // The backup written while opening (migration or rotating backup), empty if none.
    const std::string &backupWritten() const;
    // The schema version of the file as it was found when opened (before any migration).
    int foundSchemaVersion() const;

    // Reading.
    Result<std::vector<AssessmentSummary>> listAssessments();
    Result<Assessment> loadAssessment(std::int64_t id);
    // The framework the assessment was scored against (its stored copy).
    Result<std::shared_ptr<const Framework>> framework(std::int64_t assessmentId);
    // The stored framework JSON, byte for byte.
    Result<std::string> frameworkJson(std::int64_t assessmentId);
    // A framework the caller has parsed already (the app's bundled one): assessments whose stored copy has
    // the same content hash use it instead of parsing that copy again. The hash is the SHA-256 of the bytes,
    // so the same hash is the same file.
    void shareFramework(std::shared_ptr<const Framework> framework);
    // The change log of an assessment, oldest first. Kept after the assessment is deleted.
    Result<std::vector<LogEntry>> changeLog(std::int64_t assessmentId);

    // Assessments. `frameworkJson` is the framework file's bytes; it is checked and stored with its hash.
    Result<std::int64_t> createAssessment(const NewAssessment &fields, const std::string &frameworkJson);
    Status setAssessmentField(std::int64_t id, AssessmentField field, const std::string &value);
    Status setStatus(std::int64_t id, AssessmentStatus status);
    Status setPreviousId(std::int64_t id, std::optional<std::int64_t> previousId);
    Status deleteAssessment(std::int64_t id);

    // A whole assessment in one transaction (checked against `frameworkJson`, which is stored by hash):
    // for a reassessment or an imported file (keepIds false: new ids), or to undo a deletion (keepIds
    // true: the same assessment, partner and action ids come back; refused if the id is taken).
    Result<std::int64_t> insertAssessment(const Assessment &assessment, const std::string &frameworkJson, bool keepIds);
    // The next assessment of `previousId`'s area (core planReassessment: partners, targets, weights and
    // every open action carried, levels afresh), scored against the same framework edition; `title` empty
    // keeps the previous title. One transaction; returns the new id.
    Result<std::int64_t> reassess(std::int64_t previousId, const std::string &date, const std::string &title = {});
    // Stores a merge (src/core/merge.h; workspace_merge.cpp) in ONE transaction: adds the partners of
    // `merged` that assessment `id` does not have, and writes its partner levels and notes, metric values
    // and evidence notes where they differ, each with a change-log row, then a "merged" row naming
    // `source`. Nothing is removed and nothing else is touched. With `expectedUpdated` (the assessment's
    // `updated` time the merge was planned on), refuses if the assessment changed since. (Its undo, and
    // those of removePartner and removeAction, are in the internal workspace_undo.h, for the document layer.)
    Status applyMerge(std::int64_t id, const Assessment &merged, const std::string &source = {},
                      const std::string &expectedUpdated = {});

    // Partners (referred to by id; organisation names are unique within an assessment).
    Result<std::int64_t> addPartner(std::int64_t id, const Partner &partner);
    Status updatePartner(std::int64_t id, const Partner &partner);  // partner.id says which
    Status removePartner(std::int64_t id, std::int64_t partnerId);

    // Features.
    Status updateFeature(std::int64_t id, const std::string &featureId, const FeatureEdit &edit);
    Status setMetric(std::int64_t id, const std::string &featureId, const MetricValue &metric);
    Status removeMetric(std::int64_t id, const std::string &featureId, const std::string &metricId);
    Status setPlannedAction(std::int64_t id, const std::string &featureId, const std::string &actionId, bool planned);

    // The action plan. addAction ignores action.id and returns the new one.
    Result<std::int64_t> addAction(std::int64_t id, const Action &action);
    Status updateAction(std::int64_t id, const Action &action);  // action.id says which
    Status setActionStatus(std::int64_t id, std::int64_t actionId, ActionStatus status);
    Status removeAction(std::int64_t id, std::int64_t actionId);

    // Facilitator overrides of the prioritisation, one per change.
    Status setOverride(std::int64_t id, const Override &override_);
    Status removeOverride(std::int64_t id, const std::string &changeId);

    // The full PRAGMA integrity_check, run once before the first write (every write waits for it; call it
    // early, e.g. on a second thread while the window is built). A damaged file is refused and from then
    // on open read-only, left byte-identical.
    Status verifyIntegrity();
    // Whether the full check of OpenOptions::fullCheckInBackground is still running, or still to be started
    // (OpenOptions::startCheckLater); never waits.
    bool integrityCheckRunning() const;
    // Starts that check on its thread if it waits to be started (OpenOptions::startCheckLater); else nothing.
    void startIntegrityCheck();
    // Another program's edits: changedByOthers() is true when another connection committed a change since
    // markSeen() (a cheap PRAGMA data_version; poll it). With setRefuseStaleEdits(true), every edit made
    // after such a change and before the next markSeen() is refused (Kind::Busy) instead of written over it.
    bool changedByOthers();
    void markSeen();
    void setRefuseStaleEdits(bool refuse);

    // The live room's own state for an assessment (tokens, current feature, revealed features; src/room,
    // docs/room.md): a JSON text the room writes and reads back, empty when the assessment never had a
    // room. Not part of the assessment: not logged, not exported, kept when the assessment is final.
    Result<std::string> roomState(std::int64_t id);
    Status setRoomState(std::int64_t id, const std::string &state);
    // Partners' votes in the live room, in ONE transaction (votes that arrive together are stored
    // together): each is a partner level as updateFeature writes it (nullopt clears it, for a re-vote;
    // the note is kept with a level), whose change-log row says where it came from: "partner level B1 ORG (room)".
    Status setPartnerLevelsFromRoom(std::int64_t id, const std::string &featureId,
                                    const std::vector<std::pair<std::int64_t, std::optional<int>>> &levels);

    // PRAGMA integrity_check; "ok" when sound.
    Result<std::string> integrityCheck();
    // The underlying connection, for tests and tools only.
    SQLite::Database &database();

    struct Impl;  // internal; defined in workspace_impl.h

private:
    friend struct UndoWrites;  // the writes only an undo makes (workspace_undo.h)
    explicit Workspace(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

}  // namespace hicm::storage
