#include "walkpage.h"

#include "featurepage.h"
#include "session.h"

#include <QButtonGroup>
#include <QLayout>
#include <QPixmap>
#include <QResizeEvent>
#include <QTimer>
#include <QHBoxLayout>
#include <QScrollArea>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace hicm::gui {

WalkPage::WalkPage(QWidget *parent)
    : QWidget(parent), m_steps(new QHBoxLayout), m_stepGroup(new QButtonGroup(this)), m_stack(new QWidget(this))
{
    m_stack->installEventFilter(this);
    setAccessibleName(tr("Guided walk through the features"));
    auto *layout = new QVBoxLayout(this);
    m_steps->setSpacing(4);
    layout->addLayout(m_steps);
    layout->addWidget(m_stack, 1);
    m_stepGroup->setExclusive(true);
    // Toggled, not clicked: a screen reader's Toggle on a step shows that feature, as a click does.
    connect(m_stepGroup, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked && id != m_current)
            showFeature(id);
    });
}

void WalkPage::setSession(Session *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        // An edit of one feature re-draws that feature's page (if on show) and the steps; the partners, a
        // re-read or another assessment re-draw the page on show. Other pages catch up when shown.
        connect(m_session, &Session::featureChanged, this, [this](const QString &featureId) {
            if (auto *page = currentFeaturePage(); page && QString::fromStdString(page->featureId()) == featureId)
                page->refresh();
            refreshSteps();
        });
        for (auto signal : {&Session::partnersChanged, &Session::reloaded, &Session::opened})
            connect(m_session, signal, this, &WalkPage::refresh);
    }
    refresh();
}

void WalkPage::rebuild()
{
    for (auto *b : m_stepButtons)
        delete b;
    m_stepButtons.clear();
    for (auto *s : m_scrolls)
        delete s;  // and its page
    m_scrolls.clear();
    m_pages.clear();
    m_current = -1;
    m_preparedWidth.clear();
    m_framework = m_session && m_session->hasAssessment() ? m_session->frameworkPtr() : nullptr;
    if (!m_framework)
        return;
    int i = 0;
    for (const auto &f : m_framework->features) {
        auto *button = new QToolButton(this);
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        button->setToolTip(QString::fromStdString(f.title.text));
        m_stepGroup->addButton(button, i);
        m_steps->addWidget(button);
        m_stepButtons.push_back(button);
        auto *scroll = new QScrollArea(m_stack);
        scroll->setVisible(false);  // until it is the page on show
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setFocusPolicy(Qt::NoFocus);
        auto *page = new FeaturePage(m_session, f, scroll);
        page->setPresentation(m_presentation);
        connect(page, &FeaturePage::addToPlanRequested, this, &WalkPage::addToPlanRequested);
        scroll->setWidget(page);
        m_scrolls.push_back(scroll);
        m_pages.push_back(page);
        m_preparedWidth.push_back(-1);
        ++i;
    }
    showFeature(0);
}

void WalkPage::refresh()
{
    if (!m_session || !m_session->hasAssessment()) {
        if (m_framework)
            rebuild();
        return;
    }
    if (m_session->frameworkPtr() != m_framework)
        rebuild();
    if (m_session->assessment().id != m_assessmentId) {  // another assessment's walk starts at the first feature
        m_assessmentId = m_session->assessment().id;
        if (m_current != 0) {
            showFeature(0);
            return refreshSteps();
        }
    }
    if (auto *page = currentFeaturePage())
        page->refresh();
    refreshSteps();
}

void WalkPage::refreshSteps()
{
    const Assessment &a = m_session->assessment();
    for (std::size_t i = 0; i < m_stepButtons.size(); ++i) {
        const auto &f = m_framework->features[i];
        const auto *fa = a.feature(f.id);
        const bool agreed = fa && fa->agreedLevel;
        const QString id = QString::fromStdString(f.id);
        m_stepButtons[i]->setText(agreed ? QStringLiteral("%1 \u2713 %2").arg(id).arg(*fa->agreedLevel) : id);
        m_stepButtons[i]->setAccessibleName(agreed ? tr("%1, agreed at level %2").arg(id).arg(*fa->agreedLevel)
                                                   : tr("%1, not agreed yet").arg(id));
    }
}

