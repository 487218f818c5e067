#include "cli.h"

#include <QCoreApplication>

#include <iostream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);  // for QStandardPaths and the bundled resources
    std::vector<std::string> args(argv, argv + argc);
    return hicm::cli::run(args, std::cout, std::cerr);
}
