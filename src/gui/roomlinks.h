// How partners reach the live room: where the room listens (chooseRoomAddress), and the partners' hand-outs (docs/room.md): each organisation's join code and own link,
// to copy, or to save as a PDF of one page per organisation (with its link's QR code) for printing. The
// codes and links are masked until asked for, since the laptop's screen is often the projector's; the
// facilitator's control link is never shown, only copied.
#pragma once

#include <QDialog>
#include <QString>

#include <optional>

class QCheckBox;
class QTableWidget;

namespace hicm::room {
class RoomHandle;
}

namespace hicm::gui {

class Session;

// Asks where the partners' phones will connect: this laptop only (127.0.0.1, a rehearsal) or one of its
// networks' IPv4 addresses, by interface (a NetworkManager hotspot's 10.42.0.1 named as the hotspot); the
// address chosen last time (QSettings room/address) first. The address ("127.0.0.1"); nullopt when
// cancelled, or when the live room cannot be loaded (said in a message).
std::optional<QString> chooseRoomAddress(QWidget *parent);

class RoomLinksDialog : public QDialog {
    Q_OBJECT
public:
    RoomLinksDialog(room::RoomHandle &room, Session *session, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // The hand-outs as text, one organisation a line: organisation, code, link (tab-separated).
    QString handoutText() const;
    // Writes the hand-outs as a PDF, one page per organisation. False with `error` when it cannot.
    bool saveHandouts(const QString &path, QString *error) const;
    void setShown(bool shown);

private:
    void fill();
    void save();

    room::RoomHandle &m_room;
    Session *m_session;  // for the guard before writing a file (never over the workspace)
    QTableWidget *m_table;
    QCheckBox *m_show;
};

}  // namespace hicm::gui
