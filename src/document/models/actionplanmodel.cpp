#include "actionplanmodel.h"

#include <iterator>

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

ActionPlanModel::ActionPlanModel(EditSink sink, QObject *parent)
    : DocumentRowsModel(ColumnCount, parent), m_sink(std::move(sink))
{
}

void ActionPlanModel::setDocument(Document *document)
{
    if (!showDocument(document, [this] { return readRows(); }) || !m_document)
        return;
    for (auto signal : {&Document::planChanged, &Document::reloaded})
        connect(m_document, signal, this, &ActionPlanModel::sync);
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
    syncRows(readRows(), [](const Row &r) { return r.action.id; }, answersDiffer(&cell, kRoles));
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

QVariant ActionPlanModel::data(const QModelIndex &index, int role) const
{
    const Row *row = rowAt(index);
    return row ? cell(*row, index.column(), role) : QVariant();
}

QString ActionPlanModel::columnTitle(int column) const
{
    static const char *const titles[] = {
        QT_TR_NOOP("#"),
        QT_TR_NOOP("Action"),
        QT_TR_NOOP("Change"),
        QT_TR_NOOP("Feature"),
        QT_TR_NOOP("Owner"),
        QT_TR_NOOP("Due"),
        QT_TR_NOOP("Status"),
        QT_TR_NOOP("Carried from")};
    static_assert(std::size(titles) == ColumnCount);
    return tr(titles[column]);
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
