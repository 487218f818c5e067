// validate-framework FILE
#include "cli.h"

#include "framework_loader.h"

#include <ostream>

namespace hicm::cli {

void addFrameworkCommands(CLI::App &app, Context &ctx)
{
    auto *cmd = app.add_subcommand("validate-framework",
                                   "Check a framework file; print a one-line summary (exit 0) or every problem (exit 1)");
    auto file = std::make_shared<std::string>();
    cmd->add_option("FILE", *file, "The framework JSON file")->required();
    cmd->callback([&ctx, file] {
        const auto result = loadFrameworkFile(*file);
        if (!result.ok()) {
            ctx.err << formatProblems(result.problems);
            ctx.err << result.problems.size() << (result.problems.size() == 1 ? " problem" : " problems")
                    << " in " << *file << "\n";
            ctx.exitCode = BadInput;
            return;
        }
        ctx.out << result.framework->summary() << "\n";
        ctx.exitCode = Ok;
    });
}

}  // namespace hicm::cli
