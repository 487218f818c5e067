#include "roomlinks.h"

#include "exchangeactions.h"
#include "messages.h"
#include "room_loader.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPageSize>
#include <QPdfWriter>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTextDocument>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace hicm::gui {

std::optional<QString> chooseRoomAddress(QWidget *parent)
{
    QString error;
    const room::module::Functions *room = room::loader::load(&error);
    if (!room) {
        Messages::error(parent, RoomLinksDialog::tr("The room did not open"), error);
        return std::nullopt;
    }
    const QString loopback = QStringLiteral("127.0.0.1");
    std::vector<std::pair<QString, QString>> choices{{loopback, QString()}};  // address, interface
    for (const room::NetworkAddress &a : room->addresses())
        choices.emplace_back(a.address, a.interfaceName);
    const QString last = QSettings().value(QStringLiteral("room/address")).toString();
    std::stable_partition(choices.begin(), choices.end(), [&](const auto &c) { return c.first == last; });
    QStringList labels;
    for (const auto &[address, name] : choices)
        labels << (address == loopback ? RoomLinksDialog::tr("This laptop only (%1)").arg(address)
                   : address == QLatin1String("10.42.0.1")
                       ? RoomLinksDialog::tr("This laptop's hotspot: %1 (%2)").arg(address, name)
                       : RoomLinksDialog::tr("Network %1 (%2)").arg(address, name));
    const int picked = Messages::choose(
        parent, RoomLinksDialog::tr("Invite partners"),
        RoomLinksDialog::tr("Where will the partners' phones connect? They must be on the same network as this laptop. "
                            "Guest Wi-Fi often stops devices reaching each other: turn on this laptop's hotspot, have "
                            "the partners join it, and choose its address. \"This laptop only\" is for a rehearsal."),
        labels);
    if (picked < 0)
        return std::nullopt;
    return choices[static_cast<std::size_t>(picked)].first;
}

RoomLinksDialog::RoomLinksDialog(room::RoomHandle &room, Session *session, QWidget *parent)
    : QDialog(parent), m_room(room), m_session(session)
{
    setObjectName(QStringLiteral("roomLinksDialog"));
    setWindowTitle(tr("Partners' hand-outs"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Give each organisation its own hand-out: its code for the join page on the projector, "
                                "or its own link. This screen may be on the projector: the codes and links stay "
                                "hidden until you show them."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("roomLinks"));
    m_table->setAccessibleName(tr("Each organisation's code and link"));
    m_table->setHorizontalHeaderLabels({tr("Organisation"), tr("Code"), tr("Link")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    m_show = new QCheckBox(tr("&Show the codes and links (not while projecting)"), this);
    m_show->setObjectName(QStringLiteral("showRoomLinks"));
    connect(m_show, &QCheckBox::toggled, this, &RoomLinksDialog::fill);
    layout->addWidget(m_show);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = buttons->addButton(tr("&Copy All"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Each organisation's code and link, one a line, to paste into an email or a document"));
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(handoutText()); });
    auto *save = buttons->addButton(tr("Save &Hand-outs (PDF)…"), QDialogButtonBox::ActionRole);
    save->setToolTip(tr("One page per organisation, with its link's QR code, to print"));
    connect(save, &QPushButton::clicked, this, &RoomLinksDialog::save);
    auto *control = buttons->addButton(tr("Copy the &Facilitator's Control Link"), QDialogButtonBox::ActionRole);
    control->setObjectName(QStringLiteral("copyFacilitatorLink"));
    control->setToolTip(tr("For a second device of your own: it can reveal, re-vote and move the room. Never shown."));
    connect(control, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_room.facilitatorUrl()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter in the table or on the checkbox closes the dialog: it never copies the links (secrets) or starts
    // a save by itself (Qt had made Copy All the default). A focused button still takes Enter.
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    layout->addWidget(buttons);
    fill();
    resize(900, 420);
}

void RoomLinksDialog::setShown(bool shown)
{
    m_show->setChecked(shown);
}

void RoomLinksDialog::fill()
{
    const auto links = m_room.partnerLinks();
    const bool shown = m_show->isChecked();
    m_table->setRowCount(static_cast<int>(links.size()));
    const QString masked = QStringLiteral("••••••••");
    for (int r = 0; r < static_cast<int>(links.size()); ++r) {
        const auto &l = links[static_cast<std::size_t>(r)];
        m_table->setItem(r, 0, new QTableWidgetItem(l.who));
        auto *code = new QTableWidgetItem(shown ? l.code : masked);
        code->setData(Qt::AccessibleTextRole, shown ? l.code : tr("hidden"));
        m_table->setItem(r, 1, code);
        auto *link = new QTableWidgetItem(shown ? l.url : masked);
        link->setData(Qt::AccessibleTextRole, shown ? l.url : tr("hidden"));
        m_table->setItem(r, 2, link);
    }
}

QString RoomLinksDialog::handoutText() const
{
    QString out;
    for (const auto &l : m_room.partnerLinks())
        out += QString(l.who).replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' ')) +
               QLatin1Char('\t') + l.code + QLatin1Char('\t') + l.url + QLatin1Char('\n');
    return out;
}

bool RoomLinksDialog::saveHandouts(const QString &path, QString *error) const
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    writer.setTitle(tr("HICM Assess room: partners' hand-outs"));
    QTextDocument doc;
    doc.setPageSize(QSizeF(writer.width(), writer.height()));
    QString html;
    int n = 0;
    const QString join = m_room.joinUrl();
    for (const auto &l : m_room.partnerLinks()) {
        const QUrl image(QStringLiteral("qr:%1").arg(n));
        doc.addResource(QTextDocument::ImageResource, image, room::loader::qrImage(l.url, 24));
        // Every name is user text: escaped.
        html += QStringLiteral("<div%1><h1>%2</h1><p>Scan this code with your phone to vote for your organisation:</p>"
                               "<p><img src=\"%3\"></p><p>Or go to <b>%4</b> and type the code <b>%5</b>.</p>"
                               "<p>Or open this link: %6</p><p>This hand-out is your organisation's alone: whoever "
                               "holds it votes for you.</p></div>")
                    .arg(n ? QStringLiteral(" style=\"page-break-before: always\"") : QString(), l.who.toHtmlEscaped(),
                         image.toString(), join.toHtmlEscaped(), l.code, l.url.toHtmlEscaped());
        ++n;
    }
    doc.setHtml(html);
    doc.print(&writer);
    if (!QFileInfo::exists(path)) {
        if (error)
            *error = tr("%1 could not be written").arg(path);
        return false;
    }
    return true;
}

void RoomLinksDialog::save()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, tr("Save the hand-outs"), dir + QStringLiteral("/room-handouts.pdf"),
                                                tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QLatin1String(".pdf");
    if (m_session && !outputAllowed(*m_session, this, path, tr("The hand-outs were not saved")))
        return;
    QString error;
    if (!saveHandouts(path, &error))
        Messages::error(this, tr("The hand-outs were not saved"), error);
}

}  // namespace hicm::gui
