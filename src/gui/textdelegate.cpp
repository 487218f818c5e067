#include "textdelegate.h"

#include "modelroles.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QStyle>

namespace hicm::gui {

namespace {
constexpr qsizetype kMaxCached = 1024;  // cells' texts: a page has a few dozen
}

const QStaticText &CachedTextDelegate::laidOut(const QString &text, const QFont &font, int width, bool wrap,
                                               Qt::TextElideMode elide) const
{
    const QString key = QStringLiteral("%1|%2|%3|%4|").arg(font.key()).arg(width).arg(wrap).arg(int(elide)) + text;
    if (auto it = m_texts.constFind(key); it != m_texts.constEnd())
        return *it;
    if (m_texts.size() >= kMaxCached)
        m_texts.clear();
    QString shown = text;
    shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
    if (!wrap) {
        const QFontMetrics metrics(font);
        if (metrics.horizontalAdvance(shown) > width)
            shown = metrics.elidedText(shown, elide, width);
    }
    QStaticText staticText(shown);
    staticText.setTextFormat(Qt::PlainText);
    if (wrap)
        staticText.setTextWidth(width);
    staticText.prepare(QTransform(), font);
    return *m_texts.insert(key, staticText);
}

void CachedTextDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_wrappedColumn >= 0 && index.column() != m_wrappedColumn)
        option->features &= ~QStyleOptionViewItem::WrapText;  // painted and measured on one line
    if (index.data(document::EmphasisRole).toBool())
        option->font.setBold(true);  // only the weight: the size follows the view (presentation mode)
}

QSize CachedTextDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(option.font);
    if (index.column() == m_wrappedColumn && size.height() > metrics.lineSpacing() * 3 / 2)
        size.rheight() += metrics.height() / 2;
    return size;
}

void CachedTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    if (opt.features & (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator) ||
        opt.state & QStyle::State_Editing) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QString text = opt.text;
    opt.text.clear();  // the style draws the cell without its text, and measures nothing
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (text.isEmpty())
        return;

    // Where and in which colour the style would have drawn the text (QCommonStyle's item view painting).
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(margin, 0, -margin, 0);
    if (area.width() <= 0)
        return;
    QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    const QColor colour = opt.palette.color(group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text);

    const bool wrap = opt.features & QStyleOptionViewItem::WrapText;
    const QStaticText &laid = laidOut(text, opt.font, area.width(), wrap, opt.textElideMode);
    const QSizeF size = laid.size();
    const Qt::Alignment align = QStyle::visualAlignment(opt.direction, opt.displayAlignment);
    qreal x = area.left();
    if (align & Qt::AlignRight)
        x = area.right() + 1 - size.width();
    else if (align & Qt::AlignHCenter)
        x = area.left() + (area.width() - size.width()) / 2;
    qreal y = area.top();
    if (align & Qt::AlignBottom)
        y = area.bottom() + 1 - size.height();
    else if (align & Qt::AlignVCenter)
        y = area.top() + (area.height() - size.height()) / 2;

    painter->save();
    painter->setClipRect(area, Qt::IntersectClip);
    painter->setFont(opt.font);
    painter->setPen(colour);
    painter->drawStaticText(QPointF(x, y), laid);
    painter->restore();
}

}  // namespace hicm::gui
