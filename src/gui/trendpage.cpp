#include "trendpage.h"

#include "chartview.h"
#include "compare.h"
#include "session.h"
#include "trend.h"
#include "trendchart.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>

namespace hicm::gui {

// The chart data both views paint, shared with their painters.
struct TrendPage::Charts {
    report::TrendChartData levels;
    report::TrendChartData metrics;
};

namespace {

QString describe(const report::TrendChartData &d)
{
    QStringList panels;
    for (const auto &panel : d.panels) {
        QStringList values;
        for (std::size_t i = 0; i < d.xLabels.size(); ++i) {
            const auto &v =
                panel.series.empty() || i >= panel.series[0].values.size() ? std::nullopt : panel.series[0].values[i];
            values << d.xLabels[i] + QStringLiteral(" ") + (v ? QString::number(*v, 'g', 8) : QStringLiteral("\u2013"));
        }
        panels << panel.title + QStringLiteral(": ") + values.join(QStringLiteral(", "));
    }
    return panels.join(QStringLiteral("; "));
}

} // namespace

TrendPage::TrendPage(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_charts(std::make_shared<Charts>())
{
    m_area = new QComboBox(this);
    m_area->setAccessibleName(tr("Area"));
    auto *pick = new QFormLayout;
    pick->addRow(tr("&Area:"), m_area);

    m_levels = new ChartView(tr("Agreed level of each feature over time"), this);
    m_metrics = new ChartView(tr("Metric values over time"), this);
    for (auto *view : {m_levels, m_metrics}) {
        view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        view->setMinimumWidth(200);
        view->installEventFilter(this);
    }
    m_metricsTitle = new QLabel(tr("<b>Metric values</b>"), this);
    m_notes = new QLabel(this);
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::PlainText);
    auto *inner = new QWidget;
    auto *innerLayout = new QVBoxLayout(inner);
    innerLayout->addWidget(new QLabel(tr("<b>Agreed level of each feature</b>"), inner));
    innerLayout->addWidget(m_levels);
    innerLayout->addWidget(m_metricsTitle);
    innerLayout->addWidget(m_metrics);
    innerLayout->addWidget(m_notes);
    innerLayout->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setAccessibleName(tr("Trend charts: each feature's agreed level and each metric over time"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the charts reflow to the width
    m_scroll->setWidget(inner);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addWidget(m_scroll, 1);

    auto charts = m_charts;
    m_levels->setChart(
        [charts, this](QPainter &p, const QRectF &rect) {
            report::paintTrend(p, rect, charts->levels, report::ChartStyle::forDevice(*m_levels, m_levels->font()));
        },
        {});
    m_metrics->setChart(
        [charts, this](QPainter &p, const QRectF &rect) {
            report::paintTrend(p, rect, charts->metrics, report::ChartStyle::forDevice(*m_metrics, m_metrics->font()));
        },
        {});
    connect(m_area, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    if (m_session) {
        connect(m_session, &Session::summariesChanged, this, [this] {
            m_listStale = true;
            if (isVisible())
                catchUp();
        });
        connect(m_session, &Session::assessmentChanged, this, [this] {
            m_stale = true;
            if (isVisible())
                catchUp();
        });
    }
    fillAreas();
    selectArea(m_session && m_session->hasAssessment() ? QString::fromStdString(m_session->assessment().area)
                                                       : m_area->currentText());
}

void TrendPage::fillAreas()
{
    m_filling = true;
    m_area->clear();
    if (m_session)
        for (const auto &s : m_session->summaries()) {
            bool known = false;
            for (int i = 0; i < m_area->count() && !known; ++i)
                known = sameArea(m_area->itemText(i).toStdString(), s.area);
            if (!known)
                m_area->addItem(QString::fromStdString(s.area));
        }
    m_filling = false;
}

void TrendPage::selectArea(const QString &area)
{
    int index = -1;
    for (int i = 0; i < m_area->count() && index < 0; ++i)
        if (sameArea(m_area->itemText(i).toStdString(), area.toStdString()))
            index = i;
    m_filling = true;
    m_area->setCurrentIndex(index >= 0 ? index : (m_area->count() > 0 ? 0 : -1));
    m_filling = false;
    refresh();
}

void TrendPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    catchUp();
}

void TrendPage::catchUp()
{
    if (m_listStale) {
        m_listStale = false;
        const QString area = m_area->currentText();
        fillAreas();
        selectArea(area);
    }
    if (m_stale) {
        m_stale = false;
        refresh();
    }
}

void TrendPage::refresh()
{
    if (m_filling)
        return;
    *m_charts = Charts{};
    m_count = 0;
    QStringList notes;
    const std::string area = m_area->currentText().toStdString();
    if (m_session && !area.empty()) {
        auto history = m_session->areaHistory(area);
        for (const auto &error : history.unread)
            notes << QString::fromStdString(error.toString());
        const std::vector<ScoredAssessment> &all = history.assessments;
        std::shared_ptr<const Framework> latest;
        const Trend t = buildTrend(all, area);
        m_count = int(t.points.size());
        for (const auto &s : all)
            if (!t.points.empty() && s.assessment.id == t.points.back().id)
                latest = s.framework;
        m_charts->levels = report::trendLevelChart(t, latest.get());
        m_charts->metrics = report::trendMetricChart(t);
        for (const auto &n : t.notes)
            notes << QString::fromStdString(n);
    }
    if (m_count == 0)
        notes.prepend(tr("No assessments to show."));
    else if (m_count == 1)
        notes.prepend(tr("Only one assessment of this area so far: the trend starts at the next reassessment."));
    m_levels->setAccessibleDescription(describe(m_charts->levels));
    m_levels->setToolTip(describe(m_charts->levels));
    m_metrics->setAccessibleDescription(describe(m_charts->metrics));
    m_metrics->setToolTip(describe(m_charts->metrics));
    const bool anyMetric = !m_charts->metrics.panels.empty();
    m_metrics->setVisible(anyMetric);
    m_metricsTitle->setVisible(anyMetric);
    m_notes->setText(notes.join(QStringLiteral("\n")));
    fitHeights();
}

// Each chart is as tall as it needs at its own width (ChartView paints 8 px inside its edges).
void TrendPage::fitHeights()
{
    for (auto [view, data] : {std::pair{m_levels, &m_charts->levels}, std::pair{m_metrics, &m_charts->metrics}}) {
        const auto style = report::ChartStyle::forDevice(*view, view->font());
        const int height = int(std::ceil(report::trendHeight(*data, style, std::max(view->width(), 200) - 16))) + 16;
        if (view->height() != height || view->minimumHeight() != height)
            view->setFixedHeight(height);
        view->update();
    }
}

bool TrendPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && (watched == m_levels || watched == m_metrics))
        fitHeights();
    return QWidget::eventFilter(watched, event);
}

} // namespace hicm::gui
