// Results: the prioritised High Impact Changes with their reasons (and the facilitator's decisions
// beside them), the maturity profile and partner heat map, and the action plan as an editable,
// sortable table.
#pragma once

#include <QWidget>

#include <string>

#include <cstdint>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace hicm::document {
class ActionPlanModel;
}

namespace hicm::gui {

class ChartView;
class Session;

class ResultsPage : public QWidget {
    Q_OBJECT
public:
    explicit ResultsPage(QWidget *parent = nullptr);

    void setSession(Session *session);
    void setPresentation(bool on);
    // The live room's unrevealed feature (empty: none). Until its reveal the page shows none of that
    // feature's partner levels, nor what follows from them (the heat map's column, its no-shared-view
    // flag, the priorities' findings about the spread): the projector shows this page too.
    void setHiddenRound(const std::string &featureId);
    const std::string &hiddenRound() const { return m_hiddenFeature; }

    QTabWidget *tabs() const { return m_tabs; }
    QTextBrowser *priorities() const { return m_priorities; }
    ChartView *radar() const { return m_radar; }
    ChartView *heatMap() const { return m_heatMap; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildPriorities();
    QWidget *buildProfile();
    QWidget *buildPlan();
    void fitPlanOwner();  // the owner column: its longest owner, at most a fifth of the plan, wrapped beyond
    void refresh();
    void refreshPlan();
    void decide(const QString &kind);

    Session *m_session = nullptr;
    bool m_dirty = true;
    std::string m_hiddenFeature;
    QTabWidget *m_tabs;
    QTextBrowser *m_priorities = nullptr;
    QComboBox *m_decisionChange = nullptr;
    QLineEdit *m_decisionReason = nullptr;
    ChartView *m_radar = nullptr;
    ChartView *m_heatMap = nullptr;
    document::ActionPlanModel *m_planModel = nullptr;
    QTableView *m_plan = nullptr;
    QPushButton *m_removeAction = nullptr;
};

}  // namespace hicm::gui
