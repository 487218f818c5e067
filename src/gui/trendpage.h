// Trend: all assessments of one area over time; each feature's agreed level (with its target) and the
// metric values, as small line charts painted by the report's code (src/report/trendchart.h).
// Self-contained: give it the session; it follows the session's signals.
#pragma once

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QScrollArea;

namespace hicm::gui {

class ChartView;
class Session;

class TrendPage : public QWidget {
    Q_OBJECT
public:
    explicit TrendPage(Session *session, QWidget *parent = nullptr);

    // Shows the trend of `area` (matched ignoring case and surrounding spaces).
    void selectArea(const QString &area);

    QComboBox *areaBox() const { return m_area; }
    ChartView *levelsChart() const { return m_levels; }
    ChartView *metricsChart() const { return m_metrics; }
    QLabel *notes() const { return m_notes; }
    int assessmentCount() const { return m_count; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void fillAreas();
    void refresh();
    // Brings a page that was hidden while the workspace changed up to date (a hidden page reads nothing).
    void catchUp();
    void fitHeights();

    Session *m_session;
    QComboBox *m_area;
    QScrollArea *m_scroll;
    ChartView *m_levels;
    ChartView *m_metrics;
    QLabel *m_metricsTitle;
    QLabel *m_notes;
    int m_count = 0;
    bool m_filling = false;
    bool m_listStale = false;
    bool m_stale = false;
    struct Charts;
    std::shared_ptr<Charts> m_charts;
};

} // namespace hicm::gui
