#include "resultspage.h"

#include "actionplanmodel.h"
#include "chartview.h"
#include "dialogs.h"
#include "editsink.h"
#include "frameworkbrowser.h"
#include "priorityhtml.h"
#include "resultscharts.h"
#include "session.h"
#include "wrappedrows.h"

#include <algorithm>

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
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace hicm::gui {

namespace {

using document::ActionPlanModel;
constexpr int StatusRole = document::ActionStatusRole;  // the status's stable name ("in-progress")

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
    // The plan shows the document's copy through its model, sorted by a proxy (due dates as dates, the
    // undated last: document::SortRole); a cell typed into is one typed edit.
    m_planModel = new ActionPlanModel([this](const document::Edit &edit) {
        if (m_session)
            editSink(m_session)(edit);
    }, this);
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_planModel);
    sorted->setSortRole(document::SortRole);
    m_plan = new QTableView(page);
    m_plan->setModel(sorted);
    m_plan->setObjectName(QStringLiteral("actionPlan"));
    m_plan->setAccessibleName(tr("Action plan"));
    m_plan->verticalHeader()->hide();
    m_plan->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_plan->horizontalHeader()->setSectionResizeMode(ActionPlanModel::TextColumn, QHeaderView::Stretch);
    // The whole action, wrapped, for the room to read (the projector's type leaves the text column narrow).
    new WrappedRows(m_plan, ActionPlanModel::TextColumn);
    // The owner, often an organisation's whole name, wraps too rather than taking the action's room.
    m_plan->horizontalHeader()->setSectionResizeMode(ActionPlanModel::OwnerColumn, QHeaderView::Interactive);
    const auto fitOwner = [this] { QTimer::singleShot(0, this, &ResultsPage::fitPlanOwner); };
    connect(sorted, &QAbstractItemModel::modelReset, this, fitOwner);
    connect(sorted, &QAbstractItemModel::rowsInserted, this, fitOwner);
    connect(sorted, &QAbstractItemModel::dataChanged, this, fitOwner);
    connect(m_plan->horizontalHeader(), &QHeaderView::sectionResized, this, [this, fitOwner](int section) {
        if (section == ActionPlanModel::TextColumn)
            fitOwner();
    });
    m_plan->setTabKeyNavigation(false);
    m_plan->setItemDelegateForColumn(ActionPlanModel::StatusColumn, new StatusDelegate(m_plan));
    m_plan->setSortingEnabled(true);
    m_plan->sortByColumn(ActionPlanModel::DueColumn, Qt::AscendingOrder);
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
        const QModelIndex current = m_plan->currentIndex();
        if (m_session && current.isValid())
            m_session->removeAction(current.data(document::IdRole).toLongLong());
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

void ResultsPage::setHiddenRound(const std::string &featureId)
{
    if (featureId == m_hiddenFeature)
        return;
    m_hiddenFeature = featureId;
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
    // A round of the live room not yet revealed: the page is drawn as if its feature had no partner
    // levels yet, so nothing shown is drawn from the votes.
    Assessment masked;
    const Assessment *shown = &m_session->assessment();
    if (!m_hiddenFeature.empty()) {
        masked = *shown;
        for (auto &f : masked.features)
            if (f.featureId == m_hiddenFeature)
                f.partnerLevels.clear();
        shown = &masked;
    }
    const Assessment &a = *shown;
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
    if (!m_hiddenFeature.empty()) {
        const QString note = tr(" The partners' levels for %1 are hidden until the room's reveal.").arg(qs(m_hiddenFeature));
        m_heatMap->setAccessibleDescription(m_heatMap->accessibleDescription() + note);
        m_heatMap->setToolTip(m_heatMap->accessibleDescription());
    }
    refreshPlan();
}

void ResultsPage::fitPlanOwner()
{
    // As wide as the longest owner, but no more than a fifth of the plan (or its heading's width).
    const int available = m_plan->viewport()->width();
    const int heading = m_plan->horizontalHeader()->sectionSizeHint(ActionPlanModel::OwnerColumn);
    const QFontMetrics metrics(m_plan->font());
    int widest = 0;
    for (int row = 0; row < m_plan->model()->rowCount(); ++row)
        widest = std::max(widest, metrics.horizontalAdvance(
                                      m_plan->model()->index(row, ActionPlanModel::OwnerColumn).data().toString()));
    widest += 2 * (m_plan->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_plan) + 1) +
              metrics.averageCharWidth();
    const int width = std::max(heading, std::min(widest, available / 5));
    if (m_plan->columnWidth(ActionPlanModel::OwnerColumn) != width) {
        m_plan->setColumnWidth(ActionPlanModel::OwnerColumn, width);
        m_plan->resizeRowsToContents();  // the rows were fitted to the owner's old width
    }
}

void ResultsPage::refreshPlan()
{
    // The model follows the plan's edits itself; here it only follows the open document.
    m_planModel->setDocument(m_session->document());
    m_removeAction->setEnabled(m_planModel->rowCount() > 0 && !m_session->readOnly());
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
