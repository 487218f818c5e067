#include "featurepage.h"

#include "editsink.h"
#include "levelcard.h"
#include "partnerlevelsmodel.h"
#include "session.h"
#include "textblock.h"
#include "textdelegate.h"
#include "textlimit.h"
#include "wrappedrows.h"

#include <algorithm>

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

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

using document::PartnerLevelsModel;

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
    // The grid shows the document's copy through its model: an edit re-draws the cells it changed.
    m_levels = new PartnerLevelsModel(m_featureId, editSink(m_session), this);
    m_grid = new QTableView(box);
    m_grid->setModel(m_levels);
    m_grid->setObjectName(QStringLiteral("partnerGrid"));
    m_grid->setAccessibleName(tr("Partner levels for %1").arg(qs(m_featureId)));
    m_grid->setAccessibleDescription(tr("Select a partner, or the agreed row, and press 1, 2 or 3 to record a level"));
    m_grid->verticalHeader()->hide();
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);  // fitGridColumns
    m_grid->horizontalHeader()->setSectionResizeMode(PartnerLevelsModel::NoteColumn, QHeaderView::Stretch);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setTabKeyNavigation(false);
    // A long name wraps, in a row as tall as its lines ("Northumbria Healthcare NHS Foundation Trust" on the
    // projector; cut short, "North Shire Community Health…" could be either of two partners); the levels
    // and the notes keep one line.
    auto *cells = new CachedTextDelegate(m_grid);
    cells->setWrappedColumn(PartnerLevelsModel::PartnerColumn);
    m_grid->setItemDelegate(cells);
    auto *rows = new WrappedRows(m_grid, PartnerLevelsModel::PartnerColumn);
    rows->setOnlyColumnWraps(true);
    fitGridHeight();
    connect(rows, &WrappedRows::fitted, this, &FeaturePage::fitGridHeight);
    connect(m_levels, &QAbstractItemModel::modelReset, this, &FeaturePage::fitGridHeight);
    connect(m_levels, &QAbstractItemModel::rowsInserted, this, &FeaturePage::fitGridHeight);
    connect(m_levels, &QAbstractItemModel::rowsRemoved, this, &FeaturePage::fitGridHeight);
    connect(m_levels, &QAbstractItemModel::modelReset, this, &FeaturePage::fitGridColumns);
    connect(m_levels, &QAbstractItemModel::rowsInserted, this, &FeaturePage::fitGridColumns);
    connect(m_levels, &QAbstractItemModel::rowsRemoved, this, &FeaturePage::fitGridColumns);
    connect(m_levels, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        if (from.column() <= PartnerLevelsModel::PartnerColumn && to.column() >= PartnerLevelsModel::PartnerColumn)
            fitGridColumns();  // a partner renamed; levels are measured whatever they are
    });
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (m_refreshing)
            return;
        refreshCards();
        keepCurrentRowInView();
    });
    // Whatever changed the levels (an edit, an undo, another program, the room), the spread, the
    // suggestion and the cards follow the grid.
    connect(m_levels, &QAbstractItemModel::dataChanged, this, &FeaturePage::refreshDerived);
    connect(m_levels, &QAbstractItemModel::modelReset, this, &FeaturePage::refreshDerived);
    connect(m_levels, &QAbstractItemModel::rowsInserted, this, &FeaturePage::refreshDerived);
    connect(m_levels, &QAbstractItemModel::rowsRemoved, this, &FeaturePage::refreshDerived);
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
    row->addLayout(left, 3);  // the grid a little wider than the rationale: names and levels whole on the projector

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
    row->addLayout(form, 2);
    return box;
}

std::optional<int> FeaturePage::suggestion() const
{
    return m_levels->suggestion();
}

void FeaturePage::setHiddenRound(bool hidden, const QSet<qint64> &voted)
{
    m_levels->setHiddenRound(hidden, voted);
    refreshDerived();
}

