// compare A B, trend --area NAME: reassessment over time (docs/cli.md). Both open the workspace read-only.
#include "cli.h"

#include "assessment_commands.h"
#include "compare.h"
#include "queries.h"
#include "trend.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <iomanip>
#include <memory>
#include <ostream>
#include <sstream>

namespace hicm::cli {

using namespace assessment;

namespace {

std::string level(const std::optional<int> &v)
{
    return v ? std::to_string(*v) : "-";
}

std::string number(double v)
{
    std::ostringstream s;
    s << std::setprecision(10) << (std::abs(v) < 1e-9 ? 0.0 : v);
    return s.str();
}

std::string refText(const AssessmentRef &r)
{
    return r.area + (r.title.empty() ? "" : " - " + r.title) + " (assessment " + std::to_string(r.id) +
           (r.date.empty() ? "" : ", " + r.date) + ")";
}

std::string metricValue(const std::optional<MetricValue> &m)
{
    return m ? m->value + (m->unit.empty() ? "" : " " + m->unit) : "-";
}

void printRecommended(std::ostream &out, const char *when, const std::vector<RecommendedRef> &list)
{
    out << "  " << when;
    if (list.empty())
        out << " none";
    for (std::size_t i = 0; i < list.size(); ++i)
        out << (i ? ", " : " ") << list[i].rank << ". " << list[i].id << " (" << label(list[i].phase) << ")";
    out << "\n";
}

void printComparison(std::ostream &out, const Comparison &c)
{
    out << "Comparison: " << refText(c.before) << " -> " << refText(c.after) << "\n";
    for (const auto &w : c.warnings)
        out << "Warning: " << w << "\n";
    out << "\nAgreed levels (then -> now)\n";
    for (const auto &f : c.features) {
        std::string line = "  " + f.featureId + " " + f.title;
        line.resize(std::max<std::size_t>(line.size() + 1, 44), ' ');
        out << line << level(f.levelBefore) << " -> " << level(f.levelAfter);
        if (f.delta() != 0)
            out << (f.delta() > 0 ? "   up " : "   down ") << std::abs(f.delta());
        else if (f.moved())
            out << (f.levelAfter ? "   newly agreed" : "   no longer agreed");
        if (f.targetChanged())
            out << "   target " << f.effectiveTargetBefore << " -> " << f.effectiveTargetAfter;
        out << "\n";
    }
    out << "Moved up: " << c.movedUp() << ", down: " << c.movedDown() << "\n";
    if (!c.whatMoved.empty()) {
        out << "\nWhat moved and why\n";
        for (const auto &s : c.whatMoved)
            out << "  " << s << "\n";
    }
    bool metricsHeader = false;
    for (const auto &f : c.features)
        for (const auto &m : f.metrics) {
            if (!metricsHeader)
                out << "\nMetrics (then -> now)\n";
            metricsHeader = true;
            out << "  " << m.metricId << " " << m.label << ": " << metricValue(m.before) << " -> "
                << metricValue(m.after) << " (" << toString(m.direction)
                << (m.difference && *m.difference != 0
                        ? ", " + std::string(*m.difference > 0 ? "+" : "") + number(*m.difference)
                        : "")
                << ")\n";
        }
    out << "\nRecommended changes\n";
    printRecommended(out, "Then:", c.recommendedBefore);
    printRecommended(out, "Now: ", c.recommendedAfter);
    if (!c.newlyRecommended.empty() || !c.noLongerRecommended.empty()) {
        auto joined = [](const std::vector<std::string> &v) {
            std::string s;
            for (const auto &x : v)
                s += (s.empty() ? "" : ", ") + x;
            return s.empty() ? std::string("none") : s;
        };
        out << "  Newly recommended: " << joined(c.newlyRecommended)
            << "; no longer recommended: " << joined(c.noLongerRecommended) << "\n";
    }
    out << "\nActions completed since\n";
    if (c.actionsCompleted.empty())
        out << "  (none)\n";
    for (const auto &a : c.actionsCompleted)
        out << "  " << a.text << (a.fromEarlierPlan ? " (from the earlier plan)" : "") << "\n";
    if (!c.stillOpen.empty()) {
        out << "Still open from the earlier plan\n";
        for (const auto &t : c.stillOpen)
            out << "  " << t << "\n";
    }
    if (c.editions.differs) {
        out << "\nFramework editions: " << c.editions.before << " -> " << c.editions.after << "\n";
        if (c.editions.changedTexts.empty())
            out << "  No text of the shared features changed.\n";
        for (const auto &t : c.editions.changedTexts)
            out << "  " << t.featureId << " " << t.what << ": " << (t.before.empty() ? "(new)" : "\"" + t.before + "\"")
                << " -> " << (t.after.empty() ? "(removed)" : "\"" + t.after + "\"") << "\n";
        for (const auto &f : c.editions.onlyBefore)
            out << "  Only in the earlier edition: " << f << "\n";
        for (const auto &f : c.editions.onlyAfter)
            out << "  Only in the later edition: " << f << "\n";
    }
}

void addCompare(CLI::App &app, Context &ctx)
{
    auto a = std::make_shared<std::int64_t>(0), b = std::make_shared<std::int64_t>(0);
    auto json = std::make_shared<bool>(false);
    auto *cmd = app.add_subcommand("compare", "Compare two assessments: A (then) with B (now)");
    cmd->add_option("A", *a, "The earlier assessment's id")->required();
    cmd->add_option("B", *b, "The later assessment's id")->required();
    cmd->add_flag("--json", *json, "Print JSON (keys in docs/cli.md)");
    cmd->callback([&ctx, a, b, json] {
        auto ws = openWorkspace(ctx, false);
        if (!ws)
            return;
        const auto compared = document::compareStored(*ws, *a, *b);
        if (!compared)
            return fail(ctx, compared.error().toString());
        const Comparison &c = compared->comparison;
        if (*json)
            ctx.out << dumpJson(compareToJson(c)) << "\n";
        else
            printComparison(ctx.out, c);
        ctx.exitCode = Ok;
    });
}

// One row of the trend table: a label column, then one column per assessment (no trailing spaces).
void printRow(std::ostream &out, std::string label, const std::vector<std::string> &cells)
{
    const std::size_t width = 42;
    if (label.size() >= width)
        label = label.substr(0, width - 4) + "...";
    label.resize(width, ' ');
    std::string line = label;
    for (const auto &c : cells) {
        line += c;
        line.resize(line.size() + (c.size() < 12 ? 12 - c.size() : 1), ' ');
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << "\n";
}

void printTrend(std::ostream &out, const Trend &t)
{
    out << "Trend: " << t.area << " (" << t.points.size() << (t.points.size() == 1 ? " assessment" : " assessments")
        << ")\n";
    std::vector<std::string> dates;
    for (const auto &p : t.points)
        dates.push_back(p.date.empty() ? "#" + std::to_string(p.id) : p.date);
    printRow(out, "  Agreed level", dates);
    for (const auto &f : t.features) {
        std::vector<std::string> cells;
        for (const auto &v : f.levels)
            cells.push_back(level(v));
        printRow(out, "  " + f.featureId + " " + f.title, cells);
    }
    if (!t.metrics.empty()) {
        out << "\n";
        printRow(out, "  Metrics", {});
        for (const auto &m : t.metrics) {
            std::vector<std::string> cells;
            for (const auto &v : m.values)
                cells.push_back(v ? number(*v) : "-");
            printRow(out, "  " + m.metricId + " " + m.label + (m.unit.empty() ? "" : " (" + m.unit + ")"), cells);
        }
    }
    for (const auto &n : t.notes)
        out << "Note: " << n << "\n";
}

void addTrend(CLI::App &app, Context &ctx)
{
    auto area = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    auto *cmd =
        app.add_subcommand("trend", "Each feature's agreed level and the metric values over an area's assessments");
    cmd->add_option("--area", *area, "The area or system (case does not matter)")->required();
    cmd->add_flag("--json", *json, "Print JSON (keys in docs/cli.md)");
    cmd->callback([&ctx, area, json] {
        auto ws = openWorkspace(ctx, false);
        if (!ws)
            return;
        auto summaries = ws->listAssessments();
        if (!summaries)
            return fail(ctx, summaries.error().toString());
        std::vector<std::string> areas;
        for (const auto &s : *summaries)
            if (std::find_if(areas.begin(), areas.end(), [&](const auto &x) { return sameArea(x, s.area); }) ==
                areas.end())
                areas.push_back(s.area);
        const auto history = document::areaHistory(*ws, *summaries, *area);
        if (!history.unread.empty())
            return fail(ctx, history.unread.front().toString());
        const std::vector<ScoredAssessment> &all = history.assessments;
        if (all.empty()) {
            std::string list;
            for (const auto &x : areas)
                list += (list.empty() ? "\"" : ", \"") + x + "\"";
            return fail(ctx, "no assessment of \"" + *area + "\" in the workspace (" +
                                 (list.empty() ? "it has no assessments" : "areas are: " + list) + ")");
        }
        const Trend t = buildTrend(all, *area);
        if (*json)
            ctx.out << dumpJson(trendToJson(t)) << "\n";
        else
            printTrend(ctx.out, t);
        ctx.exitCode = Ok;
    });
}

} // namespace

void addCompareCommands(CLI::App &app, Context &ctx)
{
    addCompare(app, ctx);
    addTrend(app, ctx);
}

} // namespace hicm::cli
