// The workspace's assessments (Home): a row per assessment with its area, title, date, status, progress
// and a small profile (the agreed level of each feature). Fed the workspace's list (storage summaries,
// which the Session re-reads only when the list is on show); a new list is compared with the one shown,
// by assessment id, so that the view re-draws the cells that changed and an assessment created or
// deleted is a row, and the selection stays where it was.
#pragma once

#include "modelroles.h"
#include "rowtablemodel.h"
#include "workspace_types.h"

#include <vector>

namespace hicm::document {

class AssessmentListModel : public RowTableModel<storage::AssessmentSummary> {
    Q_OBJECT
public:
    enum Column { AreaColumn, TitleColumn, DateColumn, StatusColumn, ProgressColumn, ProfileColumn, ColumnCount };

    explicit AssessmentListModel(QObject *parent = nullptr) : RowTableModel(ColumnCount, parent) {}

    void setSummaries(const std::vector<storage::AssessmentSummary> &summaries);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QString columnTitle(int column) const override;
    static QVariant cell(const storage::AssessmentSummary &summary, int column, int role);
};

}  // namespace hicm::document
