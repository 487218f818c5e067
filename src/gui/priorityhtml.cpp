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

const RankedChange *recommendedChange(const Prioritisation &p, const std::string &id)
{
    for (const auto &c : p.changes)
        if (c.id == id)
            return &c;
    return nullptr;
}

}  // namespace

// The order the room agreed (core agreedPlan, as the report and the CLI show it), in words: no scores, no
// action codes. The arithmetic is in the JSON and the report's appendix.
QString prioritisationHtml(const Framework &fw, const Prioritisation &r, bool presentation)
{
    QString h;
    const AgreedPlan plan = agreedPlan(r);
    if (plan.steps.empty())
        h += "<p>" +
             (plan.leftOut.empty() ? tr("No change is recommended: every scored feature is at its target, or nothing is scored yet.")
                                   : tr("No change is in the plan the room agreed.")) +
             "</p>";
    else if (plan.adjusted)
        h += "<p class='note'>" + tr("The order the room agreed. Where it differs from the method's own order, it says why.") + "</p>";
    QString phase;
    for (const auto &step : plan.steps) {
        const QString thisPhase = QString::fromLatin1(label(step.phase));
        if (thisPhase != phase) {
            h += "<h2>" + thisPhase.toHtmlEscaped() + "</h2>";
            phase = thisPhase;
        }
        h += "<h3>" + QString::number(step.rank) + ". HIC " + esc(step.id) + " " + esc(step.title) + "</h3>";
        if (!step.difference.empty())
            h += "<p><b>" + esc(step.difference) + "</b></p>";
        if (!step.why.empty())
            h += "<p>" + esc(step.why) + "</p>";
        const RankedChange *c = recommendedChange(r, step.id);
        if (!c)
            continue;
        if (!c->drivers.empty()) {
            h += "<ul>";
            for (const auto &d : c->drivers)
                h += "<li><b>" + esc(d.featureId) + "</b> " + esc(d.title) + ": " +
                     tr("at %1, target %2").arg(levelName(fw, d.level), levelName(fw, d.target)) +
                     (d.provisional ? " " + tr("[provisional]") : QString()) +
                     (d.alignmentBasis == Basis::App ? " " + tr("[alignment is HICM Assess's reading]") : QString()) + "</li>";
            h += "</ul>";
        }
        if (!presentation && !c->actions.empty()) {
            h += "<p><b>" + tr("Targeted actions ready for the plan:") + "</b></p><ul>";
            for (const auto &a : c->actions)
                h += "<li>" + esc(a.text) + (a.planned ? " <i>" + tr("(in the plan)") + "</i>" : QString()) + "</li>";
            h += "</ul>";
        }
    }
    if (!plan.leftOut.empty()) {
        h += "<h2>" + tr("Left out by the room") + "</h2><ul>";
        for (const auto &out : plan.leftOut)
            h += "<li>" + esc(out.difference) + "</li>";
        h += "</ul>";
    }
    if (!plan.notes.empty()) {
        h += "<ul>";
        for (const auto &note : plan.notes)
            h += "<li>" + esc(note) + "</li>";
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
