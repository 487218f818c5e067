// new, list, show, log, delete: creating, reading and deleting assessments in a workspace
// (docs/cli.md). The editing commands are in cmd_assessment_edit.cpp.
#include "assessment_commands.h"

#include "assessment_json.h"
#include "bundled.h"
#include "framework_loader.h"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace hicm::cli {

using namespace assessment;

namespace {

std::string today()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    return buffer;
}

// The framework file's bytes (--framework FILE, or the bundled one), checked; nullopt after printing.
std::optional<std::string> frameworkBytes(Context &ctx)
{
    std::string bytes, name;
    if (ctx.framework.empty()) {
        bytes = bundledFrameworkBytes();
        name = "(bundled) intermediate-care-hicm.json";
    } else {
        std::ifstream in(ctx.framework, std::ios::binary);
        if (!in) {
            fail(ctx, ctx.framework + ": cannot open the file for reading");
            return std::nullopt;
        }
        std::ostringstream s;
        s << in.rdbuf();
        bytes = s.str();
        name = ctx.framework;
    }
    const auto loaded = parseFramework(bytes, name);
    if (!loaded.ok()) {
        ctx.err << formatProblems(loaded.problems);
        fail(ctx, "the framework " + name + " does not load; no assessment was created");
        return std::nullopt;
    }
    return bytes;
}

std::string levelName(const Framework &fw, const std::optional<int> &level)
{
    if (!level)
        return "-";
    const Level *l = fw.level(*level);
    return std::to_string(*level) + (l ? " (" + l->label.text + ")" : "");
}

nlohmann::json summaryJson(const storage::AssessmentSummary &s)
{
    nlohmann::json levels = nlohmann::json::object();
    for (const auto &[feature, level] : s.levels)
        levels[feature] = level ? nlohmann::json(*level) : nlohmann::json(nullptr);
    return {{"id", s.id},
            {"area", s.area},
            {"title", s.title},
            {"date", s.date},
            {"status", toString(s.status)},
            {"updated", s.updated},
            {"framework", {{"title", s.frameworkTitle}, {"edition", s.frameworkEdition}}},
            {"agreed", s.agreedCount},
            {"features", s.featureCount},
            {"levels", levels}};
}

void printAssessment(std::ostream &out, const Assessment &a, const Framework &fw)
{
    out << "Assessment " << a.id << ": " << a.area << (a.title.empty() ? "" : " - " + a.title) << "\n";
    out << "Date: " << (a.date.empty() ? "-" : a.date) << "   Status: " << toString(a.status)
        << "   Facilitator: " << (a.facilitator.empty() ? "-" : a.facilitator) << "\n";
    out << "Framework: " << a.frameworkTitle << ", " << a.frameworkEdition << "\n";
    if (a.previousId)
        out << "Reassessment of: " << *a.previousId << "\n";
    out << "Created: " << a.created << "   Updated: " << a.updated << "\n";
    out << "\nPartners\n";
    if (a.partners.empty())
        out << "  (none)\n";
    for (const auto &p : a.partners)
        out << "  " << p.organisation << " (" << label(p.type) << ")" << (p.contact.empty() ? "" : ", " + p.contact) << "\n";
    out << "\nFeatures (" << a.agreedCount() << " of " << a.features.size() << " agreed)\n";
    for (const auto &f : a.features) {
        const Feature *def = fw.feature(f.featureId);
        out << "  " << f.featureId << " " << (def ? def->title.text : "(not in the framework)") << "\n";
        out << "     agreed " << levelName(fw, f.agreedLevel) << "; target "
            << (f.targetLevel ? levelName(fw, f.targetLevel) : "top of the scale") << "; confidence "
            << (f.confidence == Confidence::Unset ? "-" : toString(f.confidence)) << "; weight " << f.weight << "\n";
        for (const auto &pl : f.partnerLevels)
            out << "     partner " << pl.partner << ": " << levelName(fw, pl.level)
                << (pl.note.empty() ? "" : " - " + pl.note) << "\n";
        if (!f.rationale.empty())
            out << "     rationale: " << f.rationale << "\n";
        if (!f.evidence.empty())
            out << "     evidence: " << f.evidence << "\n";
        for (const auto &m : f.metrics)
            out << "     metric " << m.metricId << ": " << m.value << (m.unit.empty() ? "" : " " + m.unit)
                << (m.period.empty() ? "" : ", period " + m.period) << (m.source.empty() ? "" : ", source " + m.source)
                << "\n";
        for (const auto &t : f.plannedActions)
            out << "     planned targeted action " << t << "\n";
    }
    out << "\nActions\n";
    if (a.actions.empty())
        out << "  (none)\n";
    for (const auto &ac : a.actions) {
        out << "  " << ac.id << ". [" << toString(ac.status) << "] " << ac.text << "\n";
        std::string details;
        for (const auto &[name, value] : {std::pair{"change", ac.change}, std::pair{"feature", ac.feature},
                                          std::pair{"owner", ac.owner}, std::pair{"due", ac.due}})
            if (!value.empty())
                details += std::string(details.empty() ? "" : "; ") + name + " " + value;
        if (!details.empty())
            out << "     " << details << "\n";
        if (!ac.notes.empty())
            out << "     notes: " << ac.notes << "\n";
        if (ac.carriedFrom && a.previousId)
            out << "     carried from action " << *ac.carriedFrom << " of assessment " << *a.previousId << "\n";
    }
    if (!a.overrides.empty()) {
        out << "\nOverrides\n";
        for (const auto &o : a.overrides)
            out << "  " << toString(o.kind) << " " << o.change << (o.reason.empty() ? "" : ": " + o.reason) << "\n";
    }
}

