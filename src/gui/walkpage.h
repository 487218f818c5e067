// The guided walk: a step bar over the features (done ones ticked; jump to any) and one page per
// feature, built from the framework the assessment was scored against.
#pragma once

#include "framework.h"

#include <QWidget>

#include <memory>
#include <vector>

class QButtonGroup;
class QHBoxLayout;
class QScrollArea;
class QStackedWidget;
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

signals:
    void addToPlanRequested(const std::string &featureId, const std::string &actionId);

private:
    void rebuild();
    void refresh();
    void refreshSteps();

    Session *m_session = nullptr;
    std::shared_ptr<const Framework> m_framework;  // the one the pages were built from
    QHBoxLayout *m_steps;
    QButtonGroup *m_stepGroup;
    std::vector<QToolButton *> m_stepButtons;
    QScrollArea *m_scroll;
    QStackedWidget *m_stack;
    std::vector<FeaturePage *> m_pages;
    bool m_presentation = false;
};

}  // namespace hicm::gui
