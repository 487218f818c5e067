#include "partnerlevelsmodel.h"

#include <iterator>

#include "prioritisation.h"
#include "text.h"

#include <QCoreApplication>

#include <algorithm>

namespace hicm::document {

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

}  // namespace

PartnerLevelsModel::PartnerLevelsModel(std::string featureId, EditSink sink, QObject *parent)
    : DocumentRowsModel(ColumnCount, parent), m_featureId(std::move(featureId)), m_sink(std::move(sink))
{
}

void PartnerLevelsModel::setDocument(Document *document)
{
    if (!showDocument(document, [this] { return readRows(); }) || !m_document)
        return;
    connect(m_document, &Document::featureChanged, this, [this](const QString &featureId) {
        if (featureId.toStdString() == m_featureId)
            sync();
    });
    for (auto signal : {&Document::partnersChanged, &Document::reloaded})
        connect(m_document, signal, this, &PartnerLevelsModel::sync);
}

void PartnerLevelsModel::setHiddenRound(bool hidden, const QSet<qint64> &voted)
{
    if (hidden == m_hidden && (!hidden || voted == m_voted))
        return;
    m_hidden = hidden;
    m_voted = hidden ? voted : QSet<qint64>{};
    sync();
}

QString PartnerLevelsModel::levelText(std::optional<int> level) const
{
    if (!m_document || !level)
        return QStringLiteral("—");
    const Framework &fw = m_document->framework();
    const Feature *feature = fw.feature(m_featureId);
    const FeatureLevel *fl = feature ? feature->level(*level) : nullptr;
    const Level *l = fw.level(*level);
    if (!l)
        return QStringLiteral("—");
    return QStringLiteral("%1  %2").arg(l->id).arg(qs(fl ? fl->label.text : l->label.text));
}

std::vector<PartnerLevelsModel::Row> PartnerLevelsModel::readRows() const
{
    const Assessment &a = m_document->assessment();
    const FeatureAssessment *fa = a.feature(m_featureId);
    std::vector<Row> rows;
    rows.reserve(a.partners.size() + 1);
    for (const Partner &p : a.partners) {
        const PartnerLevel *pl = fa ? fa->partnerLevel(p.organisation) : nullptr;
        Row row;
        row.id = p.id;
        const QString name = shown(p.organisation);
        row.cells[PartnerColumn] = {name, QCoreApplication::translate("OrgType", label(p.type)), {}, {}};
        if (m_hidden) {
            const bool voted = m_voted.contains(p.id);
            row.cells[LevelColumn] = {voted ? tr("Voted") : tr("Not yet"), {},
                                      voted ? tr("%1 has voted").arg(name) : tr("%1 has not voted yet").arg(name), {}};
            // A partner's note on this feature is part of their view: it waits for the reveal too.
            row.cells[NoteColumn] = {{}, {}, tr("%1's note is shown after the reveal").arg(name), {}};
            rows.push_back(std::move(row));
            continue;
        }
        if (pl)
            row.level = pl->level;
        row.cells[LevelColumn] = {levelText(row.level), {}, {}, pl ? QVariant(pl->level) : QVariant()};
        const QString note = pl ? shown(pl->note) : QString();
        row.cells[NoteColumn] = {QString(note).replace(QLatin1Char('\n'), QLatin1Char(' ')), note,
                                 note.isEmpty() ? tr("No note from %1").arg(name) : note, {}};
        rows.push_back(std::move(row));
    }
    Row agreed;
    agreed.id = kAgreedRowId;
    agreed.cells[PartnerColumn] = {tr("Agreed (the room)"), {}, {}, {}};
    if (m_hidden) {
        agreed.cells[LevelColumn] = {tr("After the reveal"), {}, tr("The room agrees its level after the reveal"), {}};
    } else {
        agreed.level = fa ? fa->agreedLevel : std::nullopt;
        agreed.cells[LevelColumn] = {levelText(agreed.level), {}, {}, agreed.level ? QVariant(*agreed.level) : QVariant()};
    }
    agreed.cells[NoteColumn] = {{}, {}, tr("The room's agreed level has its rationale beside the grid"), {}};
    rows.push_back(std::move(agreed));
    return rows;
}

