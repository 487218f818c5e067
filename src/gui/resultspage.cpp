#include "resultspage.h"

#include "chartview.h"
#include "dialogs.h"
#include "frameworkbrowser.h"
#include "priorityhtml.h"
#include "resultscharts.h"
#include "session.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace hicm::gui {

namespace {

enum PlanColumn { Number, Text, Change, Feature, Owner, Due, Status, Origin, PlanColumns };
constexpr int ActionIdRole = Qt::UserRole + 1;
constexpr int StatusRole = Qt::UserRole + 2;  // the status's stable name ("in-progress")

// Due dates sort as dates, the undated last.
class DueItem : public QTableWidgetItem {
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem &other) const override
    {
        const QString a = text(), b = other.text();
        if (a.isEmpty() != b.isEmpty())
            return b.isEmpty();
        return a < b;
    }
};

// An action's status is one of four, chosen from a list.
class StatusDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *combo = new QComboBox(parent);
        combo->setAccessibleName(QCoreApplication::translate("ResultsPage", "Action status"));
        for (ActionStatus s : allActionStatuses())
            combo->addItem(QCoreApplication::translate("ActionStatus", label(s)), QString::fromLatin1(toString(s)));
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        combo->setCurrentIndex(qMax(0, combo->findData(index.data(StatusRole))));
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        // One change, one edit: the stored action is shown again once it is saved.
        model->setData(index, combo->currentData(), StatusRole);
    }
};

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

}  // namespace

ResultsPage::ResultsPage(QWidget *parent) : QWidget(parent), m_tabs(new QTabWidget(this))
{
    setAccessibleName(tr("Results"));
    m_tabs->setAccessibleName(tr("Results: priorities, profile and action plan"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    m_tabs->addTab(buildPriorities(), tr("&Priorities"));
    m_tabs->addTab(buildProfile(), tr("Pr&ofile"));
    m_tabs->addTab(buildPlan(), tr("Ac&tion plan"));
    setFocusProxy(m_tabs);
}

QWidget *ResultsPage::buildPriorities()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    m_priorities = new QTextBrowser(page);
    m_priorities->setObjectName(QStringLiteral("priorities"));
    m_priorities->setAccessibleName(tr("Prioritised High Impact Changes and why"));
    QFile css(QStringLiteral(":/styles/browser.css"));
    if (css.open(QIODevice::ReadOnly))
        m_priorities->document()->setDefaultStyleSheet(QString::fromUtf8(css.readAll()));
    v->addWidget(m_priorities, 1);

    auto *decisionRow = new QHBoxLayout;
    m_decisionChange = new QComboBox(page);
    m_decisionChange->setAccessibleName(tr("Change to decide on"));
    m_decisionReason = new QLineEdit(page);
    m_decisionReason->setAccessibleName(tr("Reason for the facilitator's decision"));
    m_decisionReason->setPlaceholderText(tr("Reason (required to pin or exclude)"));
    auto *pin = new QPushButton(tr("Pi&n first"), page);
    auto *exclude = new QPushButton(tr("E&xclude"), page);
    auto *clear = new QPushButton(tr("C&lear decision"), page);
    connect(pin, &QPushButton::clicked, this, [this] { decide(QStringLiteral("pin")); });
    connect(exclude, &QPushButton::clicked, this, [this] { decide(QStringLiteral("exclude")); });
    connect(clear, &QPushButton::clicked, this, [this] { decide(QString()); });
    // Two rows, and a list as wide as the room allows (not as wide as the longest change's title): on a
    // projector's large type one row was wider than the screen.
    m_decisionChange->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_decisionChange->setMinimumContentsLength(16);
    auto *label = new QLabel(tr("Facilitator's decision:"), page);
    decisionRow->addWidget(label);
    decisionRow->addWidget(m_decisionChange, 1);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_decisionReason, 1);
    buttonRow->addWidget(pin);
    buttonRow->addWidget(exclude);
    buttonRow->addWidget(clear);
    v->addLayout(decisionRow);
    v->addLayout(buttonRow);
    return page;
}