void WalkPage::showFeature(int index)
{
    if (index < 0 || index >= featureCount())
        return;
    const auto i = static_cast<std::size_t>(index);
    m_pages[i]->refresh();
    QScrollArea *shown = m_scrolls[i];
    shown->ensureVisible(0, 0);
    const bool switching = index != m_current;
    if (switching) {
        shown->setGeometry(m_stack->rect());
        shown->setVisible(true);
    }
    // The focus moves before the old page is hidden: hiding the page that holds the focus would make Qt
    // search the window for somewhere else to put it first.
    m_pages[i]->partnerGrid()->setFocus(Qt::OtherFocusReason);
    if (switching) {
        if (m_current >= 0)
            m_scrolls[static_cast<std::size_t>(m_current)]->setVisible(false);
        m_current = index;
    }
    m_stepButtons[i]->setChecked(true);
    schedulePrepare();
    if (switching)
        emit featureShown(QString::fromStdString(m_pages[i]->featureId()));
}

void WalkPage::setRoomBar(QWidget *bar)
{
    bar->setParent(this);
    static_cast<QVBoxLayout *>(layout())->insertWidget(1, bar);  // under the steps, above the page
}

bool WalkPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_stack && event->type() == QEvent::Resize && m_current >= 0)
        m_scrolls[static_cast<std::size_t>(m_current)]->setGeometry(m_stack->rect());
    return QWidget::eventFilter(watched, event);
}

void WalkPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    schedulePrepare();
}

void WalkPage::schedulePrepare()
{
    if (m_preparing || m_pages.empty())
        return;
    m_preparing = true;
    QTimer::singleShot(0, this, &WalkPage::prepareNext);
}

void WalkPage::prepareNext()
{
    m_preparing = false;
    const int current = currentIndex();
    if (!isVisible() || current < 0 || current >= featureCount())
        return;
    const QWidget *viewport = m_scrolls[static_cast<std::size_t>(current)]->viewport();
    const int width = viewport->width();
    if (width <= 0)
        return;
    for (std::size_t i = 0; i < m_pages.size(); ++i) {
        if (int(i) == current || m_preparedWidth[i] == width)
            continue;
        FeaturePage *page = m_pages[i];
        page->refresh();
        const int height = page->hasHeightForWidth() ? page->heightForWidth(width) : page->sizeHint().height();
        m_scrolls[i]->setGeometry(m_scrolls[static_cast<std::size_t>(current)]->geometry());
        page->resize(width, qMax(height, viewport->height()));
        if (page->layout())
            page->layout()->activate();
        // Painting the top of the page once, off screen, leaves its text laid out for the real paint.
        QPixmap scratch(viewport->size() * devicePixelRatioF());
        scratch.setDevicePixelRatio(devicePixelRatioF());
        page->render(&scratch, QPoint(), QRegion(viewport->rect()));
        m_preparedWidth[i] = width;
        schedulePrepare();  // the next one on the next turn, so that keys and painting come first
        return;
    }
}

void WalkPage::next()
{
    showFeature(qMin(currentIndex() + 1, featureCount() - 1));
}

void WalkPage::previous()
{
    showFeature(qMax(currentIndex() - 1, 0));
}

int WalkPage::currentIndex() const
{
    return m_current;
}

FeaturePage *WalkPage::currentFeaturePage() const
{
    return m_current >= 0 && m_current < featureCount() ? m_pages[static_cast<std::size_t>(m_current)] : nullptr;
}

FeaturePage *WalkPage::featurePage(const std::string &featureId) const
{
    for (auto *p : m_pages)
        if (p->featureId() == featureId)
            return p;
    return nullptr;
}

void WalkPage::setPresentation(bool on)
{
    m_presentation = on;
    for (auto *p : m_pages)
        p->setPresentation(on);
}

}  // namespace hicm::gui