void addNew(CLI::App &app, Context &ctx)
{
    struct Args {
        std::string area, title, date, facilitator;
        std::vector<std::string> partners;
        std::int64_t previous = 0;
    };
    auto args = std::make_shared<Args>();
    auto *cmd = app.add_subcommand("new", "Start a new assessment; prints its id");
    cmd->add_option("--area", args->area, "The area or system assessed")->required();
    cmd->add_option("--title", args->title, "A title, e.g. \"Spring workshop\"");
    cmd->add_option("--date", args->date, "The workshop's date, YYYY-MM-DD (default: today)");
    cmd->add_option("--facilitator", args->facilitator, "Who facilitates");
    cmd->add_option("--partner", args->partners, "A partner, \"ORG=TYPE\" (repeat for each)")->allow_extra_args(false);
    auto *previous = cmd->add_option("--previous", args->previous, "The id of the assessment this one reassesses");
    cmd->callback([&ctx, args, previous] {
        storage::NewAssessment fields;
        fields.area = args->area;
        fields.title = args->title;
        fields.date = args->date.empty() ? today() : args->date;
        fields.facilitator = args->facilitator;
        if (previous->count() > 0)
            fields.previousId = args->previous;
        if (!checkDate(ctx, fields.date, "date"))
            return;
        for (const auto &spec : args->partners) {
            auto p = parsePartnerSpec(ctx, spec);
            if (!p)
                return;
            fields.partners.push_back(*p);
        }
        const auto bytes = frameworkBytes(ctx);
        if (!bytes)
            return;
        auto ws = openWorkspace(ctx, true, true);
        if (!ws)
            return;
        const auto created = applyEdit(*ws, document::CreateAssessment{fields, *bytes});
        if (!created.status)
            return fail(ctx, created.status.error().toString());
        ctx.out << created.id << "\n";
        ctx.exitCode = Ok;
    });
}

void addReassess(CLI::App &app, Context &ctx)
{
    struct Args {
        std::int64_t previous = 0;
        std::string date, title;
    };
    auto args = std::make_shared<Args>();
    auto *cmd = app.add_subcommand("reassess", "Start the next assessment of an area from the last one (partners, targets, "
                                               "weights and open actions carried); prints its id");
    cmd->add_option("ID", args->previous, "The assessment to reassess")->required();
    cmd->add_option("--date", args->date, "The workshop's date, YYYY-MM-DD (default: today)");
    cmd->add_option("--title", args->title, "The new assessment's title (default: the previous one's)");
    cmd->callback([&ctx, args] {
        const std::string date = args->date.empty() ? today() : args->date;
        if (!checkDate(ctx, date, "date"))
            return;
        auto ws = openWorkspace(ctx, true);
        if (!ws)
            return;
        const auto next = applyEdit(*ws, document::Reassess{args->previous, date, args->title});
        if (!next.status)
            return fail(ctx, next.status.error().toString());
        ctx.out << next.id << "\n";
        ctx.exitCode = Ok;
    });
}