QWidget *ResultsPage::buildProfile()
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_radar = new ChartView(tr("Maturity profile: agreed and target levels"), splitter);
    m_radar->setObjectName(QStringLiteral("radar"));
    m_heatMap = new ChartView(tr("Partners and features: each partner's level"), splitter);
    m_heatMap->setObjectName(QStringLiteral("heatMap"));
    splitter->addWidget(m_radar);
    splitter->addWidget(m_heatMap);
    return splitter;
}

QWidget *ResultsPage::buildPlan()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    m_plan = new QTableWidget(0, PlanColumns, page);
    m_plan->setObjectName(QStringLiteral("actionPlan"));
    m_plan->setAccessibleName(tr("Action plan"));
    m_plan->setHorizontalHeaderLabels(
        {tr("#"), tr("Action"), tr("Change"), tr("Feature"), tr("Owner"), tr("Due"), tr("Status"), tr("Carried from")});
    m_plan->verticalHeader()->hide();
    m_plan->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_plan->horizontalHeader()->setSectionResizeMode(Text, QHeaderView::Stretch);
    // One line a row, whatever the width when first shown (the whole text is the cell's tooltip): wrapped
    // rows fitted before the table had its width were a screen tall.
    m_plan->setWordWrap(false);
    m_plan->setTextElideMode(Qt::ElideRight);
    m_plan->setTabKeyNavigation(false);
    m_plan->setItemDelegateForColumn(Status, new StatusDelegate(m_plan));
    m_plan->setSortingEnabled(true);
    m_plan->sortItems(Due, Qt::AscendingOrder);
    connect(m_plan, &QTableWidget::cellChanged, this, &ResultsPage::planCellChanged);
    v->addWidget(m_plan, 1);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add action…"), page);
    m_removeAction = new QPushButton(tr("&Remove action"), page);
    connect(add, &QPushButton::clicked, this, [this] {
        if (!m_session || !m_session->hasAssessment())
            return;
        ActionDialog dialog(m_session->framework(), Action{}, this);
        if (dialog.exec() == QDialog::Accepted)
            m_session->addAction(dialog.action());
    });
    connect(m_removeAction, &QPushButton::clicked, this, [this] {
        const int row = m_plan->currentRow();
        if (m_session && row >= 0)
            m_session->removeAction(m_plan->item(row, Number)->data(ActionIdRole).toLongLong());
    });
    buttons->addWidget(add);
    buttons->addWidget(m_removeAction);
    buttons->addStretch(1);
    v->addLayout(buttons);
    return page;
}

void ResultsPage::setSession(Session *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::assessmentChanged, this, [this] {
            m_dirty = true;
            if (isVisible())
                refresh();
        });
    m_dirty = true;
    if (isVisible())
        refresh();
}

void ResultsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void ResultsPage::refresh()
{
    m_dirty = false;
    if (!m_session || !m_session->hasAssessment())
        return;
    const Framework &fw = m_session->framework();
    const Assessment &a = m_session->assessment();
    const Prioritisation result = prioritise(fw, a);
    const int scroll = m_priorities->verticalScrollBar()->value();
    m_priorities->setHtml(prioritisationHtml(fw, result, false));
    m_priorities->verticalScrollBar()->setValue(scroll);

    const QString current = m_decisionChange->currentData().toString();
    m_decisionChange->clear();
    for (const auto &c : fw.changes)
        m_decisionChange->addItem(QStringLiteral("HIC %1  %2").arg(qs(c.id), qs(c.title.text)), qs(c.id));
    m_decisionChange->setCurrentIndex(qMax(0, m_decisionChange->findData(current)));

    setResultsCharts(*m_radar, *m_heatMap, fw, a, m_session->previous());
    refreshPlan();
}

