#include "homepage.h"

#include "assessmentlistmodel.h"
#include "session.h"
#include "ui_homepage.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QEvent>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStyle>

namespace hicm::gui {

namespace {

using document::AssessmentListModel;
using document::IdRole;
using document::ProfileRole;  // QList<int>: agreed level per feature, 0 = not agreed
constexpr int TopRole = document::ProfileTopRole;
enum Column { Area, Title, Date, Status, Progress, Profile };

// Paints the small maturity profile: one bar per feature, its height the agreed level.
class ProfileDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(p, option, index);
        const QVariantList levels = index.data(ProfileRole).toList();
        const int top = qMax(1, index.data(TopRole).toInt());
        if (levels.isEmpty())
            return;
        // Whole pixels, without antialiasing: crisp one-pixel outlines (an antialiased line on a pixel boundary
        // is a two-pixel grey blur), and a quarter of the first paint's cost of Home at start-up.
        const QRect r = option.rect.adjusted(6, 5, -6, -5);
        const int count = static_cast<int>(levels.size());
        const QColor outline = option.palette.color(QPalette::Mid);
        const QColor fill = option.state & QStyle::State_Selected ? option.palette.color(QPalette::HighlightedText)
                                                                  : QColor(0x00, 0x5E, 0xB8);
        p->save();
        p->setRenderHint(QPainter::Antialiasing, false);
        for (int i = 0; i < count; ++i) {
            const int left = r.left() + r.width() * i / count + 1;
            const int right = r.left() + r.width() * (i + 1) / count - 1;  // exclusive
            const QRect cell(left, r.top(), qMax(1, right - left), r.height());
            p->setPen(Qt::NoPen);
            p->setBrush(outline);
            // The outline as four filled edges (exact pixels, whatever the pen's rules).
            p->drawRect(cell.left(), cell.top(), cell.width(), 1);
            p->drawRect(cell.left(), cell.bottom(), cell.width(), 1);
            p->drawRect(cell.left(), cell.top(), 1, cell.height());
            p->drawRect(cell.right(), cell.top(), 1, cell.height());
            const int level = levels[i].toInt();
            if (level > 0) {
                const int h = qMin(cell.height(), (cell.height() * qMin(level, top) + top / 2) / top);
                p->setBrush(fill);
                p->drawRect(cell.left(), cell.bottom() + 1 - h, cell.width(), h);
            }
        }
        p->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        return {qMax(s.width(), 16 * qMax(1, static_cast<int>(index.data(ProfileRole).toList().size()))), s.height()};
    }
};

}  // namespace

HomePage::HomePage(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::HomePage>())
{
    m_ui->setupUi(this);
    QFont heading = m_ui->heading->font();
    heading.setPointSizeF(heading.pointSizeF() * 1.6);
    heading.setBold(true);
    m_ui->heading->setFont(heading);
    // The list is the workspace's, through a model that re-draws what changed; sorted by the view's header.
    m_list = new AssessmentListModel(this);
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_list);
    auto *t = m_ui->table;
    t->setModel(sorted);
    // In the workspace's own order, no column marked, until a header is clicked (sortingEnabled, homepage.ui).
    t->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    t->horizontalHeader()->setSectionResizeMode(Title, QHeaderView::Stretch);
    // The profile's width is set in fitColumns too: resize-to-contents would ask every row's size each
    // time another column's width is set.
    t->setItemDelegateForColumn(Profile, new ProfileDelegate(t));

    connect(m_ui->newButton, &QPushButton::clicked, this, &HomePage::newRequested);
    connect(m_ui->openButton, &QPushButton::clicked, this, [this] {
        if (auto id = selectedId())
            emit openRequested(*id);
    });
    connect(m_ui->reassessButton, &QPushButton::clicked, this, [this] {
        if (auto id = selectedId())
            emit reassessRequested(*id);
    });
    connect(m_ui->deleteButton, &QPushButton::clicked, this, [this] {
        if (auto id = selectedId())
            emit deleteRequested(*id);
    });
    connect(t, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit openRequested(index.data(IdRole).toLongLong());
    });
    connect(t->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HomePage::updateButtons);
    setFocusProxy(t);
    refresh();
}

