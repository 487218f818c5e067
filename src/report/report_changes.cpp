// The prioritised changes in the order the room agreed (core agreedPlan: the engine's sequence with the
// facilitator's overrides applied), saying where and why it differs from the method's, and the action plan.
#include "report_data.h"
#include "report_sections.h"

#include <QDate>
#include <QTextTable>

#include <algorithm>
#include <set>

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

void writeOrderTable(Composer &c, const AgreedPlan &plan)
{
    std::vector<qreal> widths = plan.adjusted ? std::vector<qreal>{6, 34, 12, 12, 36} : std::vector<qreal>{6, 70, 24};
    std::vector<QString> header{QStringLiteral("#"), QStringLiteral("Change"), QStringLiteral("Phase")};
    if (plan.adjusted) {
        header.push_back(QStringLiteral("Method\u2019s rank"));
        header.push_back(QStringLiteral("Where the room\u2019s order differs"));
    }
    QTextTable *t = c.table(header, widths, int(plan.steps.size()));
    for (int r = 0; r < int(plan.steps.size()); ++r) {
        const AgreedStep &step = plan.steps[std::size_t(r)];
        const QColor fill = r % 2 ? kZebra : QColor();
        c.cell(t, r + 1, 0, {{QString::number(step.rank), styles::smallStrong}}, fill);
        c.cell(t, r + 1, 1, {{changeName(step.id, step.title), styles::small}}, fill);
        c.cell(t, r + 1, 2, {{QString::fromUtf8(label(step.phase)), styles::small}}, fill);
        if (plan.adjusted) {
            c.cell(t, r + 1, 3,
                   {{step.engineRank ? qs(ordinal(*step.engineRank)) : QStringLiteral("not recommended"), styles::small}},
                   fill);
            c.cell(t, r + 1, 4, {{step.difference.empty() ? QStringLiteral("as the method") : qs(step.difference), styles::small}},
                   fill);
        }
    }
    c.leaveTable();
}

// Why each change of the agreed order is where it is, in words (the arithmetic is in the appendix).
void writeReasons(Composer &c, const Prioritisation &p, const AgreedPlan &plan)
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

const std::vector<ActionRef> &engineActions(const Prioritisation &p, const std::string &id)
{
    static const std::vector<ActionRef> none;
    const RankedChange *rc = recommendedChange(p, id);
    return rc ? rc->actions : none;
}

}  // namespace

void writeChanges(const Section &s)
{
    Composer &c = s.c;
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
    for (const auto &out : plan.leftOut)
        c.bullet({{QStringLiteral("Left out: "), styles::smallStrong}, {qs(out.difference), styles::small}});
    for (const auto &note : plan.notes)
        c.bullet({{QStringLiteral("Note: "), styles::smallStrong}, {qs(note), styles::small}});
    if (!plan.steps.empty())
        writeReasons(c, p, plan);
    if (!p.notRecommended.empty()) {
        c.heading(2, QStringLiteral("Not recommended"));
        for (const auto &n : p.notRecommended)
            c.bullet({{changeName(n.id, n.title) + QStringLiteral(": "), styles::smallStrong}, {qs(n.why), styles::small}});
    }
}

void writeMethodArithmetic(const Section &s)
{
    Composer &c = s.c;
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

void writeActionPlan(const Section &s)
{
    Composer &c = s.c;
    const Assessment &a = s.in.assessment;
    c.heading(1, QStringLiteral("Action plan"), true);
    std::vector<const Action *> actions;
    for (const auto &ac : a.actions)
        actions.push_back(&ac);
    // By due date (undated last), then by number.
    std::stable_sort(actions.begin(), actions.end(), [](const Action *x, const Action *y) {
        if (x->due.empty() != y->due.empty())
            return y->due.empty();
        return x->due != y->due ? x->due < y->due : x->id < y->id;
    });
    if (actions.empty()) {
        c.paragraph(QStringLiteral("No actions have been added to the plan yet."));
    } else {
        int done = 0, going = 0;
        for (const auto *ac : actions) {
            done += ac->status == ActionStatus::Done ? 1 : 0;
            going += ac->status == ActionStatus::InProgress ? 1 : 0;
        }
        c.paragraph(QStringLiteral("%1 action%2: %3 done, %4 in progress, %5 not started. Ordered by due date.")
                        .arg(actions.size())
                        .arg(actions.size() == 1 ? QString() : QStringLiteral("s"))
                        .arg(done)
                        .arg(going)
                        .arg(int(actions.size()) - done - going));
        QTextTable *t = c.table({QStringLiteral("#"), QStringLiteral("Action"), QStringLiteral("For"),
                                 QStringLiteral("Owner"), QStringLiteral("Due"), QStringLiteral("Status")},
                                {5, 41, 13, 16, 13, 12}, int(actions.size()));
        for (int r = 0; r < int(actions.size()); ++r) {
            const Action &ac = *actions[std::size_t(r)];
            const QColor fill = r % 2 ? kZebra : QColor();
            QStringList forWhat;
            if (!ac.change.empty())
                forWhat << QStringLiteral("HIC ") + qs(ac.change);
            if (!ac.feature.empty())
                forWhat << qs(ac.feature);
            const QDate due = QDate::fromString(qs(ac.due), Qt::ISODate);
            std::vector<Run> text{{qs(ac.text), styles::small}};
            if (!ac.notes.empty())
                text.push_back({QStringLiteral("\n") + qs(ac.notes), styles::note});
            c.cell(t, r + 1, 0, {{QString::number(ac.id), styles::small}}, fill);
            c.cell(t, r + 1, 1, text, fill);
            c.cell(t, r + 1, 2, {{forWhat.join(QStringLiteral(", ")), styles::small}}, fill);
            c.cell(t, r + 1, 3, {{qs(ac.owner), styles::small}}, fill);
            c.cell(t, r + 1, 4, {{due.isValid() ? due.toString(QStringLiteral("d MMM yyyy")) : qs(ac.due), styles::small}}, fill);
            c.cell(t, r + 1, 5, {{QString::fromUtf8(label(ac.status)), ac.status == ActionStatus::Done ? styles::small : styles::smallStrong}}, fill);
        }
        c.leaveTable();
    }
    // The targeted actions of the recommended changes' features that are not in the plan yet.
    std::set<std::string> seen;
    std::vector<const ActionRef *> open;
    for (const auto &step : agreedPlan(s.in.prioritisation).steps)
        for (const auto &ac : engineActions(s.in.prioritisation, step.id))
            if (!ac.planned && seen.insert(ac.id).second)
                open.push_back(&ac);
    if (open.empty())
        return;
    c.heading(2, QStringLiteral("Targeted actions not yet in the plan"));
    c.paragraph(QStringLiteral("The framework\u2019s targeted actions for the features behind the changes of the agreed "
                               "plan, not yet taken into the plan, by feature:"),
                styles::note, 3);
    for (const auto *ac : open)
        c.bullet({{qs(ac->feature) + QStringLiteral(": "), styles::smallStrong}, {qs(ac->text), styles::small}}, 3);
}

}  // namespace hicm::report
