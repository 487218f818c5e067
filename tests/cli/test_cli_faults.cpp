// A framework file replaced by garbage between runs: the CLI refuses it with the loader's own message
// (exit 1), and the copy of the framework stored in the workspace with each assessment is unaffected,
// so the assessments scored on it still show, prioritise and compare as before.
#include "cli_test_support.h"
#include "cli.h"
#include "framework_loader.h"
#include "hash.h"
#include "test_paths.h"
#include "workspace.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace hicm;
using namespace hicm::test;

namespace {

using hicm::clitest::Run;
using hicm::clitest::runCli;

std::string storedFramework(const std::string &workspace, std::int64_t id)
{
    auto ws = storage::Workspace::open(workspace, storage::OpenOptions{storage::OpenMode::ReadOnly});
    REQUIRE(ws.ok());
    auto json = ws->frameworkJson(id);
    REQUIRE(json.ok());
    return *json;
}

}  // namespace

TEST_CASE("a framework file turned to garbage between runs is refused with the loader's message, "
          "and the stored copy is unaffected", "[cli][faults]")
{
    TempDir dir("hicm-cli-garbage");
    const std::string workspace = dir.file("w.hicmws");
    const std::string framework = dir.file("framework.json");
    const std::string original = readFile(kFixturesDir + "/mini-framework.json");
    writeFile(framework, original);

    // First run: an assessment scored on the framework file.
    Run created = runCli({"--workspace", workspace, "--framework", framework, "new", "--area", "North Shire",
                       "--partner", "North Shire ICB=icb"});
    INFO(created.err);
    REQUIRE(created.code == 0);
    const std::string id = created.out.substr(0, created.out.find_first_not_of("0123456789"));
    REQUIRE(runCli({"--workspace", workspace, "score", id, "B1", "1"}).code == 0);
    const std::string showBefore = runCli({"--workspace", workspace, "show", id, "--json"}).out;
    const std::string prioritiseBefore = runCli({"--workspace", workspace, "prioritise", id, "--json"}).out;

    // Between runs the file is overwritten with garbage (a half-finished download, an editor crash).
    const std::string garbage = "{\"format\": 1, \"meta\": {\"id\": \"x\"\n\x01\x02 not json at all";
    writeFile(framework, garbage);
    const auto expected = parseFramework(garbage, framework);
    REQUIRE_FALSE(expected.ok());
    const std::string loaderMessage = expected.problems.front().toString();

    const std::string before = sha256Hex(readFile(workspace));
    for (const std::vector<std::string> &command :
         {std::vector<std::string>{"new", "--area", "South Shire"}, {"prioritise", id}, {"validate-framework", framework}}) {
        std::vector<std::string> args{"--workspace", workspace, "--framework", framework};
        args.insert(args.end(), command.begin(), command.end());
        if (command.front() == "validate-framework")
            args = command;
        const Run refused = runCli(args);
        INFO(command.front() << ": " << refused.err);
        CHECK(refused.code == 1);
        CHECK(refused.err.find(loaderMessage) != std::string::npos);
        CHECK(refused.out.empty());
    }
    CHECK(sha256Hex(readFile(workspace)) == before);  // nothing written by the refused commands

    // The workspace's own copy of the framework is byte for byte the one scored on, and everything
    // that uses it answers exactly as before.
    CHECK(storedFramework(workspace, std::stoll(id)) == original);
    CHECK(runCli({"--workspace", workspace, "show", id, "--json"}).out == showBefore);
    CHECK(runCli({"--workspace", workspace, "prioritise", id, "--json"}).out == prioritiseBefore);
    CHECK(runCli({"--workspace", workspace, "list"}).code == 0);
}
