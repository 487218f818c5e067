#include "levelcard.h"

#include <QEvent>
#include <QPainter>
#include <QStyleOptionFocusRect>
#include <QStylePainter>
#include <QTextLayout>

namespace hicm::gui {

namespace {
constexpr int kPad = 12;
}

LevelCard::LevelCard(int level, const QString &label, const QString &descriptor, QWidget *parent)
    : QAbstractButton(parent), m_level(level), m_label(label), m_descriptor(descriptor)
{
    setCheckable(true);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setText(QStringLiteral("%1 %2").arg(level).arg(label));
    setAccessibleName(tr("Level %1, %2").arg(level).arg(label));
    setAccessibleDescription(descriptor);
    setToolTip(tr("Press %1 to record this level").arg(level));
}

void LevelCard::setNote(const QString &note)
{
    if (note == m_note)
        return;
    m_note = note;
    if (!note.isEmpty() && !m_possibleNotes.contains(note)) {
        // A note the card was not told it might show: measured too, rather than drawn over the descriptor.
        m_possibleNotes << note;
        remeasure();
    }
    setAccessibleDescription(note.isEmpty() ? m_descriptor : note + QStringLiteral(". ") + m_descriptor);
    update();
}

void LevelCard::setPossibleNotes(const QStringList &notes)
{
    if (notes == m_possibleNotes)
        return;
    m_possibleNotes = notes;
    remeasure();
    update();
}

QFont LevelCard::boldFont() const
{
    QFont bold = font();
    bold.setBold(true);
    return bold;
}

QFont LevelCard::noteFont() const
{
    QFont italic = font();
    italic.setItalic(true);
    return italic;
}

QString LevelCard::title(bool agreed) const
{
    return (agreed ? tr("\u2713 %1  %2 (agreed)") : QStringLiteral("%1  %2")).arg(m_level).arg(m_label);
}

bool LevelCard::noteOnOwnLine(int width) const
{
    if (auto it = m_ownLine.constFind(width); it != m_ownLine.constEnd())
        return *it;
    // Measured against the longer, agreed, title so that ticking the card does not move its text.
    const QFontMetrics bold(boldFont()), italic(noteFont());
    const int titleWidth = bold.horizontalAdvance(title(true)) + 12;
    int widest = 0;
    for (const QString &note : m_possibleNotes)
        widest = qMax(widest, italic.horizontalAdvance(QStringLiteral("\u25C6 ") + note));
    const bool ownLine = widest > 0 && titleWidth + widest > width - 2 * kPad;
    m_ownLine.insert(width, ownLine);
    return ownLine;
}

QStringList LevelCard::noteLines(const QString &note, int width) const
{
    if (note.isEmpty())
        return {};
    const QString marked = QStringLiteral("\u25C6 ") + note;
    if (!noteOnOwnLine(width))
        return {marked};  // every possible note fits beside the title (noteOnOwnLine)
    // Wrapped at the spaces; a word wider than the card (none in a real name) broken rather than cut off.
    QTextLayout layout(marked, noteFont());
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    QStringList lines;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(qMax(40, width - 2 * kPad));
        lines << marked.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

int LevelCard::noteHeight(int width) const
{
    if (auto it = m_noteHeights.constFind(width); it != m_noteHeights.constEnd())
        return *it;
    int height = 0;
    if (noteOnOwnLine(width)) {
        qsizetype most = 1;
        for (const QString &note : m_possibleNotes)
            most = qMax(most, noteLines(note, width).size());
        const QFontMetrics italic(noteFont());
        height = int(most - 1) * italic.lineSpacing() + italic.height() + 2;
    }
    m_noteHeights.insert(width, height);
    return height;
}

void LevelCard::changeEvent(QEvent *event)
{
    QAbstractButton::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        remeasure();
}

void LevelCard::remeasure()
{
    m_heights.clear();
    m_ownLine.clear();
    m_noteHeights.clear();
    m_bodyWidth = -1;
    m_paintedKey.clear();
    updateGeometry();
}

QRect LevelCard::textRect(int width) const
{
    if (auto it = m_heights.constFind(width); it != m_heights.constEnd())
        return {0, 0, width, *it};
    const int titleHeight = QFontMetrics(boldFont()).height();
    const int noteHeight = this->noteHeight(width);
    const QRect body = fontMetrics().boundingRect(QRect(0, 0, qMax(40, width - 2 * kPad), 100000), Qt::TextWordWrap,
                                                  m_descriptor);
    const int height = kPad + titleHeight + noteHeight + 6 + body.height() + kPad;
    m_heights.insert(width, height);
    return {0, 0, width, height};
}

int LevelCard::heightForWidth(int width) const
{
    return textRect(width).height();
}

QSize LevelCard::sizeHint() const
{
    const int w = fontMetrics().averageCharWidth() * 34;
    return {w, heightForWidth(w)};
}

QSize LevelCard::minimumSizeHint() const
{
    // The title and a line of the descriptor: the height the card needs comes from heightForWidth at the
    // width it is given (the height at its narrowest would become the page's minimum, and a scroll area
    // would make the page that tall).
    const int w = fontMetrics().averageCharWidth() * 18;
    QFont bold = font();
    bold.setBold(true);
    return {w, kPad + QFontMetrics(bold).height() + 6 + fontMetrics().height() + kPad};
}

void LevelCard::paintEvent(QPaintEvent *)
{
    const qreal dpr = devicePixelRatioF();
    const QString key = QStringLiteral("%1x%2@%3 %4%5%6 %7 %8")
                            .arg(width())
                            .arg(height())
                            .arg(dpr)
                            .arg(isChecked())
                            .arg(underMouse())
                            .arg(hasFocus())
                            .arg(palette().cacheKey())
                            .arg(m_note);
    if (key != m_paintedKey || m_painted.isNull()) {
        m_painted = QPixmap(size() * dpr);
        m_painted.setDevicePixelRatio(dpr);
        // Opaque, on the page's own background (the corners outside the rounded frame show it): an opaque
        // image is copied to the screen, where a transparent one would be blended pixel by pixel.
        m_painted.fill(parentWidget() ? parentWidget()->palette().color(parentWidget()->backgroundRole())
                                      : palette().color(QPalette::Window));
        paintCard(m_painted);
        m_paintedKey = key;
    }
    QPainter(this).drawPixmap(0, 0, m_painted);
}

void LevelCard::paintCard(QPaintDevice &device)
{
    QPainter p(&device);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const bool checked = isChecked();
    const QRectF frame = QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5);
    const QColor accent = pal.color(QPalette::Highlight);
    p.setPen(QPen(checked ? accent : pal.color(QPalette::Mid), checked ? 3 : 1));
    p.setBrush(checked ? pal.color(QPalette::Highlight).lighter(185) : pal.color(QPalette::Base));
    if (underMouse() && !checked)
        p.setBrush(pal.color(QPalette::AlternateBase));
    p.drawRoundedRect(frame, 8, 8);

    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::Text));
    const QString title = this->title(checked);
    const int titleHeight = QFontMetrics(bold).height();
    const QRect titleRect(kPad, kPad, width() - 2 * kPad, titleHeight);
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, title);
    const int noteHeight = this->noteHeight(width());
    if (!m_note.isEmpty()) {
        // The selected partner's level: a marker of its own, beside (never instead of) the agreed tick, or
        // under the title, wrapped, when a partner's name would not fit beside it (cut short, "North
        // Shire…" could be the ICB or the council).
        const QFont italic = noteFont();
        p.setFont(italic);
        const QStringList lines = noteLines(m_note, width());
        if (noteHeight > 0) {
            const QFontMetrics metrics(italic);
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const int top = kPad + titleHeight + int(i) * metrics.lineSpacing();
                p.drawText(QRect(kPad, top, width() - 2 * kPad, metrics.height() + 2), Qt::AlignLeft | Qt::AlignVCenter,
                           lines[i]);
            }
        } else {
            p.drawText(titleRect, Qt::AlignRight | Qt::AlignVCenter, lines.value(0));
        }
    }
    p.setFont(font());
    const int bodyWidth = qMax(40, width() - 2 * kPad);
    if (bodyWidth != m_bodyWidth) {
        m_body.setText(m_descriptor);
        m_body.setTextFormat(Qt::PlainText);
        m_body.setTextWidth(bodyWidth);
        m_body.prepare(QTransform(), font());
        m_bodyWidth = bodyWidth;
    }
    p.drawStaticText(QPoint(kPad, kPad + titleHeight + noteHeight + 6), m_body);

    if (hasFocus()) {
        p.setPen(QPen(pal.color(QPalette::Text), 2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(frame.adjusted(4, 4, -4, -4), 6, 6);
    }
}

}  // namespace hicm::gui
