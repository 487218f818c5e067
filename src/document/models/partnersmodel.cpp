#include "partnersmodel.h"

#include <iterator>

#include <QCoreApplication>

namespace hicm::document {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

constexpr int kRoles[] = {Qt::DisplayRole, Qt::EditRole, Qt::AccessibleTextRole, OrgTypeRole};

}  // namespace

PartnersModel::PartnersModel(EditSink sink, QObject *parent)
    : DocumentRowsModel(ColumnCount, parent), m_sink(std::move(sink))
{
}

void PartnersModel::setDocument(Document *document)
{
    if (!showDocument(document, [document] { return document->assessment().partners; }) || !m_document)
        return;
    for (auto signal : {&Document::partnersChanged, &Document::reloaded})
        connect(m_document, signal, this, &PartnersModel::sync);
}

void PartnersModel::sync()
{
    if (!m_document)
        return;
    syncRows(m_document->assessment().partners, [](const Partner &p) { return p.id; }, answersDiffer(&cell, kRoles));
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

QVariant PartnersModel::data(const QModelIndex &index, int role) const
{
    const Partner *row = rowAt(index);
    return row ? cell(*row, index.column(), role) : QVariant();
}

QString PartnersModel::columnTitle(int column) const
{
    static const char *const titles[] = {
        QT_TR_NOOP("Organisation"),
        QT_TR_NOOP("Type"),
        QT_TR_NOOP("Contact")};
    static_assert(std::size(titles) == ColumnCount);
    return tr(titles[column]);
}

Qt::ItemFlags PartnersModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable : Qt::NoItemFlags;
}

bool PartnersModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Partner *shown = rowAt(index);
    if (!m_document || !m_sink || !shown)
        return false;
    if (role != Qt::EditRole && !(role == OrgTypeRole && index.column() == TypeColumn))
        return false;
    const Partner &stored = *shown;
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
