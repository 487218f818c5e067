#include "frameworkbrowser.h"

#include "frameworkhtml.h"

#include <QEvent>
#include <QFile>
#include <QStyledItemDelegate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

namespace hicm::gui {

namespace {
constexpr int KeyRole = Qt::UserRole + 1;

QString browserStyleSheet()
{
    QFile css(QStringLiteral(":/styles/browser.css"));
    return css.open(QIODevice::ReadOnly) ? QString::fromUtf8(css.readAll()) : QString();
}
// QTreeView does not give its delegate the column width, so wrapped rows would not grow: this one
// measures the text at the width the row really has, so long feature titles wrap instead of eliding.
class WrappingDelegate : public QStyledItemDelegate {
public:
    explicit WrappingDelegate(QTreeWidget *tree) : QStyledItemDelegate(tree), m_tree(tree) {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        int depth = 0;
        for (QModelIndex i = index.parent(); i.isValid(); i = i.parent())
            ++depth;
        const int width = m_tree->viewport()->width() - m_tree->indentation() * (depth + 1) - 7;
        if (width <= 40)
            return size;
        const QRect bounds = QFontMetrics(option.font).boundingRect(QRect(0, 0, width, 100000),
                                                                    Qt::TextWordWrap, index.data().toString());
        size.setHeight(qMax(size.height(), bounds.height() + 6));
        return size;
    }

private:
    QTreeWidget *m_tree;
};

}  // namespace

FrameworkBrowser::FrameworkBrowser(QWidget *parent)
    : QWidget(parent), m_tree(new QTreeWidget(this)), m_text(new QTextBrowser(this))
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_text);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({400, 900});

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_tree->setHeaderHidden(true);
    m_tree->setObjectName(QStringLiteral("frameworkContents"));
    m_tree->setAccessibleName(tr("Model contents"));
    m_tree->setAccessibleDescription(tr("Part A context, the maturity features and the High Impact Changes"));
    m_tree->setMinimumWidth(240);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Stretch);
    m_tree->setTextElideMode(Qt::ElideNone);
    m_tree->setWordWrap(true);
    m_tree->setItemDelegate(new WrappingDelegate(m_tree));
    m_tree->viewport()->installEventFilter(this);

    m_text->setObjectName(QStringLiteral("frameworkText"));
    m_text->setAccessibleName(tr("Model text"));
    m_text->setOpenLinks(false);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->document()->setDefaultStyleSheet(browserStyleSheet());
    m_text->document()->setDocumentMargin(16);

    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current) { onCurrentItemChanged(current); });
    connect(m_text, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (showPage(url.toString()))
            m_tree->setFocus(Qt::OtherFocusReason);
    });
    setFocusProxy(m_tree);
}

void FrameworkBrowser::setFramework(const Framework *framework)
{
    m_framework = framework;
    rebuild();
}

void FrameworkBrowser::rebuild()
{
    m_tree->clear();
    m_text->clear();
    if (!m_framework)
        return;
    const Framework &fw = *m_framework;
    auto add = [](QTreeWidgetItem *parent, const QString &text, const QString &key) {
        auto *item = new QTreeWidgetItem(parent, {text});
        item->setData(0, KeyRole, key);
        item->setToolTip(0, text);
        return item;
    };
    auto *about = new QTreeWidgetItem(m_tree, {tr("About the model")});
    about->setData(0, KeyRole, QStringLiteral("about"));
    auto *features = new QTreeWidgetItem(m_tree, {tr("Maturity features")});
    features->setData(0, KeyRole, QStringLiteral("part-b"));
    for (const auto &f : fw.features)
        add(features, QString::fromStdString(f.id + "  " + f.title.text), "feature:" + QString::fromStdString(f.id));
    auto *changes = new QTreeWidgetItem(m_tree, {tr("High Impact Changes")});
    changes->setData(0, KeyRole, QStringLiteral("part-c"));
    for (const auto &c : fw.changes)
        add(changes, QString::fromStdString("HIC " + c.id + "  " + c.title.text), "change:" + QString::fromStdString(c.id));
    m_tree->expandAll();
    m_tree->setCurrentItem(about);
}

void FrameworkBrowser::onCurrentItemChanged(QTreeWidgetItem *current)
{
    if (!current || !m_framework)
        return;
    m_text->setHtml(frameworkPageHtml(*m_framework, current->data(0, KeyRole).toString()));
}

QTreeWidgetItem *FrameworkBrowser::findItem(const QString &key) const
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(0, KeyRole).toString() == key)
            return *it;
    return nullptr;
}

bool FrameworkBrowser::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize)
        m_tree->doItemsLayout();  // rows re-wrap to the new width
    return QWidget::eventFilter(watched, event);
}

bool FrameworkBrowser::showPage(const QString &key)
{
    QTreeWidgetItem *item = findItem(key);
    if (!item)
        return false;
    m_tree->setCurrentItem(item);
    m_tree->scrollToItem(item);
    return true;
}

QString FrameworkBrowser::currentPage() const
{
    auto *item = m_tree->currentItem();
    return item ? item->data(0, KeyRole).toString() : QString();
}

void FrameworkBrowser::setZoom(int steps)
{
    const int delta = steps - m_zoom;
    m_zoom = steps;
    if (delta > 0)
        m_text->zoomIn(delta * 2);
    else if (delta < 0)
        m_text->zoomOut(-delta * 2);
    QFont f = m_tree->font();
    f.setPointSizeF(qMax(6.0, QWidget::font().pointSizeF() + steps * 2));
    m_tree->setFont(f);
    m_tree->doItemsLayout();
}

}  // namespace hicm::gui
