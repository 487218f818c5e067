#include "mergedialog.h"

#include "messages.h"
#include "session.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFileInfo>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace hicm::gui {

namespace {

enum Column { What, Workshop, Incoming, Status, Choice, ColumnCount };

QString statusText(MergeItemStatus s)
{
    switch (s) {
    case MergeItemStatus::New:
        return MergeDialog::tr("new");
    case MergeItemStatus::Same:
        return MergeDialog::tr("already the same");
    case MergeItemStatus::Conflict:
        return MergeDialog::tr("conflict");
    }
    return {};
}

void setCellText(QTableWidgetItem *item, const QString &text)
{
    item->setText(text);
    item->setToolTip(text);
}

QTableWidgetItem *cell(const std::string &text)
{
    auto *item = new QTableWidgetItem(QString::fromStdString(text));
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setToolTip(QString::fromStdString(text));
    return item;
}

// A partner as people read it: "Care Co (Care provider)", the type in the user's language (the plan's own
// text, which the CLI's JSON carries, names the type by its id).
// `planText` is the plan's "Name (type-id)", which keeps the file's own spelling of the name.
QString partnerText(const Partner &p, const std::string &planText)
{
    const std::string suffix = " (" + std::string(toString(p.type)) + ")";
    const bool spelled = planText.size() > suffix.size() &&
                         planText.compare(planText.size() - suffix.size(), suffix.size(), suffix) == 0;
    const std::string name = spelled ? planText.substr(0, planText.size() - suffix.size()) : p.organisation;
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(name), QCoreApplication::translate("OrgType", label(p.type)));
}

} // namespace

