// The cover and the one-page summary; composeReport() puts all the sections together.
#include "report_data.h"
#include "report_sections.h"

#include "compare.h"

#include <QDate>

namespace hicm::report {

QString prettyDate(const std::string &isoDate)
{
    if (isoDate.empty())
        return QStringLiteral("undated");
    const QDate d = QDate::fromString(qs(isoDate), Qt::ISODate);
    return d.isValid() ? d.toString(QStringLiteral("d MMMM yyyy")) : qs(isoDate);
}

QString previousName(const Assessment &previous)
{
    return QStringLiteral("Previous assessment (%1)").arg(prettyDate(previous.date));
}

void writeCoverSheet(const Section &s)
{
    if (!s.in.cover)
        return;
    const CoverSheet &cs = *s.in.cover;
    ReportSink &c = s.c;
    c.heading(1, QStringLiteral("Board cover sheet"));
    std::vector<std::pair<QString, QString>> facts{
        {QStringLiteral("Report"), qs(s.in.assessment.area) + QStringLiteral(": intermediate care self-assessment, ") +
                                       prettyDate(s.in.assessment.date)}};
    if (!cs.purpose.trimmed().isEmpty())
        facts.push_back({QStringLiteral("Purpose"), QStringLiteral("For ") + cs.purpose.trimmed().toLower()});
    c.facts(facts, 24);
    if (!cs.summary.trimmed().isEmpty()) {
        c.heading(2, QStringLiteral("Summary"));
        c.paragraph(cs.summary.trimmed());
    }
    const auto list = [&](const QString &title, const QStringList &items) {
        QStringList kept;
        for (const QString &i : items)
            if (!i.trimmed().isEmpty())
                kept << i.trimmed();
        if (kept.isEmpty())
            return;
        c.heading(2, title);
        c.beginList();
        for (const QString &i : kept)
            c.bullet({{i, styles::body}}, 3);
        c.endList();
    };
    list(QStringLiteral("Recommendations"), cs.recommendations);
    list(QStringLiteral("Risks"), cs.risks);
    c.pageBreak();
}

void writeCover(const Section &s)
{
    ReportSink &c = s.c;
    const Assessment &a = s.in.assessment;
    const Framework &fw = s.in.framework;
    c.spacer(36);
    c.paragraph(qs(fw.meta.title).toUpper(), {10, true, false, styles::accent}, 2);
    c.paragraph(QStringLiteral("Self-assessment report"), {15, false, false, styles::accent}, 30);
    c.title(qs(a.area), {28, true, false, QColor(0x11, 0x11, 0x11)}, 4);
    if (!a.title.empty())
        c.paragraph(qs(a.title), {15, false, false, QColor(0x33, 0x33, 0x33)}, 4);
    c.spacer(18);
    std::vector<std::pair<QString, QString>> facts{
        {QStringLiteral("Workshop"), prettyDate(a.date)},
        {QStringLiteral("Facilitator"), a.facilitator.empty() ? QStringLiteral("not recorded") : qs(a.facilitator)},
        {QStringLiteral("Status"), a.status == AssessmentStatus::Final
                                       ? QStringLiteral("Final")
                                       : QStringLiteral("Draft: levels may still change")},
        {QStringLiteral("Framework"), qs(fw.meta.title) + QStringLiteral(", ") + qs(fw.meta.edition)},
    };
    if (s.in.previous) {
        const Assessment &p = *s.in.previous;
        QString text = prettyDate(p.date) + (p.title.empty() ? QString() : QStringLiteral(", ") + qs(p.title));
        if (p.area != a.area)
            text += QStringLiteral(" (another area: ") + qs(p.area) + QLatin1Char(')');
        facts.push_back({QStringLiteral("Compared with"), text});
    }
    facts.push_back({QStringLiteral("Report produced"), s.in.producedOn.toString(QStringLiteral("d MMMM yyyy"))});
    c.facts(facts, 24);
    c.heading(2, QStringLiteral("Partner organisations"));
    if (a.partners.empty()) {
        c.paragraph(QStringLiteral("No partner organisations are recorded."));
        return;
    }
    c.beginTable({QStringLiteral("Partner organisations"), {QStringLiteral("Organisation"), QStringLiteral("Type")}, {64, 36},
                  int(a.partners.size()), true});
    for (int r = 0; r < int(a.partners.size()); ++r) {
        const Partner &p = a.partners[std::size_t(r)];
        c.cell(r, 0, qs(p.organisation), styles::small);
        c.cell(r, 1, QString::fromUtf8(label(p.type)), styles::small);
    }
    c.endTable();
}

namespace {

// "2 Established": the level and the feature's own label for it, in the framework given.
QString levelWords(const Framework &fw, const std::string &featureId, int level)
{
    const Feature *f = fw.feature(featureId);
    const QString label = f ? featureLevelLabel(*f, level) : QString();
    return label.isEmpty() || label == QString::number(level) ? QString::number(level)
                                                              : QString::number(level) + QLatin1Char(' ') + label;
}

// Every feature whose agreed level changed, went up or down, or was agreed only then or only now, in the
// framework's order: declines in the same list, in the same words, as gains.
void writeMovements(const Section &s)
{
    ReportSink &c = s.c;
    const Comparison &cmp = *s.comparison;
    c.heading(2, QStringLiteral("What has moved since %1").arg(prettyDate(s.in.previous->date)));
    int up = 0, down = 0, added = 0, gone = 0, same = 0;
    std::vector<std::pair<const FeatureComparison *, QString>> rows;
    for (const auto &f : cmp.features) {
        const auto before = [&] { return levelWords(s.previousFramework(), f.featureId, *f.levelBefore); };
        const auto after = [&] { return levelWords(s.in.framework, f.featureId, *f.levelAfter); };
        QString what;
        if (f.levelBefore && f.levelAfter && f.delta() != 0) {
            (f.delta() > 0 ? up : down)++;
            what = QStringLiteral("went %1 from %2 to %3")
                       .arg(f.delta() > 0 ? QStringLiteral("up") : QStringLiteral("down"), before(), after());
        } else if (!f.levelBefore && f.levelAfter) {
            ++added;
            what = QStringLiteral("newly agreed at ") + after();
        } else if (f.levelBefore && !f.levelAfter) {
            ++gone;
            what = QStringLiteral("no longer agreed (was ") + before() + QLatin1Char(')');
        } else {
            ++same;
            continue;
        }
        rows.emplace_back(&f, what);
    }
    if (rows.empty()) {
        c.paragraph(QStringLiteral("No feature\u2019s agreed level has changed."));
        return;
    }
    QStringList counts;
    const auto count = [&](int n, const char *words) {
        if (n > 0)
            counts << QStringLiteral("%1 %2 %3").arg(numberWord(n), n == 1 ? QStringLiteral("feature") : QStringLiteral("features"),
                                                     QString::fromUtf8(words));
    };
    count(up, "went up");
    count(down, "went down");
    count(added, "newly agreed");
    count(gone, "no longer agreed");
    count(same, "unchanged");
    c.paragraph(capitalised(counts.join(QStringLiteral(", "))) + QLatin1Char('.'), styles::body, 3);
    c.beginList();
    for (const auto &[f, what] : rows)
        c.bullet({{qs(f->featureId) + QLatin1Char(' ') + qs(f->title) + QStringLiteral(": "), styles::smallStrong},
                  {what, styles::small}},
                 1);
    c.endList();
}

}  // namespace

void writeSummary(const Section &s)
{
    ReportSink &c = s.c;
    const Prioritisation &p = s.in.prioritisation;
    c.heading(1, QStringLiteral("Summary"), true);
    c.paragraph(profileSentence(s.in.framework, p), styles::lead, 6);
    const RadarData radar =
        radarFor(s.in.framework, p, s.comparison, s.in.previous ? previousName(*s.in.previous) : QString());
    // Smaller when the page also says what has moved, so that the summary stays one page: 240 pt gives a plot
    // about twice as wide as 190 did (its labels wrap less) and leaves about 50 pt at the foot of the sample's
    // summary (tests/report: three changes with the room's reasons, four features moved).
    c.radar(radar, std::min<qreal>(s.in.previous ? 240 : 300, radarHeight(radar, reportChartStyle(1.0), c.textWidthPt())));

    c.heading(2, QStringLiteral("What to do first"));
    const AgreedPlan plan = agreedPlan(p);
    if (plan.steps.empty()) {
        c.paragraph(plan.leftOut.empty()
                        ? QStringLiteral("No change is recommended: every scored feature has reached its target.")
                        : QStringLiteral("No change is in the plan the partners agreed."));
    } else {
        if (plan.adjusted)
            c.paragraph(QStringLiteral("The order the partners agreed, with where and why it differs from the "
                                       "method\u2019s:"),
                        styles::note, 2);
        const std::size_t shown = std::min<std::size_t>(3, plan.steps.size());
        for (std::size_t i = 0; i < shown; ++i) {
            const AgreedStep &step = plan.steps[i];
            c.paragraph({{QStringLiteral("%1. ").arg(step.rank), styles::strong},
                         {changeName(step.id, step.title), styles::strong}},
                        1);
            // The room's own decisions; a change that only moved because of them says so on the changes page.
            if ((step.pinned || !step.broughtForwardBy.empty()) && !step.difference.empty()) {
                c.paragraph({{qs(step.difference), styles::smallStrong}}, 1, 13);
                c.keepWithNext();
            }
            c.paragraph({{qs(step.why), styles::small}}, 4, 13);
        }
        if (plan.steps.size() > shown)
            c.paragraph(QStringLiteral("%1 more change%2 follow%3 in \u201cPrioritised changes\u201d.")
                            .arg(capitalised(numberWord(int(plan.steps.size() - shown))))
                            .arg(plan.steps.size() - shown == 1 ? QString() : QStringLiteral("s"))
                            .arg(plan.steps.size() - shown == 1 ? QStringLiteral("s") : QString()),
                        styles::note);
    }
    if (!plan.leftOut.empty()) {
        c.beginList();
        for (const auto &out : plan.leftOut)
            c.bullet({{qs(out.difference), styles::small}});
        c.endList();
    }
    if (s.in.previous)
        writeMovements(s);
}

void composeReport(const ReportInput &input, ReportSink &sink)
{
    std::optional<Comparison> comparison;
    if (input.previous)
        comparison = compareAssessments(input.previousFramework ? *input.previousFramework : input.framework,
                                        *input.previous, input.framework, input.assessment);
    const Section s{input, sink, comparison ? &*comparison : nullptr};
    writeCoverSheet(s);
    writeCover(s);
    writeSummary(s);
    writeFeatureTable(s);
    writeFeatureSections(s);
    writeChanges(s);
    writeActionPlan(s);
    writePartners(s);
    writePeers(s);
    writeAppendix(s);
}

}  // namespace hicm::report
