// Where partners differ (heat map, features with no shared view) and the appendix (method, level
// descriptors of every feature).
#include "report_data.h"
#include "report_sections.h"


#include <utility>

namespace hicm::report {

namespace {

// Partners per heat map: more are split over several maps, so no map is taller than a page.
constexpr std::size_t kPartnersPerMap = 18;

}  // namespace

void writePartners(const Section &s)
{
    ReportSink &c = s.c;
    const Assessment &a = s.in.assessment;
    const Prioritisation &p = s.in.prioritisation;
    c.heading(1, QStringLiteral("Where partners differ"), true);
    if (a.partners.empty()) {
        c.paragraph(QStringLiteral("No partner organisations are recorded, so there is nothing to compare."));
        return;
    }
    c.paragraph(QStringLiteral("Each partner organisation\u2019s own level for each feature, with the agreed level "
                               "beneath. Darker cells are higher levels; the number is written in every cell. "
                               "Features marked \u2666 have no shared view yet: partners are two or more levels "
                               "apart, a signal in itself for shared accountability and system metrics."));
    const HeatMapData all = heatMapFor(s.in.framework, a, p);
    for (std::size_t from = 0; from < all.rows.size(); from += kPartnersPerMap) {
        HeatMapData part = all;
        const std::size_t to = std::min(all.rows.size(), from + kPartnersPerMap);
        part.rows.assign(all.rows.begin() + std::ptrdiff_t(from), all.rows.begin() + std::ptrdiff_t(to));
        part.cells.assign(all.cells.begin() + std::ptrdiff_t(from), all.cells.begin() + std::ptrdiff_t(to));
        if (to < all.rows.size())
            part.summaryLabel.clear();
        c.heatMap(part, heatMapHeight(part, reportChartStyle(1.0), c.textWidthPt() - 1) + 2);
    }

    c.heading(2, QStringLiteral("Features with no shared view"));
    if (p.findings.noSharedView.empty()) {
        c.paragraph(QStringLiteral("Partners were within one level of each other on every feature."));
        return;
    }
    for (const auto &in : p.findings.noSharedView) {
        c.heading(3, qs(in.featureId) + QLatin1Char(' ') + qs(in.title));
        c.paragraph({{QStringLiteral("Partners\u2019 levels: "), styles::smallStrong},
                     {partnerLevelsText(in) + QStringLiteral(" (") + spreadText(in) + QLatin1Char(')'), styles::small}},
                    3);
        const FeatureAssessment *fa = a.feature(in.featureId);
        bool listed = false;
        if (fa)
            for (const auto &pl : fa->partnerLevels)
                if (!pl.note.empty()) {
                    if (!std::exchange(listed, true))
                        c.beginList();
                    c.bullet({{qs(pl.partner) + QStringLiteral(" (%1): ").arg(pl.level), styles::smallStrong},
                              {qs(pl.note), styles::small}});
                }
        if (listed)
            c.endList();
    }
}

void writeAppendix(const Section &s)
{
    ReportSink &c = s.c;
    const Framework &fw = s.in.framework;
    const Assessment &a = s.in.assessment;
    c.heading(1, QStringLiteral("Appendix: the method"), true);
    c.heading(3, QStringLiteral("The scale"));
    c.beginList();
    for (const auto &l : fw.levels)
        c.bullet({{levelText(fw, l.id) + QStringLiteral(": "), styles::strong}, {qs(l.meaning.text), styles::body}});
    c.endList();
    c.heading(3, QStringLiteral("Scoring"));
    c.paragraph(QStringLiteral("Each partner organisation gave its own level for each of the %1 features of the "
                               "model. The partners then agreed one level for the area, with a rationale%2. Where "
                               "no level was agreed, this report uses the partners\u2019 median, rounded down, and "
                               "marks it provisional. Each feature has a target level (by default the top of the "
                               "scale), an importance from 1 to 3 and the partners\u2019 confidence in the evidence.")
                    .arg(numberWord(int(fw.features.size())))
                    .arg(a.facilitator.empty() ? QString() : QStringLiteral(", facilitated by ") + qs(a.facilitator)));
    c.heading(3, QStringLiteral("Prioritisation"));
    c.paragraph(QStringLiteral("The gap of a feature is its target less its level, never below zero; its weighted "
                               "gap (contribution) is gap \u00d7 importance \u00d7 alignment weight. Each High Impact "
                               "Change is scored from the features the framework aligns with it: its score is the "
                               "largest contribution among them, so a feature at target never lowers a change\u2019s "
                               "priority, and its total, the sum of the contributions, breaks ties. A change with any "
                               "aligned feature short of target is recommended. A change that another recommended change "
                               "needs comes before it; otherwise higher scores come first, then the larger total, then "
                               "framework order. Phases: Start now (nothing recommended must come first, and a priority "
                               "at least half the highest score), Next and Later."));
    if (!fw.prerequisites.empty()) {
        c.paragraph(QStringLiteral("The prerequisites between changes:"), styles::body, 2);
        c.beginList();
        for (const auto &pr : fw.prerequisites) {
            const Change *ch = fw.change(pr.change);
            const Change *req = fw.change(pr.required);
            c.bullet({{changeName(pr.change, ch ? ch->title.text : std::string()), styles::smallStrong},
                      {QStringLiteral(" needs ") + changeName(pr.required, req ? req->title.text : std::string()) +
                           (pr.basis == Basis::App ? QStringLiteral(" under way first (the app\u2019s reading of the model).")
                                                   : QStringLiteral(" under way first (stated by the model).")),
                       styles::small}});
        }
        c.endList();
    }
    c.paragraph(QStringLiteral("A facilitator may pin a change first or exclude one, with the room\u2019s reason; "
                               "the report shows the order the partners agreed, and says where and why it differs "
                               "from the method\u2019s own order, which follows."),
                styles::body);
    writeMethodArithmetic(s);
    c.heading(3, QStringLiteral("The framework"));
    c.paragraph(qs(fw.meta.title) + QStringLiteral(", ") + qs(fw.meta.edition) +
                    QStringLiteral(". Content hash (SHA-256) ") + qs(fw.contentHash.substr(0, 16)) +
                    QStringLiteral("\u2026"),
                styles::small, 3);
    c.beginList();
    for (const auto &src : fw.meta.sources)
        c.bullet({{qs(src.title) + QStringLiteral(": "), styles::smallStrong}, {qs(src.description), styles::small}});
    c.endList();

    c.heading(1, QStringLiteral("Appendix: level descriptors"), true);
    c.paragraph(QStringLiteral("The descriptors of every level of every feature, as the framework gives them."),
                styles::note);
    for (const auto &f : fw.features) {
        c.heading(3, featureName(f));
        c.beginTable({QStringLiteral("The levels of ") + featureName(f), {}, {22, 78}, int(f.levels.size()), true});
        for (int r = 0; r < int(f.levels.size()); ++r) {
            const FeatureLevel &lv = f.levels[std::size_t(r)];
            const bool agreed = agreedLevel(a, f.id) == lv.level;
            const QColor fill = agreed ? QColor(0xe4, 0xe7, 0xeb) : QColor();
            std::vector<Run> head{{QStringLiteral("%1 %2").arg(lv.level).arg(qs(lv.label.text)), styles::smallStrong}};
            if (agreed)
                head.push_back({QStringLiteral("\nagreed level"), styles::note});
            c.cell(r, 0, head, fill);
            c.cell(r, 1, {{qs(lv.descriptor.text), styles::small}}, fill);
        }
        c.endTable();
    }
}

}  // namespace hicm::report
