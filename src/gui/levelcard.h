// A large, checkable choice showing one maturity level and its descriptor, wrapped to fit.
#pragma once

#include <QAbstractButton>
#include <QHash>
#include <QPixmap>
#include <QStaticText>

namespace hicm::gui {

class LevelCard : public QAbstractButton {
    Q_OBJECT
public:
    LevelCard(int level, const QString &label, const QString &descriptor, QWidget *parent = nullptr);

    int level() const { return m_level; }
    // A word beside the title, e.g. "North ICB's level" for the partner selected in the grid (the check
    // mark is the room's agreed level). Empty: none.
    void setNote(const QString &note);
    const QString &note() const { return m_note; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QRect textRect(int width) const;
    void paintCard(QPaintDevice &device);

    // The descriptor laid out once for the card's width and font, and drawn from that layout on every
    // paint (QPainter::drawText would shape the whole text again each time the page is shown).
    mutable QStaticText m_body;
    mutable int m_bodyWidth = -1;
    mutable QHash<int, int> m_heights;  // heightForWidth, by width, for the current font
    // The card as last painted, and the state it was painted in: the page shows it again unchanged.
    QPixmap m_painted;
    QString m_paintedKey;

    int m_level;
    QString m_label;
    QString m_descriptor;
    QString m_note;
};

}  // namespace hicm::gui