void addReadCommands(CLI::App &app, Context &ctx)
{
    auto json = std::make_shared<bool>(false);
    auto *list = app.add_subcommand("list", "List the workspace's assessments with their agreed levels");
    list->add_flag("--json", *json, "Print JSON (keys in docs/cli.md)");
    list->callback([&ctx, json] {
        if (!std::filesystem::exists(workspacePath(ctx))) {  // nothing stored yet: an empty list
            ctx.out << (*json ? "[]\n" : "");
            ctx.exitCode = Ok;
            return;
        }
        auto ws = openWorkspace(ctx, false);
        if (!ws)
            return;
        auto summaries = ws->listAssessments();
        if (!summaries)
            return fail(ctx, summaries.error().toString());
        nlohmann::json out = nlohmann::json::array();
        for (const auto &s : *summaries) {
            if (*json) {
                out.push_back(summaryJson(s));
                continue;
            }
            std::string profile;
            for (const auto &[feature, level] : s.levels)
                profile += (profile.empty() ? "" : " ") + feature + ":" + (level ? std::to_string(*level) : "-");
            ctx.out << s.id << "  " << (s.date.empty() ? "----------" : s.date) << "  " << toString(s.status) << "  "
                    << s.agreedCount << "/" << s.featureCount << " agreed  " << profile << "  " << s.area
                    << (s.title.empty() ? "" : " - " + s.title) << "\n";
        }
        if (*json)
            ctx.out << dumpJson(out) << "\n";
        ctx.exitCode = Ok;
    });

    auto showId = std::make_shared<std::int64_t>(0);
    auto showJson = std::make_shared<bool>(false);
    auto *show = app.add_subcommand("show", "Show everything recorded in an assessment");
    show->add_option("ID", *showId, "The assessment's id")->required();
    show->add_flag("--json", *showJson, "Print JSON (keys in docs/cli.md)");
    show->callback([&ctx, showId, showJson] {
        auto opened = openAssessment(ctx, *showId, false);
        if (!opened)
            return;
        if (*showJson)
            ctx.out << dumpJson(assessmentToJson(opened->assessment)) << "\n";
        else
            printAssessment(ctx.out, opened->assessment, *opened->framework);
        ctx.exitCode = Ok;
    });

    auto logId = std::make_shared<std::int64_t>(0);
    auto logJson = std::make_shared<bool>(false);
    auto *log = app.add_subcommand("log", "Show an assessment's change log: what changed, from what, to what, when");
    log->add_option("ID", *logId, "The assessment's id (also of a deleted one)")->required();
    log->add_flag("--json", *logJson, "Print JSON (keys in docs/cli.md)");
    log->callback([&ctx, logId, logJson] {
        auto ws = openWorkspace(ctx, false);
        if (!ws)
            return;
        auto entries = ws->changeLog(*logId);
        if (!entries)
            return fail(ctx, entries.error().toString());
        nlohmann::json out = nlohmann::json::array();
        for (const auto &e : *entries) {
            if (*logJson)
                out.push_back({{"id", e.id}, {"when", e.when}, {"what", e.what}, {"from", e.from}, {"to", e.to}});
            else
                ctx.out << e.when << "  " << e.what << ": " << (e.from.empty() ? "(none)" : e.from) << " -> "
                        << (e.to.empty() ? "(none)" : e.to) << "\n";
        }
        if (*logJson)
            ctx.out << dumpJson(out) << "\n";
        ctx.exitCode = Ok;
    });

    auto deleteId = std::make_shared<std::int64_t>(0);
    auto *del = app.add_subcommand("delete", "Delete an assessment (its change log is kept)");
    del->add_option("ID", *deleteId, "The assessment's id")->required();
    del->callback([&ctx, deleteId] {
        auto ws = openWorkspace(ctx, true);
        if (!ws || !check(ctx, applyEdit(*ws, document::DeleteAssessment{*deleteId}).status))
            return;
        ctx.exitCode = Ok;
    });
}

}  // namespace

void addAssessmentCommands(CLI::App &app, Context &ctx)
{
    addNew(app, ctx);
    addReassess(app, ctx);
    addReadCommands(app, ctx);
    addEditCommands(app, ctx);
}

}  // namespace hicm::cli
