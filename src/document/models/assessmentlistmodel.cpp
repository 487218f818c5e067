#include "assessmentlistmodel.h"

#include "rowchange.h"

#include <QStringList>

namespace hicm::document {

namespace {

constexpr int kRoles[] = {Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, ProfileRole};
constexpr int kProfileTop = 3;  // the bars' full height

}  // namespace

void AssessmentListModel::setSummaries(const std::vector<storage::AssessmentSummary> &summaries)
{
    auto ids = [](const std::vector<storage::AssessmentSummary> &rows) {
        std::vector<std::int64_t> out;
        for (const auto &s : rows)
            out.push_back(s.id);
        return out;
    };
    switch (const RowChange change = rowChange(ids(m_rows), ids(summaries)); change.kind) {
    case RowChange::Same:
        break;
    case RowChange::Inserted:
        beginInsertRows({}, change.at, change.at);
        m_rows.insert(m_rows.begin() + change.at, summaries[static_cast<std::size_t>(change.at)]);
        endInsertRows();
        break;
    case RowChange::Removed:
        beginRemoveRows({}, change.at, change.at);
        m_rows.erase(m_rows.begin() + change.at);
        endRemoveRows();
        break;
    case RowChange::Other:
        beginResetModel();
        m_rows = summaries;
        endResetModel();
        return;
    }
    for (std::size_t r = 0; r < summaries.size(); ++r) {
        const storage::AssessmentSummary old = std::exchange(m_rows[r], summaries[r]);
        for (int c = 0; c < ColumnCount; ++c)
            for (int role : kRoles)
                if (cell(old, c, role) != cell(summaries[r], c, role)) {
                    const QModelIndex changed = index(static_cast<int>(r), c);
                    emit dataChanged(changed, changed);
                    break;
                }
    }
}

QVariant AssessmentListModel::cell(const storage::AssessmentSummary &s, int column, int role)
{
    if (role == IdRole)
        return QVariant::fromValue<qlonglong>(s.id);
    if (column == ProfileColumn) {
        // Each role builds only its own answer: a view asks a cell for a dozen roles each time it paints it.
        const auto described = [&s](const QString &separator) {
            QStringList parts;
            for (const auto &[feature, level] : s.levels)
                parts << QString::fromStdString(feature) + ": " + (level ? QString::number(*level) : tr("not agreed"));
            return parts.join(separator);
        };
        switch (role) {
        case ProfileRole: {
            QVariantList levels;
            levels.reserve(static_cast<qsizetype>(s.levels.size()));
            for (const auto &entry : s.levels)
                levels << (entry.second ? *entry.second : 0);
            return levels;
        }
        case ProfileTopRole:
            return kProfileTop;
        case Qt::AccessibleTextRole:
            return described(QStringLiteral(", "));
        case Qt::ToolTipRole:
            return described(QStringLiteral("\n"));
        case Qt::DisplayRole:
            return QString();
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case AreaColumn:
        return QString::fromStdString(s.area);
    case TitleColumn:
        return QString::fromStdString(s.title);
    case DateColumn:
        return QString::fromStdString(s.date);
    case StatusColumn:
        return s.status == AssessmentStatus::Final ? tr("Final") : tr("Draft");
    case ProgressColumn:
        return tr("%1 of %2 agreed").arg(s.agreedCount).arg(s.featureCount);
    default:
        return {};
    }
}

int AssessmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AssessmentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AssessmentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return cell(m_rows[static_cast<std::size_t>(index.row())], index.column(), role);
}

QVariant AssessmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AreaColumn:
        return tr("Area");
    case TitleColumn:
        return tr("Title");
    case DateColumn:
        return tr("Date");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Progress");
    case ProfileColumn:
        return tr("Profile");
    default:
        return {};
    }
}

}  // namespace hicm::document
