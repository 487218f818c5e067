#include "featurepage.h"

#include "levelcard.h"
#include "prioritisation.h"
#include "session.h"
#include "textblock.h"
#include "textdelegate.h"
#include "text.h"
#include "textlimit.h"

#include <QComboBox>
#include <QEvent>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace hicm::gui {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// User text in a cell no one edits: shown as typed (bidi controls dropped, right-to-left text isolated).
QString shown(const std::string &s)
{
    return QString::fromStdString(shownAsTyped(s));
}

TextBlock *wrapped(const QString &text, QWidget *parent)
{
    return new TextBlock(text, parent);
}

constexpr int PartnerIdRole = Qt::UserRole + 1;
constexpr qint64 kAgreedRow = -1;

}  // namespace

FeaturePage::FeaturePage(Session *session, const Feature &feature, QWidget *parent)
    : QWidget(parent), m_session(session), m_feature(feature), m_featureId(feature.id)
{
    setObjectName(qs("feature-" + feature.id));
    setAccessibleName(tr("Feature %1, %2").arg(qs(feature.id), qs(feature.title.text)));
    build(feature);
    // 1, 2, 3 … record a level for the selected row, and 0 or Delete clears it, only while the partner grid
    // itself has the focus (eventFilter): a digit typed anywhere else is that editor's text, never a level.
    m_grid->installEventFilter(this);
    refresh();
}

void FeaturePage::build(const Feature &feature)
{
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    m_title = new TextBlock(qs(feature.id + "  " + feature.title.text), this);
    updateTitleFont();
    layout->addWidget(m_title);
    QStringList intro;
    for (const auto &p : feature.introduction)
        intro << qs(p.text);
    auto *introLabel = wrapped(intro.join("\n\n"), this);
    introLabel->setAccessibleName(tr("About this feature"));
    layout->addWidget(introLabel);
    m_previous = wrapped(QString(), this);
    m_previous->setObjectName(QStringLiteral("previousLevel"));
    m_previous->setAutoFillBackground(true);
    m_previous->setContentsMargins(6, 6, 6, 6);
    QPalette note = m_previous->palette();
    note.setColor(QPalette::Window, QColor(0xFF, 0xF4, 0xD6));
    note.setColor(QPalette::WindowText, Qt::black);
    m_previous->setPalette(note);
    layout->addWidget(m_previous);
    layout->addWidget(buildLevels(feature));
    layout->addWidget(buildAgreement());
    if (QWidget *examples = buildMetricFramework(feature))
        layout->addWidget(examples);
    layout->addWidget(buildEvidence(feature));
    layout->addWidget(buildActions(feature));
    layout->addStretch(1);
}

QWidget *FeaturePage::buildLevels(const Feature &feature)
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    for (const auto &l : feature.levels) {
        auto *card = new LevelCard(l.level, qs(l.label.text), qs(l.descriptor.text), box);
        card->setObjectName(QStringLiteral("level%1").arg(l.level));
        connect(card, &QAbstractButton::clicked, this, [this, card] {
            recordLevel(card->level());
            refreshCards();  // the check mark follows the stored level, not the click
        });
        m_cards.push_back(card);
        row->addWidget(card, 1);
    }
    return box;
}

