#include "setuppage.h"

#include "dialogs.h"
#include "editsink.h"
#include "partnersmodel.h"
#include "session.h"
#include "text.h"
#include "ui_setuppage.h"

#include <QComboBox>
#include <QDate>
#include <QHeaderView>
#include <QStyledItemDelegate>

namespace hicm::gui {

namespace {

using document::PartnersModel;

void fillTypes(QComboBox *combo)
{
    combo->clear();
    for (OrgType t : allOrgTypes())
        combo->addItem(QCoreApplication::translate("OrgType", label(t)), QString::fromLatin1(toString(t)));
}

// Edits a partner's organisation type with a combo box.
class TypeDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *combo = new QComboBox(parent);
        combo->setAccessibleName(QCoreApplication::translate("SetupPage", "Organisation type"));
        fillTypes(combo);
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        combo->setCurrentIndex(qMax(0, combo->findData(index.data(document::OrgTypeRole))));
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        model->setData(index, combo->currentData(), document::OrgTypeRole);  // one change: the label follows when stored
    }
};

}  // namespace

SetupPage::SetupPage(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::SetupPage>())
{
    m_ui->setupUi(this);
    QFont heading = m_ui->heading->font();
    heading.setPointSizeF(heading.pointSizeF() * 1.6);
    heading.setBold(true);
    m_ui->heading->setFont(heading);
    m_ui->status->addItem(tr("Draft"), QStringLiteral("draft"));
    m_ui->status->addItem(tr("Final"), QStringLiteral("final"));
    fillTypes(m_ui->newType);
    // The partners are the document's, through its model: a cell committed (Enter, Tab, leaving it) is one
    // typed edit, checked first (an organisation needs a name; a refused value leaves the stored one).
    m_partners = new PartnersModel([this](const document::Edit &edit) {
        if (m_session && m_session->hasAssessment())
            editSink(m_session)(edit);
    }, this);
    auto *t = m_ui->partners;
    t->setModel(m_partners);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    t->setItemDelegateForColumn(PartnersModel::TypeColumn, new TypeDelegate(t));

    // A field is stored when it is committed (Enter, Tab, leaving it), and checked first: a problem is
    // shown under the form, in words, and nothing is stored until it is put right.
    QPalette problem = m_ui->detailsProblem->palette();
    problem.setColor(QPalette::WindowText, QColor(0x8A, 0x15, 0x38));
    m_ui->detailsProblem->setPalette(problem);
    m_ui->detailsProblem->setAccessibleName(tr("Problem with the details"));
    auto field = [this](QLineEdit *edit, storage::AssessmentField f) {
        edit->setMaxLength(static_cast<int>(kMaxTextCharacters));  // the workspace's limit (text.h)
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, f] {
            if (m_refreshing || !m_session || !m_session->hasAssessment())
                return;
            const QString text = edit->text().trimmed();
            QString why;
            if (f == storage::AssessmentField::Area && text.isEmpty())
                why = tr("The area or system needs a name; it was left as it was.");
            else if (f == storage::AssessmentField::Date && !isValidDate(text))
                why = tr("\"%1\" is not a date: write it as YYYY-MM-DD, e.g. %2. The date was not changed.")
                          .arg(text, QDate::currentDate().toString(Qt::ISODate));
            m_ui->detailsProblem->setText(why);
            m_ui->detailsProblem->setVisible(!why.isEmpty());
            if (!why.isEmpty())
                return;
            m_session->setField(f, text);
        });
    };
    field(m_ui->area, storage::AssessmentField::Area);
    field(m_ui->title, storage::AssessmentField::Title);
    field(m_ui->date, storage::AssessmentField::Date);
    field(m_ui->facilitator, storage::AssessmentField::Facilitator);
    connect(m_ui->status, &QComboBox::activated, this, [this] {
        if (m_session && m_session->hasAssessment())
            m_session->setStatus(*parseAssessmentStatus(m_ui->status->currentData().toString().toStdString()));
    });
    connect(m_ui->addPartner, &QPushButton::clicked, this, &SetupPage::addPartner);
    connect(m_ui->newOrganisation, &QLineEdit::returnPressed, this, &SetupPage::addPartner);
    connect(m_ui->newContact, &QLineEdit::returnPressed, this, &SetupPage::addPartner);
    connect(m_ui->removePartner, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_ui->partners->currentIndex();
        if (m_session && current.isValid())
            m_session->removePartner(current.data(document::IdRole).toLongLong());
    });
    connect(m_ui->aboutButton, &QPushButton::clicked, this, &SetupPage::aboutModelRequested);
    connect(m_ui->startButton, &QPushButton::clicked, this, &SetupPage::startWalkRequested);
    setFocusProxy(m_ui->area);
}

SetupPage::~SetupPage() = default;

void SetupPage::setPresentation(bool on)
{
    m_ui->partners->setColumnHidden(PartnersModel::ContactColumn, on);
}

void SetupPage::setSession(Session *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        for (auto signal : {&Session::detailsChanged, &Session::partnersChanged, &Session::reloaded, &Session::opened})
            connect(m_session, signal, this, &SetupPage::refresh);
    refresh();
}

void SetupPage::refresh()
{
    if (!m_session || !m_session->hasAssessment())
        return;
    m_refreshing = true;
    const Assessment &a = m_session->assessment();
    auto set = [](QLineEdit *edit, const std::string &value) {
        const QString v = QString::fromStdString(value);
        if (edit->text() != v)
            edit->setText(v);
    };
    set(m_ui->area, a.area);
    set(m_ui->title, a.title);
    set(m_ui->date, a.date);
    set(m_ui->facilitator, a.facilitator);
    m_ui->status->setCurrentIndex(a.status == AssessmentStatus::Final ? 1 : 0);
    m_partners->setDocument(m_session->document());  // the same document: it follows its edits itself
    const bool writable = !m_session->readOnly();
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->area, m_ui->title, m_ui->date, m_ui->facilitator,
                                                        m_ui->status, m_ui->addPartner, m_ui->removePartner,
                                                        m_ui->newOrganisation})
        w->setEnabled(writable);
    m_refreshing = false;
}

void SetupPage::addPartner()
{
    const QString name = m_ui->newOrganisation->text().trimmed();
    if (!m_session || !m_session->hasAssessment() || name.isEmpty())
        return;
    Partner p;
    p.organisation = name.toStdString();
    p.type = parseOrgType(m_ui->newType->currentData().toString().toStdString()).value_or(OrgType::Other);
    p.contact = m_ui->newContact->text().trimmed().toStdString();
    m_session->addPartner(p);
    m_ui->newOrganisation->clear();
    m_ui->newContact->clear();
    m_ui->newOrganisation->setFocus();
}

}  // namespace hicm::gui
