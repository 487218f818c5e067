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
    app.add_option("--workspace", ctx.workspace, "Workspace file to use instead of the default one");
    app.add_option("--framework", ctx.framework, "Framework file to use instead of the bundled one");
    app.require_subcommand(1, 1);
    app.fallthrough();

    addFrameworkCommands(app, ctx);

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
