// The live room in the app (docs/room.md): Room › Invite Partners opens it for the open assessment on the
// address the facilitator chooses; the walk shows the projector's strip (RoomPanel: the QR code and the
// short address to type, who has voted, Reveal, Re-vote, Next); the partners' hand-outs (their codes and
// links) are in a dialog of their own; the facilitator's control link is never shown, only copied.
//
// While the room is open, the feature it is on is the walk's (either moves the other); until that
// feature is revealed its page shows who has voted, never what (FeaturePage::setHiddenRound). Votes reach
// the views through the document layer (DocumentVoteStore); a level typed by the facilitator reaches the
// room (Room::refresh). The room itself is in the module hicm-room.so (room_loader.h), loaded by the first
// invitation.
#pragma once

#include "room_handle.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QAction;

namespace hicm::gui {

class DocumentVoteStore;
class FeaturePage;
class MainWindow;
class RoomPanel;
class Session;

class RoomController : public QObject, private room::RoomEvents {
    Q_OBJECT
public:
    // Adds the Room menu to `window`'s menu bar (before Help) and its actions to the window.
    explicit RoomController(MainWindow *window);
    ~RoomController() override;

    bool isOpen() const;
    // The room's feature while its votes are not revealed ("B3"), else empty: what every view hides.
    QString hiddenFeature() const;
    room::RoomHandle *room() const { return m_room.get(); }
    RoomPanel *panel() const { return m_panel; }

    QAction *inviteAction() const { return m_invite; }
    QAction *newLinksAction() const { return m_newLinks; }
    QAction *linksAction() const { return m_links; }
    QAction *revealAction() const { return m_reveal; }
    QAction *revoteAction() const { return m_revote; }
    QAction *nextAction() const { return m_next; }
    QAction *closeAction() const { return m_close; }

    // Opens the room for the open assessment, listening on `address` ("127.0.0.1") only (port 0: 8080 if
    // free, else any); the links name `publicHost` when given. An error message, empty on success.
    // `newLinks`: new tokens and codes; the old links and hand-outs stop working.
    QString open(const QString &address, const QString &publicHost = {}, quint16 port = 0, bool newLinks = false);
    void close();

signals:
    void stateChanged();

private:
    void invite(bool newLinks);
    void showLinks();
    void reveal();
    void revote();
    void next();
    void watch(Session *session);
    void followWalk(const QString &featureId);
    void followRoom(const QString &featureId);
    void levelsChanged(const QString &featureId);
    void reopenForPartners();
    void update();
    void failed(const QString &message);
    // The room's events (room::RoomEvents).
    void voted(qint64 partnerId, const QString &featureId) override;
    void revealed(const QString &featureId) override;
    void revoted(const QString &featureId) override;
    void featureChanged(const QString &featureId) override;
    void storeFailed(const QString &message) override;

    MainWindow *m_window;
    QPointer<Session> m_session;  // the session the room's assessment is open in
    std::int64_t m_assessmentId = 0;
    std::unique_ptr<DocumentVoteStore> m_store;
    std::unique_ptr<room::RoomHandle> m_room;
    QString m_address;
    QString m_publicHost;
    RoomPanel *m_panel = nullptr;
    QPointer<FeaturePage> m_hidden;  // the page showing the hidden round
    QAction *m_invite = nullptr;
    QAction *m_newLinks = nullptr;
    QAction *m_links = nullptr;
    QAction *m_reveal = nullptr;
    QAction *m_revote = nullptr;
    QAction *m_next = nullptr;
    QAction *m_close = nullptr;
};

}  // namespace hicm::gui
