// The guided walk: a step bar over the features (done ones ticked; jump to any) and one page per
// feature, built from the framework the assessment was scored against. Each page scrolls on its own.
#pragma once

#include <cstdint>

#include "framework.h"

#include <QWidget>

#include <memory>
#include <vector>

class QButtonGroup;
class QHBoxLayout;
class QScrollArea;
class QToolButton;

namespace hicm::gui {

class FeaturePage;
class Session;

class WalkPage : public QWidget {
    Q_OBJECT
public:
    explicit WalkPage(QWidget *parent = nullptr);

    void setSession(Session *session);
    void showFeature(int index);
    void next();
    void previous();
    int currentIndex() const;
    FeaturePage *currentFeaturePage() const;
    FeaturePage *featurePage(const std::string &featureId) const;
    int featureCount() const { return static_cast<int>(m_pages.size()); }
    void setPresentation(bool on);
    // A strip above the pages (the live room's, for the projector); the walk owns it.
    void setRoomBar(QWidget *bar);

signals:
    void addToPlanRequested(const std::string &featureId, const std::string &actionId);
    // Another feature's page is on show (a step, Next, Previous, or the live room moving the walk).
    void featureShown(const QString &featureId);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Lays out the pages not on show for the current width, one per turn of the event loop when the
    // app is idle, so that showing one the first time does not have to (a page's word-wrapped text takes
    // longer to lay out than a frame).
    void schedulePrepare();
    void prepareNext();
    void rebuild();
    void refresh();
    void refreshSteps();

    Session *m_session = nullptr;
    std::shared_ptr<const Framework> m_framework;  // the one the pages were built from
    QHBoxLayout *m_steps;
    QButtonGroup *m_stepGroup;
    std::vector<QToolButton *> m_stepButtons;
    // One scroll area per feature page, so that only the page on show is laid out: a stack inside one
    // scroll area would ask every page's height-for-width (all their word-wrapped text) on each switch.
    // They are children of a plain widget, shown and hidden here: QStackedWidget turns updates off and on
    // again across every page's widgets on each switch.
    QWidget *m_stack;
    int m_current = -1;
    std::int64_t m_assessmentId = -1;  // the assessment the walk last showed
    std::vector<QScrollArea *> m_scrolls;
    std::vector<FeaturePage *> m_pages;
    bool m_presentation = false;
    std::vector<int> m_preparedWidth;  // per page: the width it was laid out for (-1: not yet)
    bool m_preparing = false;
};

}  // namespace hicm::gui