MergeDialog::MergeDialog(Session *session, const ExchangeFile &file, const QString &fileName, QWidget *parent)
    : QDialog(parent), m_session(session), m_fileName(fileName)
{
    setWindowTitle(tr("Merge a partner's file"));
    if (session->hasAssessment()) // without an open assessment the plan is empty and Merge stays off
        m_plan = planMerge(session->assessment(), session->framework(), file.assessment, *file.framework);

    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);
    QString text = tr("Merging <b>%1</b> (%2) into <b>%3</b>. Nothing changes until you press Merge.")
                       .arg(fileName.toHtmlEscaped(),
                            QString::fromStdString(m_plan.incomingArea +
                                                   (m_plan.incomingDate.empty() ? "" : ", " + m_plan.incomingDate))
                                .toHtmlEscaped(),
                            QString::fromStdString(m_plan.workshop.area).toHtmlEscaped());
    // The core's notes and warnings are clauses ("the file's …"): shown here as sentences.
    auto sentence = [](const std::string &clause) {
        QString s = QString::fromStdString(clause).trimmed();
        if (!s.isEmpty())
            s[0] = s[0].toUpper();
        if (!s.isEmpty() && !s.endsWith(QLatin1Char('.')))
            s += QLatin1Char('.');
        return s.toHtmlEscaped();
    };
    for (const auto &w : m_plan.warnings)
        text += QStringLiteral("<br><span style='color:#8a3b00'>%1</span>").arg(sentence(w));
    for (const auto &n : m_plan.notes)
        text += QStringLiteral("<br><i>%1</i>").arg(sentence(n));
    intro->setText(text);

    m_table = new QTableWidget(this);
    m_table->setAccessibleName(tr("Merge items: the workshop's value beside the incoming one"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Item"), tr("Workshop"), tr("Incoming"), tr("Status"), tr("Choice")});
    m_table->verticalHeader()->hide();
    // The item says what is merged: it takes the room it needs, wrapped, and the values share the rest.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Status, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Choice, QHeaderView::ResizeToContents);
    m_table->setWordWrap(true);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *merge = m_buttons->addButton(tr("&Merge"), QDialogButtonBox::AcceptRole);
    merge->setDefault(true);
    auto *allIncoming = m_buttons->addButton(tr("Take all &incoming"), QDialogButtonBox::ActionRole);
    auto *allWorkshop = m_buttons->addButton(tr("Keep all &workshop"), QDialogButtonBox::ActionRole);
    connect(allIncoming, &QPushButton::clicked, this, [this] { chooseAll(MergeChoice::Incoming); });
    connect(allWorkshop, &QPushButton::clicked, this, [this] { chooseAll(MergeChoice::Workshop); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MergeDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &MergeDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    resize(900, 560);
    fillTable();
    updateButtons();
    // Rows fit their wrapped text once the table has its width on screen.
    QTimer::singleShot(0, m_table, &QTableWidget::resizeRowsToContents);
}

void MergeDialog::fillTable()
{
    m_table->setRowCount(int(m_plan.items.size()));
    m_boxes.assign(m_plan.items.size(), nullptr);
    for (std::size_t i = 0; i < m_plan.items.size(); ++i) {
        const MergeItem &item = m_plan.items[i];
        const int row = int(i);
        m_table->setItem(row, What, cell(item.label));
        m_table->setItem(row, Workshop, cell(item.workshop.empty() ? "\u2013" : item.workshop));
        m_table->setItem(row, Incoming, cell(item.incoming));
        if (item.kind == MergeItemKind::Partner) {
            const Partner *ours = m_plan.workshop.partner(item.partner);
            if (ours)
                setCellText(m_table->item(row, Workshop), partnerText(*ours, item.workshop));
            if (item.incomingPartner)
                setCellText(m_table->item(row, Incoming), partnerText(*item.incomingPartner, item.incoming));
        }
        m_table->setItem(row, Status, new QTableWidgetItem(statusText(item.status)));
        m_table->item(row, Status)->setFlags(Qt::ItemIsEnabled);
        if (item.status == MergeItemStatus::Same)
            continue;
        auto *box = new QComboBox(m_table);
        box->setAccessibleName(tr("Choice for %1").arg(QString::fromStdString(item.label)));
        if (item.status == MergeItemStatus::Conflict) {
            box->addItem(tr("Choose\u2026"), -1);
            box->addItem(tr("Keep the workshop's"), int(MergeChoice::Workshop));
            box->addItem(tr("Take the incoming"), int(MergeChoice::Incoming));
            if (item.isText())
                box->addItem(tr("Keep both"), int(MergeChoice::Both));
        } else {
            box->addItem(tr("Take the incoming"), int(MergeChoice::Incoming));
            box->addItem(tr("Leave out"), int(MergeChoice::Workshop));
        }
        connect(box, &QComboBox::currentIndexChanged, this, [this] { updateButtons(); });
        m_table->setCellWidget(row, Choice, box);
        m_boxes[i] = box;
    }
    m_table->resizeColumnsToContents();
    for (int c = Workshop; c < Choice; ++c)
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 180));
    int choiceWidth = m_table->horizontalHeader()->sectionSizeHint(Choice);
    for (auto *box : m_boxes)
        if (box)
            choiceWidth = std::max(choiceWidth, box->sizeHint().width());
    m_table->setColumnWidth(Choice, choiceWidth);
    m_table->horizontalHeader()->setSectionResizeMode(What, QHeaderView::Stretch);
    m_table->resizeRowsToContents();
}

QComboBox *MergeDialog::choiceBox(int index) const
{
    return index >= 0 && std::size_t(index) < m_boxes.size() ? m_boxes[std::size_t(index)] : nullptr;
}

void MergeDialog::chooseAll(MergeChoice choice)
{
    for (std::size_t i = 0; i < m_plan.items.size(); ++i)
        if (m_plan.items[i].status == MergeItemStatus::Conflict && m_boxes[i])
            m_boxes[i]->setCurrentIndex(m_boxes[i]->findData(int(choice)));
    updateButtons();
}

std::optional<MergeChoices> MergeDialog::choices() const
{
    MergeChoices choices;
    for (std::size_t i = 0; i < m_plan.items.size(); ++i) {
        if (!m_boxes[i])
            continue;
        const int value = m_boxes[i]->currentData().toInt();
        if (value < 0)
            return std::nullopt;
        choices.byKey[m_plan.items[i].key] = MergeChoice(value);
    }
    return choices;
}

void MergeDialog::updateButtons()
{
    std::size_t undecided = 0;
    for (std::size_t i = 0; i < m_plan.items.size(); ++i)
        if (m_boxes[i] && m_boxes[i]->currentData().toInt() < 0)
            ++undecided;
    QString text = tr("%1 new, %2 in conflict, %3 already the same.")
                       .arg(m_plan.newItems())
                       .arg(m_plan.conflicts())
                       .arg(m_plan.items.size() - m_plan.newItems() - m_plan.conflicts());
    if (undecided > 0)
        text += QStringLiteral(" ") + tr("Choose for each conflict (%1 left) to merge.").arg(undecided);
    if (m_session->readOnly())
        text += QStringLiteral(" ") +
                tr("The workspace is open read-only (%1): nothing can be merged.").arg(m_session->readOnlyReason());
    m_summary->setText(text);
    for (auto *button : m_buttons->buttons())
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(undecided == 0 && !m_session->readOnly() && m_session->hasAssessment());
}

void MergeDialog::accept()
{
    const auto chosen = choices();
    if (!chosen || !m_session->hasAssessment() || m_session->assessment().id != m_plan.workshop.id)
        return;
    const MergeOutcome outcome = applyMerge(m_plan, *chosen);
    if (!outcome.ok()) {
        Messages::error(this, tr("Merge"), tr("The merge could not be prepared; nothing was changed."));
        return;
    }
    const std::int64_t id = m_plan.workshop.id;
    if (auto current = m_session->scored(id); current && current->assessment.updated != m_plan.workshop.updated) {
        Messages::error(this, tr("Merge"),
                        tr("The assessment was changed after this merge view was opened. Nothing was merged: "
                           "open the partner's file again to see the differences as they are now."));
        return;
    }
    // One undoable step, a typed edit. It stores the merge only if the assessment is still as it was when
    // the merge was planned; its inverse puts back the assessment as it was then (document::UndoMerge).
    const bool stored = m_session->applySteps(
        tr("Merge %1").arg(QFileInfo(m_fileName).fileName()),
        {document::MergeFile{*outcome.merged, m_fileName.toStdString(), m_plan.workshop.updated}});
    if (!stored)
        return; // the session has said why (Session::failed); the dialog stays open
    m_session->refreshSummaries();
    emit m_session->saved(
        (outcome.applied == 1 ? tr("Merged 1 item from %1") : tr("Merged %1 items from %2").arg(outcome.applied))
            .arg(m_fileName));
    QDialog::accept();
}

} // namespace hicm::gui
