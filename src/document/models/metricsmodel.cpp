#include "metricsmodel.h"

#include <iterator>

#include <algorithm>

namespace hicm::document {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

}  // namespace

MetricsModel::MetricsModel(const Feature &feature, EditSink sink, QObject *parent)
    : DocumentRowsModel(ColumnCount, parent), m_feature(feature), m_sink(std::move(sink))
{
    m_rows = readRows();  // the listed data, before any assessment is open
}

void MetricsModel::setDocument(Document *document)
{
    if (document == m_document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &Document::featureChanged, this, [this](const QString &featureId) {
            if (featureId.toStdString() == m_feature.id)
                sync();
        });
        connect(m_document, &Document::reloaded, this, &MetricsModel::sync);
        connect(m_document, &QObject::destroyed, this, &MetricsModel::documentGone);
    }
    sync();
}

void MetricsModel::documentGone()
{
    m_document = nullptr;
    sync();
}

std::vector<MetricsModel::Row> MetricsModel::readRows() const
{
    const FeatureAssessment *fa = m_document ? m_document->assessment().feature(m_feature.id) : nullptr;
    auto stored = [fa](const std::string &id) {
        if (fa)
            for (const MetricValue &m : fa->metrics)
                if (m.metricId == id)
                    return m;
        MetricValue none;
        none.metricId = id;
        return none;
    };
    std::vector<Row> rows;
    for (const Item &item : m_feature.dataToUse)
        rows.push_back({stored(item.id), qs(item.text.text), false});
    // The room's own, in the copy's order (the framework's order, then the room's own by number).
    if (fa)
        for (const MetricValue &m : fa->metrics)
            if (isOwnMetricId(m_feature.id, m.metricId))
                rows.push_back({m, qs(m.name), true});
    return rows;
}

void MetricsModel::sync()
{
    // The room's own metric added or removed (an edit, its undo) is a row; a re-read that changes more, a reset.
    // The name is also in every cell's accessible text ("Value for …").
    syncRows(readRows(), [](const Row &r) { return r.value.metricId; }, [](const Row &a, const Row &b, int column) {
        return field(a, column) != field(b, column) || a.name != b.name;
    });
}

QString MetricsModel::field(const Row &row, int column)
{
    switch (column) {
    case NameColumn:
        return row.name;
    case ValueColumn:
        return qs(row.value.value);
    case UnitColumn:
        return qs(row.value.unit);
    case PeriodColumn:
        return qs(row.value.period);
    case SourceColumn:
        return qs(row.value.source);
    default:
        return {};
    }
}

int MetricsModel::rowOf(const std::string &metricId) const
{
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        if (m_rows[r].value.metricId == metricId)
            return static_cast<int>(r);
    return -1;
}

QVariant MetricsModel::data(const QModelIndex &index, int role) const
{
    const Row *shown = rowAt(index);
    if (!shown)
        return {};
    const Row &row = *shown;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:  // a string, always: the editor is a line of text, and what is typed is kept as typed
        return field(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return row.own ? tr("The room's own metric: type to rename it") : row.name;
        return {};
    case Qt::AccessibleTextRole:
        // Screen readers name a cell, empty or not, by what it is for.
        if (index.column() != NameColumn)
            return tr("%1 for %2").arg(headerData(index.column(), Qt::Horizontal).toString(), row.name);
        return {};
    case MetricIdRole:
        return qs(row.value.metricId);
    default:
        return {};
    }
}

QString MetricsModel::columnTitle(int column) const
{
    static const char *const titles[] = {
        QT_TR_NOOP("Data to use"),
        QT_TR_NOOP("Value"),
        QT_TR_NOOP("Unit"),
        QT_TR_NOOP("Period"),
        QT_TR_NOOP("Source")};
    static_assert(std::size(titles) == ColumnCount);
    return tr(titles[column]);
}

Qt::ItemFlags MetricsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (index.column() != NameColumn || m_rows[static_cast<std::size_t>(index.row())].own)
        f |= Qt::ItemIsEditable;
    return f;
}

bool MetricsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !m_document || !m_sink || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    MetricValue edited = row.value;
    const std::string text = value.toString().toStdString();
    switch (index.column()) {
    case NameColumn: {
        const std::string name = value.toString().trimmed().toStdString();
        if (name.empty())
            return false;  // a name is needed: the stored one stays
        edited.name = name;
        break;
    }
    case ValueColumn:
        edited.value = text;
        break;
    case UnitColumn:
        edited.unit = text;
        break;
    case PeriodColumn:
        edited.period = text;
        break;
    case SourceColumn:
        edited.source = text;
        break;
    default:
        return false;
    }
    if (edited.name == row.value.name && edited.value == row.value.value && edited.unit == row.value.unit &&
        edited.period == row.value.period && edited.source == row.value.source)
        return false;  // nothing changed: no edit, no undo step
    m_sink(SetMetric{m_feature.id, edited});
    return true;
}

}  // namespace hicm::document
