// The feature page's lower half (featurepage.h): the framework's example data points, the evidence
// notes and the data table, and the targeted actions.
#include "featurepage.h"

#include "editsink.h"
#include "metricsmodel.h"
#include "session.h"
#include "textblock.h"
#include "textdelegate.h"
#include "textlimit.h"
#include "wrappedrows.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace hicm::gui {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

TextBlock *wrapped(const QString &text, QWidget *parent)
{
    return new TextBlock(text, parent);
}

}  // namespace

QWidget *FeaturePage::buildMetricFramework(const Feature &feature)
{
    // B8's "framework [that] provides example data points", its further metrics and the ASCOF measures,
    // as the source text gives them.
    if (feature.metricFramework.empty() && !feature.additionalMetrics && feature.ascofMetrics.empty())
        return nullptr;
    auto *box = new QGroupBox(tr("Example data points (from the framework)"), this);
    box->setObjectName(QStringLiteral("metricFramework"));
    auto *v = new QVBoxLayout(box);
    QStringList lines;
    for (const auto &c : feature.metricFramework)
        lines << QStringLiteral("%1: %2").arg(qs(c.label.text), qs(c.items.text));
    if (!lines.isEmpty()) {
        auto *framework = wrapped(lines.join(QStringLiteral("\n")), box);
        framework->setObjectName(QStringLiteral("metricFrameworkText"));
        framework->setAccessibleName(tr("Metric framework: inputs, activities, outputs, outcomes and system impacts"));
        v->addWidget(framework);
    }
    if (feature.additionalMetrics) {
        auto *more = wrapped(qs(feature.additionalMetrics->text), box);
        more->setAccessibleName(tr("Additional recommended metrics"));
        v->addWidget(more);
    }
    if (!feature.ascofMetrics.empty()) {
        QStringList ascof;
        for (const auto &m : feature.ascofMetrics)
            ascof << QStringLiteral("\u2022 ") + qs(m.text.text);
        auto *list = wrapped(tr("Relevant ASCOF metrics include:") + QStringLiteral("\n") + ascof.join(QStringLiteral("\n")), box);
        list->setObjectName(QStringLiteral("ascofMetrics"));
        list->setAccessibleName(tr("Relevant ASCOF metrics"));
        v->addWidget(list);
    }
    return box;
}

QWidget *FeaturePage::buildEvidence(const Feature &feature)
{
    m_evidenceBox = new QGroupBox(tr("Evidence and data"), this);
    auto *v = new QVBoxLayout(m_evidenceBox);
    m_evidence = new QPlainTextEdit(m_evidenceBox);
    m_evidence->setObjectName(QStringLiteral("evidence"));
    m_evidence->setAccessibleName(tr("Evidence notes"));
    m_evidence->setPlaceholderText(tr("Evidence notes (hidden in presentation mode)"));
    m_evidence->setTabChangesFocus(true);
    m_evidence->setMaximumHeight(110);
    connect(m_evidence, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_refreshing && !cutToTextLimit(m_evidence))
            m_session->setEvidence(m_featureId, m_evidence->toPlainText());
    });
    v->addWidget(m_evidence);
    // The data table shows the document's copy through its model; a cell typed into is one typed edit.
    m_metricsModel = new document::MetricsModel(feature, editSink(m_session), this);
    m_metrics = new QTableView(m_evidenceBox);
    m_metrics->setModel(m_metricsModel);
    m_metrics->setObjectName(QStringLiteral("metrics"));
    m_metrics->setAccessibleName(tr("Data to use: values"));
    m_metrics->verticalHeader()->hide();
    m_metrics->setTabKeyNavigation(false);
    m_metrics->setItemDelegate(new CachedTextDelegate(m_metrics));
    m_metrics->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_metrics->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    // The names wrap, in rows never lower than the partner grid's, so that a value is easy to click and
    // to read on a projector; new rows (the room's own metric, another assessment) are fitted too.
    new WrappedRows(m_metrics, 0);
    m_metrics->setMinimumHeight(qMin(260, 30 + 34 * qMax(1, m_metricsModel->rowCount())));
    v->addWidget(m_metrics);
    auto *addOwn = new QPushButton(tr("Add the room's own &metric"), m_evidenceBox);
    addOwn->setObjectName(QStringLiteral("addOwnMetric"));
    addOwn->setToolTip(tr("A measure the partners use that the framework does not list: name it in the first column"));
    connect(addOwn, &QPushButton::clicked, this, &FeaturePage::addOwnMetric);
    v->addWidget(addOwn, 0, Qt::AlignLeft);
    return m_evidenceBox;
}

QWidget *FeaturePage::buildActions(const Feature &feature)
{
    auto *box = new QGroupBox(feature.actionsHeading ? qs(feature.actionsHeading->text) : tr("Targeted actions"), this);
    auto *v = new QVBoxLayout(box);
    for (const auto &a : feature.targetedActions) {
        auto *row = new QHBoxLayout;
        row->addWidget(wrapped(qs(a.text.text), box), 1);
        auto *add = new QPushButton(tr("Add to plan…"), box);
        add->setAccessibleName(tr("Add to the action plan: %1").arg(qs(a.text.text).left(80)));
        connect(add, &QPushButton::clicked, this, [this, id = a.id] { emit addToPlanRequested(m_featureId, id); });
        m_actionButtons.emplace_back(a.id, add);
        row->addWidget(add, 0, Qt::AlignTop);
        v->addLayout(row);
    }
    return box;
}

void FeaturePage::addOwnMetric()
{
    if (!m_session->hasAssessment())
        return;
    const FeatureAssessment *fa = m_session->assessment().feature(m_featureId);
    int n = 1;
    while (fa && std::any_of(fa->metrics.begin(), fa->metrics.end(),
                             [&](const MetricValue &m) { return m.metricId == ownMetricId(m_featureId, n); }))
        ++n;
    MetricValue value;
    value.metricId = ownMetricId(m_featureId, n);
    value.name = tr("Our own metric %1").arg(n).toStdString();
    m_session->setMetric(m_featureId, value);
    if (const int r = m_metricsModel->rowOf(value.metricId); r >= 0) {
        const QModelIndex name = m_metricsModel->index(r, document::MetricsModel::NameColumn);
        m_metrics->setFocus(Qt::OtherFocusReason);
        m_metrics->setCurrentIndex(name);
        m_metrics->edit(name);
    }
}

void FeaturePage::refreshMetrics(const FeatureAssessment *fa)
{
    m_metricsModel->setDocument(m_session->document());  // the same document: nothing to do
    for (auto &[id, button] : m_actionButtons) {
        const bool planned = fa && std::find(fa->plannedActions.begin(), fa->plannedActions.end(), id) != fa->plannedActions.end();
        button->setText(planned ? tr("In the plan ✓ — add again…") : tr("Add to plan…"));
    }
}


}  // namespace hicm::gui
