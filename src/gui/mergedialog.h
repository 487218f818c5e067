// The merge view: a partner's exchange file beside the workshop's assessment, item by item (the
// MergePlan of src/core/merge.h), with a choice for every conflict. Nothing changes until Merge is
// pressed; then the whole merge is stored in one transaction (Workspace::applyMerge), as one undoable
// step: undo puts the assessment back as it was (document::UndoMerge), in one transaction too.
#pragma once

#include "exchange.h"
#include "merge.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QTableWidget;

namespace hicm::gui {

class Session;

class MergeDialog : public QDialog {
    Q_OBJECT
public:
    // Plans the merge of `file` (read from `fileName`) into the session's open assessment (without one,
    // the plan is empty and Merge stays disabled).
    MergeDialog(Session *session, const ExchangeFile &file, const QString &fileName, QWidget *parent = nullptr);

    const MergePlan &plan() const { return m_plan; }
    QTableWidget *table() const { return m_table; }
    // The choice box of plan item `index`, or null for an item that needs none (already the same).
    QComboBox *choiceBox(int index) const;
    // Sets every conflict to keep the workshop's value or take the incoming one.
    void chooseAll(MergeChoice choice);
    // The choices as set in the view; nullopt while a conflict is undecided.
    std::optional<MergeChoices> choices() const;

public slots:
    // Stores the merge; closes the dialog when it is stored, keeps it open (with the error shown) if not.
    void accept() override;

private:
    void fillTable();
    void updateButtons();

    Session *m_session;
    QString m_fileName;
    MergePlan m_plan;
    QTableWidget *m_table;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
    std::vector<QComboBox *> m_boxes; // one per plan item; null where there is nothing to choose
};

} // namespace hicm::gui
