// validate-framework, --help, --version and the exit codes users script against.
#include "cli_test_support.h"
#include "cli.h"
#include "test_paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <sstream>
#include <sys/wait.h>

namespace {

using hicm::clitest::Run;

Run cli(std::vector<std::string> args)
{
    return hicm::clitest::runCli(std::move(args));
}

}  // namespace

TEST_CASE("validate-framework prints a one-line summary for the bundled file", "[cli]")
{
    auto r = cli({"validate-framework", hicm::test::kFrameworkFile});
    CHECK(r.code == 0);
    CHECK(r.out == "8 features, 6 changes, 3 levels\n");
    CHECK(r.err.empty());
}

TEST_CASE("validate-framework lists every problem with file and pointer, and exits 1", "[cli]")
{
    hicm::test::TempDir dir;
    auto j = nlohmann::json::parse(hicm::test::readFile(hicm::test::kFrameworkFile));
    j["features"][6]["levels"].erase(0);
    j["prerequisites"][1]["requires"] = "X";
    const std::string path = dir.file("two-problems.json");
    hicm::test::writeFile(path, j.dump(1));
    auto r = cli({"validate-framework", path});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find(path + ": /features/6/levels: no descriptor for level 1") != std::string::npos);
    CHECK(r.err.find(path + ": /prerequisites/1/requires: unknown change \"X\"") != std::string::npos);
    CHECK(r.err.find("2 problems in " + path) != std::string::npos);
}

TEST_CASE("validate-framework gives line and column for malformed JSON", "[cli]")
{
    hicm::test::TempDir dir;
    const std::string path = dir.file("malformed.json");
    hicm::test::writeFile(path, "{\n  \"format\": 1\n  \"meta\": {}\n}\n");
    auto r = cli({"validate-framework", path});
    CHECK(r.code == 1);
    CHECK(r.err.find(path + ":3:8: not valid JSON") != std::string::npos);  // just after the unexpected "meta"
}

TEST_CASE("usage errors exit 2, help and version exit 0", "[cli]")
{
    CHECK(cli({}).code == 2);
    auto unknown = cli({"frobnicate"});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("unknown command 'frobnicate'") != std::string::npos);
    CHECK(cli({"validate-framework"}).code == 2);                 // missing FILE
    CHECK(cli({"validate-framework", "a", "b"}).code == 2);       // one too many
    CHECK(cli({"--no-such-option", "validate-framework"}).code == 2);
    auto help = cli({"--help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("validate-framework") != std::string::npos);
    auto version = cli({"--version"});
    CHECK(version.code == 0);
    CHECK(version.out.rfind("hicm-assess-cli ", 0) == 0);
    CHECK(cli({"validate-framework", "/no/such/file.json"}).code == 1);
}

TEST_CASE("the executable's exit codes are what a shell sees", "[cli]")
{
    const std::string exe = HICM_CLI_EXECUTABLE;
    auto status = [&](const std::string &args) {
        const int s = std::system((exe + " " + args + " >/dev/null 2>&1").c_str());
        return WIFEXITED(s) ? WEXITSTATUS(s) : -1;
    };
    CHECK(status("validate-framework '" + hicm::test::kFrameworkFile + "'") == 0);
    CHECK(status("validate-framework /no/such/file.json") == 1);
    CHECK(status("no-such-command") == 2);
    CHECK(status("--version") == 0);
}
