// The live room's strip on the walk, for the projector (docs/room.md): the QR code and the short address
// to type (the join page, where a partner types the code on their hand-out), the round's state (how many
// have voted, hidden until the reveal), and the facilitator's Reveal, Re-vote, Next, Links and Close as
// buttons of their actions. Never a partner's link or code, never the facilitator's control link.
#pragma once

#include <QFrame>

class QAction;
class QHBoxLayout;
class QLabel;

namespace hicm::gui {

class TextBlock;

class RoomPanel : public QFrame {
    Q_OBJECT
public:
    explicit RoomPanel(QWidget *parent = nullptr);  // `parent`: the walk, whose size of text it follows

    void addAction(QAction *action);  // a button for it, in the order added
    // The join page's address: its QR code and, large, the text to type (without "http://").
    void setJoinUrl(const QString &url);
    // "B2: 3 of 5 partners have voted. The votes stay hidden until the reveal."
    void setRound(const QString &text);

    QString address() const;  // as shown: "10.42.0.1:8080/j"
    QString round() const;
    QLabel *qrCode() const { return m_qr; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void drawCode();

    QString m_url;
    QLabel *m_qr;
    TextBlock *m_address;
    TextBlock *m_hint;
    TextBlock *m_round;
    QHBoxLayout *m_buttons;
};

}  // namespace hicm::gui
