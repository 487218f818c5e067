// prioritise ID [--json]: golden cases stored in a workspace give the golden result through the CLI.
#include "cli_test_support.h"
#include "cli.h"
#include "test_paths.h"
#include "workspace.h"

#include "../unit/prioritisation_support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <regex>
#include <sstream>

using namespace hicm;
using namespace hicm::test;

namespace {

using hicm::clitest::Run;
using hicm::clitest::runCli;

// Stores a golden case's assessment in a new workspace at `path`; returns its id.
std::int64_t storeCase(const std::string &path, const GoldenCase &c)
{
    INFO("case " << c.name << ": " << c.problems);
    REQUIRE(c.assessment.has_value());
    auto ws = storage::Workspace::create(path);
    INFO((ws ? std::string() : ws.error().toString()));
    REQUIRE(ws.ok());
    const Assessment &a = *c.assessment;
    storage::NewAssessment fields{a.area, a.title, a.date, a.facilitator, a.partners, std::nullopt};
    auto id = ws->createAssessment(fields, readFile(c.frameworkFile));
    INFO((id ? std::string() : id.error().toString()));
    REQUIRE(id.ok());
    auto stored = ws->loadAssessment(*id);
    REQUIRE(stored.ok());
    auto partnerId = [&](const std::string &organisation) {
        const Partner *p = stored->partner(organisation);
        REQUIRE(p != nullptr);
        return p->id;
    };
    for (const auto &f : a.features) {
        storage::FeatureEdit edit;
        edit.agreedLevel = f.agreedLevel;
        edit.targetLevel = f.targetLevel;
        edit.confidence = f.confidence;
        edit.weight = f.weight;
        for (const auto &pl : f.partnerLevels)
            edit.partnerLevels.push_back({partnerId(pl.partner), pl.level, std::nullopt});
        const auto status = ws->updateFeature(*id, f.featureId, edit);
        INFO((status ? std::string() : status.error().toString()));
        REQUIRE(status.ok());
    }
    for (const auto &o : a.overrides)
        REQUIRE(ws->setOverride(*id, o).ok());
    return *id;
}

std::string differences(const nlohmann::json &expected, const nlohmann::json &actual)
{
    std::vector<std::string> diffs;
    jsonSubsetDiff(expected, actual, "", diffs);
    std::string out;
    for (const auto &d : diffs)
        out += d + "\n";
    return out;
}

} // namespace

TEST_CASE("prioritise --json gives the golden result for stored assessments", "[cli][prioritise]")
{
    for (const char *name : {"14-bundled-worked-example", "09-overrides-pin-and-exclude", "06-provisional-medians"}) {
        const GoldenCase c = loadGoldenCase(prioritisationDir() + "/" + name);
        TempDir dir;
        const std::string workspace = dir.file("golden.hicmws");
        const std::int64_t id = storeCase(workspace, c);
        auto r = runCli({"--workspace", workspace, "prioritise", std::to_string(id), "--json"});
        INFO(name << ": " << r.err);
        REQUIRE(r.code == 0);
        const auto j = nlohmann::json::parse(r.out);
        const std::string diff = differences(c.expected, j);
        INFO(diff);
        CHECK(diff.empty());
        // The same input always gives the same output.
        CHECK(runCli({"--workspace", workspace, "prioritise", std::to_string(id), "--json"}).out == r.out);
    }
}

TEST_CASE("prioritise prints a ranked list in phases with reasons and findings", "[cli][prioritise]")
{
    const GoldenCase c = loadGoldenCase(prioritisationDir() + "/14-bundled-worked-example");
    TempDir dir;
    const std::string workspace = dir.file("human.hicmws");
    const std::int64_t id = storeCase(workspace, c);
    auto r = runCli({"--workspace", workspace, "prioritise", std::to_string(id)});
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    const auto at = [&](const std::string &s) { return r.out.find(s); };
    // The change holding the deepest gap (B1, shared by A and E) first; A before E by its larger total.
    CHECK(at("Start now\n  1. HIC A  ") != std::string::npos);
    CHECK(at("  2. HIC E  ") < at("Next\n  4. HIC B  "));
    CHECK(at("Next\n  4. HIC B  ") < at("Later\n  6. HIC C  "));
    CHECK(at("Start now: the deepest gap is in B1 Access to intermediate care (two levels below target, rated very "
             "important)") != std::string::npos);
    CHECK(at("needs it first, so it comes earlier than its own gaps alone would place it.") != std::string::npos);
    CHECK(at("Needs first: HIC A (recommended, the app's reading)") != std::string::npos);
    CHECK(at("Targeted actions: 7 for B1, B2, B5 and B4 (0 in the plan; their texts and ids: --json)") !=
          std::string::npos);
    // Words, not arithmetic or internal codes: those are in the JSON.
    CHECK(at("score") == std::string::npos);
    CHECK(at("\u00f7") == std::string::npos);
    CHECK_FALSE(std::regex_search(r.out, std::regex("[A-Z][0-9]+\\.[A-Z]+[0-9]+")));
    CHECK(at("No shared view: B5 Focus on outcomes (partners ICB 1, Council 3, Trust 2)") != std::string::npos);
    CHECK(at("Low confidence, check the data before acting: B6") != std::string::npos);
}

TEST_CASE("prioritise shows the order the room agreed and why it differs from the method's", "[cli][prioritise]")
{
    const GoldenCase c = loadGoldenCase(prioritisationDir() + "/09-overrides-pin-and-exclude");
    TempDir dir;
    const std::string workspace = dir.file("overrides.hicmws");
    const std::int64_t id = storeCase(workspace, c);
    auto r = runCli({"--workspace", workspace, "prioritise", std::to_string(id)});
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    // The order the room agreed, with where and why it differs from the method's.
    CHECK(r.out.find("The order the room agreed") != std::string::npos);
    CHECK(r.out.find("Start now\n  1. HIC P  ") != std::string::npos);
    CHECK(r.out.find("  3. HIC R  Joint commissioning\n     HIC R Joint commissioning was pinned first by the room: The "
                     "board has made joint commissioning its priority this year; the method alone would rank it 4th.") !=
          std::string::npos);
    CHECK(r.out.find("which needs it first; the method alone would rank it 3rd.") != std::string::npos);
    CHECK(r.out.find("Left out by the room\n  HIC S ") != std::string::npos);
    CHECK(r.out.find("was left out by the room: Step-up is covered by the urgent care programme; the method alone would "
                     "rank it 2nd.") != std::string::npos);
    CHECK(r.out.find("  4. HIC S") == std::string::npos);
}

TEST_CASE("prioritise exit codes", "[cli][prioritise]")
{
    TempDir dir;
    const GoldenCase c = loadGoldenCase(prioritisationDir() + "/01-single-feature-gap");
    const std::string workspace = dir.file("codes.hicmws");
    storeCase(workspace, c);
    auto unknown = runCli({"--workspace", workspace, "prioritise", "99"});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.find("there is no assessment 99") != std::string::npos);
    auto missing = runCli({"--workspace", dir.file("nowhere.hicmws"), "prioritise", "1"});
    CHECK(missing.code == 1);
    CHECK(missing.err.find("nowhere.hicmws") != std::string::npos);
    auto badFramework = runCli({"--workspace", workspace, "--framework", dir.file("none.json"), "prioritise", "1"});
    CHECK(badFramework.code == 1);
    CHECK(badFramework.err.find("none.json") != std::string::npos);
    CHECK(runCli({"--workspace", workspace, "prioritise"}).code == 2);
    CHECK(runCli({"--workspace", workspace, "prioritise", "first"}).code == 2);
}
