// Read-only, word-wrapped text that keeps its layout: the long texts of a feature page (the feature's
// introduction, its targeted actions, the spread and suggestion lines, last time's level).
//
// QLabel shapes its whole text again on every paint, and switching pages repaints every text on the page;
// a TextBlock shapes its text once per width and font (QTextLayout with its cache on) and draws the glyphs
// from that on each paint. It reads as static text to assistive technology (its name is the text, unless
// an accessible name is set, when the text is its description) and offers "Copy text" on right click.
#pragma once

#include <QHash>
#include <QTextLayout>
#include <QWidget>

namespace hicm::gui {

class TextBlock : public QWidget {
    Q_OBJECT
public:
    explicit TextBlock(const QString &text = QString(), QWidget *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Lays the text out in `layout` for a text width; returns the height of its lines.
    int layOut(QTextLayout &layout, int textWidth) const;
    int contentHeight(int textWidth) const;
    void invalidate();

    QString m_text;
    mutable QTextLayout m_layout;       // for the width last painted at, shaped once
    mutable int m_layoutWidth = -1;
    mutable QHash<int, int> m_heights;  // the text's height by text width, for the current font
};

}  // namespace hicm::gui
