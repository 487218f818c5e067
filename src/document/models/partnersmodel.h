// The partners round the table (Set-up): a row per partner with the organisation, its type and the
// contact. Read from the document's copy; a partner renamed re-draws that row's cells that changed, a
// partner added or removed is a row. A cell edited in the view is one typed edit (UpdatePartner) for the
// sink; an organisation is never left without a name (a refused value changes nothing).
#pragma once

#include "document.h"
#include "modelroles.h"
#include "rowtablemodel.h"

#include <QPointer>

#include <vector>

namespace hicm::document {

class PartnersModel : public DocumentRowsModel<Partner> {
    Q_OBJECT
public:
    enum Column { OrganisationColumn, TypeColumn, ContactColumn, ColumnCount };

    explicit PartnersModel(EditSink sink, QObject *parent = nullptr);

    void setDocument(Document *document);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // The organisation or the contact (EditRole), or the type (OrgTypeRole or EditRole: its stable name).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    QString columnTitle(int column) const override;
    void sync();
    static QVariant cell(const Partner &partner, int column, int role);

    EditSink m_sink;
};

}  // namespace hicm::document
