// An item delegate for the feature pages' tables (the partner grid, the data-to-use values) that keeps
// each cell's text laid out: the style's own item painting lays out and elides every cell's text again on
// every paint, and switching pages repaints every cell. The cell's panel, selection and focus are still
// drawn by the style; only the text comes from a cache of QStaticText, by text, font and width. Cells
// with an icon or a check box are left to QStyledItemDelegate. A cell whose model says it is emphasised
// (document::EmphasisRole, the partner grid's agreed row) is drawn in bold at the view's own size. Cells
// wrap as the view says (QTableView::wordWrap), or only one column's (setWrappedColumn).
#pragma once

#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace hicm::gui {

class CachedTextDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // Only `column`'s cells wrap, in a view whose wordWrap is on (the view then measures rows at the
    // columns' widths); the other columns' cells keep one line, elided, and so their rows' height. A cell
    // of that column on more than one line has some room above and below its lines, as a one-line row has,
    // so that the room does not read its last line with the next row's first.
    void setWrappedColumn(int column) { m_wrappedColumn = column; }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    const QStaticText &laidOut(const QString &text, const QFont &font, int width, bool wrap, Qt::TextElideMode elide) const;

    mutable QHash<QString, QStaticText> m_texts;
    int m_wrappedColumn = -1;  // -1: every column as the view says
};

}  // namespace hicm::gui