void PartnerLevelsModel::sync()
{
    if (!m_document)
        return;
    // One partner added or removed (the usual case) moves the rows after it; anything else is a reset. Then
    // exactly the cells whose text changed.
    syncRows(readRows(), [](const Row &r) { return r.id; }, [](const Row &a, const Row &b, int column) {
        return !(a.cells[static_cast<std::size_t>(column)] == b.cells[static_cast<std::size_t>(column)]);
    });
}

QVariant PartnerLevelsModel::data(const QModelIndex &index, int role) const
{
    const Row *shown = rowAt(index);
    if (!shown)
        return {};
    const Row &row = *shown;
    const Cell &cell = row.cells[static_cast<std::size_t>(index.column())];
    switch (role) {
    case Qt::DisplayRole:
        return cell.display;
    case Qt::EditRole:
        return cell.edit;
    case Qt::ToolTipRole:
        return cell.toolTip.isEmpty() ? QVariant() : QVariant(cell.toolTip);
    case Qt::AccessibleTextRole:
        return cell.accessible.isEmpty() ? QVariant() : QVariant(cell.accessible);
    case IdRole:
        return QVariant::fromValue<qlonglong>(row.id);
    case EmphasisRole:
        return row.id == kAgreedRowId;
    default:
        return {};
    }
}

QString PartnerLevelsModel::columnTitle(int column) const
{
    static const char *const titles[] = {
        QT_TR_NOOP("Partner"),
        QT_TR_NOOP("Level"),
        QT_TR_NOOP("Partner's note")};
    static_assert(std::size(titles) == ColumnCount);
    return tr(titles[column]);
}

Qt::ItemFlags PartnerLevelsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (index.column() == LevelColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool PartnerLevelsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != LevelColumn || !m_document || !m_sink ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    bool ok = true;
    const int level = value.isValid() ? value.toInt(&ok) : 0;
    if (!ok || level < 0)
        return false;
    const std::optional<int> now = level > 0 ? std::optional<int>(level) : std::nullopt;
    storage::FeatureEdit edit;
    const qint64 id = m_rows[static_cast<std::size_t>(index.row())].id;
    if (id == kAgreedRowId)
        edit.agreedLevel = now;
    else
        edit.partnerLevels.push_back({id, now, std::nullopt});
    m_sink(EditFeature{m_featureId, edit});  // the cell changes when the document says the edit is stored
    return true;
}

qint64 PartnerLevelsModel::partnerId(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].id : 0;
}

std::optional<int> PartnerLevelsModel::levelAt(int row) const
{
    if (m_hidden || row < 0 || row >= rowCount())
        return std::nullopt;
    return m_rows[static_cast<std::size_t>(row)].level;
}

PartnerLevelsModel::Spread PartnerLevelsModel::spread() const
{
    Spread s;
    if (m_hidden)
        return s;
    s.lowest = 99;
    for (const Row &r : m_rows)
        if (r.id != kAgreedRowId && r.level) {
            s.lowest = std::min(s.lowest, *r.level);
            s.highest = std::max(s.highest, *r.level);
            ++s.scored;
        }
    if (s.scored == 0)
        s.lowest = 0;
    return s;
}

std::optional<int> PartnerLevelsModel::suggestion() const
{
    if (m_hidden)
        return std::nullopt;
    std::vector<int> levels;
    for (const Row &r : m_rows)
        if (r.id != kAgreedRowId && r.level)
            levels.push_back(*r.level);
    // The same rule as the prioritisation engine: the median rounded down, never more than half the room saw.
    return medianRoundedDown(levels);
}

}  // namespace hicm::document
