// Shared by the CLI tests: the CLI run in-process (hicm::cli::run) with its exit code and both
// outputs, and a runner bound to one workspace and the mini framework.
#pragma once

#include "cli.h"
#include "test_paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace hicm::clitest {

struct Run {
    int code;
    std::string out;
    std::string err;
};

// `hicm-assess-cli ARGS…`, as a shell would run it, in this process.
inline Run runCli(std::vector<std::string> args)
{
    args.insert(args.begin(), "hicm-assess-cli");
    std::ostringstream out, err;
    const int code = hicm::cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

// Runs the CLI on one workspace with the mini framework (for `new`).
class Cli {
public:
    explicit Cli(std::string workspace) : m_workspace(std::move(workspace)) {}
    Run operator()(std::vector<std::string> args) const
    {
        args.insert(args.begin(), {"--workspace", m_workspace, "--framework", test::kFixturesDir + "/mini-framework.json"});
        return runCli(std::move(args));
    }
    // Runs and requires exit 0; returns standard output.
    std::string ok(const std::vector<std::string> &args) const
    {
        const Run r = (*this)(args);
        INFO("args: " << args.front() << " " << (args.size() > 1 ? args[1] : "") << "\nstderr: " << r.err);
        REQUIRE(r.code == 0);
        return r.out;
    }
    nlohmann::json okJson(const std::vector<std::string> &args) const { return nlohmann::json::parse(ok(args)); }
    nlohmann::json showJson(const std::string &id) const { return okJson({"show", id, "--json"}); }
    const std::string &path() const { return m_workspace; }

private:
    std::string m_workspace;
};

}  // namespace hicm::clitest
