#include "cli.h"

#include "hicm_version.h"

#include <QCoreApplication>

#include <ostream>

namespace hicm::cli {

int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    if (QCoreApplication::instance()) {
        QCoreApplication::setOrganizationName(QStringLiteral("HICM Assess"));
        QCoreApplication::setApplicationName(QStringLiteral("HICM Assess"));
    }
    Context ctx{{}, {}, out, err, Ok};
    CLI::App app{"HICM Assess command-line tool: check frameworks and run assessments from scripts.\n"
                 "Exit codes: 0 success, 1 bad input or data, 2 wrong usage.",
                 "hicm-assess-cli"};
    app.set_version_flag("--version", std::string("hicm-assess-cli ") + HICM_VERSION);
    app.option_defaults()->always_capture_default(false);
    app.add_option("--workspace", ctx.workspace, "Workspace file to use instead of the default one")->type_name("FILE");
    app.add_option("--framework", ctx.framework, "Framework file to use instead of the bundled one")->type_name("FILE");
    app.require_subcommand(1, 1);
    app.fallthrough();

    addFrameworkCommands(app, ctx);
    addAssessmentCommands(app, ctx);
    addPrioritiseCommands(app, ctx);
    addExchangeCommands(app, ctx);
    addCompareCommands(app, ctx);
    addReportCommands(app, ctx);
    addRegionCommands(app, ctx);
    addRoomCommands(app, ctx);

    // Name an unknown command plainly (CLI11 would only say that a subcommand is required).
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a == "--workspace" || a == "--framework") {
            ++i;  // skip the option's value
            continue;
        }
        if (!a.empty() && a[0] == '-')
            continue;
        const auto known = app.get_subcommands([&a](CLI::App *sub) { return sub->check_name(a); });
        if (known.empty()) {
            err << "hicm-assess-cli: unknown command '" << a << "'\nRun 'hicm-assess-cli --help' for the commands.\n";
            return Usage;
        }
        break;
    }

    std::vector<std::string> reversed(args.rbegin(), args.rend());
    if (!reversed.empty())
        reversed.pop_back();  // argv[0]
    try {
        app.parse(reversed);
    } catch (const CLI::CallForHelp &e) {
        out << app.help();
        return Ok;
    } catch (const CLI::CallForAllHelp &e) {
        out << app.help("", CLI::AppFormatMode::All);
        return Ok;
    } catch (const CLI::CallForVersion &e) {
        out << e.what() << "\n";
        return Ok;
    } catch (const CLI::ParseError &e) {
        err << "hicm-assess-cli: " << e.what() << "\n"
            << "Run 'hicm-assess-cli --help' for usage.\n";
        return Usage;
    }
    return ctx.exitCode;
}

}  // namespace hicm::cli
