#include "priorityhtml.h"

#include "frameworkhtml.h"

#include <QCoreApplication>

namespace hicm::gui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Priorities", text);
}

QString levelName(const Framework &fw, int level)
{
    const Level *l = fw.level(level);
    return l ? QStringLiteral("%1 %2").arg(level).arg(esc(l->label.text)) : QString::number(level);
}

QString featureList(const Framework &fw, const std::vector<FeatureInput> &inputs, bool spread)
{
    QString h = "<ul>";
    for (const auto &in : inputs) {
        h += "<li><b>" + esc(in.featureId) + "</b> " + esc(in.title);
        if (spread && in.partnerSpread > 0)
            h += " — " + tr("partners %1 levels apart").arg(in.partnerSpread);
        if (in.level && !spread)
            h += " — " + levelName(fw, *in.level);
        h += "</li>";
    }
    return h + "</ul>";
}

}  // namespace

QString prioritisationHtml(const Framework &fw, const Prioritisation &r, bool presentation)
{
    QString h;
    if (r.changes.empty())
        h += "<p>" + tr("No change is recommended: every scored feature is at its target, or nothing is scored yet.") + "</p>";
    QString phase;
    for (const auto &c : r.changes) {
        const QString thisPhase = QString::fromLatin1(label(c.phase));
        if (thisPhase != phase) {
            h += "<h2>" + thisPhase.toHtmlEscaped() + "</h2>";
            phase = thisPhase;
        }
        h += "<h3>" + QString::number(c.rank) + ". HIC " + esc(c.id) + " " + esc(c.title) + "</h3>";
        h += "<p class='note'>" + tr("Score %1").arg(QString::fromStdString(formatScore(c.score)));
        if (c.provisional)
            h += " — " + tr("provisional: rests on partners' levels not yet agreed");
        h += "</p>";
        if (!c.summary.empty())
            h += "<p>" + esc(c.summary) + "</p>";
        if (!c.drivers.empty()) {
            h += "<ul>";
            for (const auto &d : c.drivers)
                h += "<li><b>" + esc(d.featureId) + "</b> " + esc(d.title) + ": " +
                     tr("at %1, target %2 (gap %3, importance %4)")
                         .arg(levelName(fw, d.level), levelName(fw, d.target))
                         .arg(d.gap)
                         .arg(d.weight) +
                     (d.provisional ? " " + tr("[provisional]") : QString()) +
                     (d.alignmentBasis == Basis::App ? " " + tr("[alignment is HICM Assess's reading]") : QString()) + "</li>";
            h += "</ul>";
        }
        if (!c.phaseReason.empty())
            h += "<p class='note'>" + esc(c.phaseReason) + "</p>";
        if (!presentation && !c.actions.empty()) {
            h += "<p><b>" + tr("Targeted actions ready for the plan:") + "</b></p><ul>";
            for (const auto &a : c.actions)
                h += "<li>" + esc(a.text) + (a.planned ? " <i>" + tr("(in the plan)") + "</i>" : QString()) + "</li>";
            h += "</ul>";
        }
    }
    if (!r.facilitatorSequence.empty()) {
        h += "<h2>" + tr("The facilitator's sequence (beside the engine's)") + "</h2><ol>";
        for (const auto &e : r.facilitatorSequence) {
            h += "<li>HIC " + esc(e.id) + " " + esc(e.title);
            if (e.pinned)
                h += " — <b>" + tr("pinned first") + "</b>";
            if (e.engineRank)
                h += " " + tr("(engine: %1)").arg(*e.engineRank);
            else
                h += " " + tr("(not recommended by the engine)");
            if (!e.note.empty())
                h += " — " + esc(e.note);
            h += "</li>";
        }
        h += "</ol>";
    }
    if (!r.overrides.empty()) {
        h += "<ul>";
        for (const auto &o : r.overrides)
            h += "<li>" + (o.decision.kind == OverrideKind::Pin ? tr("Pinned") : tr("Excluded")) + " HIC " +
                 esc(o.decision.change) + ": " + esc(o.decision.reason) + (o.note.empty() ? QString() : " — " + esc(o.note)) + "</li>";
        h += "</ul>";
    }
    if (!r.notRecommended.empty()) {
        h += "<h2>" + tr("Not recommended now") + "</h2><ul>";
        for (const auto &n : r.notRecommended)
            h += "<li>HIC " + esc(n.id) + " " + esc(n.title) + ": " + esc(n.why) + "</li>";
        h += "</ul>";
    }
    const Findings &f = r.findings;
    if (!f.noSharedView.empty())
        h += "<h2>" + tr("No shared view yet") + "</h2><p>" +
             tr("Partners are two or more levels apart here: a signal in itself for shared accountability and system metrics.") +
             "</p>" + featureList(fw, f.noSharedView, true);
    if (!f.lowConfidence.empty())
        h += "<h2>" + tr("Low confidence") + "</h2><p>" + tr("Check the data before acting on these.") + "</p>" +
             featureList(fw, f.lowConfidence, false);
    if (!f.provisional.empty())
        h += "<h2>" + tr("Provisional") + "</h2><p>" + tr("Partners have scored these but the room has not agreed a level.") +
             "</p>" + featureList(fw, f.provisional, false);
    if (!f.notScored.empty())
        h += "<h2>" + tr("Not scored yet") + "</h2>" + featureList(fw, f.notScored, false);
    return h;
}

}  // namespace hicm::gui
