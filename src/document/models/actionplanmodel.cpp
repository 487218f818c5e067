#include "actionplanmodel.h"

#include "rowchange.h"

#include <QCoreApplication>
#include <QDate>

namespace hicm::document {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// The roles a cell answers, compared after an edit to tell the view which cells changed.
constexpr int kRoles[] = {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole, Qt::AccessibleTextRole, ActionStatusRole, SortRole};

}  // namespace

ActionPlanModel::ActionPlanModel(EditSink sink, QObject *parent) : QAbstractTableModel(parent), m_sink(std::move(sink))
{
}

void ActionPlanModel::setDocument(Document *document)
{
    if (document == m_document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    beginResetModel();
    m_document = document;
    m_rows = m_document ? readRows() : std::vector<Row>{};
    endResetModel();
    if (!m_document)
        return;
    for (auto signal : {&Document::planChanged, &Document::reloaded})
        connect(m_document, signal, this, &ActionPlanModel::sync);
    connect(m_document, &QObject::destroyed, this, &ActionPlanModel::documentGone);
}

void ActionPlanModel::documentGone()
{
    beginResetModel();
    m_document = nullptr;
    m_rows.clear();
    endResetModel();
}

std::vector<ActionPlanModel::Row> ActionPlanModel::readRows() const
{
    std::vector<Row> rows;
    const Assessment *previous = m_document->previous();
    for (const Action &a : m_document->assessment().actions) {
        Row row{a, {}};
        if (a.carriedFrom && previous)
            row.origin = tr("%1 (action %2)").arg(qs(previous->date)).arg(*a.carriedFrom);
        rows.push_back(std::move(row));
    }
    return rows;
}

void ActionPlanModel::sync()
{
    if (!m_document)
        return;
    std::vector<Row> now = readRows();
    auto ids = [](const std::vector<Row> &rows) {
        std::vector<std::int64_t> out;
        for (const Row &r : rows)
            out.push_back(r.action.id);
        return out;
    };
    switch (const RowChange change = rowChange(ids(m_rows), ids(now)); change.kind) {
    case RowChange::Same:
        break;
    case RowChange::Inserted:
        beginInsertRows({}, change.at, change.at);
        m_rows.insert(m_rows.begin() + change.at, now[static_cast<std::size_t>(change.at)]);
        endInsertRows();
        break;
    case RowChange::Removed:
        beginRemoveRows({}, change.at, change.at);
        m_rows.erase(m_rows.begin() + change.at);
        endRemoveRows();
        break;
    case RowChange::Other:
        beginResetModel();
        m_rows = std::move(now);
        endResetModel();
        return;
    }
    for (std::size_t r = 0; r < now.size(); ++r) {
        const Row old = std::exchange(m_rows[r], now[r]);
        for (int c = 0; c < ColumnCount; ++c)
            for (int role : kRoles)
                if (cell(old, c, role) != cell(now[r], c, role)) {
                    const QModelIndex changed = index(static_cast<int>(r), c);
                    emit dataChanged(changed, changed);
                    break;
                }
    }
}

QVariant ActionPlanModel::cell(const Row &row, int column, int role)
{
    const Action &a = row.action;
    if (role == IdRole)
        return QVariant::fromValue<qlonglong>(a.id);
    if (role == ActionStatusRole)
        return column == StatusColumn ? QVariant(QString::fromLatin1(toString(a.status))) : QVariant();
    if (role == SortRole) {
        if (column == DueColumn && a.due.empty())
            return QString(QChar(0xFFFF));  // the undated after the dated
        role = Qt::DisplayRole;
    }
    const bool shown = role == Qt::DisplayRole || role == Qt::EditRole;
    switch (column) {
    case NumberColumn:
        return shown ? QVariant::fromValue<qlonglong>(a.id) : QVariant();
    case TextColumn:
        return shown || role == Qt::ToolTipRole ? QVariant(qs(a.text)) : QVariant();
    case ChangeColumn:
        return shown ? QVariant(qs(a.change)) : QVariant();
    case FeatureColumn:
        return shown ? QVariant(qs(a.feature)) : QVariant();
    case OwnerColumn:
        return shown ? QVariant(qs(a.owner)) : QVariant();
    case DueColumn:
        return shown ? QVariant(qs(a.due)) : QVariant();
    case StatusColumn:
        if (shown)
            return QCoreApplication::translate("ActionStatus", label(a.status));
        if (role == Qt::ToolTipRole)
            return tr("F2 or double-click: not started, in progress, done or dropped");
        return {};
    case OriginColumn:
        if (shown)
            return row.origin;
        if (role == Qt::AccessibleTextRole)
            return row.origin.isEmpty() ? tr("New in this plan") : tr("Carried from %1").arg(row.origin);
        return {};
    default:
        return {};
    }
}

int ActionPlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ActionPlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActionPlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return cell(m_rows[static_cast<std::size_t>(index.row())], index.column(), role);
}

QVariant ActionPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("#");
    case TextColumn:
        return tr("Action");
    case ChangeColumn:
        return tr("Change");
    case FeatureColumn:
        return tr("Feature");
    case OwnerColumn:
        return tr("Owner");
    case DueColumn:
        return tr("Due");
    case StatusColumn:
        return tr("Status");
    case OriginColumn:
        return tr("Carried from");
    default:
        return {};
    }
}

Qt::ItemFlags ActionPlanModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (index.column() != NumberColumn && index.column() != OriginColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool ActionPlanModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_document || !m_sink || !(flags(index) & Qt::ItemIsEditable))
        return false;
    if (role != Qt::EditRole && !(role == ActionStatusRole && index.column() == StatusColumn))
        return false;
    const Action &stored = m_rows[static_cast<std::size_t>(index.row())].action;
    Action edited = stored;
    const std::string text = value.toString().trimmed().toStdString();
    const Framework &fw = m_document->framework();
    bool ok = true;
    switch (index.column()) {
    case TextColumn:
        ok = !text.empty();
        edited.text = text;
        break;
    case ChangeColumn:
        ok = text.empty() || fw.change(text);
        edited.change = text;
        break;
    case FeatureColumn:
        ok = text.empty() || fw.feature(text);
        edited.feature = text;
        break;
    case OwnerColumn:
        edited.owner = text;
        break;
    case DueColumn:
        ok = text.empty() || QDate::fromString(QString::fromStdString(text), Qt::ISODate).isValid();
        edited.due = text;
        break;
    case StatusColumn:
        if (auto s = parseActionStatus(text))
            edited.status = *s;
        else
            ok = false;
        break;
    default:
        return false;
    }
    // A refused value changes nothing: the view shows what is stored.
    if (!ok || (edited.text == stored.text && edited.change == stored.change && edited.feature == stored.feature &&
                edited.owner == stored.owner && edited.due == stored.due && edited.status == stored.status))
        return false;
    m_sink(UpdateAction{edited});
    return true;
}

}  // namespace hicm::document
