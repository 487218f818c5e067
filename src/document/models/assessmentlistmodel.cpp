#include "assessmentlistmodel.h"

#include <iterator>

#include <QStringList>

namespace hicm::document {

namespace {

constexpr int kRoles[] = {Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, ProfileRole};
constexpr int kProfileTop = 3;  // the bars' full height

}  // namespace

void AssessmentListModel::setSummaries(const std::vector<storage::AssessmentSummary> &summaries)
{
    syncRows(summaries, [](const storage::AssessmentSummary &s) { return s.id; }, answersDiffer(&cell, kRoles));
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

QVariant AssessmentListModel::data(const QModelIndex &index, int role) const
{
    const storage::AssessmentSummary *row = rowAt(index);
    return row ? cell(*row, index.column(), role) : QVariant();
}

QString AssessmentListModel::columnTitle(int column) const
{
    static const char *const titles[] = {
        QT_TR_NOOP("Area"),
        QT_TR_NOOP("Title"),
        QT_TR_NOOP("Date"),
        QT_TR_NOOP("Status"),
        QT_TR_NOOP("Progress"),
        QT_TR_NOOP("Profile")};
    static_assert(std::size(titles) == ColumnCount);
    return tr(titles[column]);
}

}  // namespace hicm::document
