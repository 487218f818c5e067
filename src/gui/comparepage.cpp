#include "comparepage.h"

#include "charts.h"
#include "chartview.h"
#include "compare.h"
#include "comparehtml.h"
#include "prioritisation.h"
#include "report_data.h"
#include "session.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace hicm::gui {

namespace {

QString itemText(const storage::AssessmentSummary &s)
{
    QString text = QString::fromStdString(s.date.empty() ? "—" : s.date) + QStringLiteral(" \u00b7 ") +
                   QString::fromStdString(s.area);
    if (!s.title.empty())
        text += QStringLiteral(" \u2014 ") + QString::fromStdString(s.title);
    return text + QStringLiteral("  (#%1)").arg(s.id);
}

} // namespace

ComparePage::ComparePage(Session *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    m_before = new QComboBox(this);
    m_after = new QComboBox(this);
    m_before->setAccessibleName(tr("Earlier assessment (then)"));
    m_after->setAccessibleName(tr("Later assessment (now)"));
    auto *pick = new QFormLayout;
    pick->addRow(tr("&Then:"), m_before);
    pick->addRow(tr("&Now:"), m_after);

    m_text = new QTextBrowser(this);
    m_text->setAccessibleName(tr("Comparison"));
    m_text->setOpenLinks(false);
    m_radar = new ChartView(tr("Radar chart: agreed levels now and then, and targets"), this);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_text);
    split->addWidget(m_radar);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    // Three fifths for the words from the start, not only of the space beyond the chart's wish: on the
    // projector the table of features was left so narrow that it broke words ("intermedi-ate").
    split->setSizes({3000, 2000});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addWidget(split, 1);

    connect(m_before, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_after, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
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
    fillBoxes();
    selectDefault();
}

void ComparePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    catchUp();
}

void ComparePage::catchUp()
{
    if (m_listStale) {
        m_listStale = false;
        const auto before = selected(m_before), after = selected(m_after);
        fillBoxes();
        if (before && after)
            selectPair(*before, *after);
        else
            selectDefault();
    }
    if (m_stale) {
        m_stale = false;
        refresh();
    }
}

void ComparePage::fillBoxes()
{
    m_filling = true;
    m_before->clear();
    m_after->clear();
    if (m_session)
        for (const auto &s : m_session->summaries()) {
            m_before->addItem(itemText(s), QVariant::fromValue<qlonglong>(s.id));
            m_after->addItem(itemText(s), QVariant::fromValue<qlonglong>(s.id));
        }
    m_filling = false;
}

std::optional<std::int64_t> ComparePage::selected(const QComboBox *box) const
{
    if (box->currentIndex() < 0)
        return std::nullopt;
    return box->currentData().toLongLong();
}

void ComparePage::selectPair(std::int64_t before, std::int64_t after)
{
    m_filling = true;
    m_before->setCurrentIndex(m_before->findData(QVariant::fromValue<qlonglong>(before)));
    m_after->setCurrentIndex(m_after->findData(QVariant::fromValue<qlonglong>(after)));
    m_filling = false;
    refresh();
}

void ComparePage::selectDefault()
{
    if (!m_session || m_session->summaries().empty()) {
        refresh();
        return;
    }
    const auto &all = m_session->summaries();
    auto later = [](const storage::AssessmentSummary &a, const storage::AssessmentSummary &b) {
        return a.date != b.date ? a.date < b.date : a.id < b.id;
    };
    const storage::AssessmentSummary *now = nullptr;
    if (m_session->hasAssessment())
        for (const auto &s : all)
            if (s.id == m_session->assessment().id)
                now = &s;
    if (!now)
        now = &*std::max_element(all.begin(), all.end(), later);
    std::optional<std::int64_t> then;
    if (m_session->hasAssessment() && m_session->assessment().id == now->id && m_session->previous())
        then = m_session->previous()->id;
    const storage::AssessmentSummary *best = nullptr;
    for (const auto &s : all) // else the latest earlier one of the same area
        if (!then && s.id != now->id && sameArea(s.area, now->area) && later(s, *now) && (!best || later(*best, s)))
            best = &s;
    if (!then && best)
        then = best->id;
    if (!then) {
        // The area's first assessment: it is "then" to the next one of its area, not "now" to a later
        // one, which would read backwards in time.
        const storage::AssessmentSummary *next = nullptr;
        for (const auto &s : all)
            if (s.id != now->id && sameArea(s.area, now->area) && later(*now, s) && (!next || later(s, *next)))
                next = &s;
        if (next) {
            selectPair(now->id, next->id);
            return;
        }
    }
    for (const auto &s : all) // else any other
        if (!then && s.id != now->id)
            then = s.id;
    selectPair(then.value_or(now->id), now->id);
}

void ComparePage::refresh()
{
    if (m_filling)
        return;
    const auto beforeId = selected(m_before), afterId = selected(m_after);
    if (!m_session || !beforeId || !afterId || *beforeId == *afterId) {
        m_text->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Pick two different assessments to compare.")));
        m_radar->setChart({}, {});
        return;
    }
    const auto compared = m_session->compare(*beforeId, *afterId);
    if (!compared) {
        m_text->setHtml(QStringLiteral("<p>%1</p>").arg(QString::fromStdString(compared.error().toString()).toHtmlEscaped()));
        m_radar->setChart({}, {});
        return;
    }
    const Comparison &c = compared->comparison;
    m_text->setHtml(comparisonHtml(c));

    const Assessment *before = &compared->before.assessment, *after = &compared->after.assessment;
    const auto framework = compared->after.framework;
    const QString thenName =
        tr("Then (%1)")
            .arg(QString::fromStdString(before->date.empty() ? "#" + std::to_string(before->id) : before->date));
    auto data = std::make_shared<report::RadarData>(
        report::radarFor(*framework, prioritise(*framework, *after), &c, thenName));
    QStringList description;
    for (const auto &f : c.features)
        description << tr("%1 then %2, now %3")
                           .arg(QString::fromStdString(f.featureId),
                                f.levelBefore ? QString::number(*f.levelBefore) : tr("not agreed"),
                                f.levelAfter ? QString::number(*f.levelAfter) : tr("not agreed"));
    m_radar->setChart(
        [data, this](QPainter &p, const QRectF &rect) {
            report::paintRadar(p, rect, *data, report::ChartStyle::forDevice(*m_radar, m_radar->font()));
        },
        description.join(QStringLiteral("; ")));
}

} // namespace hicm::gui
