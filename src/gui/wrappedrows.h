// Rows as tall as their wrapped text, for a table whose cells wrap (the walk's data table, the action plan).
#pragma once

#include <QObject>

class QTableView;

namespace hicm::gui {

// Keeps `table`'s rows as tall as their wrapped text and never lower than a one-line row: fitted once the
// table is shown with its width, and again when `column`'s width, the type or the rows change. Queued,
// after the table's own resize handling has given the column its new width: rows fitted before the table
// had its width would be a screen tall. Owned by the table; set the table's model first.
class WrappedRows : public QObject {
    Q_OBJECT
public:
    WrappedRows(QTableView *table, int column);

    // Only `column` wraps (the other columns' cells keep one line: CachedTextDelegate::setWrappedColumn), so
    // a change in another column leaves the rows' heights as they are: not fitted again (the partner grid,
    // where every level typed is such a change).
    void setOnlyColumnWraps(bool only) { m_onlyColumnWraps = only; }

signals:
    void fitted();  // the rows were fitted again (their heights may have changed)

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitLater(bool evenAtTheSameWidth);

    QTableView *m_table;
    int m_column;
    bool m_onlyColumnWraps = false;
    int m_fittedWidth = -1;  // the column's width the rows were last fitted to
};

}  // namespace hicm::gui
