// What every table model of the document layer shares (models/*.h): its rows, kept as read from the
// document's copy (or the workspace's list), and how a new read reaches the view. By the rows' keys
// (partner ids, metric ids, action ids, assessment ids): the same rows, one row inserted or removed (what
// one edit does), or anything else (a re-read after another program's change), which the view gets as a
// reset; then, for the same rows, exactly the cells that changed.
#pragma once

#include "document.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <algorithm>
#include <span>
#include <utility>
#include <vector>

namespace hicm::document {

struct RowChange {
    enum Kind { Same, Inserted, Removed, Other } kind = Same;
    int at = 0;  // the row inserted or removed
};

template <class Key>
RowChange rowChange(const std::vector<Key> &before, const std::vector<Key> &after)
{
    if (before == after)
        return {};
    const int at = static_cast<int>(std::mismatch(before.begin(), before.end(), after.begin(), after.end()).first - before.begin());
    auto sameWithout = [at](const std::vector<Key> &longer, const std::vector<Key> &shorter) {
        return longer.size() == shorter.size() + 1 && std::equal(shorter.begin(), shorter.begin() + at, longer.begin()) &&
               std::equal(shorter.begin() + at, shorter.end(), longer.begin() + at + 1);
    };
    if (sameWithout(after, before))
        return {RowChange::Inserted, at};
    if (sameWithout(before, after))
        return {RowChange::Removed, at};
    return {RowChange::Other, 0};
}

// A table of a fixed number of columns over rows of type Row.
template <class Row>
class RowTableModel : public QAbstractTableModel {
public:
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_columns; }
    // The column titles (columnTitle); the rest as Qt's.
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override
    {
        if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_columns)
            return columnTitle(section);
        return QAbstractTableModel::headerData(section, orientation, role);
    }

protected:
    RowTableModel(int columns, QObject *parent) : QAbstractTableModel(parent), m_columns(columns) {}
    // A column's title, translated (tr of a QT_TR_NOOP).
    virtual QString columnTitle(int column) const = 0;

    // The row of a valid index of this table, or nullptr.
    const Row *rowAt(const QModelIndex &index) const
    {
        return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
                   ? &m_rows[static_cast<std::size_t>(index.row())]
                   : nullptr;
    }

    // Brings the rows shown to `now`, keyed by `keyOf(row)`; then tells the view of each cell for which
    // `changed(shown, now, column)` is true.
    template <class KeyOf, class Changed>
    void syncRows(std::vector<Row> now, KeyOf keyOf, Changed changed)
    {
        auto keys = [&keyOf](const std::vector<Row> &rows) {
            std::vector<decltype(keyOf(rows.front()))> out;
            out.reserve(rows.size());
            for (const Row &r : rows)
                out.push_back(keyOf(r));
            return out;
        };
        switch (const RowChange change = rowChange(keys(m_rows), keys(now)); change.kind) {
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
            const Row shown = std::exchange(m_rows[r], std::move(now[r]));
            for (int c = 0; c < m_columns; ++c)
                if (changed(shown, m_rows[r], c)) {
                    const QModelIndex cell = index(static_cast<int>(r), c);
                    emit dataChanged(cell, cell);
                }
        }
    }

    // A `changed` for syncRows: a cell changed when `cell(row, column, role)` answers any of `roles` otherwise.
    template <class CellOf>
    static auto answersDiffer(CellOf cell, std::span<const int> roles)
    {
        return [cell, roles](const Row &a, const Row &b, int column) {
            return std::any_of(roles.begin(), roles.end(),
                               [&](int role) { return cell(a, column, role) != cell(b, column, role); });
        };
    }

    std::vector<Row> m_rows;

private:
    int m_columns;
};

// A table over the open assessment's document (every model but the assessment list).
template <class Row>
class DocumentRowsModel : public RowTableModel<Row> {
public:
    Document *document() const { return m_document; }

protected:
    using RowTableModel<Row>::RowTableModel;

    // Shows `document` (null: none) instead of the one shown: a reset to `read()`'s rows (none without a
    // document), and a reset to none when the document is destroyed. False when it is the one shown already
    // (nothing done); else true, and the caller connects the document's signals it follows.
    template <class Read>
    bool showDocument(Document *document, Read read)
    {
        if (document == m_document)
            return false;
        if (m_document)
            QObject::disconnect(m_document, nullptr, this, nullptr);
        this->beginResetModel();
        m_document = document;
        this->m_rows = m_document ? read() : std::vector<Row>{};
        this->endResetModel();
        if (m_document)
            QObject::connect(m_document, &QObject::destroyed, this, [this] {
                this->beginResetModel();
                m_document = nullptr;
                this->m_rows.clear();
                this->endResetModel();
            });
        return true;
    }

    QPointer<Document> m_document;
};

}  // namespace hicm::document