QWidget *FeaturePage::buildAgreement()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);

    auto *left = new QVBoxLayout;
    m_grid = new QTableWidget(0, 3, box);
    m_grid->setObjectName(QStringLiteral("partnerGrid"));
    m_grid->setAccessibleName(tr("Partner levels for %1").arg(qs(m_featureId)));
    m_grid->setAccessibleDescription(tr("Select a partner, or the agreed row, and press 1, 2 or 3 to record a level"));
    m_grid->setHorizontalHeaderLabels({tr("Partner"), tr("Level"), tr("Partner's note")});
    m_grid->verticalHeader()->hide();
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_grid->setWordWrap(false);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setTabKeyNavigation(false);
    m_grid->setMinimumHeight(180);
    m_grid->setItemDelegate(new CachedTextDelegate(m_grid));
    connect(m_grid, &QTableWidget::currentCellChanged, this, [this] {
        if (!m_refreshing)
            refreshCards();
    });
    left->addWidget(m_grid);
    m_spread = wrapped(QString(), box);
    m_spread->setObjectName(QStringLiteral("spreadWarning"));
    QFont bold;
    bold.setBold(true);  // only the weight: the size still follows the window (presentation mode)
    m_spread->setFont(bold);
    left->addWidget(m_spread);
    auto *suggestRow = new QHBoxLayout;
    m_suggestionLabel = wrapped(QString(), box);
    m_useSuggestion = new QPushButton(tr("Agree the &suggested level"), box);
    m_useSuggestion->setObjectName(QStringLiteral("useSuggestion"));
    connect(m_useSuggestion, &QPushButton::clicked, this, [this] {
        if (auto s = suggestion())
            m_session->setAgreedLevel(m_featureId, *s);
    });
    suggestRow->addWidget(m_suggestionLabel, 1);
    suggestRow->addWidget(m_useSuggestion);
    left->addLayout(suggestRow);
    row->addLayout(left, 1);

    auto *form = new QFormLayout;
    m_rationale = new QPlainTextEdit(box);
    m_rationale->setObjectName(QStringLiteral("rationale"));
    m_rationale->setAccessibleName(tr("Rationale for the agreed level"));
    m_rationale->setTabChangesFocus(true);
    m_rationale->setPlaceholderText(tr("Why the room agreed this level"));
    m_rationale->setMinimumHeight(90);
    connect(m_rationale, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_refreshing && !cutToTextLimit(m_rationale))
            m_session->setRationale(m_featureId, m_rationale->toPlainText());
    });
    m_target = new QComboBox(box);
    m_target->setObjectName(QStringLiteral("target"));
    m_target->setAccessibleName(tr("Target level"));
    m_confidence = new QComboBox(box);
    m_confidence->setAccessibleName(tr("Confidence"));
    m_confidence->addItem(tr("Not stated"), QString());
    m_confidence->addItem(tr("Low"), QStringLiteral("low"));
    m_confidence->addItem(tr("Medium"), QStringLiteral("medium"));
    m_confidence->addItem(tr("High"), QStringLiteral("high"));
    m_weight = new QComboBox(box);
    m_weight->setAccessibleName(tr("Importance"));
    m_weight->addItem(tr("1 – lower"), 1);
    m_weight->addItem(tr("2 – normal"), 2);
    m_weight->addItem(tr("3 – higher"), 3);
    connect(m_target, &QComboBox::activated, this, [this] {
        const int v = m_target->currentData().toInt();
        m_session->setTarget(m_featureId, v > 0 ? std::optional<int>(v) : std::nullopt);
    });
    connect(m_confidence, &QComboBox::activated, this, [this] {
        m_session->setConfidence(m_featureId,
                                 parseConfidence(m_confidence->currentData().toString().toStdString()).value_or(Confidence::Unset));
    });
    connect(m_weight, &QComboBox::activated, this, [this] { m_session->setWeight(m_featureId, m_weight->currentData().toInt()); });
    form->addRow(tr("&Rationale:"), m_rationale);
    form->addRow(tr("&Target:"), m_target);
    form->addRow(tr("&Confidence:"), m_confidence);
    form->addRow(tr("&Importance:"), m_weight);
    row->addLayout(form, 1);
    return box;
}

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
    m_metrics = new QTableWidget(static_cast<int>(feature.dataToUse.size()), 5, m_evidenceBox);
    m_metrics->setObjectName(QStringLiteral("metrics"));
    m_metrics->setAccessibleName(tr("Data to use: values"));
    m_metrics->setHorizontalHeaderLabels({tr("Data to use"), tr("Value"), tr("Unit"), tr("Period"), tr("Source")});
    m_metrics->verticalHeader()->hide();
    m_metrics->setTabKeyNavigation(false);
    m_metrics->setWordWrap(true);
    m_metrics->setItemDelegate(new CachedTextDelegate(m_metrics));
    m_metrics->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_metrics->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int r = 0; r < m_metrics->rowCount(); ++r) {
        const auto &m = feature.dataToUse[static_cast<std::size_t>(r)];
        setMetricRow(r, qs(m.id), qs(m.text.text), false);
    }
    // The names wrap: the rows are fitted to them whenever the table's width changes (eventFilter), never
    // lower than the partner grid's rows, so that a value is easy to click and to read on a projector.
    m_metrics->verticalHeader()->setMinimumSectionSize(m_metrics->verticalHeader()->defaultSectionSize());
    m_metrics->installEventFilter(this);
    m_metrics->setMinimumHeight(qMin(260, 30 + 34 * qMax(1, m_metrics->rowCount())));
    connect(m_metrics, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_refreshing || (item->column() == 0 && !(item->flags() & Qt::ItemIsEditable)))
            return;
        const int r = item->row();
        MetricValue value;
        value.metricId = m_metrics->item(r, 0)->data(Qt::UserRole).toString().toStdString();
        if (isOwnMetricId(m_featureId, value.metricId)) {
            value.name = m_metrics->item(r, 0)->text().trimmed().toStdString();
            if (value.name.empty()) {  // a name is needed: put the stored one back
                refresh();
                return;
            }
        }
        value.value = m_metrics->item(r, 1)->text().toStdString();
        value.unit = m_metrics->item(r, 2)->text().toStdString();
        value.period = m_metrics->item(r, 3)->text().toStdString();
        value.source = m_metrics->item(r, 4)->text().toStdString();
        m_session->setMetric(m_featureId, value);
    });
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

