// A large, checkable choice showing one maturity level and its descriptor, wrapped to fit.
#pragma once

#include <QAbstractButton>
#include <QHash>
#include <QPixmap>
#include <QStaticText>
#include <QStringList>

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
    // Every note the card may be given (one per partner): when the widest does not fit beside the title,
    // notes go under it, wrapped to the card's width (never cut short: "North Shire Community Health…"
    // could be the trust or the board), in as many lines as the longest note takes, kept whichever partner
    // is selected so the card's height does not change as the selection moves round the table.
    void setPossibleNotes(const QStringList &notes);
    bool noteOnOwnLine() const { return noteOnOwnLine(width()); }
    // The note as painted, "◆ " first, line by line: one line beside the title, or its lines under it.
    QStringList noteLines() const { return noteLines(m_note, width()); }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QRect textRect(int width) const;
    bool noteOnOwnLine(int width) const;
    QStringList noteLines(const QString &note, int width) const;
    // The height kept under the title for the notes at `width`: the longest possible note's lines (none
    // when the notes fit beside the title).
    int noteHeight(int width) const;
    // Forgets every measurement and the painted card (the notes, the font or the style changed).
    void remeasure();
    QString title(bool agreed) const;  // "✓ 2  Developing (agreed)" or "2  Developing"
    QFont boldFont() const;
    QFont noteFont() const;
    void paintCard(QPaintDevice &device);

    // The descriptor laid out once for the card's width and font, and drawn from that layout on every
    // paint (QPainter::drawText would shape the whole text again each time the page is shown).
    mutable QStaticText m_body;
    mutable int m_bodyWidth = -1;
    mutable QHash<int, int> m_heights;  // heightForWidth, by width, for the current font
    mutable QHash<int, bool> m_ownLine;      // noteOnOwnLine, by width (the possible notes, the font)
    mutable QHash<int, int> m_noteHeights;   // noteHeight, by width
    // The card as last painted, and the state it was painted in: the page shows it again unchanged.
    QPixmap m_painted;
    QString m_paintedKey;

    int m_level;
    QString m_label;
    QString m_descriptor;
    QString m_note;
    QStringList m_possibleNotes;
};

}  // namespace hicm::gui
