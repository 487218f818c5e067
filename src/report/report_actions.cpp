// The action plan: this plan's actions (those carried from the previous plan marked so), what became of
// the previous plan's actions when the report compares with it, and the framework's targeted actions
// behind the agreed plan not yet taken into it. Actions are named by their text, never by a code.
#include "reassessment.h"
#include "report_data.h"
#include "report_sections.h"

#include <QDate>

#include <algorithm>
#include <set>

namespace hicm::report {

namespace {

const QColor kZebra(0xf4, 0xf5, 0xf7);

QString dueText(const std::string &due)
{
    const QDate d = QDate::fromString(qs(due), Qt::ISODate);
    return d.isValid() ? d.toString(QStringLiteral("d MMM yyyy")) : qs(due);
}

// "carried from 14 March 2024": the previous assessment's date when the report compares with the
// assessment the action was carried from.
QString carriedText(const Section &s)
{
    const Assessment *previous = s.in.previous;
    if (previous && s.in.assessment.previousId && *s.in.assessment.previousId == previous->id)
        return QStringLiteral("Carried from ") + prettyDate(previous->date);
    return QStringLiteral("Carried from the previous assessment");
}

void writeActions(const Section &s)
{
    ReportSink &c = s.c;
    std::vector<const Action *> actions;
    for (const auto &ac : s.in.assessment.actions)
        actions.push_back(&ac);
    // By due date (undated last), then by number.
    std::stable_sort(actions.begin(), actions.end(), [](const Action *x, const Action *y) {
        if (x->due.empty() != y->due.empty())
            return y->due.empty();
        return x->due != y->due ? x->due < y->due : x->id < y->id;
    });
    if (actions.empty()) {
        c.paragraph(QStringLiteral("No actions have been added to the plan yet."));
        return;
    }
    int counts[4] = {0, 0, 0, 0}, carried = 0;
    for (const auto *ac : actions) {
        ++counts[static_cast<int>(ac->status)];
        carried += ac->carriedFrom ? 1 : 0;
    }
    QString summary = QStringLiteral("%1 action%2: %3 done, %4 in progress, %5 not started")
                          .arg(actions.size())
                          .arg(actions.size() == 1 ? QString() : QStringLiteral("s"))
                          .arg(counts[int(ActionStatus::Done)])
                          .arg(counts[int(ActionStatus::InProgress)])
                          .arg(counts[int(ActionStatus::NotStarted)]);
    if (counts[int(ActionStatus::Dropped)] > 0)
        summary += QStringLiteral(", %1 dropped").arg(counts[int(ActionStatus::Dropped)]);
    summary += QStringLiteral(". Ordered by due date.");
    if (carried > 0)
        summary += QStringLiteral(" %1 %2 carried from the previous plan.")
                       .arg(capitalised(numberWord(carried)), carried == 1 ? QStringLiteral("was") : QStringLiteral("were"));
    c.paragraph(summary);
    c.beginTable({QStringLiteral("The actions of this plan, by due date"),
                  {QStringLiteral("#"), QStringLiteral("Action"), QStringLiteral("For"), QStringLiteral("Owner"),
                   QStringLiteral("Due"), QStringLiteral("Status")},
                  {5, 41, 13, 16, 13, 12},
                  int(actions.size())});
    for (int r = 0; r < int(actions.size()); ++r) {
        const Action &ac = *actions[std::size_t(r)];
        const QColor fill = r % 2 ? kZebra : QColor();
        QStringList forWhat;
        if (!ac.change.empty())
            forWhat << QStringLiteral("HIC ") + qs(ac.change);
        if (!ac.feature.empty())
            forWhat << qs(ac.feature);
        std::vector<Run> text{{qs(ac.text), ac.status == ActionStatus::Dropped ? styles::note : styles::small}};
        if (ac.carriedFrom)
            text.push_back({QStringLiteral("\n") + carriedText(s), styles::smallStrong});
        if (!ac.notes.empty())
            text.push_back({QStringLiteral("\n") + qs(ac.notes), styles::note});
        const bool settled = ac.status == ActionStatus::Done || ac.status == ActionStatus::Dropped;
        c.cell(r, 0, {{QString::number(ac.id), styles::small}}, fill);
        c.cell(r, 1, text, fill);
        c.cell(r, 2, {{forWhat.join(QStringLiteral(", ")), styles::small}}, fill);
        c.cell(r, 3, {{qs(ac.owner), styles::small}}, fill);
        c.cell(r, 4, {{dueText(ac.due), styles::small}}, fill);
        c.cell(r, 5, {{QString::fromUtf8(label(ac.status)), settled ? styles::small : styles::smallStrong}}, fill);
    }
    c.endTable();
}

QString outcomeText(const PreviousAction &p)
{
    switch (p.outcome) {
    case ActionOutcome::Completed:
        return QStringLiteral("Completed");
    case ActionOutcome::Dropped:
        return QStringLiteral("Dropped");
    case ActionOutcome::Carried:
        return QStringLiteral("Carried into this plan") +
               (p.carriedAs ? QStringLiteral(" (now ") + QString::fromUtf8(label(p.carriedAs->status)).toLower() +
                                  QLatin1Char(')')
                            : QString());
    case ActionOutcome::NotCarried:
        break;
    }
    return QStringLiteral("Not carried into this plan");
}

// What became of each action of the previous plan: completed, dropped, carried or not carried.
void writePreviousActions(const Section &s)
{
    const Assessment &previous = *s.in.previous;
    ReportSink &c = s.c;
    c.heading(2, QStringLiteral("Last time\u2019s actions (%1)").arg(prettyDate(previous.date)));
    const auto outcomes = previousActions(previous, s.in.assessment);
    if (outcomes.empty()) {
        c.paragraph(QStringLiteral("The previous plan had no actions."));
        return;
    }
    int n[4] = {0, 0, 0, 0};
    for (const auto &o : outcomes)
        ++n[static_cast<int>(o.outcome)];
    QStringList parts;
    const auto part = [&](ActionOutcome o, const char *words) {
        if (n[int(o)] > 0)
            parts << numberWord(n[int(o)]) + QLatin1Char(' ') + QString::fromUtf8(words);
    };
    part(ActionOutcome::Completed, "completed");
    part(ActionOutcome::Dropped, "dropped");
    part(ActionOutcome::Carried, "carried into this plan");
    part(ActionOutcome::NotCarried, "not carried");
    c.paragraph(QStringLiteral("Of the %1 action%2 of the previous plan: %3.")
                    .arg(numberWord(int(outcomes.size())), outcomes.size() == 1 ? QString() : QStringLiteral("s"),
                         parts.join(QStringLiteral(", "))));
    c.beginTable({QStringLiteral("What became of the previous plan’s actions"),
                  {QStringLiteral("Action"), QStringLiteral("Owner"), QStringLiteral("Last status"),
                   QStringLiteral("What happened")},
                  {46, 18, 14, 22},
                  int(outcomes.size())});
    for (int r = 0; r < int(outcomes.size()); ++r) {
        const PreviousAction &o = outcomes[std::size_t(r)];
        const QColor fill = r % 2 ? kZebra : QColor();
        c.cell(r, 0, {{qs(o.action.text), styles::small}}, fill);
        c.cell(r, 1, {{qs(o.action.owner), styles::small}}, fill);
        c.cell(r, 2, {{QString::fromUtf8(label(o.action.status)), styles::small}}, fill);
        c.cell(r, 3, {{outcomeText(o), styles::smallStrong}}, fill);
    }
    c.endTable();
}

}  // namespace

void writeActionPlan(const Section &s)
{
    ReportSink &c = s.c;
    c.heading(1, QStringLiteral("Action plan"), true);
    writeActions(s);
    if (s.in.previous)
        writePreviousActions(s);
    // The targeted actions of the agreed plan's changes' features that are not in the plan yet.
    std::set<std::string> seen;
    std::vector<const ActionRef *> open;
    for (const auto &step : agreedPlan(s.in.prioritisation).steps)
        for (const auto &rc : s.in.prioritisation.changes)
            if (rc.id == step.id)
                for (const auto &ac : rc.actions)
                    if (!ac.planned && seen.insert(ac.id).second)
                        open.push_back(&ac);
    if (open.empty())
        return;
    c.heading(2, QStringLiteral("Targeted actions not yet in the plan"));
    c.paragraph(QStringLiteral("The framework\u2019s targeted actions for the features behind the changes of the agreed "
                               "plan, not yet taken into the plan, by feature:"),
                styles::note, 3);
    c.beginList();
    for (const auto *ac : open)
        c.bullet({{qs(ac->feature) + QStringLiteral(": "), styles::smallStrong}, {qs(ac->text), styles::small}}, 3);
    c.endList();
}

}  // namespace hicm::report