void FeaturePage::setMetricRow(int row, const QString &id, const QString &name, bool own)
{
    auto *nameItem = new QTableWidgetItem(name);
    if (!own)
        nameItem->setFlags(nameItem->flags() & ~Qt::ItemIsEditable);
    nameItem->setData(Qt::UserRole, id);
    nameItem->setToolTip(own ? tr("The room's own metric: type to rename it") : name);
    m_metrics->setItem(row, 0, nameItem);
    const QString columns[] = {tr("Value"), tr("Unit"), tr("Period"), tr("Source")};
    for (int c = 1; c < 5; ++c) {
        auto *cell = new QTableWidgetItem;
        // Screen readers name an empty cell by what it is for.
        cell->setData(Qt::AccessibleTextRole, tr("%1 for %2").arg(columns[c - 1], name));
        m_metrics->setItem(row, c, cell);
    }
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
    for (int r = 0; r < m_metrics->rowCount(); ++r)
        if (m_metrics->item(r, 0)->data(Qt::UserRole).toString().toStdString() == value.metricId) {
            m_metrics->setFocus(Qt::OtherFocusReason);
            m_metrics->setCurrentCell(r, 0);
            m_metrics->editItem(m_metrics->item(r, 0));
        }
}

std::optional<int> FeaturePage::suggestion() const
{
    if (!m_session->hasAssessment())
        return std::nullopt;
    const auto *fa = m_session->assessment().feature(m_featureId);
    if (!fa)
        return std::nullopt;
    std::vector<int> levels;
    for (const auto &pl : fa->partnerLevels)
        levels.push_back(pl.level);
    // The same rule as the prioritisation engine: the median rounded down, never more than half the room saw.
    return medianRoundedDown(levels);
}

bool FeaturePage::isAgreedRow(int row) const
{
    auto *item = m_grid->item(row, 0);
    return item && item->data(PartnerIdRole).toLongLong() == kAgreedRow;
}

