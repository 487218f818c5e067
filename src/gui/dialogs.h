// Small dialogs built from ui/*.ui forms. Tests can fill them without showing them.
#pragma once

#include "assessment.h"
#include "framework.h"
#include "workspace_types.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class NewAssessmentDialog;
class ActionDialog;
}  // namespace Ui

namespace hicm::gui {

class NewAssessmentDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewAssessmentDialog(QWidget *parent = nullptr);
    ~NewAssessmentDialog() override;
    storage::NewAssessment fields() const;
    void setFields(const QString &area, const QString &title, const QString &facilitator);
    // As the Reassess dialog: the area is the previous one's (not editable); a new title and date.
    void setForReassessment(const QString &area, const QString &facilitator);
    void accept() override;  // refuses an empty area

private:
    std::unique_ptr<Ui::NewAssessmentDialog> m_ui;
};

class ActionDialog : public QDialog {
    Q_OBJECT
public:
    ActionDialog(const Framework &framework, const Action &initial, QWidget *parent = nullptr);
    ~ActionDialog() override;
    Action action() const;
    void accept() override;  // refuses empty text or a malformed date

private:
    std::unique_ptr<Ui::ActionDialog> m_ui;
    Action m_initial;
};

// YYYY-MM-DD and a real date (or empty).
bool isValidDate(const QString &text);

}  // namespace hicm::gui
