#include "walkpage.h"

#include "featurepage.h"
#include "session.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace hicm::gui {

WalkPage::WalkPage(QWidget *parent)
    : QWidget(parent), m_steps(new QHBoxLayout), m_stepGroup(new QButtonGroup(this)), m_scroll(new QScrollArea(this)),
      m_stack(new QStackedWidget)
{
    setAccessibleName(tr("Guided walk through the features"));
    auto *layout = new QVBoxLayout(this);
    m_steps->setSpacing(4);
    layout->addLayout(m_steps);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_stack);
    layout->addWidget(m_scroll, 1);
    m_stepGroup->setExclusive(true);
    connect(m_stepGroup, &QButtonGroup::idClicked, this, &WalkPage::showFeature);
}

void WalkPage::setSession(Session *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::assessmentChanged, this, &WalkPage::refresh);
    refresh();
}

void WalkPage::rebuild()
{
    for (auto *b : m_stepButtons)
        delete b;
    m_stepButtons.clear();
    for (auto *p : m_pages)
        delete p;
    m_pages.clear();
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
        auto *page = new FeaturePage(m_session, f, m_stack);
        page->setPresentation(m_presentation);
        connect(page, &FeaturePage::addToPlanRequested, this, &WalkPage::addToPlanRequested);
        m_stack->addWidget(page);
        m_pages.push_back(page);
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
    m_stack->setCurrentIndex(index);
    m_stepButtons[static_cast<std::size_t>(index)]->setChecked(true);
    m_pages[static_cast<std::size_t>(index)]->refresh();
    m_scroll->ensureVisible(0, 0);
    m_pages[static_cast<std::size_t>(index)]->partnerGrid()->setFocus(Qt::OtherFocusReason);
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
    return m_stack->currentIndex();
}

FeaturePage *WalkPage::currentFeaturePage() const
{
    return qobject_cast<FeaturePage *>(m_stack->currentWidget());
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
