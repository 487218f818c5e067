// export, import, merge: moving assessments between laptops as exchange files (docs/cli.md,
// docs/exchange-format.md). Import and merge are all or nothing: a file with any problem is refused with
// the file, JSON pointer and reason, and the workspace is left exactly as it was.
#include "cli.h"

#include "assessment_commands.h"
#include "atomic_file.h"
#include "exchange.h"
#include "merge.h"
#include "output_guard.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>

namespace hicm::cli {

using namespace assessment;

namespace {

// Reads and checks an exchange file; prints every problem and returns nullopt when there is any.
std::optional<ExchangeFile> readChecked(Context &ctx, const std::string &path, const char *refused)
{
    auto result = readExchangeFile(path);
    if (result.ok())
        return std::move(*result.file);
    ctx.err << formatProblems(result.problems);
    fail(ctx, path + ": " + std::to_string(result.problems.size()) +
                  (result.problems.size() == 1 ? " problem; " : " problems; ") + refused);
    return std::nullopt;
}

void addExport(CLI::App &app, Context &ctx)
{
    auto id = std::make_shared<std::int64_t>(0);
    auto out = std::make_shared<std::string>();
    auto *cmd = app.add_subcommand("export", "Write an assessment and its framework edition to an exchange file");
    cmd->add_option("ID", *id, "The assessment's id")->required();
    cmd->add_option("--out", *out, "The file to write (by convention NAME.hicm.json)")->required()->type_name("FILE");
    cmd->callback([&ctx, id, out] {
        auto opened = openAssessment(ctx, *id, false);
        if (!opened)
            return;
        if (const std::string why = storage::outputRefusal(*out, opened->ws.path()); !why.empty())
            return fail(ctx, why);
        auto framework = opened->ws.frameworkJson(*id);
        if (!framework)
            return fail(ctx, framework.error().toString());
        const std::string error =
            writeFileAtomically(*out, exchangeToString(opened->assessment, *framework, exchangeTimeNow()));
        if (!error.empty())
            return fail(ctx, *out + ": " + error);
        ctx.exitCode = Ok;
    });
}

void addImport(CLI::App &app, Context &ctx)
{
    auto file = std::make_shared<std::string>();
    auto *cmd =
        app.add_subcommand("import", "Add the assessment in an exchange file to the workspace; prints its new id");
    cmd->add_option("FILE", *file, "The exchange file (.hicm.json)")->required();
    cmd->callback([&ctx, file] {
        auto exchange = readChecked(ctx, *file, "nothing was imported and the workspace is unchanged");
        if (!exchange)
            return;
        auto ws = openWorkspace(ctx, true, true);
        if (!ws)
            return;
        const auto imported =
            applyEdit(*ws, document::InsertAssessment{assessmentForImport(*exchange), exchange->frameworkJson, false});
        if (!imported.status)
            return fail(ctx, imported.status.error().toString() + " (nothing was imported)");
        ctx.out << imported.id << "\n";
        ctx.exitCode = Ok;
    });
}

std::string oneLine(std::string text)
{
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\r', ' ');
    return text;
}

void printPlan(std::ostream &out, const MergePlan &plan, const std::string &file)
{
    out << "Merge of " << file << " (" << plan.incomingArea
        << (plan.incomingTitle.empty() ? "" : " - " + plan.incomingTitle)
        << (plan.incomingDate.empty() ? "" : ", " + plan.incomingDate) << ") into assessment " << plan.workshop.id
        << " (" << plan.workshop.area << (plan.workshop.title.empty() ? "" : " - " + plan.workshop.title) << ")\n";
    for (const auto &w : plan.warnings)
        out << "Warning: " << w << "\n";
    for (const auto &i : plan.items) {
        out << "  " << toString(i.status) << std::string(10 - std::string(toString(i.status)).size(), ' ') << i.label;
        if (i.status == MergeItemStatus::Conflict)
            out << ": workshop \"" << oneLine(i.workshop) << "\", incoming \"" << oneLine(i.incoming) << "\"  ["
                << i.key << "]";
        else
            out << ": " << oneLine(i.incoming);
        out << "\n";
    }
    for (const auto &n : plan.notes)
        out << "Note: " << n << "\n";
    const std::size_t same = plan.items.size() - plan.newItems() - plan.conflicts();
    out << plan.newItems() << " new, " << plan.conflicts() << (plan.conflicts() == 1 ? " conflict, " : " conflicts, ")
        << same << " already the same\n";
}

void addMerge(CLI::App &app, Context &ctx)
{
    struct Args {
        std::int64_t id = 0;
        std::string file, take, as;
        std::vector<std::string> choose;
        bool dryRun = false, json = false;
    };
    auto args = std::make_shared<Args>();
    auto *cmd = app.add_subcommand("merge", "Merge a partner's exchange file into a workshop's assessment");
    cmd->add_option("ID", args->id, "The workshop's assessment")->required();
    cmd->add_option("FILE", args->file, "The partner's exchange file (.hicm.json)")->required();
    cmd->add_option("--take", args->take, "Resolve every conflict: keep the workshop's value or take the incoming one")
        ->check(CLI::IsMember({"incoming", "workshop"}))
        ->type_name("incoming|workshop");
    cmd->add_option("--choose", args->choose, "Resolve one conflict: KEY=workshop|incoming|both (repeat)")
        ->type_name("KEY=CHOICE")
        ->allow_extra_args(false);
    cmd->add_option("--as", args->as, "Take the file's agreed levels and rationales as this partner's view")
        ->type_name("ORG=TYPE");
    cmd->add_flag("--dry-run", args->dryRun, "Show what would change and change nothing");
    cmd->add_flag("--json", args->json, "Print the merge plan as JSON (keys in docs/cli.md)");
    cmd->callback([&ctx, args] {
        MergeChoices choices;
        if (!args->take.empty())
            choices.all = parseMergeChoice(args->take);
        for (const auto &spec : args->choose) {
            const auto eq = spec.rfind('=');
            const auto choice = eq == std::string::npos ? std::nullopt : parseMergeChoice(spec.substr(eq + 1));
            if (!choice)
                return fail(ctx, "--choose \"" + spec + "\": write KEY=workshop, KEY=incoming or KEY=both", Usage);
            choices.byKey[spec.substr(0, eq)] = *choice;
        }
        MergeOptions options;
        if (!args->as.empty()) {
            auto partner = parsePartnerSpec(ctx, args->as);
            if (!partner)
                return;
            options.asPartner = *partner;
        }
        auto exchange = readChecked(ctx, args->file, "nothing was merged and the workspace is unchanged");
        if (!exchange)
            return;
        auto opened = openAssessment(ctx, args->id, !args->dryRun);
        if (!opened)
            return;
        const MergePlan plan =
            planMerge(opened->assessment, *opened->framework, exchange->assessment, *exchange->framework, options);
        const MergeOutcome outcome = applyMerge(plan, choices);
        const bool willApply = outcome.ok() && !args->dryRun;
        if (args->json) {
            nlohmann::json j = mergePlanToJson(plan);
            j["unresolved"] = outcome.unresolved;
            j["applied"] = willApply;
            ctx.out << dumpJson(j) << "\n";
        } else {
            printPlan(ctx.out, plan, args->file);
        }
        if (!outcome.errors.empty()) {
            for (const auto &e : outcome.errors)
                ctx.err << "hicm-assess-cli: " << e << "\n";
            return fail(ctx, "nothing was merged");
        }
        if (!outcome.unresolved.empty())
            return fail(ctx, std::to_string(outcome.unresolved.size()) +
                                 (outcome.unresolved.size() == 1 ? " conflict" : " conflicts") +
                                 " to decide: use --take incoming|workshop, or --choose KEY=CHOICE for each; "
                                 "nothing was merged");
        if (args->dryRun) {
            if (!args->json)
                ctx.out << "Dry run: nothing was changed.\n";
            ctx.exitCode = Ok;
            return;
        }
        if (!check(ctx, applyEdit(*opened, document::MergeFile{*outcome.merged, args->file, opened->assessment.updated})))
            return;
        if (!args->json)
            ctx.out << "Merged " << outcome.applied << (outcome.applied == 1 ? " item" : " items")
                    << " into assessment " << args->id << ".\n";
        ctx.exitCode = Ok;
    });
}

} // namespace

void addExchangeCommands(CLI::App &app, Context &ctx)
{
    addExport(app, ctx);
    addImport(app, ctx);
    addMerge(app, ctx);
}

} // namespace hicm::cli
