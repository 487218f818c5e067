// hicm-assess-cli: commands, options and exit codes are a public contract (docs/cli.md).
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace hicm::cli {

// Exit codes across the CLI.
enum Exit { Ok = 0, BadInput = 1, Usage = 2 };

// What every command shares: the global options and where to write.
struct Context {
    std::string workspace;  // --workspace FILE; empty: the default workspace
    std::string framework;  // --framework FILE; empty: the bundled framework
    std::ostream &out;
    std::ostream &err;
    int exitCode = Ok;
};

// Each part of the CLI adds its subcommands to `app`; their callbacks set ctx.exitCode.
void addFrameworkCommands(CLI::App &app, Context &ctx);
void addPrioritiseCommands(CLI::App &app, Context &ctx);
void addAssessmentCommands(CLI::App &app, Context &ctx);
void addExchangeCommands(CLI::App &app, Context &ctx);  // export, import, merge (cmd_exchange.cpp)
void addCompareCommands(CLI::App &app, Context &ctx);   // compare, trend (cmd_compare.cpp)
void addReportCommands(CLI::App &app, Context &ctx);    // report, export-csv (cmd_report.cpp)
void addRegionCommands(CLI::App &app, Context &ctx);    // region … (cmd_region.cpp, docs/region.md)
void addRoomCommands(CLI::App &app, Context &ctx);      // room (cmd_room.cpp, docs/room.md)

// Runs the CLI on the given arguments (argv[0] included); returns the exit code.
int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

}  // namespace hicm::cli
