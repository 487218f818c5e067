#include "frameworkhtml.h"

#include "text.h"

#include <QCoreApplication>

namespace hicm::gui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FrameworkPages", text);
}

QString paragraphs(const std::vector<SourcedText> &texts)
{
    QString out;
    for (const auto &t : texts)
        out += "<p>" + esc(t) + "</p>";
    return out;
}

QString bullets(const std::vector<SourcedText> &texts)
{
    if (texts.empty())
        return {};
    QString out = "<ul>";
    for (const auto &t : texts)
        out += "<li>" + esc(t) + "</li>";
    return out + "</ul>";
}

QString appNote(const SourcedText &note)
{
    return "<p class='app'><i>" + tr("HICM Assess's reading, not the published text:") + "</i> " + esc(note) + "</p>";
}

QString changeLink(const Framework &fw, const std::string &id)
{
    const Change *c = fw.change(id);
    const QString title = c ? esc(c->title) : QString();
    return QStringLiteral("<a href='change:%1'>HIC %1</a> %2").arg(esc(id), title);
}

QString featureLink(const Framework &fw, const std::string &id)
{
    const Feature *f = fw.feature(id);
    const QString title = f ? esc(f->title) : QString();
    return QStringLiteral("<a href='feature:%1'>%1</a> %2").arg(esc(id), title);
}

QString aboutPage(const Framework &fw)
{
    const Context &c = fw.context;
    QString h = "<h1>" + esc(fw.meta.title) + "</h1>";
    h += "<p class='note'>" + tr("Edition: ") + esc(fw.meta.edition) + "</p>";
    if (!c.audience.empty())
        h += "<h2>" + tr("Who this model is for") + "</h2>" + paragraphs(c.audience);
    h += "<h2>" + tr("What intermediate care is") + "</h2>" + paragraphs(c.definition);
    if (!c.myths.empty()) {
        h += "<h2>" + tr("Myths and realities") + "</h2><table width='100%' cellspacing='0' border='1'>";
        h += "<tr><th>" + tr("The myth") + "</th><th>" + tr("The reality") + "</th></tr>";
        for (const auto &m : c.myths)
            h += "<tr><td>" + esc(m.myth) + "</td><td>" + esc(m.reality) + "</td></tr>";
        h += "</table>";
    }
    if (!c.study.findings.empty()) {
        h += "<h2>" + tr("Where we are now") + "</h2>" + paragraphs(c.currentPosition);
        h += "<p>" + esc(c.study.intro) + "</p>" + bullets(c.study.findings) + paragraphs(c.study.conclusion);
    }
    if (!c.challenges.empty()) {
        h += "<h2>" + tr("Five principal challenges") + "</h2>" + paragraphs(c.challengesIntro) + "<ul>";
        for (const auto &ch : c.challenges)
            h += "<li><b>" + esc(ch.title) + "</b> " + esc(ch.text) + "</li>";
        h += "</ul>";
    }
    if (!c.peopleSaid.priorities.empty()) {
        h += "<h2>" + tr("What people and carers tell us") + "</h2>" + paragraphs(c.peopleSaid.intro) +
             bullets(c.peopleSaid.priorities) + paragraphs(c.peopleSaid.conclusion);
    }
    if (!c.previousModels.empty())
        h += "<h2>" + tr("Previous High Impact Change Models") + "</h2>" + bullets(c.previousModels);
    if (!c.structure.empty())
        h += "<h2>" + tr("How to use this model") + "</h2>" + paragraphs(c.structure);
    return h;
}

QString partBPage(const Framework &fw)
{
    QString h = "<h1>" + tr("The maturity framework (Part B)") + "</h1>" + paragraphs(fw.partB.purpose);
    h += bullets(fw.partB.eachFeatureIncludes);
    h += "<h2>" + tr("The levels") + "</h2><ul>";
    for (const auto &l : fw.levels) {
        QString label = "<b>" + QString::number(l.id) + " " + esc(l.label) + "</b>";
        for (const auto &v : l.label.variants)
            if (v.text != l.label.text)
                label += " " + tr("(also called %1)").arg(esc(v.text));
        h += "<li>" + label + (l.meaning.empty() ? QString() : ": " + esc(l.meaning)) + "</li>";
    }
    h += "</ul><h2>" + tr("The features") + "</h2><ul>";
    for (const auto &f : fw.features)
        h += "<li>" + featureLink(fw, f.id) + "</li>";
    return h + "</ul>" + paragraphs(fw.partB.closing);
}

