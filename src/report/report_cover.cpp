// The cover and the one-page summary; composeReport() puts all the sections together.
#include "report_data.h"
#include "report_sections.h"

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

void writeCover(const Section &s)
{
    Composer &c = s.c;
    const Assessment &a = s.in.assessment;
    const Framework &fw = s.in.framework;
    c.spacer(36);
    c.paragraph(qs(fw.meta.title).toUpper(), {10, true, false, styles::accent}, 2);
    c.paragraph(QStringLiteral("Self-assessment report"), {15, false, false, styles::accent}, 30);
    c.paragraph(qs(a.area), {28, true, false, QColor(0x11, 0x11, 0x11)}, 4);
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
    QTextTable *t = c.table({QStringLiteral("Organisation"), QStringLiteral("Type")}, {64, 36}, int(a.partners.size()));
    for (int r = 0; r < int(a.partners.size()); ++r) {
        const Partner &p = a.partners[std::size_t(r)];
        c.cell(t, r + 1, 0, qs(p.organisation), styles::small);
        c.cell(t, r + 1, 1, QString::fromUtf8(label(p.type)), styles::small);
    }
    c.leaveTable();
}

namespace {

QString whyShort(const RankedChange &rc)
{
    QStringList drivers;
    for (std::size_t i = 0; i < rc.drivers.size() && i < 2; ++i) {
        const Contribution &d = rc.drivers[i];
        drivers << QStringLiteral("%1 %2 (level %3, target %4)")
                       .arg(qs(d.featureId), qs(d.title))
                       .arg(d.level)
                       .arg(d.target);
    }
    QString s = QStringLiteral("Furthest short: ") + drivers.join(QStringLiteral("; "));
    if (rc.drivers.size() > 2)
        s += QStringLiteral("; and %1 more").arg(numberWord(int(rc.drivers.size() - 2)));
    if (!rc.priorityFrom.empty())
        s += QStringLiteral(". Brought forward: HIC %1 needs it first").arg(qs(rc.priorityFrom));
    else if (!rc.requiredBy.empty())
        s += QStringLiteral(". HIC %1 needs it first").arg(qs(rc.requiredBy.front().change));
    if (rc.provisional)
        s += QStringLiteral(" (rests on a provisional level)");
    return s + QLatin1Char('.');
}

}  // namespace

void writeSummary(const Section &s)
{
    Composer &c = s.c;
    const Prioritisation &p = s.in.prioritisation;
    c.heading(1, QStringLiteral("Summary"), true);
    c.paragraph(profileSentence(s.in.framework, p), styles::lead, 6);
    const RadarData radar =
        radarFor(s.in.framework, p, s.in.previous, s.in.previous ? previousName(*s.in.previous) : QString());
    c.radar(radar, std::min<qreal>(300, radarHeight(radar, c.chartStyle(1.0), c.textWidthPt())));

    c.heading(2, QStringLiteral("What to do first"));
    if (p.changes.empty()) {
        c.paragraph(QStringLiteral("No change is recommended: every scored feature has reached its target."));
    } else {
        const std::size_t shown = std::min<std::size_t>(3, p.changes.size());
        for (std::size_t i = 0; i < shown; ++i) {
            const RankedChange &rc = p.changes[i];
            c.paragraph({{QStringLiteral("%1. ").arg(rc.rank), styles::strong},
                         {changeName(rc.id, rc.title), styles::strong},
                         {QStringLiteral("  \u2014 ") + QString::fromUtf8(label(rc.phase)), styles::body}},
                        1);
            c.paragraph({{whyShort(rc), styles::small}}, 6, 13);
        }
        QString rest;
        if (p.changes.size() > shown)
            rest = QStringLiteral("%1 more recommended change%2 follow%3 in \u201cPrioritised changes\u201d. ")
                       .arg(capitalised(numberWord(int(p.changes.size() - shown))))
                       .arg(p.changes.size() - shown == 1 ? QString() : QStringLiteral("s"))
                       .arg(p.changes.size() - shown == 1 ? QStringLiteral("s") : QString());
        if (!p.overrides.empty())
            rest += QStringLiteral("The facilitator adjusted this order; the adjustment is shown beside the "
                                   "engine\u2019s sequence in \u201cPrioritised changes\u201d.");
        if (!rest.isEmpty())
            c.paragraph(rest.trimmed(), styles::note);
    }

    if (!s.in.previous)
        return;
    c.heading(2, QStringLiteral("What has moved since %1").arg(prettyDate(s.in.previous->date)));
    const auto moved = biggestMovements(movements(s.in.framework, s.in.assessment, *s.in.previous), 4);
    if (moved.empty()) {
        c.paragraph(QStringLiteral("No feature\u2019s agreed level has changed."));
        return;
    }
    for (const auto &m : moved) {
        const int d = m.delta();
        c.bullet({{qs(m.featureId) + QLatin1Char(' ') + m.title, styles::strong},
                  {QStringLiteral(": level %1 \u2192 %2, %3 %4 level%5")
                       .arg(*m.before)
                       .arg(*m.after)
                       .arg(d > 0 ? QStringLiteral("up") : QStringLiteral("down"), numberWord(std::abs(d)))
                       .arg(std::abs(d) == 1 ? QString() : QStringLiteral("s")),
                   styles::body}});
    }
}

void composeReport(const ReportInput &input, Composer &composer)
{
    const Section s{input, composer};
    writeCover(s);
    writeSummary(s);
    writeFeatureTable(s);
    writeFeatureSections(s);
    writeChanges(s);
    writeActionPlan(s);
    writePartners(s);
    writeAppendix(s);
}

}  // namespace hicm::report