void ResultsPage::refreshPlan()
{
    m_refreshing = true;
    const Assessment &a = m_session->assessment();
    m_plan->setSortingEnabled(false);
    m_plan->setRowCount(static_cast<int>(a.actions.size()));
    for (int r = 0; r < static_cast<int>(a.actions.size()); ++r) {
        const Action &ac = a.actions[static_cast<std::size_t>(r)];
        auto *number = new QTableWidgetItem;
        number->setData(Qt::DisplayRole, QVariant::fromValue<qlonglong>(ac.id));
        number->setData(ActionIdRole, QVariant::fromValue<qlonglong>(ac.id));
        number->setFlags(number->flags() & ~Qt::ItemIsEditable);
        m_plan->setItem(r, Number, number);
        auto *text = new QTableWidgetItem(qs(ac.text));
        text->setToolTip(qs(ac.text));
        m_plan->setItem(r, Text, text);
        m_plan->setItem(r, Change, new QTableWidgetItem(qs(ac.change)));
        m_plan->setItem(r, Feature, new QTableWidgetItem(qs(ac.feature)));
        m_plan->setItem(r, Owner, new QTableWidgetItem(qs(ac.owner)));
        m_plan->setItem(r, Due, new DueItem(qs(ac.due)));
        auto *status = new QTableWidgetItem(QCoreApplication::translate("ActionStatus", label(ac.status)));
        status->setData(StatusRole, QString::fromLatin1(toString(ac.status)));
        status->setToolTip(tr("F2 or double-click: not started, in progress, done or dropped"));
        m_plan->setItem(r, Status, status);
        QString origin;
        if (ac.carriedFrom && m_session->previous())
            origin = tr("%1 (action %2)").arg(qs(m_session->previous()->date)).arg(*ac.carriedFrom);
        auto *from = new QTableWidgetItem(origin);
        from->setFlags(from->flags() & ~Qt::ItemIsEditable);
        from->setData(Qt::AccessibleTextRole, origin.isEmpty() ? tr("New in this plan") : tr("Carried from %1").arg(origin));
        m_plan->setItem(r, Origin, from);
    }
    m_plan->setSortingEnabled(true);
    m_removeAction->setEnabled(!a.actions.empty() && !m_session->readOnly());
    m_refreshing = false;
}

void ResultsPage::planCellChanged(int row, int column)
{
    if (m_refreshing || !m_session || !m_session->hasAssessment())
        return;
    const std::int64_t id = m_plan->item(row, Number)->data(ActionIdRole).toLongLong();
    const Action *found = nullptr;
    for (const auto &ac : m_session->assessment().actions)
        if (ac.id == id)
            found = &ac;
    if (!found)
        return;
    Action edited = *found;
    const std::string text = m_plan->item(row, column)->text().trimmed().toStdString();
    const Framework &fw = m_session->framework();
    bool ok = true;
    switch (column) {
    case Text:
        ok = !text.empty();
        edited.text = text;
        break;
    case Change:
        ok = text.empty() || fw.change(text);
        edited.change = text;
        break;
    case Feature:
        ok = text.empty() || fw.feature(text);
        edited.feature = text;
        break;
    case Owner:
        edited.owner = text;
        break;
    case Due:
        ok = isValidDate(QString::fromStdString(text));
        edited.due = text;
        break;
    case Status:
        if (auto s = parseActionStatus(m_plan->item(row, column)->data(StatusRole).toString().toStdString()))
            edited.status = *s;
        else
            ok = false;
        break;
    default:
        return;
    }
    // After the table has finished committing the cell: storing re-reads the plan, and the table's items
    // are made anew from it (never under the editor that is closing).
    QMetaObject::invokeMethod(this, [this, ok, edited] {
        if (!m_session || !m_session->hasAssessment())
            return;
        if (!ok)
            refreshPlan();  // put the stored value back rather than keep something that is not saved
        else
            m_session->updateAction(edited);
    }, Qt::QueuedConnection);
}

void ResultsPage::decide(const QString &kind)
{
    if (!m_session || !m_session->hasAssessment())
        return;
    const std::string change = m_decisionChange->currentData().toString().toStdString();
    if (kind.isEmpty()) {
        m_session->removeOverride(change);
        return;
    }
    const QString reason = m_decisionReason->text().trimmed();
    if (reason.isEmpty()) {
        m_decisionReason->setFocus();
        m_decisionReason->setPlaceholderText(tr("A reason is needed: the board will read it"));
        return;
    }
    Override o;
    o.change = change;
    o.kind = *parseOverrideKind(kind.toStdString());
    o.reason = reason.toStdString();
    m_session->setOverride(o);
    m_decisionReason->clear();
}

void ResultsPage::setPresentation(bool on)
{
    if (m_session && m_session->hasAssessment())
        m_priorities->setHtml(prioritisationHtml(m_session->framework(), prioritise(m_session->framework(), m_session->assessment()), on));
}

}  // namespace hicm::gui
