// The action plan of the open assessment: a row per action (its number, text, change, feature, owner,
// due date, status, and where a carried action came from). Read from the document's copy; after an
// edit it tells the view exactly which cells changed, and an action added or removed is a row. A cell
// edited in the view is checked (a text is needed, a change or feature the framework has, a real date,
// one of the four statuses) and becomes one typed edit (UpdateAction) for the sink; a refused value
// changes nothing, so the view shows what is stored. Sorting is the view's (a proxy over SortRole).
#pragma once

#include "document.h"
#include "modelroles.h"
#include "rowtablemodel.h"

#include <QPointer>

#include <array>
#include <vector>

namespace hicm::document {

// A row of the action plan: the action, and where a carried action came from ("2025-12-03 (action 4)").
struct ActionPlanRow {
    Action action;
    QString origin;
};

class ActionPlanModel : public DocumentRowsModel<ActionPlanRow> {
    Q_OBJECT
public:
    enum Column { NumberColumn, TextColumn, ChangeColumn, FeatureColumn, OwnerColumn, DueColumn, StatusColumn,
                  OriginColumn, ColumnCount };

    explicit ActionPlanModel(EditSink sink, QObject *parent = nullptr);

    void setDocument(Document *document);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // A text column (EditRole), or the status (ActionStatusRole or EditRole: its stable name).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    QString columnTitle(int column) const override;
    using Row = ActionPlanRow;
    std::vector<Row> readRows() const;
    void sync();
    static QVariant cell(const Row &row, int column, int role);

    EditSink m_sink;
};

}  // namespace hicm::document
