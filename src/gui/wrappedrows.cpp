#include "wrappedrows.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QHeaderView>
#include <QTableView>

namespace hicm::gui {

WrappedRows::WrappedRows(QTableView *table, int column) : QObject(table), m_table(table), m_column(column)
{
    table->setWordWrap(true);
    table->verticalHeader()->setMinimumSectionSize(table->verticalHeader()->defaultSectionSize());
    table->installEventFilter(this);
    QAbstractItemModel *model = table->model();
    const auto refit = [this] { fitLater(true); };
    connect(model, &QAbstractItemModel::rowsInserted, this, refit);
    connect(model, &QAbstractItemModel::modelReset, this, refit);
    connect(model, &QAbstractItemModel::layoutChanged, this, refit);  // sorted again
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        if (!m_onlyColumnWraps || (from.column() <= m_column && m_column <= to.column()))
            fitLater(true);
    });
}

bool WrappedRows::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table) {
        if (event->type() == QEvent::Resize || event->type() == QEvent::Show)
            fitLater(false);
        else if (event->type() == QEvent::FontChange)
            fitLater(true);
    }
    return QObject::eventFilter(watched, event);
}

void WrappedRows::fitLater(bool evenAtTheSameWidth)
{
    if (evenAtTheSameWidth)
        m_fittedWidth = -1;
    QMetaObject::invokeMethod(this, [this] {
        const int width = m_table->columnWidth(m_column);
        if (!m_table->isVisible() || width == m_fittedWidth)
            return;  // not shown yet: fitted when it is
        m_fittedWidth = width;
        m_table->resizeRowsToContents();
        emit fitted();
    }, Qt::QueuedConnection);
}

}  // namespace hicm::gui
