#include "roompanel.h"

#include "room_loader.h"
#include "textblock.h"

#include <QAction>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QToolButton>
#include <QVBoxLayout>

namespace hicm::gui {

RoomPanel::RoomPanel(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("roomPanel"));
    setAccessibleName(tr("Live room"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();  // dark on light, whatever the theme: it is read from the back of a room
    pal.setColor(QPalette::Window, QColor(0xE8, 0xF1, 0xFA));
    pal.setColor(QPalette::WindowText, Qt::black);
    setPalette(pal);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(8, 6, 8, 6);
    m_qr = new QLabel(this);
    m_qr->setObjectName(QStringLiteral("roomQrCode"));
    m_qr->setAccessibleName(tr("QR code of the room's join page"));
    row->addWidget(m_qr, 0, Qt::AlignTop);
    auto *text = new QVBoxLayout;
    m_address = new TextBlock(QString(), this);
    m_address->setObjectName(QStringLiteral("roomAddress"));
    text->addWidget(m_address);
    m_hint = new TextBlock(tr("Vote from your phone: scan the code, or type this address, then your organisation's "
                              "code from your hand-out."), this);
    m_hint->setObjectName(QStringLiteral("roomHint"));
    text->addWidget(m_hint);
    m_round = new TextBlock(QString(), this);
    m_round->setObjectName(QStringLiteral("roomRound"));
    text->addWidget(m_round);
    text->addStretch(1);
    row->addLayout(text, 1);
    m_buttons = new QHBoxLayout;
    m_buttons->setSpacing(6);
    auto *right = new QVBoxLayout;
    right->addLayout(m_buttons);
    right->addStretch(1);
    row->addLayout(right);
    changeEvent(nullptr);
}

void RoomPanel::addAction(QAction *action)
{
    auto *button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    button->setFont(font());
    button->setAccessibleName(QString(action->text()).remove(QLatin1Char('&')));  // "Reveal Votes", not just "Reveal"
    m_buttons->addWidget(button);
}

void RoomPanel::setJoinUrl(const QString &url)
{
    m_url = url;
    QString shortAddress = url;
    shortAddress.remove(QStringLiteral("http://"));
    m_address->setText(shortAddress);
    m_address->setAccessibleName(tr("The room's join address: %1").arg(shortAddress));
    drawCode();
}

void RoomPanel::setRound(const QString &text)
{
    m_round->setText(text);
}

QString RoomPanel::address() const
{
    return m_address->text();
}

QString RoomPanel::round() const
{
    return m_round->text();
}

void RoomPanel::drawCode()
{
    // A module of a quarter of a line of text (4 to 7 pixels): 130 to 230 pixels for the short address,
    // larger in presentation mode, crisp (whole pixels a module).
    const int module = qBound(4, fontMetrics().height() / 4, 7);
    const QImage image = m_url.isEmpty() ? QImage() : room::loader::qrImage(m_url, module);
    m_qr->setPixmap(QPixmap::fromImage(image));
    m_qr->setFixedSize(image.isNull() ? QSize(0, 0) : image.size());
}

void RoomPanel::changeEvent(QEvent *event)
{
    if (event)
        QFrame::changeEvent(event);
    if (!event || event->type() == QEvent::FontChange) {
        QFont big = font();  // the address, to be read and typed from the back of the room
        big.setPointSizeF(big.pointSizeF() * 1.8);
        big.setBold(true);
        m_address->setFont(big);
        QFont medium = font();
        medium.setPointSizeF(medium.pointSizeF() * 1.1);
        m_hint->setFont(medium);
        medium.setBold(true);
        m_round->setFont(medium);
        for (auto *button : findChildren<QToolButton *>())
            button->setFont(font());
        if (event)
            drawCode();
    }
}

}  // namespace hicm::gui