void FeaturePage::recordLevel(int level)
{
    if (!m_session->hasAssessment())
        return;
    int row = m_grid->currentIndex().row();
    if (row < 0)
        row = m_levels->agreedRow();
    if (row < 0)
        return;
    const bool agreedRow = m_levels->isAgreedRow(row);
    m_levels->setData(m_levels->index(row, PartnerLevelsModel::LevelColumn), level);  // 0 clears
    if (!agreedRow)
        m_grid->setCurrentIndex(m_levels->index(qMin(row + 1, m_levels->agreedRow()), 0));  // on round the table
}

void FeaturePage::refresh()
{
    if (!m_session->hasAssessment())
        return;
    m_refreshing = true;
    const Framework &fw = m_session->framework();
    const FeatureAssessment *fa = m_session->assessment().feature(m_featureId);
    refreshGrid();
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
    refreshMetrics(fa);
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
    const int current = m_grid->currentIndex().row();
    m_levels->setDocument(m_session->document());  // the same document: nothing to do
    // Another assessment (a new walk, a reassessment) starts on the first partner.
    const std::int64_t id = m_session->assessment().id;
    const bool fresh = id != m_shownAssessment;
    m_shownAssessment = id;
    const int row = !fresh && current >= 0 && current < m_levels->rowCount() ? current : 0;
    if (m_grid->currentIndex().row() != row || m_grid->currentIndex().column() != 0)
        m_grid->setCurrentIndex(m_levels->index(row, 0));
    refreshDerived();
}

void FeaturePage::refreshDerived()
{
    const PartnerLevelsModel::Spread s = m_levels->spread();
    const int lo = s.lowest, hi = s.highest;
    const bool split = s.scored >= 2 && hi - lo >= 2;
    const QColor spreadColour = split ? QColor(0x8A, 0x15, 0x38) : palette().color(QPalette::WindowText);
    if (m_spread->palette().color(QPalette::WindowText) != spreadColour) {
        QPalette warn = m_spread->palette();
        warn.setColor(QPalette::WindowText, spreadColour);
        m_spread->setPalette(warn);
    }
    m_spread->setText(split ? tr("Partners are %1 levels apart (from %2 to %3): there is no shared view yet.")
                                  .arg(hi - lo).arg(lo).arg(hi)
                            : (s.scored >= 2 && hi > lo ? tr("Partners range from %1 to %2.").arg(lo).arg(hi) : QString()));
    m_spread->setVisible(!m_spread->text().isEmpty());
    const auto suggested = m_levels->suggestion();
    m_suggestionLabel->setText(
        suggested ? tr("Suggested from the partners' median: %1. The facilitator confirms.").arg(m_levels->levelText(suggested))
        : m_levels->hiddenRound() ? tr("The partners' levels are shown after the reveal.")
                                  : tr("Record each partner's level, then agree the room's."));
    m_useSuggestion->setEnabled(suggested.has_value() && m_levels->levelAt(m_levels->agreedRow()) != suggested);
    refreshCards();
}

