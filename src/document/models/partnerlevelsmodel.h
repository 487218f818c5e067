// The partner grid of one feature: a row per partner (their level and their note on this feature), then
// the room's agreed row. It reads the open document's copy, never the file: after an edit it compares
// the rows it shows with the copy and tells the view exactly which cells changed (a level typed for one
// partner is that one cell; another feature's edit is nothing at all). A level set in the view
// (setData on the level column) is a typed edit handed to the sink, so it is undoable like any edit.
//
// A hidden round (the live room, before the reveal): the level column says only whether each partner
// has voted, and nothing the model answers (any role of any cell, the spread, the suggestion, the
// levels it reports to the page) depends on a level until the round is revealed.
#pragma once

#include "document.h"
#include "modelroles.h"
#include "rowtablemodel.h"

#include <QPointer>
#include <QSet>

#include <array>
#include <optional>
#include <vector>

namespace hicm::document {

// A cell of the partner grid as shown, and a row: a partner's (by storage id) or the room's agreed level.
struct PartnerLevelsCell {
    QString display;
    QString toolTip;
    QString accessible;
    QVariant edit;
    bool operator==(const PartnerLevelsCell &) const = default;
};
struct PartnerLevelsRow {
    qint64 id = 0;
    std::optional<int> level;  // never read while hidden
    std::array<PartnerLevelsCell, 3> cells;
};

class PartnerLevelsModel : public DocumentRowsModel<PartnerLevelsRow> {
    Q_OBJECT
public:
    enum Column { PartnerColumn, LevelColumn, NoteColumn, ColumnCount };
    static_assert(ColumnCount == std::tuple_size_v<decltype(PartnerLevelsRow::cells)>);

    PartnerLevelsModel(std::string featureId, EditSink sink, QObject *parent = nullptr);

    // The document shown (null: none). Another document is a reset; the same one does nothing.
    void setDocument(Document *document);
    const std::string &featureId() const { return m_featureId; }

    // While `hidden`, the level column shows "Voted" for the partners in `voted` (storage ids) and "Not yet"
    // for the others, the agreed row's level waits for the reveal, and no level can be read back.
    void setHiddenRound(bool hidden, const QSet<qint64> &voted = {});
    bool hiddenRound() const { return m_hidden; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // The level column: an int level, or 0 / nothing to clear. Hands one typed edit to the sink.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    int agreedRow() const { return rowCount() - 1; }
    bool isAgreedRow(int row) const { return row >= 0 && row == agreedRow(); }
    qint64 partnerId(int row) const;
    // What the page derives from the levels; all empty during a hidden round.
    std::optional<int> levelAt(int row) const;  // a partner's level, or the agreed level on the agreed row
    struct Spread {
        int scored = 0;
        int lowest = 0;
        int highest = 0;
    };
    Spread spread() const;
    // The lower median of the partners' levels (core medianRoundedDown), as the agreed level to suggest.
    std::optional<int> suggestion() const;
    // "2  Developing": a level as this feature's descriptors name it ("—" for none).
    QString levelText(std::optional<int> level) const;

private:
    QString columnTitle(int column) const override;
    using Cell = PartnerLevelsCell;
    using Row = PartnerLevelsRow;
    std::vector<Row> readRows() const;
    // Compares the rows read from the copy with those shown and tells the view what changed.
    void sync();

    std::string m_featureId;
    EditSink m_sink;
    bool m_hidden = false;
    QSet<qint64> m_voted;
};

}  // namespace hicm::document
