#include "textblock.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QPainter>
#include <QTextOption>

#include <cmath>

namespace hicm::gui {

namespace {

// Static text with the words as its name (or as its description, when the block has a name of its own).
class TextBlockAccessible : public QAccessibleWidget {
public:
    explicit TextBlockAccessible(QWidget *w) : QAccessibleWidget(w, QAccessible::StaticText) {}

    QString text(QAccessible::Text t) const override
    {
        const auto *block = static_cast<const TextBlock *>(widget());
        const bool named = !block->accessibleName().isEmpty();
        if (t == QAccessible::Name)
            return named ? block->accessibleName() : block->text();
        if (t == QAccessible::Description && named && block->accessibleDescription().isEmpty())
            return block->text();
        return QAccessibleWidget::text(t);
    }
};

QAccessibleInterface *accessibleFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String(TextBlock::staticMetaObject.className()) && object && object->isWidgetType())
        return new TextBlockAccessible(static_cast<QWidget *>(object));
    return nullptr;
}

}  // namespace

TextBlock::TextBlock(const QString &text, QWidget *parent) : QWidget(parent), m_text(text)
{
    static const bool factory = [] {
        QAccessible::installFactory(accessibleFactory);
        return true;
    }();
    Q_UNUSED(factory);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    auto *copy = new QAction(tr("&Copy Text"), this);
    connect(copy, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(m_text); });
    addAction(copy);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

void TextBlock::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidate();
    if (QAccessible::isActive()) {
        QAccessibleEvent event(this, accessibleName().isEmpty() ? QAccessible::NameChanged : QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&event);
    }
}

void TextBlock::invalidate()
{
    m_heights.clear();
    m_layoutWidth = -1;
    m_layout.clearLayout();
    updateGeometry();
    update();
}

int TextBlock::layOut(QTextLayout &layout, int textWidth) const
{
    QString text = m_text;
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    layout.setText(text);
    layout.setFont(font());
    QTextOption option(Qt::AlignLeft | Qt::AlignTop);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setTextDirection(layoutDirection());
    layout.setTextOption(option);
    layout.setCacheEnabled(true);
    qreal y = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(textWidth);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
    return static_cast<int>(std::ceil(y));
}

int TextBlock::contentHeight(int textWidth) const
{
    if (m_text.isEmpty())
        return 0;
    textWidth = qMax(1, textWidth);
    if (auto it = m_heights.constFind(textWidth); it != m_heights.constEnd())
        return *it;
    QTextLayout scratch;
    const int height = layOut(scratch, textWidth);
    m_heights.insert(textWidth, height);
    return height;
}

int TextBlock::heightForWidth(int width) const
{
    const QMargins m = contentsMargins();
    return contentHeight(width - m.left() - m.right()) + m.top() + m.bottom();
}

QSize TextBlock::sizeHint() const
{
    const QMargins m = contentsMargins();
    const int w = fontMetrics().averageCharWidth() * qBound(10, static_cast<int>(m_text.size()), 60) + m.left() + m.right();
    return {w, heightForWidth(w)};
}

QSize TextBlock::minimumSizeHint() const
{
    // One line: the height the text needs comes from heightForWidth at the width it is given. (The height
    // at the narrowest width would be the page's minimum height, and a scroll area would make the page
    // that tall, most of it empty.)
    const QMargins m = contentsMargins();
    const int w = fontMetrics().averageCharWidth() * qMin(10, static_cast<int>(m_text.size())) + m.left() + m.right();
    return {w, (m_text.isEmpty() ? 0 : fontMetrics().height()) + m.top() + m.bottom()};
}

void TextBlock::paintEvent(QPaintEvent *)
{
    if (m_text.isEmpty())
        return;
    const QRect area = contentsRect();
    if (area.width() != m_layoutWidth) {
        layOut(m_layout, qMax(1, area.width()));
        m_layoutWidth = area.width();
    }
    QPainter p(this);
    p.setPen(palette().color(foregroundRole()));
    m_layout.draw(&p, area.topLeft());
}

void TextBlock::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::LayoutDirectionChange:
        invalidate();
        break;
    default:
        break;
    }
}

}  // namespace hicm::gui