void FeaturePage::refreshCards()
{
    // The tick is always the room's agreed level; the selected partner's own level is named as theirs.
    const std::optional<int> agreed = m_levels->levelAt(m_levels->agreedRow());
    const int row = m_grid->currentIndex().row();
    std::optional<int> partnerLevel;
    QString partner;
    if (row >= 0 && !m_levels->isAgreedRow(row)) {
        partner = m_levels->index(row, PartnerLevelsModel::PartnerColumn).data().toString();
        partnerLevel = m_levels->levelAt(row);
    }
    QStringList possible;
    for (int r = 0; r < m_levels->rowCount(); ++r)
        if (!m_levels->isAgreedRow(r))
            possible << tr("%1's level").arg(m_levels->index(r, PartnerLevelsModel::PartnerColumn).data().toString());
    for (auto *card : m_cards) {
        card->setPossibleNotes(possible);
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
    if (watched == m_grid && event->type() == QEvent::Resize)
        fitGridColumns();
    return QWidget::eventFilter(watched, event);
}

void FeaturePage::fitGridHeight()
{
    const int rows = m_grid->verticalHeader()->length();
    const int header = m_grid->horizontalHeader()->sizeHint().height();
    m_grid->setMinimumHeight(std::max(180, header + rows + 2 * m_grid->frameWidth()));
}

void FeaturePage::fitGridColumns()
{
    // From the table's own size: on its resize event the viewport still has the old one. (The grid never
    // scrolls: fitGridHeight.)
    const int available = m_grid->maximumViewportSize().width();
    if (available <= 0)
        return;
    QHeaderView *header = m_grid->horizontalHeader();
    // Any row's text, bold or not (the agreed row is bold), plus what the delegate adds around it.
    QFont boldFont = m_grid->font();
    boldFont.setBold(true);
    const QFontMetrics bold(boldFont);
    const int padding = 2 * (m_grid->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_grid) + 1) +
                        bold.averageCharWidth() * 2;
    const auto widest = [&](int column, QStringList texts) {
        for (int row = 0; row < m_levels->rowCount(); ++row)
            texts << m_levels->index(row, column).data().toString();
        int width = header->sectionSizeHint(column);
        for (const QString &text : texts)
            width = std::max(width, bold.horizontalAdvance(text) + padding);
        return width;
    };
    QStringList levels{m_levels->levelText(std::nullopt), tr("After the reveal")};
    for (const Level &level : m_session->framework().levels)
        levels << m_levels->levelText(level.id);
    // The level first, then the name, then the notes' heading; a name cut short only if all three cannot fit.
    const int level = std::min(widest(PartnerLevelsModel::LevelColumn, levels), available * 35 / 100);
    const int notes = header->sectionSizeHint(PartnerLevelsModel::NoteColumn);
    const int partner = std::min(widest(PartnerLevelsModel::PartnerColumn, {}),
                                 std::max(available * 30 / 100, available - level - notes));
    if (header->sectionSize(PartnerLevelsModel::PartnerColumn) != partner)
        header->resizeSection(PartnerLevelsModel::PartnerColumn, partner);
    if (header->sectionSize(PartnerLevelsModel::LevelColumn) != level)
        header->resizeSection(PartnerLevelsModel::LevelColumn, level);
}

QScrollArea *FeaturePage::pageScroll() const
{
    // The walk's scroll area that holds this page, if any (the nearest one up; a page shown on its own has none).
    for (QWidget *w = parentWidget(); w; w = w->parentWidget())
        if (auto *scroll = qobject_cast<QScrollArea *>(w))
            return scroll->widget() == this ? scroll : nullptr;
    return nullptr;
}

void FeaturePage::keepCurrentRowInView()
{
    // On a long feature on the projector the grid's lower rows (the agreed one among them) lie below the
    // page's fold: the row the facilitator moves to, typing levels round the table, is scrolled into view.
    const QModelIndex current = m_grid->currentIndex();
    QScrollArea *scroll = pageScroll();
    if (!current.isValid() || !m_grid->hasFocus() || !scroll)
        return;
    const QRect row = m_grid->visualRect(current);
    const QPoint centre = m_grid->viewport()->mapTo(this, row.center());
    scroll->ensureVisible(centre.x(), centre.y(), 0, row.height());  // the row and half of the next
}

void FeaturePage::showWholeGrid()
{
    // After the reveal the room looks at every partner's vote and then agrees a level: on the projector the
    // page is scrolled so that the grid starts at the top of the screen, every row and the agreed one below
    // it in view, with the spread and the suggestion under them. Once the page is laid out again: the reveal
    // changes the cards above the grid (each shows whose level it is), and the grid's rows their height.
    QTimer::singleShot(0, this, [this] {
        if (QScrollArea *scroll = pageScroll())
            scroll->verticalScrollBar()->setValue(m_grid->mapTo(this, QPoint()).y() - fontMetrics().height() / 2);
    });
}

void FeaturePage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange && m_title) {
        fitGridHeight();
        fitGridColumns();
        updateTitleFont();
    }
}

void FeaturePage::setPresentation(bool on)
{
    m_evidenceBox->setVisible(!on);
}

}  // namespace hicm::gui
