// ReportSink's shared helpers and the charts' text alternatives.
#include "report_sink.h"

#include <QStringList>

namespace hicm::report {

QFont reportFont()
{
    QFont f;
    f.setFamilies({QStringLiteral("Liberation Sans"), QStringLiteral("Arial"), QStringLiteral("Helvetica"),
                   QStringLiteral("DejaVu Sans")});
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(10);
    return f;
}

ChartStyle reportChartStyle(qreal pxPerPt)
{
    ChartStyle s;
    s.pt = pxPerPt;
    s.font = reportFont();
    s.font.setPixelSize(qRound(9.0 * pxPerPt));
    return s;
}

void ReportSink::paragraph(const QString &text, const Style &style, qreal spaceAfterPt)
{
    const QStringList lines = QString(text).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i)
        paragraph(std::vector<Run>{{lines[i], style}}, i + 1 == lines.size() ? spaceAfterPt : 2);
}

void ReportSink::cell(int row, int column, const QString &text, const Style &style)
{
    cell(row, column, std::vector<Run>{{text, style}});
}

void ReportSink::radar(const RadarData &data, qreal heightPt)
{
    Figure f;
    f.kind = ChartKind::Radar;
    f.radar = std::make_shared<const RadarData>(data);
    f.heightPt = heightPt;
    f.alt = chartDescription(data);
    figure(f);
}

void ReportSink::heatMap(const HeatMapData &data, qreal heightPt)
{
    Figure f;
    f.kind = ChartKind::HeatMap;
    f.heatMap = std::make_shared<const HeatMapData>(data);
    f.heightPt = heightPt;
    f.alt = chartDescription(data);
    figure(f);
}

QString chartDescription(const RadarData &data)
{
    QStringList names;
    for (const auto &s : data.series)
        names << s.name;
    QString text = QStringLiteral("Radar chart of the level of each of %1 features, on a scale from %2 to %3 (%4). ")
                       .arg(data.axes.size())
                       .arg(data.minLevel)
                       .arg(data.maxLevel)
                       .arg(names.join(QStringLiteral(", ")));
    QStringList axes;
    for (std::size_t i = 0; i < data.axes.size(); ++i) {
        QStringList values;
        for (const auto &s : data.series)
            values << s.name + QLatin1Char(' ') +
                          (i < s.values.size() && s.values[i] ? QString::number(*s.values[i]) : QStringLiteral("none"));
        const RadarAxis &axis = data.axes[i];
        axes << axis.id + (axis.title.isEmpty() ? QString() : QLatin1Char(' ') + axis.title) + QStringLiteral(": ") +
                    values.join(QStringLiteral(", "));
    }
    return text + axes.join(QStringLiteral("; ")) + QLatin1Char('.');
}

QString chartDescription(const HeatMapData &data)
{
    QString text = QStringLiteral("Heat map of each partner organisation\u2019s level (from %1 to %2) for each of %3 features. ")
                       .arg(data.minLevel)
                       .arg(data.maxLevel)
                       .arg(data.columns.size());
    QStringList rows;
    const auto row = [&](const QString &name, const std::vector<std::optional<int>> &cells) {
        QStringList parts;
        for (std::size_t c = 0; c < data.columns.size(); ++c)
            parts << data.columns[c] + QLatin1Char(' ') +
                         (c < cells.size() && cells[c] ? QString::number(*cells[c]) : QStringLiteral("none"));
        rows << name + QStringLiteral(": ") + parts.join(QStringLiteral(", "));
    };
    for (std::size_t r = 0; r < data.rows.size(); ++r)
        row(data.rows[r], r < data.cells.size() ? data.cells[r] : std::vector<std::optional<int>>{});
    if (!data.summaryLabel.isEmpty())
        row(data.summaryLabel, data.summary);
    QStringList flagged;
    for (std::size_t c = 0; c < data.flagged.size() && c < data.columns.size(); ++c)
        if (data.flagged[c])
            flagged << data.columns[c];
    text += rows.join(QStringLiteral("; ")) + QLatin1Char('.');
    if (!flagged.isEmpty())
        text += QStringLiteral(" Marked as %1: %2.").arg(data.flaggedLabel, flagged.join(QStringLiteral(", ")));
    return text;
}

}  // namespace hicm::report
