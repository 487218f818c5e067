// One feature's page of the guided walk, built from the framework data: the feature's text, the three
// level descriptors as large choices (click, or press 1 / 2 / 3), the partner grid with the agreed row,
// the agreed level's rationale, target, confidence and importance, evidence, data values and the
// targeted actions.
#pragma once

#include "assessment.h"
#include "framework.h"

#include <QSet>
#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

class QComboBox;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QTableView;

namespace hicm::document {
class MetricsModel;
class PartnerLevelsModel;
}

namespace hicm::gui {

class TextBlock;

class LevelCard;
class Session;

class FeaturePage : public QWidget {
    Q_OBJECT
public:
    FeaturePage(Session *session, const Feature &feature, QWidget *parent = nullptr);

    const std::string &featureId() const { return m_featureId; }
    // Re-reads the assessment; keeps what the user is typing.
    void refresh();
    // Records `level` (0 clears) for the row selected in the partner grid, then moves to the next row.
    void recordLevel(int level);
    // Presentation mode hides private notes (the evidence; Set-up hides the partners' contacts).
    void setPresentation(bool on);

    // The live room's hidden round: the grid says who has voted (partner ids in `voted`), never what, and
    // the spread, the suggestion and the cards wait for the reveal (document::PartnerLevelsModel).
    void setHiddenRound(bool hidden, const QSet<qint64> &voted = {});
    document::PartnerLevelsModel *partnerLevels() const { return m_levels; }

    QTableView *partnerGrid() const { return m_grid; }
    QPlainTextEdit *rationale() const { return m_rationale; }
    QComboBox *target() const { return m_target; }
    TextBlock *spreadWarning() const { return m_spread; }
    QPushButton *useSuggestion() const { return m_useSuggestion; }
    void showWholeGrid();  // scrolls the page so the partner grid is on the screen (after the room's reveal)
    // The lower median of the partners' levels, as the agreed level to suggest (nullopt: none scored).
    std::optional<int> suggestion() const;

signals:
    void addToPlanRequested(const std::string &featureId, const std::string &actionId);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateTitleFont();
    // The partner grid tall enough for every row, the agreed one included, at the current type size
    // (presentation mode too) and with a long name's wrapped lines: the room sees the agreed level without
    // scrolling the grid. Again whenever the rows are fitted to the names.
    void fitGridHeight();
    // The partners' names and their levels in full where the width allows (the room reads them off the
    // projector; a name wider than its column wraps onto more lines, never cut short); the notes take the
    // rest. Measured over every level's words, not only those shown, so the columns stay put as levels are
    // typed.
    void fitGridColumns();
    QScrollArea *pageScroll() const;  // the walk's scroll area holding this page (null on its own)
    void keepCurrentRowInView();
    void build(const Feature &feature);
    QWidget *buildLevels(const Feature &feature);
    QWidget *buildAgreement();
    QWidget *buildMetricFramework(const Feature &feature);
    QWidget *buildEvidence(const Feature &feature);
    // The data table's values and the actions' buttons, from the stored feature.
    void refreshMetrics(const FeatureAssessment *fa);
    void addOwnMetric();
    QWidget *buildActions(const Feature &feature);
    // Keeps the grid on the open document (another assessment starts on the first partner).
    void refreshGrid();
    // What the page derives from the grid's levels: the spread, the suggestion and the cards.
    void refreshDerived();
    void refreshCards();

    Session *m_session;
    const Feature &m_feature;
    std::string m_featureId;
    bool m_refreshing = false;
    std::int64_t m_shownAssessment = -1;  // the assessment the grid last showed
    std::vector<LevelCard *> m_cards;
    document::PartnerLevelsModel *m_levels = nullptr;
    QTableView *m_grid = nullptr;
    TextBlock *m_title = nullptr;
    TextBlock *m_previous = nullptr;
    TextBlock *m_spread = nullptr;
    TextBlock *m_suggestionLabel = nullptr;
    QPushButton *m_useSuggestion = nullptr;
    QPlainTextEdit *m_rationale = nullptr;
    QComboBox *m_target = nullptr;
    QComboBox *m_confidence = nullptr;
    QComboBox *m_weight = nullptr;
    QWidget *m_evidenceBox = nullptr;
    QPlainTextEdit *m_evidence = nullptr;
    document::MetricsModel *m_metricsModel = nullptr;
    QTableView *m_metrics = nullptr;
    std::vector<std::pair<std::string, QPushButton *>> m_actionButtons;
};

}  // namespace hicm::gui