void FeaturePage::recordLevel(int level)
{
    if (!m_session->hasAssessment())
        return;
    int row = m_grid->currentRow();
    if (row < 0)
        row = m_grid->rowCount() - 1;  // the agreed row
    const std::optional<int> value = level > 0 ? std::optional<int>(level) : std::nullopt;
    if (isAgreedRow(row)) {
        m_session->setAgreedLevel(m_featureId, value);
    } else {
        m_session->setPartnerLevel(m_featureId, m_grid->item(row, 0)->data(PartnerIdRole).toLongLong(), value);
        m_grid->setCurrentCell(qMin(row + 1, m_grid->rowCount() - 1), 0);  // on round the table
    }
}

void FeaturePage::refresh()
{
    if (!m_session->hasAssessment())
        return;
    m_refreshing = true;
    const Framework &fw = m_session->framework();
    const FeatureAssessment *fa = m_session->assessment().feature(m_featureId);
    refreshGrid();
    refreshCards();
    if (m_target->count() == 0) {
        for (const auto &l : fw.levels)
            m_target->addItem(QStringLiteral("%1 %2").arg(l.id).arg(qs(l.label.text)), l.id);
    }
    const int target = fa && fa->targetLevel ? *fa->targetLevel : fw.topLevel();
    m_target->setCurrentIndex(qMax(0, m_target->findData(target)));
    m_confidence->setCurrentIndex(qMax(0, m_confidence->findData(QString::fromLatin1(toString(fa ? fa->confidence : Confidence::Unset)))));
    m_weight->setCurrentIndex(qMax(0, m_weight->findData(fa ? fa->weight : 2)));
    const QString rationale = fa ? qs(fa->rationale) : QString();
    if (m_rationale->toPlainText() != rationale)
        m_rationale->setPlainText(rationale);
    const QString evidence = fa ? qs(fa->evidence) : QString();
    if (m_evidence->toPlainText() != evidence)
        m_evidence->setPlainText(evidence);
    // The framework's listed metrics, then the room's own ones (stored with a name).
    const int listed = static_cast<int>(m_feature.dataToUse.size());
    std::vector<const MetricValue *> own;
    if (fa)
        for (const auto &m : fa->metrics)
            if (isOwnMetricId(m_featureId, m.metricId))
                own.push_back(&m);
    if (m_metrics->rowCount() != listed + static_cast<int>(own.size())) {
        m_metrics->setRowCount(listed + static_cast<int>(own.size()));
        m_metricsFittedWidth = -1;
        fitMetricRowsLater();
    }
    for (std::size_t i = 0; i < own.size(); ++i) {
        const int r = listed + static_cast<int>(i);
        const QTableWidgetItem *name = m_metrics->item(r, 0);
        if (!name || name->data(Qt::UserRole).toString() != qs(own[i]->metricId))
            setMetricRow(r, qs(own[i]->metricId), qs(own[i]->name), true);
        else if (name->text() != qs(own[i]->name))
            m_metrics->item(r, 0)->setText(qs(own[i]->name));
    }
    for (int r = 0; r < m_metrics->rowCount(); ++r) {
        const std::string id = m_metrics->item(r, 0)->data(Qt::UserRole).toString().toStdString();
        MetricValue value;
        if (fa)
            for (const auto &m : fa->metrics)
                if (m.metricId == id)
                    value = m;
        const QString cells[] = {qs(value.value), qs(value.unit), qs(value.period), qs(value.source)};
        for (int c = 1; c < 5; ++c)
            if (m_metrics->item(r, c)->text() != cells[c - 1])
                m_metrics->item(r, c)->setText(cells[c - 1]);
    }
    for (auto &[id, button] : m_actionButtons) {
        const bool planned = fa && std::find(fa->plannedActions.begin(), fa->plannedActions.end(), id) != fa->plannedActions.end();
        button->setText(planned ? tr("In the plan ✓ — add again…") : tr("Add to plan…"));
    }
    m_previous->setVisible(m_session->previous() != nullptr);
    if (const Assessment *prev = m_session->previous()) {
        const FeatureAssessment *pf = prev->feature(m_featureId);
        const Level *l = pf && pf->agreedLevel ? fw.level(*pf->agreedLevel) : nullptr;
        m_previous->setText(tr("Last time (%1): %2%3")
                                .arg(qs(prev->date), l ? QStringLiteral("%1 %2").arg(l->id).arg(qs(l->label.text)) : tr("not agreed"),
                                     pf && !pf->rationale.empty() ? " — " + qs(pf->rationale) : QString()));
    }
    m_refreshing = false;
}

