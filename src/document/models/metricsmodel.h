// The data table of one feature: a row per "data to use" the framework lists, then the room's own
// metrics (named by the room), each with its value, unit, period and source as typed. Read from the
// document's copy; after an edit it tells the view exactly which cells changed, and an own metric added
// is a row inserted. A cell edited in the view is one typed edit (SetMetric) handed to the sink. What
// is typed stays a string: the editor is a line of text and the value is stored as typed.
#pragma once

#include "document.h"
#include "modelroles.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <array>
#include <vector>

namespace hicm::document {

class MetricsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, UnitColumn, PeriodColumn, SourceColumn, ColumnCount };

    // `feature` (its listed data) must outlive the model.
    MetricsModel(const Feature &feature, EditSink sink, QObject *parent = nullptr);

    void setDocument(Document *document);
    Document *document() const { return m_document; }
    // The row of a metric id, or -1.
    int rowOf(const std::string &metricId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // A value, unit, period or source; an own metric's name (never empty: an empty name is refused).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    struct Row {
        MetricValue value;  // metricId always set; the stored fields, or empty
        QString name;       // the framework's text, or the room's name for its own
        bool own = false;
    };
    std::vector<Row> readRows() const;
    void sync();
    void documentGone();
    static QString field(const Row &row, int column);
    static bool same(const Row &a, const Row &b);

    const Feature &m_feature;
    EditSink m_sink;
    QPointer<Document> m_document;
    std::vector<Row> m_rows;
};

}  // namespace hicm::document