HomePage::~HomePage() = default;

void HomePage::setSession(Session *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::summariesChanged, this, [this] {
            m_stale = true;
            if (isVisible())
                refresh();
        });
    m_stale = true;
    refresh();
}

void HomePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

std::optional<std::int64_t> HomePage::selectedId() const
{
    const auto rows = m_ui->table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first().data(IdRole).toLongLong();
}

void HomePage::selectId(std::int64_t id)
{
    const QAbstractItemModel *model = m_ui->table->model();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, Area).data(IdRole).toLongLong() == id) {
            m_ui->table->selectRow(r);
            m_ui->table->setCurrentIndex(model->index(r, Area));
            return;
        }
}

void HomePage::refresh()
{
    m_stale = false;
    const auto previous = selectedId();
    auto *t = m_ui->table;
    if (!m_session) {
        m_list->setSummaries({});
        m_ui->workspaceLabel->setText(tr("No workspace is open. Use File › New Workspace or File › Open Workspace."));
        m_ui->emptyLabel->hide();
        updateButtons();
        return;
    }
    QString where = tr("Workspace: %1").arg(m_session->path());
    if (m_session->readOnly())
        where += "  " + tr("(read-only: %1)").arg(m_session->readOnlyReason());
    m_ui->workspaceLabel->setText(where);
    const auto &list = m_session->summaries();
    m_list->setSummaries(list);
    fitColumns();
    m_ui->emptyLabel->setVisible(list.empty());
    if (previous && selectedId() != previous)
        selectId(*previous);
    if (!selectedId() && t->model()->rowCount() > 0)
        t->selectRow(0);
    updateButtons();
}

void HomePage::fitColumns()
{
    auto *t = m_ui->table;
    const QFontMetrics cells(t->font());
    const QFontMetrics heading(t->horizontalHeader()->font());
    // Cell margins, and room for the header's sort indicator.
    const int pad = cells.averageCharWidth() * 2 + t->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, t) + 16;
    const QAbstractItemModel *model = t->model();
    auto header = [model](int column) { return model->headerData(column, Qt::Horizontal).toString(); };
    // Every digit counted as the font's widest one: the widths are never too narrow, and the 200 dates of a
    // large workspace ("2024-05-01") or its progress texts ("7 of 8 agreed") are a handful of texts to lay out
    // instead of one each (text layout is most of the time this takes).
    QChar widestDigit = QLatin1Char('0');
    for (char16_t d = u'1'; d <= u'9'; ++d)
        if (cells.horizontalAdvance(QChar(d)) > cells.horizontalAdvance(widestDigit))
            widestDigit = QChar(d);
    for (int column : {int(Area), int(Date), int(Status), int(Progress)}) {
        QSet<QString> texts;
        for (int r = 0; r < model->rowCount(); ++r) {
            QString text = model->index(r, column).data().toString();
            for (QChar &c : text)
                if (c.isDigit())
                    c = widestDigit;
            texts.insert(text);
        }
        int width = heading.horizontalAdvance(header(column));
        for (const QString &text : texts)
            width = qMax(width, cells.horizontalAdvance(text));
        t->setColumnWidth(column, width + pad);
    }
    int features = 1;  // the profile: a bar of 16 px per feature
    for (int r = 0; r < model->rowCount(); ++r)
        features = qMax(features, static_cast<int>(model->index(r, Profile).data(ProfileRole).toList().size()));
    t->setColumnWidth(Profile, qMax(16 * features + 12, heading.horizontalAdvance(header(Profile)) + pad));
}

void HomePage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitColumns();
}

void HomePage::updateButtons()
{
    const bool selected = selectedId().has_value();
    const bool writable = m_session && !m_session->readOnly();
    m_ui->newButton->setEnabled(writable);
    m_ui->openButton->setEnabled(selected);
    m_ui->reassessButton->setEnabled(selected && writable);
    m_ui->deleteButton->setEnabled(selected && writable);
}

}  // namespace hicm::gui
