// The prioritised changes in the order the room agreed (core agreedPlan: the engine's sequence with the
// facilitator's overrides applied), saying where and why it differs from the method's.
#include "report_data.h"
#include "report_sections.h"


namespace hicm::report {

namespace {

const QColor kZebra(0xf4, 0xf5, 0xf7);

QString requirementStatus(const std::string &status)
{
    if (status == "recommended")
        return QStringLiteral("recommended by the method");
    if (status == "in_place")
        return QStringLiteral("in place");
    if (status == "not_scored")
        return QStringLiteral("not scored yet");
    return QStringLiteral("no feature aligns with it");
}

const RankedChange *recommendedChange(const Prioritisation &p, const std::string &id)
{
    for (const auto &c : p.changes)
        if (c.id == id)
            return &c;
    return nullptr;
}

void writeOrderTable(ReportSink &c, const AgreedPlan &plan)
{
    std::vector<qreal> widths = plan.adjusted ? std::vector<qreal>{6, 34, 12, 12, 36} : std::vector<qreal>{6, 70, 24};
    std::vector<QString> header{QStringLiteral("#"), QStringLiteral("Change"), QStringLiteral("Phase")};
    if (plan.adjusted) {
        header.push_back(QStringLiteral("Method\u2019s rank"));
        header.push_back(QStringLiteral("Where the room\u2019s order differs"));
    }
    c.beginTable({QStringLiteral("The changes in the order the partners agreed"), header, widths, int(plan.steps.size())});
    for (int r = 0; r < int(plan.steps.size()); ++r) {
        const AgreedStep &step = plan.steps[std::size_t(r)];
        const QColor fill = r % 2 ? kZebra : QColor();
        c.cell(r, 0, {{QString::number(step.rank), styles::smallStrong}}, fill);
        c.cell(r, 1, {{changeName(step.id, step.title), styles::small}}, fill);
        c.cell(r, 2, {{QString::fromUtf8(label(step.phase)), styles::small}}, fill);
        if (plan.adjusted) {
            c.cell(r, 3,
                   {{step.engineRank ? qs(ordinal(*step.engineRank)) : QStringLiteral("not recommended"), styles::small}},
                   fill);
            c.cell(r, 4, {{step.difference.empty() ? QStringLiteral("as the method") : qs(step.difference), styles::small}},
                   fill);
        }
    }
    c.endTable();
}

// Why each change of the agreed order is where it is, in words (the arithmetic is in the appendix).
void writeReasons(ReportSink &c, const Prioritisation &p, const AgreedPlan &plan)
{
    c.heading(2, QStringLiteral("Why each change is where it is"));
    for (const auto &step : plan.steps) {
        const RankedChange *rc = recommendedChange(p, step.id);
        std::vector<std::vector<Run>> lines;
        if (!step.difference.empty())
            lines.push_back({{qs(step.difference), styles::smallStrong}});
        if (!step.why.empty())
            lines.push_back({{qs(step.why), styles::small}});
        if (rc && !rc->requirements.empty()) {
            QStringList needs;
            for (const auto &req : rc->requirements)
                needs << changeName(req.change, req.title) + QStringLiteral(" (") + requirementStatus(req.status) +
                             (req.basis == Basis::App ? QStringLiteral("; the app\u2019s reading of the model") : QString()) +
                             QLatin1Char(')');
            lines.push_back({{QStringLiteral("Needs first: "), styles::smallStrong}, {needs.join(QStringLiteral("; ")), styles::small}});
        }
        if (rc && !rc->actions.empty()) {
            QStringList texts;
            for (const auto &ac : rc->actions)
                texts << qs(ac.text) + (ac.planned ? QStringLiteral(" (in the plan)") : QString());
            lines.push_back({{QStringLiteral("Targeted actions: "), styles::smallStrong}, {texts.join(QStringLiteral("; ")), styles::small}});
        }
        c.heading(3, QStringLiteral("%1. ").arg(step.rank) + changeName(step.id, step.title));
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const bool last = i + 1 == lines.size();
            c.paragraph(lines[i], last ? 4 : 2);
            if (!last)
                c.keepWithNext();
        }
    }
}

}  // namespace

void writeChanges(const Section &s)
{
    ReportSink &c = s.c;
    const Prioritisation &p = s.in.prioritisation;
    const AgreedPlan plan = agreedPlan(p);
    c.heading(1, QStringLiteral("Prioritised changes"), true);
    c.paragraph(plan.adjusted
                    ? QStringLiteral("The High Impact Changes in the order the partners agreed. The method puts first the "
                                     "changes holding the deepest gaps between level and target, weighted by their "
                                     "importance, and places a change another one needs before it; the room changed that "
                                     "order, and the table says where and why. The method is in the appendix.")
                    : QStringLiteral("The High Impact Changes in the order the partners agreed, which is the method\u2019s: "
                                     "the changes holding the deepest gaps between level and target, weighted by their "
                                     "importance, come first, and a change another one needs is placed before it. The "
                                     "phases group the sequence for planning. The method is in the appendix."));
    if (p.provisional)
        c.paragraph(QStringLiteral("Some of these recommendations rest on provisional levels (the partners\u2019 "
                                   "median, where no level was agreed)."),
                    styles::note);
    if (plan.steps.empty())
        c.paragraph(plan.leftOut.empty()
                        ? QStringLiteral("No change is recommended: every scored feature has reached its target.")
                        : QStringLiteral("No change is in the plan the partners agreed."));
    else
        writeOrderTable(c, plan);
    if (!plan.leftOut.empty() || !plan.notes.empty()) {
        c.beginList();
        for (const auto &out : plan.leftOut)
            c.bullet({{QStringLiteral("Left out: "), styles::smallStrong}, {qs(out.difference), styles::small}});
        for (const auto &note : plan.notes)
            c.bullet({{QStringLiteral("Note: "), styles::smallStrong}, {qs(note), styles::small}});
        c.endList();
    }
    if (!plan.steps.empty())
        writeReasons(c, p, plan);
    if (!p.notRecommended.empty()) {
        c.heading(2, QStringLiteral("Not recommended"));
        c.beginList();
        for (const auto &n : p.notRecommended)
            c.bullet({{changeName(n.id, n.title) + QStringLiteral(": "), styles::smallStrong}, {qs(n.why), styles::small}});
        c.endList();
    }
}

void writeMethodArithmetic(const Section &s)
{
    ReportSink &c = s.c;
    const Prioritisation &p = s.in.prioritisation;
    if (p.changes.empty())
        return;
    c.heading(3, QStringLiteral("The method\u2019s own order, with its arithmetic"));
    for (const auto &rc : p.changes) {
        c.paragraph({{QStringLiteral("%1. ").arg(rc.rank) + changeName(rc.id, rc.title), styles::smallStrong},
                     {QStringLiteral("  \u00b7  ") + QString::fromUtf8(label(rc.phase)), styles::small}},
                    1);
        c.keepWithNext();
        c.paragraph({{qs(rc.summary), styles::small}}, 1, 10);
        c.keepWithNext();
        c.paragraph({{qs(rc.phaseReason), styles::note}}, 4, 10);
    }
}

}  // namespace hicm::report
