#include "comparehtml.h"

#include "text.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>

namespace hicm::gui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Compare", text);
}

QString esc(const std::string &s)
{
    return QString::fromStdString(shownAsTyped(s)).toHtmlEscaped();
}

QString level(const std::optional<int> &v)
{
    return v ? QString::number(*v) : QStringLiteral("\u2013");
}

QString refText(const AssessmentRef &r)
{
    QString s = esc(r.area);
    if (!r.title.empty())
        s += QStringLiteral(" \u2014 ") + esc(r.title);
    return s + QStringLiteral(" <span style='color:#555'>(%1%2)</span>")
                   .arg(r.date.empty() ? QString() : esc(r.date) + QStringLiteral(", "), tr("assessment %1").arg(r.id));
}

QString metricText(const std::optional<MetricValue> &m)
{
    if (!m)
        return QStringLiteral("\u2013");
    return esc(m->value + (m->unit.empty() ? "" : " " + m->unit));
}

QString directionText(const MetricChange &m)
{
    QString text;
    switch (m.direction) {
    case MetricDirection::Up:
        text = tr("up");
        break;
    case MetricDirection::Down:
        text = tr("down");
        break;
    case MetricDirection::Same:
        text = tr("the same");
        break;
    case MetricDirection::Changed:
        text = tr("changed");
        break;
    case MetricDirection::Added:
        text = tr("new");
        break;
    case MetricDirection::Removed:
        text = tr("not recorded now");
        break;
    }
    if (m.difference && std::abs(*m.difference) > 0)
        text += QStringLiteral(" (%1%2)")
                    .arg(*m.difference > 0 ? QStringLiteral("+") : QString())
                    .arg(*m.difference, 0, 'g', 8);
    return text;
}

QString recommendedList(const std::vector<RecommendedRef> &list)
{
    if (list.empty())
        return tr("none");
    QStringList items;
    for (const auto &r : list)
        items
            << QStringLiteral("%1. <b>%2</b> %3 <i>(%4)</i>").arg(r.rank).arg(esc(r.id), esc(r.title), label(r.phase));
    return items.join(QStringLiteral("<br>"));
}

QString bullets(const std::vector<std::string> &items)
{
    QString out = QStringLiteral("<ul>");
    for (const auto &i : items)
        out += QStringLiteral("<li>") + esc(i) + QStringLiteral("</li>");
    return out + QStringLiteral("</ul>");
}

