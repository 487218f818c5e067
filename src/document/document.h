// One open assessment with its framework, between the workspace (storage) and the views of the app,
// the CLI and the live room. It applies typed edits (edit.h) to the workspace and to its copy together,
// returns each edit's inverse (undo is applying it), and tells the views exactly what changed: a
// partner's level is one feature's change, and no view re-reads anything else. It notices changes made
// by another program (or the room) when asked, re-reads, and says so. QtCore only (signals); no Widgets.
//
// An edit is checked against what is stored, never against a stale copy: the workspace refuses an edit
// made after another program's change until this document has re-read it (storage's stale-edit guard),
// so the copy the inverse is computed from is what the file holds.
#pragma once

#include "edit.h"

#include "assessment.h"
#include "framework.h"
#include "storage_error.h"
#include "workspace_types.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <string>

namespace hicm::storage {
class Workspace;
}

namespace hicm::document {

class Document : public QObject {
    Q_OBJECT
public:
    // Opens assessment `id` of `workspace` (which must outlive the document). Null, with `error`, when it
    // cannot be read.
    static std::unique_ptr<Document> open(storage::Workspace &workspace, std::int64_t id, std::string *error = nullptr);
    ~Document() override;

    std::int64_t id() const { return m_assessment.id; }
    const Assessment &assessment() const { return m_assessment; }
    const Framework &framework() const { return *m_framework; }
    std::shared_ptr<const Framework> frameworkPtr() const { return m_framework; }
    // The assessment this one reassesses, when there is one (for reference).
    const Assessment *previous() const { return m_previous ? &*m_previous : nullptr; }

    struct Applied {
        storage::Status status;
        // The edit that undoes this one (as stored before it); none when the edit was refused.
        std::optional<Edit> inverse;
    };
    // Stores `edit` (durably, one transaction), updates the copy and tells the views. A refused edit
    // changes nothing and says why.
    Applied apply(const Edit &edit);

    // Re-reads the assessment (after another program's change, a merge or an import); emits reloaded().
    bool reload(std::string *error = nullptr);

    // For tests: after every edit, compare the copy with the assessment read back from the file, and
    // abort with the difference if they differ (a view would show something the file does not hold).
    static void setVerifyEveryEdit(bool verify);

signals:
    void detailsChanged();                       // area, title, date, facilitator, status
    void featureChanged(const QString &featureId);  // one feature: levels, notes, target, data, plan picks
    void partnersChanged();                      // partners added, removed or renamed (every feature's grid)
    void planChanged();                          // the action plan
    void decisionsChanged();                     // the facilitator's pins and exclusions
    void reloaded();                             // all of it, re-read
    void changed();                              // after any of the above

private:
    Document(storage::Workspace &workspace, Assessment assessment, std::shared_ptr<const Framework> framework);
    void announce(const Edit &edit);
    void verify() const;

    storage::Workspace &m_workspace;
    Assessment m_assessment;
    std::optional<Assessment> m_previous;
    std::shared_ptr<const Framework> m_framework;
};

}  // namespace hicm::document
