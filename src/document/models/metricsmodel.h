// The data table of one feature: a row per "data to use" the framework lists, then the room's own
// metrics (named by the room), each with its value, unit, period and source as typed. Read from the
// document's copy; after an edit it tells the view exactly which cells changed, and an own metric added
// is a row inserted. A cell edited in the view is one typed edit (SetMetric) handed to the sink. What
// is typed stays a string: the editor is a line of text and the value is stored as typed.
#pragma once

#include "document.h"
#include "modelroles.h"
#include "rowtablemodel.h"

#include <QPointer>

#include <array>
#include <vector>

namespace hicm::document {

// A row of the data table: a metric's stored fields (its id always set, the rest empty when none is
// stored), its name (the framework's text, or the room's name for its own), and whether it is the room's own.
struct MetricsRow {
    MetricValue value;
    QString name;
    bool own = false;
};

class MetricsModel : public DocumentRowsModel<MetricsRow> {
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, UnitColumn, PeriodColumn, SourceColumn, ColumnCount };

    // `feature` (its listed data) must outlive the model.
    MetricsModel(const Feature &feature, EditSink sink, QObject *parent = nullptr);

    void setDocument(Document *document);
    // The row of a metric id, or -1.
    int rowOf(const std::string &metricId) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // A value, unit, period or source; an own metric's name (never empty: an empty name is refused).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    QString columnTitle(int column) const override;
    using Row = MetricsRow;
    std::vector<Row> readRows() const;
    void sync();
    void documentGone();
    static QString field(const Row &row, int column);

    const Feature &m_feature;
    EditSink m_sink;
};

}  // namespace hicm::document