QString levelsTable(const Comparison &c)
{
    QString out = QStringLiteral("<table cellpadding='4' cellspacing='0' border='1' style='border-collapse:collapse'>"
                                 "<tr><th align='left'>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
                      .arg(tr("Feature"), tr("Then"), tr("Now"), tr("Change"), tr("Target then \u2192 now"));
    for (const auto &f : c.features) {
        QString change;
        if (f.delta() > 0)
            change = tr("\u25b2 up %1").arg(f.delta());
        else if (f.delta() < 0)
            change = tr("\u25bc down %1").arg(-f.delta());
        else if (f.moved())
            change = f.levelAfter ? tr("newly agreed") : tr("no longer agreed");
        const QString target =
            f.targetChanged() ? QStringLiteral("%1 \u2192 %2").arg(f.effectiveTargetBefore).arg(f.effectiveTargetAfter)
                              : QString::number(f.effectiveTargetAfter);
        out += QStringLiteral("<tr><td><b>%1</b> %2</td><td align='center'>%3</td><td align='center'>%4</td>"
                              "<td>%5</td><td align='center'>%6</td></tr>")
                   .arg(esc(f.featureId), esc(f.title), level(f.levelBefore), level(f.levelAfter), change, target);
    }
    return out + QStringLiteral("</table>");
}

QString metricsTable(const Comparison &c)
{
    QString rows;
    for (const auto &f : c.features)
        for (const auto &m : f.metrics)
            rows +=
                QStringLiteral("<tr><td><b>%1</b> %2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(esc(m.metricId), esc(m.label), metricText(m.before), metricText(m.after), directionText(m));
    if (rows.isEmpty())
        return QStringLiteral("<p>%1</p>").arg(tr("No metric values were recorded in either assessment."));
    return QStringLiteral("<table cellpadding='4' cellspacing='0' border='1' style='border-collapse:collapse'>"
                          "<tr><th align='left'>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
               .arg(tr("Data item"), tr("Then"), tr("Now"), tr("Direction")) +
           rows + QStringLiteral("</table>");
}

QString editionsSection(const EditionDifference &e)
{
    QString out = QStringLiteral("<h3>%1</h3><p>%2</p>")
                      .arg(tr("Framework editions"), tr("Then: %1. Now: %2.").arg(esc(e.before), esc(e.after)));
    if (e.changedTexts.empty())
        out += QStringLiteral("<p>%1</p>").arg(tr("No text of the features both editions have changed."));
    else {
        out += QStringLiteral("<ul>");
        for (const auto &t : e.changedTexts)
            out += QStringLiteral("<li><b>%1</b> %2: %3 \u2192 %4</li>")
                       .arg(esc(t.featureId), esc(t.what),
                            t.before.empty() ? tr("(new)")
                                             : QStringLiteral("\u201c") + esc(t.before) + QStringLiteral("\u201d"),
                            t.after.empty() ? tr("(removed)")
                                            : QStringLiteral("\u201c") + esc(t.after) + QStringLiteral("\u201d"));
        out += QStringLiteral("</ul>");
    }
    if (!e.onlyBefore.empty())
        out += QStringLiteral("<p>%1</p>").arg(tr("Only in the earlier edition:")) + bullets(e.onlyBefore);
    if (!e.onlyAfter.empty())
        out += QStringLiteral("<p>%1</p>").arg(tr("Only in the later edition:")) + bullets(e.onlyAfter);
    return out;
}

} // namespace

QString comparisonHtml(const Comparison &c)
{
    QString html =
        QStringLiteral("<h2>%1</h2><p>%2<br>\u2192 %3</p>").arg(tr("What moved"), refText(c.before), refText(c.after));
    for (const auto &w : c.warnings)
        html += QStringLiteral("<p style='color:#8a3b00'><b>%1</b> %2</p>").arg(tr("Note:"), esc(w));
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("%1 moved up, %2 moved down, of %3 features compared.")
                         .arg(c.movedUp())
                         .arg(c.movedDown())
                         .arg(c.features.size()));
    html += levelsTable(c);
    html += QStringLiteral("<h3>%1</h3>").arg(tr("What moved and why"));
    html +=
        c.whatMoved.empty() ? QStringLiteral("<p>%1</p>").arg(tr("No agreed level changed.")) : bullets(c.whatMoved);
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Metrics")) + metricsTable(c);
    html += QStringLiteral("<h3>%1</h3><table cellpadding='4'><tr><th align='left'>%2</th><th align='left'>%3</th></tr>"
                           "<tr><td valign='top'>%4</td><td valign='top'>%5</td></tr></table>")
                .arg(tr("Recommended changes"), tr("Then"), tr("Now"), recommendedList(c.recommendedBefore),
                     recommendedList(c.recommendedAfter));
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Actions completed since"));
    if (c.actionsCompleted.empty())
        html += QStringLiteral("<p>%1</p>").arg(tr("None recorded."));
    else {
        html += QStringLiteral("<ul>");
        for (const auto &a : c.actionsCompleted)
            html += QStringLiteral("<li>%1%2</li>")
                        .arg(esc(a.text), a.fromEarlierPlan
                                              ? QStringLiteral(" <i>(%1)</i>").arg(tr("from the earlier plan"))
                                              : QString());
        html += QStringLiteral("</ul>");
    }
    if (!c.stillOpen.empty())
        html += QStringLiteral("<h3>%1</h3>").arg(tr("Still open from the earlier plan")) + bullets(c.stillOpen);
    if (c.editions.differs)
        html += editionsSection(c.editions);
    return html;
}

} // namespace hicm::gui