void FeaturePage::refreshGrid()
{
    const Assessment &a = m_session->assessment();
    const Framework &fw = m_session->framework();
    const FeatureAssessment *fa = a.feature(m_featureId);
    const int current = m_grid->currentRow();
    m_grid->setRowCount(static_cast<int>(a.partners.size()) + 1);
    auto levelText = [&](std::optional<int> level) {  // as this feature's descriptors name the level
        const FeatureLevel *fl = level ? m_feature.level(*level) : nullptr;
        const Level *l = level ? fw.level(*level) : nullptr;
        if (!l)
            return QStringLiteral("—");
        return QStringLiteral("%1  %2").arg(l->id).arg(qs(fl ? fl->label.text : l->label.text));
    };
    // Cells are updated in place, and only where they change: new items would make the grid lay out
    // and paint afresh each time the page is shown.
    auto cell = [this](int r, int c, const QString &text) {
        QTableWidgetItem *item = m_grid->item(r, c);
        if (!item) {
            item = new QTableWidgetItem(text);
            m_grid->setItem(r, c, item);
        } else if (item->text() != text) {
            item->setText(text);
        }
        return item;
    };
    int lo = 99, hi = 0, scored = 0;
    for (int r = 0; r < static_cast<int>(a.partners.size()); ++r) {
        const Partner &p = a.partners[static_cast<std::size_t>(r)];
        const PartnerLevel *pl = fa ? fa->partnerLevel(p.organisation) : nullptr;
        auto *who = cell(r, 0, shown(p.organisation));
        who->setData(PartnerIdRole, QVariant::fromValue<qlonglong>(p.id));
        who->setToolTip(QCoreApplication::translate("OrgType", label(p.type)));
        who->setData(Qt::FontRole, QVariant());  // a row that was the agreed row before a partner was added
        cell(r, 1, levelText(pl ? std::optional<int>(pl->level) : std::nullopt))->setData(Qt::FontRole, QVariant());
        const QString note = pl ? shown(pl->note) : QString();
        auto *noteCell = cell(r, 2, QString(note).replace(QLatin1Char('\n'), QLatin1Char(' ')));
        noteCell->setToolTip(note);
        noteCell->setData(Qt::AccessibleTextRole, note.isEmpty() ? tr("No note from %1").arg(shown(p.organisation)) : note);
        if (pl) {
            lo = std::min(lo, pl->level);
            hi = std::max(hi, pl->level);
            ++scored;
        }
    }
    const int agreedRow = static_cast<int>(a.partners.size());
    auto *agreed = cell(agreedRow, 0, tr("Agreed (the room)"));
    agreed->setData(PartnerIdRole, QVariant::fromValue<qlonglong>(kAgreedRow));
    agreed->setToolTip(QString());
    QFont bold;  // only the weight is set: the size follows the grid's font (presentation mode)
    bold.setBold(true);
    agreed->setFont(bold);
    cell(agreedRow, 1, levelText(fa ? fa->agreedLevel : std::nullopt))->setFont(bold);
    cell(agreedRow, 2, QString())->setData(Qt::AccessibleTextRole, tr("The room's agreed level has its rationale beside the grid"));
    // Another assessment (a new walk, a reassessment) starts on the first partner.
    const bool fresh = a.id != m_shownAssessment;
    m_shownAssessment = a.id;
    const int row = !fresh && current >= 0 && current < m_grid->rowCount() ? current : 0;
    if (m_grid->currentRow() != row || m_grid->currentColumn() != 0)
        m_grid->setCurrentCell(row, 0);

    const bool split = scored >= 2 && hi - lo >= 2;
    const QColor spreadColour = split ? QColor(0x8A, 0x15, 0x38) : palette().color(QPalette::WindowText);
    if (m_spread->palette().color(QPalette::WindowText) != spreadColour) {
        QPalette warn = m_spread->palette();
        warn.setColor(QPalette::WindowText, spreadColour);
        m_spread->setPalette(warn);
    }
    m_spread->setText(split ? tr("Partners are %1 levels apart (from %2 to %3): there is no shared view yet.")
                                  .arg(hi - lo).arg(lo).arg(hi)
                            : (scored >= 2 && hi > lo ? tr("Partners range from %1 to %2.").arg(lo).arg(hi) : QString()));
    m_spread->setVisible(!m_spread->text().isEmpty());
    const auto s = suggestion();
    m_suggestionLabel->setText(s ? tr("Suggested from the partners' median: %1. The facilitator confirms.").arg(levelText(s))
                                 : tr("Record each partner's level, then agree the room's."));
    m_useSuggestion->setEnabled(s.has_value() && (!fa || fa->agreedLevel != s));
}

