#include "dialogs.h"

#include "ui_actiondialog.h"
#include "ui_newassessmentdialog.h"

#include <QDate>
#include <QPushButton>

namespace hicm::gui {

bool isValidDate(const QString &text)
{
    return text.isEmpty() || QDate::fromString(text, Qt::ISODate).isValid();
}

NewAssessmentDialog::NewAssessmentDialog(QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::NewAssessmentDialog>())
{
    m_ui->setupUi(this);
    m_ui->date->setDate(QDate::currentDate());
    auto update = [this] {
        m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_ui->area->text().trimmed().isEmpty());
    };
    connect(m_ui->area, &QLineEdit::textChanged, this, update);
    update();
}

NewAssessmentDialog::~NewAssessmentDialog() = default;

void NewAssessmentDialog::setFields(const QString &area, const QString &title, const QString &facilitator)
{
    m_ui->area->setText(area);
    m_ui->title->setText(title);
    m_ui->facilitator->setText(facilitator);
}

void NewAssessmentDialog::setForReassessment(const QString &area, const QString &facilitator)
{
    setWindowTitle(tr("Reassess %1").arg(area));
    m_ui->intro->setText(tr("A new assessment of %1: the partners, targets, importance and every open action are carried "
                            "over; the levels start afresh. Give it its own title and date.")
                             .arg(area));
    m_ui->area->setText(area);
    m_ui->area->setReadOnly(true);
    m_ui->title->clear();
    m_ui->title->setPlaceholderText(tr("e.g. Reassessment %1").arg(QDate::currentDate().year()));
    m_ui->facilitator->setText(facilitator);
    m_ui->title->setFocus(Qt::OtherFocusReason);
}

storage::NewAssessment NewAssessmentDialog::fields() const
{
    storage::NewAssessment f;
    f.area = m_ui->area->text().trimmed().toStdString();
    f.title = m_ui->title->text().trimmed().toStdString();
    f.date = m_ui->date->date().toString(Qt::ISODate).toStdString();
    f.facilitator = m_ui->facilitator->text().trimmed().toStdString();
    return f;
}

void NewAssessmentDialog::accept()
{
    m_ui->date->interpretText();  // a year typed and not yet committed counts
    if (m_ui->area->text().trimmed().isEmpty()) {
        m_ui->area->setFocus();
        return;
    }
    QDialog::accept();
}

ActionDialog::ActionDialog(const Framework &framework, const Action &initial, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ActionDialog>()), m_initial(initial)
{
    m_ui->setupUi(this);
    m_ui->text->setPlainText(QString::fromStdString(initial.text));
    m_ui->change->addItem(tr("(none)"), QString());
    for (const auto &c : framework.changes)
        m_ui->change->addItem(QStringLiteral("HIC %1  %2").arg(QString::fromStdString(c.id), QString::fromStdString(c.title.text)),
                              QString::fromStdString(c.id));
    m_ui->change->setCurrentIndex(qMax(0, m_ui->change->findData(QString::fromStdString(initial.change))));
    m_ui->owner->setText(QString::fromStdString(initial.owner));
    m_ui->due->setText(QString::fromStdString(initial.due));
}

ActionDialog::~ActionDialog() = default;

Action ActionDialog::action() const
{
    Action a = m_initial;
    a.text = m_ui->text->toPlainText().trimmed().toStdString();
    a.change = m_ui->change->currentData().toString().toStdString();
    a.owner = m_ui->owner->text().trimmed().toStdString();
    a.due = m_ui->due->text().trimmed().toStdString();
    return a;
}

void ActionDialog::accept()
{
    if (m_ui->text->toPlainText().trimmed().isEmpty()) {
        m_ui->text->setFocus();
        return;
    }
    if (!isValidDate(m_ui->due->text().trimmed())) {
        m_ui->due->setFocus();
        m_ui->due->selectAll();
        return;
    }
    QDialog::accept();
}

}  // namespace hicm::gui
