// region: a region's assessments in PostgreSQL (docs/region.md, docs/cli.md): init, publish, list, peers,
// benchmark and extract, each with --db CONNINFO (or $HICM_REGION_DB). The figures come from the
// database's suppressed views; publish reads each file with the exchange reader and loads it whole or
// not at all. This file parses the options; the work is done by the region module (hicm-region.so,
// region_module/), loaded by these commands only, so that no other command loads libpq.
#include "cli.h"

#include "assessment_commands.h"
#include "module_loader.h"
#include "output_guard.h"
#include "region_module/region_module.h"

#include <memory>

namespace hicm::cli {

using assessment::fail;

namespace {

using regionmodule::Request;

void addDbOption(CLI::App *cmd, Request &args)
{
    cmd->add_option("--db", args.db,
                    "The region's database: a libpq connection string (default: $HICM_REGION_DB), e.g. "
                    "\"host=db.example.nhs.uk dbname=hicm sslmode=verify-full\"")
        ->type_name("CONNINFO");
}

std::string dumpJson(const nlohmann::json &json) { return assessment::dumpJson(json); }

// Runs the subcommand `name` of `region` in the region module.
void run(Context &ctx, Request &request, const char *name)
{
    QString error;
    const auto entry = reinterpret_cast<regionmodule::Entry>(
        modules::resolve(QStringLiteral("hicm-region.so"), "HICM_REGION_MODULE", regionmodule::kEntryName,
                         QStringLiteral("the region's database module of this installation"), &error));
    if (!entry)
        return fail(ctx, error.toStdString());
    request.command = name;
    request.output = &ctx.out;
    request.errors = &ctx.err;
    request.dumpJson = &dumpJson;
    request.outputRefusal = &storage::outputRefusal;
    ctx.exitCode = entry(&request);
}

// A subcommand of `region`, with --db, that runs `name` in the module.
CLI::App *addCommand(CLI::App &group, Context &ctx, const char *name, const std::string &description,
                     const std::shared_ptr<Request> &args)
{
    auto *cmd = group.add_subcommand(name, description);
    addDbOption(cmd, *args);
    cmd->callback([&ctx, args, name] { run(ctx, *args, name); });
    return cmd;
}

void addInit(CLI::App &group, Context &ctx)
{
    addCommand(group, ctx, "init", "Create or migrate the region's schema, roles and views", std::make_shared<Request>());
}

void addPublish(CLI::App &group, Context &ctx)
{
    auto args = std::make_shared<Request>();
    auto *cmd = addCommand(group, ctx, "publish",
                           "Publish exchange files to the region's database, each whole or not at all; exit 1 if any "
                           "was refused",
                           args);
    cmd->add_option("FILE", args->files, "Exchange files (.hicm.json)")->required();
}

void addList(CLI::App &group, Context &ctx)
{
    auto args = std::make_shared<Request>();
    auto *cmd = addCommand(group, ctx, "list", "List the areas that have published, their years and submissions", args);
    cmd->add_flag("--json", args->json, "Print JSON");
}

void addPeers(CLI::App &group, Context &ctx)
{
    auto args = std::make_shared<Request>();
    auto *cmd = addCommand(group, ctx, "peers", "Define a named peer group of areas (\"all\", every area, always exists)",
                           args);
    cmd->add_option("--define", args->define, "The peer group's name")->required()->type_name("NAME");
    cmd->add_option("AREA", args->files, "The areas in it (its whole membership)")->required();
}

void addBenchmarkAndExtract(CLI::App &group, Context &ctx)
{
    auto args = std::make_shared<Request>();
    auto *cmd = addCommand(group, ctx, "benchmark",
                           "An area's levels against its peers', feature by feature, and over the years", args);
    cmd->add_option("--area", args->area, "The area")->required()->type_name("NAME");
    cmd->add_option("--peers", args->peers, "The peer group (default: all areas)")->type_name("GROUP");
    cmd->add_option("--year", args->year, "The year (default: the area's latest)")->type_name("Y");
    cmd->add_flag("--json", args->json, "Print the figures as JSON (the extract's format)");

    auto xargs = std::make_shared<Request>();
    auto *x = addCommand(group, ctx, "extract", "Write an area's peer extract (JSON) for the app and the board report",
                         xargs);
    x->add_option("--area", xargs->area, "The area")->required()->type_name("NAME");
    x->add_option("--peers", xargs->peers, "The peer group (default: all areas)")->type_name("GROUP");
    x->add_option("--out", xargs->out, "The file to write (by convention NAME.hicm-peers.json)")
        ->required()
        ->type_name("FILE");
}

}  // namespace

void addRegionCommands(CLI::App &app, Context &ctx)
{
    auto *group = app.add_subcommand("region", "A region's assessments in PostgreSQL: publish exchange files, "
                                               "compare each area with its peers (docs/region.md)");
    group->require_subcommand(1, 1);
    addInit(*group, ctx);
    addPublish(*group, ctx);
    addList(*group, ctx);
    addPeers(*group, ctx);
    addBenchmarkAndExtract(*group, ctx);
}

}  // namespace hicm::cli