void FeaturePage::refreshCards()
{
    // The tick is always the room's agreed level; the selected partner's own level is named as theirs.
    const FeatureAssessment *fa = m_session->assessment().feature(m_featureId);
    const std::optional<int> agreed = fa ? fa->agreedLevel : std::nullopt;
    const int row = m_grid->currentRow();
    std::optional<int> partnerLevel;
    QString partner;
    if (row >= 0 && !isAgreedRow(row) && m_grid->item(row, 0)) {
        // The partner by id: the cell shows the name as typed, which is not always the stored text.
        const qlonglong id = m_grid->item(row, 0)->data(PartnerIdRole).toLongLong();
        for (const Partner &p : m_session->assessment().partners)
            if (p.id == id) {
                partner = m_grid->item(row, 0)->text();
                if (const PartnerLevel *pl = fa ? fa->partnerLevel(p.organisation) : nullptr)
                    partnerLevel = pl->level;
            }
    }
    for (auto *card : m_cards) {
        card->setChecked(agreed == card->level());
        card->setNote(partnerLevel == card->level() ? tr("%1's level").arg(partner) : QString());
    }
}

void FeaturePage::updateTitleFont()
{
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
}

bool FeaturePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_grid && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const auto mods = key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
        if (mods == Qt::NoModifier) {
            if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace || key->key() == Qt::Key_0) {
                recordLevel(0);
                return true;
            }
            if (key->key() >= Qt::Key_1 && key->key() <= Qt::Key_9) {
                const int level = key->key() - Qt::Key_0;
                if (m_feature.level(level) || m_session->framework().level(level))
                    recordLevel(level);
                return true;  // a digit on the grid is never a search or an edit
            }
        }
    }
    if (watched == m_metrics && event->type() == QEvent::Resize)
        fitMetricRowsLater();
    return QWidget::eventFilter(watched, event);
}

void FeaturePage::fitMetricRowsLater()
{
    // Queued: after the table's own resize handling has stretched the name column to its new width.
    QMetaObject::invokeMethod(this, [this] {
        if (m_metrics->columnWidth(0) != m_metricsFittedWidth) {
            m_metricsFittedWidth = m_metrics->columnWidth(0);
            m_metrics->resizeRowsToContents();
        }
    }, Qt::QueuedConnection);
}

void FeaturePage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange && m_title) {
        updateTitleFont();
        m_metricsFittedWidth = -1;  // the rows are fitted again for the new size of text
        fitMetricRowsLater();
    }
}

void FeaturePage::setPresentation(bool on)
{
    m_evidenceBox->setVisible(!on);
}

}  // namespace hicm::gui
