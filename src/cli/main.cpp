#include "cli.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <iostream>
#include <string_view>

namespace {

// The command named on the command line (the first argument that is neither an option nor the value
// of --workspace / --framework), or empty.
std::string_view commandOf(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--workspace" || a == "--framework") {
            ++i;
            continue;
        }
        if (!a.empty() && a.front() != '-')
            return a;
    }
    return {};
}

}  // namespace

int main(int argc, char *argv[])
{
    std::vector<std::string> args(argv, argv + argc);
    // "report" lays out text and paints charts: that needs a QGuiApplication. It never shows anything,
    // so it uses the offscreen platform (no display needed, none touched) unless QT_QPA_PLATFORM names
    // another. Every other command stays on a QCoreApplication. (docs/cli.md)
    if (commandOf(argc, argv) == "report") {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        return hicm::cli::run(args, std::cout, std::cerr);
    }
    QCoreApplication app(argc, argv);  // for QStandardPaths and the bundled resources
    return hicm::cli::run(args, std::cout, std::cerr);
}
