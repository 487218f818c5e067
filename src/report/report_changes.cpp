// The prioritised changes (the engine's sequence, with any facilitator override beside it, never in
// its place) and the action plan.
#include "report_data.h"
#include "report_sections.h"

#include <QDate>
#include <QTextTable>

#include <algorithm>
#include <set>

namespace hicm::report {

namespace {

const QColor kZebra(0xf4, 0xf5, 0xf7);

const OverrideOutcome *overrideFor(const Prioritisation &p, const std::string &change)
{
    for (const auto &o : p.overrides)
        if (o.decision.change == change)
            return &o;
    return nullptr;
}

const AdjustedEntry *adjustedFor(const Prioritisation &p, const std::string &change)
{
    for (const auto &e : p.facilitatorSequence)
        if (e.id == change)
            return &e;
    return nullptr;
}

QString decisionText(const OverrideOutcome &o)
{
    QString s = o.decision.kind == OverrideKind::Pin ? QStringLiteral("Pinned first") : QStringLiteral("Excluded");
    if (!o.decision.reason.empty())
        s += QStringLiteral(": \u201c") + qs(o.decision.reason) + QStringLiteral("\u201d");
    if (!o.applied)
        s += QStringLiteral(" (not applied: ") + qs(o.note) + QLatin1Char(')');
    return s;
}

QString requirementStatus(const std::string &status)
{
    if (status == "recommended")
        return QStringLiteral("recommended above");
    if (status == "in_place")
        return QStringLiteral("in place");
    if (status == "not_scored")
        return QStringLiteral("not scored yet");
    return QStringLiteral("no feature aligns with it");
}

void writeFacilitator(const Section &s)
{
    Composer &c = s.c;
    const Prioritisation &p = s.in.prioritisation;
    c.heading(2, QStringLiteral("The facilitator\u2019s adjustment"));
    c.paragraph(QStringLiteral("The facilitator adjusted the engine\u2019s sequence. The engine\u2019s sequence above "
                               "is unchanged; this is the order the partners agreed to follow."),
                styles::body);
    QTextTable *t = c.table({QStringLiteral("#"), QStringLiteral("Change"), QStringLiteral("Phase"),
                             QStringLiteral("Engine\u2019s rank"), QStringLiteral("Note")},
                            {6, 40, 12, 12, 30}, int(p.facilitatorSequence.size()));
    for (int r = 0; r < int(p.facilitatorSequence.size()); ++r) {
        const AdjustedEntry &e = p.facilitatorSequence[std::size_t(r)];
        QString note = e.pinned ? QStringLiteral("Pinned by the facilitator")
                       : !e.note.empty() ? capitalised(qs(e.note))
                       : !e.broughtForwardBy.empty()
                           ? QStringLiteral("Brought forward: HIC %1 needs it first").arg(qs(e.broughtForwardBy))
                           : QString();
        c.cell(t, r + 1, 0, QString::number(e.rank));
        c.cell(t, r + 1, 1, changeName(e.id, e.title));
        c.cell(t, r + 1, 2, QString::fromUtf8(label(e.phase)));
        c.cell(t, r + 1, 3, e.engineRank ? QString::number(*e.engineRank) : QStringLiteral("not recommended"));
        c.cell(t, r + 1, 4, note);
    }
    c.leaveTable();
    for (const auto &w : p.overrideWarnings)
        c.bullet({{QStringLiteral("Note: "), styles::smallStrong}, {qs(w), styles::small}});
}

}  // namespace

void writeChanges(const Section &s)
{
    Composer &c = s.c;
    const Prioritisation &p = s.in.prioritisation;
    c.heading(1, QStringLiteral("Prioritised changes"), true);
    c.paragraph(QStringLiteral("The recommended High Impact Changes in the order the prioritisation engine gives: "
                               "changes whose features fall furthest short of target, weighted by their importance, "
                               "come first, and a change another one needs is placed before it. The phases group "
                               "the sequence for planning. The method is in the appendix."));
    if (p.provisional)
        c.paragraph(QStringLiteral("Some of these recommendations rest on provisional levels (the partners\u2019 "
                                   "median, where no level was agreed)."),
                    styles::note);
    if (p.changes.empty()) {
        c.paragraph(QStringLiteral("No change is recommended: every scored feature has reached its target."));
    } else {
        const bool overrides = !p.overrides.empty();
        std::vector<qreal> widths = overrides ? std::vector<qreal>{6, 42, 12, 9, 31} : std::vector<qreal>{6, 62, 18, 14};
        std::vector<QString> header{QStringLiteral("#"), QStringLiteral("Change"), QStringLiteral("Phase"),
                                    QStringLiteral("Score")};
        if (overrides)
            header.push_back(QStringLiteral("Facilitator\u2019s decision"));
        QTextTable *t = c.table(header, widths, int(p.changes.size()));
        for (int r = 0; r < int(p.changes.size()); ++r) {
            const RankedChange &rc = p.changes[std::size_t(r)];
            const QColor fill = r % 2 ? kZebra : QColor();
            c.cell(t, r + 1, 0, {{QString::number(rc.rank), styles::smallStrong}}, fill);
            c.cell(t, r + 1, 1, {{changeName(rc.id, rc.title), styles::small}}, fill);
            c.cell(t, r + 1, 2, {{QString::fromUtf8(label(rc.phase)), styles::small}}, fill);
            c.cell(t, r + 1, 3, {{QString::fromStdString(formatScore(rc.score)), styles::small}}, fill);
            if (overrides) {
                const OverrideOutcome *o = overrideFor(p, rc.id);
                const AdjustedEntry *e = adjustedFor(p, rc.id);
                QString text = o ? decisionText(*o) : QString();
                if (e && e->rank != rc.rank)
                    text += (text.isEmpty() ? QString() : QStringLiteral("; ")) +
                            QStringLiteral("facilitator\u2019s rank %1").arg(e->rank);
                c.cell(t, r + 1, 4, {{text.isEmpty() ? QStringLiteral("as the engine") : text, styles::small}}, fill);
            }
        }
        c.leaveTable();
        // Overrides of changes the engine did not recommend.
        for (const auto &o : p.overrides)
            if (std::none_of(p.changes.begin(), p.changes.end(), [&](const RankedChange &rc) { return rc.id == o.decision.change; }))
                c.bullet({{QStringLiteral("HIC %1: ").arg(qs(o.decision.change)), styles::smallStrong},
                          {decisionText(o), styles::small}});
        if (overrides)
            writeFacilitator(s);
        c.heading(2, QStringLiteral("Why each change is where it is"));
        for (const auto &rc : p.changes) {
            // Each change's explanation stays together on one page.
            std::vector<std::vector<Run>> lines;
            lines.push_back({{QString::fromUtf8(label(rc.phase)), styles::smallStrong},
                             {QStringLiteral("   \u00b7   score ") + QString::fromStdString(formatScore(rc.score)) +
                                  (rc.provisional ? QStringLiteral(" (provisional)") : QString()),
                              styles::small}});
            lines.push_back({{qs(rc.summary), styles::small}});
            lines.push_back({{qs(rc.phaseReason), styles::note}});
            if (!rc.requirements.empty()) {
                QStringList needs;
                for (const auto &req : rc.requirements)
                    needs << changeName(req.change, req.title) + QStringLiteral(" (") + requirementStatus(req.status) +
                                 (req.basis == Basis::App ? QStringLiteral("; the app\u2019s reading of the model") : QString()) +
                                 QLatin1Char(')');
                lines.push_back({{QStringLiteral("Needs first: "), styles::smallStrong}, {needs.join(QStringLiteral("; ")), styles::small}});
            }
            if (!rc.actions.empty()) {
                QStringList ids;
                for (const auto &ac : rc.actions)
                    ids << qs(ac.id) + (ac.planned ? QStringLiteral(" (in the plan)") : QString());
                lines.push_back({{QStringLiteral("Targeted actions: "), styles::smallStrong}, {ids.join(QStringLiteral(", ")), styles::small}});
            }
            c.heading(3, QStringLiteral("%1. ").arg(rc.rank) + changeName(rc.id, rc.title));
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const bool last = i + 1 == lines.size();
                c.paragraph(lines[i], last ? 4 : 2);
                if (!last)
                    c.keepWithNext();
            }
        }
    }
    if (!p.notRecommended.empty()) {
        c.heading(2, QStringLiteral("Not recommended"));
        for (const auto &n : p.notRecommended)
            c.bullet({{changeName(n.id, n.title) + QStringLiteral(": "), styles::smallStrong}, {qs(n.why), styles::small}});
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
    for (const auto &rc : s.in.prioritisation.changes)
        for (const auto &ac : rc.actions)
            if (!ac.planned && seen.insert(ac.id).second)
                open.push_back(&ac);
    if (open.empty())
        return;
    c.heading(2, QStringLiteral("Targeted actions not yet in the plan"));
    c.paragraph(QStringLiteral("The framework\u2019s targeted actions for the features behind the recommended changes, "
                               "not yet taken into the plan:"),
                styles::note, 3);
    for (const auto *ac : open)
        c.bullet({{qs(ac->id) + QStringLiteral(": "), styles::smallStrong}, {qs(ac->text), styles::small}}, 3);
}

}  // namespace hicm::report
