// Internal: `hicm-assess-cli region …` runs in a module of its own, hicm-region.so (region_module.cpp with
// src/region and the core), loaded by those commands only: libpqxx and libpq, with the TLS, Kerberos and LDAP
// libraries libpq brings (about twenty), are no longer loaded by every other command of the CLI
// (docs/performance.md). The program parses the command line (cmd_region.cpp) and hands the module a
// Request; the module connects, runs the command and prints exactly what the command printed before.
//
// The module uses nothing of the program but the functions in Request (linked with --no-undefined).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace hicm::cli::regionmodule {

// Raised whenever Request or the entry's signature changes; a module of another version refuses.
constexpr int kAbiVersion = 1;

struct Request {
    int abiVersion = kAbiVersion;
    std::size_t size = sizeof(Request);
    std::string command;  // the subcommand: "init", "publish", "list", "peers", "benchmark" or "extract"
    std::string db;       // --db CONNINFO (empty: $HICM_REGION_DB)
    std::string area, peers, out, define;
    std::vector<std::string> files;  // publish: the exchange files; peers: the areas
    std::optional<int> year;
    bool json = false;
    std::ostream *output = nullptr;
    std::ostream *errors = nullptr;
    // The program's: JSON as every command prints it, and its output guard (why a file may not be written).
    std::string (*dumpJson)(const nlohmann::json &json) = nullptr;
    std::string (*outputRefusal)(const std::string &outputPath, const std::string &workspacePath) = nullptr;
};

// The module's one exported symbol, resolved by name: runs the request and returns the command's exit code
// (docs/cli.md); 2 with a message when the request is of another version.
constexpr const char *kEntryName = "hicm_region_command";
using Entry = int (*)(const Request *request);

}  // namespace hicm::cli::regionmodule
