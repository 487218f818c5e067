// The features at a glance (table and findings) and the features in detail.
#include "report_data.h"
#include "report_sections.h"


#include <cstdlib>

#include <utility>

namespace hicm::report {

namespace {

const QColor kZebra(0xf4, 0xf5, 0xf7);

QString levelCell(const Feature *f, std::optional<int> level)
{
    if (!level)
        return QStringLiteral("Not scored");
    return f ? QStringLiteral("%1 %2").arg(*level).arg(featureLevelLabel(*f, *level)) : QString::number(*level);
}

// The "Since" cell from the core's comparison (nullptr: a feature the earlier edition does not have).
QString sinceCell(const FeatureComparison *f, std::optional<int> now)
{
    const std::optional<int> before = f ? f->levelBefore : std::nullopt;
    if (!before)
        return now ? QStringLiteral("not scored then") : QStringLiteral("\u2013");
    if (!now)
        return QStringLiteral("was %1").arg(*before);
    const int d = f->delta();
    if (d == 0)
        return QStringLiteral("no change (%1)").arg(*now);
    return QStringLiteral("%1 %2 %3 (was %4)")
        .arg(d > 0 ? QStringLiteral("\u25b2 up") : QStringLiteral("\u25bc down"))
        .arg(std::abs(d))
        .arg(std::abs(d) == 1 ? QStringLiteral("level") : QStringLiteral("levels"))
        .arg(*before);
}

QString featureList(const std::vector<FeatureInput> &features)
{
    QStringList out;
    for (const auto &in : features)
        out << qs(in.featureId) + QLatin1Char(' ') + qs(in.title);
    return out.join(QStringLiteral("; "));
}

void writeFindings(const Section &s)
{
    ReportSink &c = s.c;
    const Findings &f = s.in.prioritisation.findings;
    c.heading(2, QStringLiteral("Findings"));
    bool any = false;
    auto item = [&](const QString &what, const QString &list) {
        if (!std::exchange(any, true))
            c.beginList();
        c.bullet({{what, styles::strong}, {list, styles::body}});
    };
    if (!f.noSharedView.empty())
        item(QStringLiteral("No shared view yet: "),
             featureList(f.noSharedView) +
                 QStringLiteral(". Partners are two or more levels apart: a signal in itself for shared "
                                "accountability and system metrics (see \u201cWhere partners differ\u201d)."));
    if (!f.lowConfidence.empty())
        item(QStringLiteral("Low confidence: "),
             featureList(f.lowConfidence) + QStringLiteral(". Check the data before acting on these levels."));
    if (!f.provisional.empty())
        item(QStringLiteral("Provisional: "),
             featureList(f.provisional) + QStringLiteral(". No level agreed yet; the partners\u2019 median is used."));
    if (!f.notScored.empty())
        item(QStringLiteral("Not scored yet: "), featureList(f.notScored) + QLatin1Char('.'));
    if (any)
        c.endList();
    else
        c.paragraph(QStringLiteral("Partners were within one level of each other on every feature, every feature "
                                   "is agreed, and none was scored with low confidence."));
}

}  // namespace

void writeFeatureTable(const Section &s)
{
    ReportSink &c = s.c;
    const Framework &fw = s.in.framework;
    const Prioritisation &p = s.in.prioritisation;
    const bool compare = s.in.previous != nullptr;
    c.heading(1, QStringLiteral("The features at a glance"), true);
    QStringList scale;
    for (const auto &l : fw.levels)
        scale << levelText(fw, l.id);
    c.paragraph(QStringLiteral("Levels on the framework\u2019s scale: %1. The gap is how many levels a feature is "
                               "short of its target; the partners column gives the lowest and highest level the "
                               "partner organisations gave.")
                    .arg(scale.join(QStringLiteral(", "))),
                styles::note, 4);
    std::vector<QString> header{QStringLiteral("Feature"), QStringLiteral("Agreed"), QStringLiteral("Target"),
                                QStringLiteral("Gap"), QStringLiteral("Confidence"), QStringLiteral("Partners")};
    std::vector<qreal> widths{33, 15, 14, 6, 13, 19};
    if (compare) {
        header.push_back(QStringLiteral("Since ") + prettyDate(s.in.previous->date));
        widths = {26, 14, 12.5, 5.5, 12, 14, 16};
    }
    c.beginTable({QStringLiteral("Each feature’s agreed and target level, gap, confidence and partners’ levels"),
                  header, widths, int(p.inputs.size()), true});
    for (int r = 0; r < int(p.inputs.size()); ++r) {
        const FeatureInput &in = p.inputs[std::size_t(r)];
        const Feature *f = fw.feature(in.featureId);
        const QColor fill = r % 2 ? kZebra : QColor();
        c.cell(r, 0, {{qs(in.featureId) + QLatin1Char(' '), styles::smallStrong}, {qs(in.title), styles::small}}, fill);
        std::vector<Run> agreed{{levelCell(f, in.level), styles::small}};
        if (in.level && in.provisional)
            agreed.push_back({QStringLiteral(" (provisional)"), styles::note});
        c.cell(r, 1, agreed, fill);
        c.cell(r, 2, {{levelCell(f, in.target), styles::small}}, fill);
        c.cell(r, 3, {{in.level ? QString::number(in.gap) : QStringLiteral("\u2013"),
                            in.gap > 0 ? styles::smallStrong : styles::small}},
               fill);
        c.cell(r, 4, {{confidenceText(in.confidence), styles::small}}, fill);
        const QString spread = spreadText(in);
        c.cell(r, 5, {{spread.isEmpty() ? QStringLiteral("none given") : spread,
                            in.partnerSpread >= 2 ? styles::smallStrong : styles::small}},
               fill);
        if (compare)
            c.cell(r, 6, {{sinceCell(featureComparison(s.comparison, in.featureId), agreedLevel(s.in.assessment, in.featureId)),
                                styles::small}},
                   fill);
    }
    c.endTable();
    writeFindings(s);
}

void writeFeatureSections(const Section &s)
{
    ReportSink &c = s.c;
    const Framework &fw = s.in.framework;
    const Assessment &a = s.in.assessment;
    c.heading(1, QStringLiteral("The features in detail"), true);
    for (const auto &in : s.in.prioritisation.inputs) {
        const Feature *f = fw.feature(in.featureId);
        const FeatureAssessment *fa = a.feature(in.featureId);
        if (!f)
            continue;
        c.heading(2, featureName(*f));
        const Style label{9.5, true, false, QColor(0x44, 0x44, 0x44)};
        const Style value{9.5, false, false, QColor(0x1a, 0x1a, 0x1a)};
        const QString sep = QStringLiteral("   \u00b7   ");
        std::vector<Run> line{{in.provisional ? QStringLiteral("Provisional level ") : QStringLiteral("Agreed "), label},
                              {levelCell(f, in.level), value},
                              {sep + QStringLiteral("Target "), label},
                              {levelCell(f, in.target), value},
                              {sep + QStringLiteral("Gap "), label},
                              {in.level ? QString::number(in.gap) : QStringLiteral("\u2013"), value},
                              {sep + QStringLiteral("Confidence "), label},
                              {confidenceText(in.confidence), value},
                              {sep + QStringLiteral("Importance "), label},
                              {QStringLiteral("%1 of 3").arg(in.weight), value}};
        c.paragraph(line, 4);
        c.keepWithNext();
        const FeatureAssessment *before = s.in.previous ? s.in.previous->feature(in.featureId) : nullptr;
        if (in.level) {
            if (const FeatureLevel *lv = f->level(*in.level)) {
                c.heading(4, QStringLiteral("What level %1 (%2) looks like").arg(*in.level).arg(qs(lv->label.text)));
                c.quotation(qs(lv->descriptor.text));
            }
        }
        if (fa && !fa->rationale.empty()) {
            c.heading(4, QStringLiteral("Why the partners agreed this level"));
            c.paragraph(qs(fa->rationale));
        }
        if (fa && !fa->evidence.empty()) {
            c.heading(4, QStringLiteral("Evidence"));
            c.paragraph(qs(fa->evidence));
        }
        if (!in.partnerLevels.empty()) {
            c.heading(4, QStringLiteral("Partners\u2019 levels"));
            c.paragraph(partnerLevelsText(in), styles::small, 3);
            bool listed = false;
            for (const auto &pl : fa ? fa->partnerLevels : std::vector<PartnerLevel>{})
                if (!pl.note.empty()) {
                    if (!std::exchange(listed, true))
                        c.beginList();
                    c.bullet({{qs(pl.partner) + QStringLiteral(": "), styles::smallStrong}, {qs(pl.note), styles::small}});
                }
            if (listed)
                c.endList();
        }
        if (fa && !fa->metrics.empty()) {
            c.heading(4, QStringLiteral("Metrics"));
            c.beginTable({QStringLiteral("Metrics of ") + featureName(*f),
                          {QStringLiteral("Measure"), QStringLiteral("Value"), QStringLiteral("Period"), QStringLiteral("Source")},
                          {46, 18, 16, 20},
                          int(fa->metrics.size())});
            for (int r = 0; r < int(fa->metrics.size()); ++r) {
                const MetricValue &m = fa->metrics[std::size_t(r)];
                const Item *item = f->metric(m.metricId);
                c.cell(r, 0, item ? qs(item->text.text) : qs(m.metricId));
                c.cell(r, 1, qs(m.value) + (m.unit.empty() ? QString() : QLatin1Char(' ') + qs(m.unit)));
                c.cell(r, 2, qs(m.period));
                c.cell(r, 3, qs(m.source));
            }
            c.endTable();
        }
        if (before && (before->agreedLevel || !before->rationale.empty())) {
            c.heading(4, QStringLiteral("Previously (%1)").arg(prettyDate(s.in.previous->date)));
            QString text = QStringLiteral("Agreed level: ") + levelCell(f, before->agreedLevel) + QLatin1Char('.');
            if (!before->rationale.empty())
                text += QLatin1Char(' ') + qs(before->rationale);
            c.paragraph(text, styles::small);
        }
    }
}

}  // namespace hicm::report
