#include "partnersmodel.h"

#include "rowchange.h"

#include <QCoreApplication>

namespace hicm::document {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

constexpr int kRoles[] = {Qt::DisplayRole, Qt::EditRole, Qt::AccessibleTextRole, OrgTypeRole};

}  // namespace

PartnersModel::PartnersModel(EditSink sink, QObject *parent) : QAbstractTableModel(parent), m_sink(std::move(sink))
{
}

void PartnersModel::setDocument(Document *document)
{
    if (document == m_document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    beginResetModel();
    m_document = document;
    m_rows = m_document ? m_document->assessment().partners : std::vector<Partner>{};
    endResetModel();
    if (!m_document)
        return;
    for (auto signal : {&Document::partnersChanged, &Document::reloaded})
        connect(m_document, signal, this, &PartnersModel::sync);
    connect(m_document, &QObject::destroyed, this, &PartnersModel::documentGone);
}

void PartnersModel::documentGone()
{
    beginResetModel();
    m_document = nullptr;
    m_rows.clear();
    endResetModel();
}

void PartnersModel::sync()
{
    if (!m_document)
        return;
    const std::vector<Partner> &now = m_document->assessment().partners;
    auto ids = [](const std::vector<Partner> &rows) {
        std::vector<std::int64_t> out;
        for (const Partner &p : rows)
            out.push_back(p.id);
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
        m_rows = now;
        endResetModel();
        return;
    }
    for (std::size_t r = 0; r < now.size(); ++r) {
        const Partner old = std::exchange(m_rows[r], now[r]);
        for (int c = 0; c < ColumnCount; ++c)
            for (int role : kRoles)
                if (cell(old, c, role) != cell(now[r], c, role)) {
                    const QModelIndex changed = index(static_cast<int>(r), c);
                    emit dataChanged(changed, changed);
                    break;
                }
    }
}

QVariant PartnersModel::cell(const Partner &p, int column, int role)
{
    if (role == IdRole)
        return QVariant::fromValue<qlonglong>(p.id);
    const bool shown = role == Qt::DisplayRole || role == Qt::EditRole;
    switch (column) {
    case OrganisationColumn:
        return shown ? QVariant(qs(p.organisation)) : QVariant();
    case TypeColumn:
        if (shown)
            return QCoreApplication::translate("OrgType", label(p.type));
        if (role == OrgTypeRole)
            return QString::fromLatin1(toString(p.type));
        return {};
    case ContactColumn:
        if (shown)
            return qs(p.contact);
        if (role == Qt::AccessibleTextRole)
            return p.contact.empty() ? tr("No contact for %1").arg(qs(p.organisation)) : qs(p.contact);
        return {};
    default:
        return {};
    }
}

int PartnersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PartnersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PartnersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return cell(m_rows[static_cast<std::size_t>(index.row())], index.column(), role);
}

QVariant PartnersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OrganisationColumn:
        return tr("Organisation");
    case TypeColumn:
        return tr("Type");
    case ContactColumn:
        return tr("Contact");
    default:
        return {};
    }
}

Qt::ItemFlags PartnersModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable : Qt::NoItemFlags;
}

bool PartnersModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_document || !m_sink || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (role != Qt::EditRole && !(role == OrgTypeRole && index.column() == TypeColumn))
        return false;
    const Partner &stored = m_rows[static_cast<std::size_t>(index.row())];
    Partner edited = stored;
    switch (index.column()) {
    case OrganisationColumn:
        edited.organisation = value.toString().trimmed().toStdString();
        if (edited.organisation.empty())
            return false;  // an organisation needs a name: the stored one stays
        break;
    case TypeColumn:
        if (auto type = parseOrgType(value.toString().toStdString()))
            edited.type = *type;
        else
            return false;
        break;
    case ContactColumn:
        edited.contact = value.toString().toStdString();
        break;
    default:
        return false;
    }
    if (edited.organisation == stored.organisation && edited.type == stored.type && edited.contact == stored.contact)
        return false;
    m_sink(UpdatePartner{edited});
    return true;
}

}  // namespace hicm::document