QString featurePage(const Framework &fw, const Feature &f)
{
    QString h = "<h1><span class='id'>" + esc(f.id) + "</span> " + esc(f.title) + "</h1>";
    if (f.deliveryModelNote)
        h += "<p class='note'><i>" + esc(*f.deliveryModelNote) + "</i></p>";
    h += paragraphs(f.introduction);
    for (const auto &m : f.metricFramework)
        h += "<p><b>" + esc(m.label) + ":</b> " + esc(m.items) + "</p>";
    if (f.additionalMetrics)
        h += "<p>" + esc(*f.additionalMetrics) + "</p>";
    if (!f.ascofMetrics.empty()) {
        h += "<p><b>" + tr("Relevant ASCOF metrics") + "</b></p><ul>";
        for (const auto &a : f.ascofMetrics)
            h += "<li>" + esc(a.text) + "</li>";
        h += "</ul>";
    }
    h += "<h2>" + tr("Maturity spectrum") + "</h2><table width='100%' cellspacing='0' border='1'><tr>";
    for (const auto &l : f.levels)
        h += "<th width='33%'>" + QString::number(l.level) + " " + esc(l.label) + "</th>";
    h += "</tr><tr>";
    for (const auto &l : f.levels)
        h += "<td>" + esc(l.descriptor) + "</td>";
    h += "</tr></table>";
    if (!f.dataToUse.empty()) {
        h += "<h2>" + tr("Data to use") + "</h2><ul>";
        for (const auto &m : f.dataToUse)
            h += "<li>" + esc(m.text) + " <span class='id'>(" + esc(m.id) + ")</span></li>";
        h += "</ul>";
    }
    h += "<h2>" + (f.actionsHeading ? esc(*f.actionsHeading) : tr("Targeted actions")) + "</h2><ul>";
    for (const auto &a : f.targetedActions)
        h += "<li>" + esc(a.text) + "</li>";
    h += "</ul><h2>" + tr("High Impact Changes") + "</h2>";
    if (f.alignmentStatement)
        h += "<p>" + esc(*f.alignmentStatement) + "</p>";
    h += "<ul>";
    for (const auto &a : f.alignsWith) {
        h += "<li>" + changeLink(fw, a.change);
        if (a.basis == Basis::App && a.note)
            h += appNote(*a.note);
        h += "</li>";
    }
    return h + "</ul>";
}

QString partCPage(const Framework &fw)
{
    QString h = "<h1>" + tr("High Impact Changes (Part C)") + "</h1>" + paragraphs(fw.partC.introduction);
    h += "<ul>";
    for (const auto &c : fw.changes)
        h += "<li>" + changeLink(fw, c.id) + "</li>";
    h += "</ul><h2>" + tr("Sequencing") + "</h2>" + paragraphs(fw.partC.interdependence) + "<ul>";
    for (const auto &p : fw.prerequisites) {
        h += "<li>" + tr("%1 before %2").arg(changeLink(fw, p.required), changeLink(fw, p.change));
        if (p.basis == Basis::App && p.note)
            h += appNote(*p.note);
        else if (p.note)
            h += "<p class='note'>" + esc(*p.note) + "</p>";
        h += "</li>";
    }
    return h + "</ul>";
}

QString changePage(const Framework &fw, const Change &c)
{
    QString h = "<h1><span class='id'>HIC " + esc(c.id) + "</span> " + esc(c.title) + "</h1>";
    h += paragraphs(c.statements);
    h += "<h2>" + tr("Features that signal this change") + "</h2><ul>";
    for (const auto &f : fw.features)
        for (const auto &a : f.alignsWith)
            if (a.change == c.id) {
                h += "<li>" + featureLink(fw, f.id);
                if (a.basis == Basis::App && a.note)
                    h += appNote(*a.note);
                h += "</li>";
            }
    h += "</ul>";
    QString sequence;
    for (const auto &p : fw.prerequisites) {
        if (p.change == c.id)
            sequence += "<li>" + tr("Needs %1 under way first").arg(changeLink(fw, p.required)) +
                        (p.basis == Basis::App ? " <span class='app'>" + tr("(HICM Assess's reading)") + "</span>" : QString()) +
                        "</li>";
        if (p.required == c.id)
            sequence += "<li>" + tr("Comes before %1").arg(changeLink(fw, p.change)) +
                        (p.basis == Basis::App ? " <span class='app'>" + tr("(HICM Assess's reading)") + "</span>" : QString()) +
                        "</li>";
    }
    if (!sequence.isEmpty())
        h += "<h2>" + tr("Sequencing") + "</h2><ul>" + sequence + "</ul>";
    if (!c.challenges.empty()) {
        h += "<h2>" + tr("Challenges it answers") + "</h2><ul>";
        for (const auto &ref : c.challenges)
            for (const auto &ch : fw.context.challenges)
                if (ch.id == ref.challenge)
                    h += "<li>" + esc(ch.title) + (ref.basis == Basis::App ? " <span class='app'>" + tr("(HICM Assess's reading)") + "</span>" : QString()) + "</li>";
        h += "</ul>";
    }
    return h;
}

}  // namespace

QString esc(const std::string &text)
{
    return QString::fromStdString(shownAsTyped(text)).toHtmlEscaped();
}

QString esc(const SourcedText &text)
{
    return esc(text.text);
}

QString frameworkPageHtml(const Framework &fw, const QString &key)
{
    if (key == QLatin1String("about"))
        return aboutPage(fw);
    if (key == QLatin1String("part-b"))
        return partBPage(fw);
    if (key == QLatin1String("part-c"))
        return partCPage(fw);
    if (key.startsWith(QLatin1String("feature:")))
        if (const Feature *f = fw.feature(key.mid(8).toStdString()))
            return featurePage(fw, *f);
    if (key.startsWith(QLatin1String("change:")))
        if (const Change *c = fw.change(key.mid(7).toStdString()))
            return changePage(fw, *c);
    return {};
}

}  // namespace hicm::gui
