// The assessment commands end to end: a whole small assessment run from the command line, refusals
// that list the valid choices, usage errors, hostile text, and files that are not workspaces.
#include "cli_test_support.h"
#include "text.h"
#include "cli.h"
#include "hash.h"
#include "paths.h"
#include "test_paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <sstream>

using nlohmann::json;
using namespace hicm::test;

namespace {

using hicm::clitest::Cli;
using hicm::clitest::Run;

const json &feature(const json &a, const std::string &id)
{
    for (const auto &f : a.at("features"))
        if (f.at("id") == id)
            return f;
    FAIL("no feature " << id);
    throw;
}

}  // namespace

TEST_CASE("a whole assessment runs from the command line", "[cli][assessment]")
{
    TempDir dir("hicm-cli");
    const Cli cli(dir.file("w.hicmws"));
    const std::string id = cli.ok({"new", "--area", "North Shire", "--title", "Spring workshop", "--date", "2025-03-04",
                                   "--facilitator", "Ana", "--partner", "North ICB=icb", "--partner",
                                   "Shire Council=Local authority"});
    CHECK(id == "1\n");  // the id alone on a line
    cli.ok({"partner", "1", "--add", "Care Co=care-provider", "--contact", "Sam"});
    cli.ok({"partner", "1", "--add", "Temp=other"});
    cli.ok({"partner", "1", "--remove", "Temp"});
    cli.ok({"score", "1", "B1", "1", "--partner", "North ICB", "--note", "one door is missing"});
    cli.ok({"score", "1", "B1", "Developing", "--partner", "Shire Council"});
    cli.ok({"score", "1", "B1", "foundational", "--partner", "Care Co"});
    cli.ok({"score", "1", "B1", "2", "--confidence", "medium", "--rationale", "two of three places", "--note", "audit 2024"});
    cli.ok({"score", "1", "B2", "Not yet established"});
    cli.ok({"target", "1", "B1", "3"});
    cli.ok({"target", "1", "B2", "developing"});
    cli.ok({"weight", "1", "B1", "3"});
    cli.ok({"metric", "1", "B1", "B1.M2", "14", "--unit", "days", "--period", "2024-25", "--source", "SUS"});
    CHECK(cli.ok({"action", "1", "--add", "Open a single point of access", "--change", "A", "--feature", "B1",
                  "--owner", "Jo", "--due", "2025-09-30"}) == "1\n");
    CHECK(cli.ok({"action", "1", "--add", "Write a workforce plan"}) == "2\n");
    cli.ok({"action", "1", "--set", "1", "--status", "in-progress", "--notes", "pilot in the north"});
    cli.ok({"action", "1", "--remove", "2"});
    cli.ok({"plan", "1", "B2", "B2.T1"});
    cli.ok({"override", "1", "B", "--pin", "--reason", "governance first"});
    cli.ok({"edit", "1", "--status", "final"});

    const json a = cli.showJson("1");
    CHECK(a.at("id") == 1);
    CHECK(a.at("area") == "North Shire");
    CHECK(a.at("title") == "Spring workshop");
    CHECK(a.at("date") == "2025-03-04");
    CHECK(a.at("facilitator") == "Ana");
    CHECK(a.at("status") == "final");
    CHECK(a.at("framework").at("title") == "Mini test framework");
    CHECK(a.at("framework").at("hash") == hicm::sha256Hex(readFile(kFixturesDir + "/mini-framework.json")));
    REQUIRE(a.at("partners").size() == 3);
    CHECK(a.at("partners")[1].at("organisation") == "Shire Council");
    CHECK(a.at("partners")[1].at("type") == "local-authority");
    CHECK(a.at("partners")[2].at("contact") == "Sam");
    const json &b1 = feature(a, "B1");
    CHECK(b1.at("agreed_level") == 2);
    CHECK(b1.at("rationale") == "two of three places");
    CHECK(b1.at("evidence") == "audit 2024");
    CHECK(b1.at("confidence") == "medium");
    CHECK(b1.at("target_level") == 3);
    CHECK(b1.at("weight") == 3);
    REQUIRE(b1.at("partner_levels").size() == 3);
    CHECK(b1.at("partner_levels")[0] == json{{"partner", "North ICB"}, {"level", 1}, {"note", "one door is missing"}});
    CHECK(b1.at("partner_levels")[1].at("level") == 2);
    CHECK(b1.at("partner_levels")[2].at("level") == 1);
    CHECK(b1.at("metrics") ==
          json::array({{{"id", "B1.M2"}, {"value", "14"}, {"unit", "days"}, {"period", "2024-25"}, {"source", "SUS"}}}));
    const json &b2 = feature(a, "B2");
    CHECK(b2.at("agreed_level") == 1);
    CHECK(b2.at("target_level") == 2);
    CHECK(b2.at("weight") == 2);
    CHECK(b2.at("planned_actions") == json::array({"B2.T1"}));
    CHECK(feature(a, "B3").at("agreed_level").is_null());
    REQUIRE(a.at("actions").size() == 1);
    const json &action = a.at("actions")[0];
    CHECK(action.at("id") == 1);
    CHECK(action.at("text") == "Open a single point of access");
    CHECK(action.at("change") == "A");
    CHECK(action.at("feature") == "B1");
    CHECK(action.at("owner") == "Jo");
    CHECK(action.at("due") == "2025-09-30");
    CHECK(action.at("status") == "in-progress");
    CHECK(action.at("notes") == "pilot in the north");
    CHECK(a.at("overrides") == json::array({{{"change", "B"}, {"kind", "pin"}, {"reason", "governance first"}}}));

    const std::string human = cli.ok({"show", "1"});
    CHECK(human.find("Assessment 1: North Shire - Spring workshop") != std::string::npos);
    CHECK(human.find("agreed 2 (Developing); target 3 (Established); confidence medium; weight 3") != std::string::npos);

    const json log = json::parse(cli.ok({"log", "1", "--json"}));
    auto logged = [&](const std::string &what, const std::string &from, const std::string &to) {
        for (const auto &e : log)
            if (e.at("what") == what && e.at("from") == from && e.at("to") == to)
                return true;
        return false;
    };
    CHECK(logged("assessment created", "", "North Shire"));
    CHECK(logged("partner level B1 North ICB", "", "1"));
    CHECK(logged("agreed level B1", "", "2"));
    CHECK(logged("weight B1", "2", "3"));
    CHECK(logged("action 1 status", "not-started", "in-progress"));
    CHECK(logged("partner removed", "Temp (other)", ""));
    CHECK(logged("status", "draft", "final"));
    CHECK(cli.ok({"log", "1"}).find("weight B1: 2 -> 3") != std::string::npos);

    const json list = json::parse(cli.ok({"list", "--json"}));
    REQUIRE(list.size() == 1);
    CHECK(list[0].at("agreed") == 2);
    CHECK(list[0].at("levels") == json{{"B1", 2}, {"B2", 1}, {"B3", nullptr}});
    CHECK(cli.ok({"list"}).find("B1:2 B2:1 B3:-") != std::string::npos);

    cli.ok({"delete", "1"});
    const Run gone = cli({"show", "1"});
    CHECK(gone.code == 1);
    CHECK(gone.err.find("no assessment 1") != std::string::npos);
    CHECK(json::parse(cli.ok({"list", "--json"})).empty());
    CHECK(json::parse(cli.ok({"log", "1", "--json"})).back().at("what") == "assessment deleted");
}

TEST_CASE("unknown features, levels, metrics, partners and changes exit 1 listing the valid ones", "[cli][assessment]")
{
    TempDir dir("hicm-cli");
    const Cli cli(dir.file("w.hicmws"));
    cli.ok({"new", "--area", "A", "--partner", "ICB=icb"});
    const std::pair<std::vector<std::string>, std::string> cases[] = {
        {{"score", "1", "B9", "2"}, "unknown feature \"B9\" (features are: B1, B2, B3)"},
        {{"score", "1", "B1", "Excellent"}, "unknown level \"Excellent\" (levels are: 1 (Not yet established, Foundational), 2 (Developing), 3 (Established)"},
        {{"score", "1", "B1", "4"}, "unknown level \"4\""},
        {{"score", "1", "B1", "2", "--partner", "Trust"}, "has no partner \"Trust\" (partners are: \"ICB\")"},
        {{"score", "1", "B1", "2", "--confidence", "sure"}, "confidence is low, medium or high"},
        {{"target", "1", "B7", "2"}, "features are: B1, B2, B3"},
        {{"weight", "1", "B1", "0"}, "is not 1, 2 or 3"},
        // B3 has metrics in the bundled framework but none in the stored (mini) one: the stored one rules.
        {{"metric", "1", "B3", "B3.M1", "5"}, "unknown metric \"B3.M1\" for feature B3 (its metrics are: none)"},
        {{"metric", "1", "B1", "B2.M1", "5"}, "its metrics are: B1.M1, B1.M2"},
        {{"action", "1", "--add", "x", "--change", "F"}, "unknown change \"F\" (changes are: A, B)"},
        {{"action", "1", "--add", "x", "--feature", "B8"}, "features are: B1, B2, B3"},
        {{"action", "1", "--add", "x", "--due", "2025-02-30"}, "not a date written YYYY-MM-DD"},
        {{"action", "1", "--set", "7", "--status", "done"}, "has no action 7 (it has no actions yet)"},
        {{"action", "1", "--add", "x", "--status", "finished"}, "statuses are: not-started, in-progress, done"},
        {{"override", "1", "Z", "--exclude"}, "changes are: A, B"},
        {{"plan", "1", "B1", "B1.T9"}, "its targeted actions are: B1.T1"},
        {{"partner", "1", "--add", "ICB=icb"}, "already has a partner named \"ICB\""},
        {{"partner", "1", "--add", "New=hospital"}, "types are: icb, nhs-trust, local-authority"},
        {{"partner", "1", "--remove", "Nobody"}, "has no partner \"Nobody\""},
        {{"score", "2", "B1", "2"}, "no assessment 2"},
        {{"new", "--area", "B", "--date", "2025-13-01"}, "not a date written YYYY-MM-DD"},
    };
    for (const auto &[args, message] : cases) {
        const Run r = cli(args);
        INFO(args[0] << " " << args[1] << " " << (args.size() > 2 ? args[2] : "") << "\nstderr: " << r.err);
        CHECK(r.code == 1);
        CHECK(r.out.empty());
        CHECK(r.err.find(message) != std::string::npos);
    }
    // Nothing of the refused commands was stored.
    CHECK(json::parse(cli.ok({"log", "1", "--json"})).size() == 2);
    CHECK(json::parse(cli.ok({"list", "--json"})).size() == 1);
}

TEST_CASE("wrong usage exits 2 without touching the workspace", "[cli][assessment]")
{
    TempDir dir("hicm-cli");
    const Cli cli(dir.file("w.hicmws"));
    cli.ok({"new", "--area", "A", "--partner", "ICB=icb"});
    const std::string before = hicm::sha256Hex(readFile(dir.file("w.hicmws")));
    const std::vector<std::vector<std::string>> cases = {
        {"new"},                                            // --area is required
        {"score", "1", "B1"},                               // LEVEL missing
        {"score", "one", "B1", "2"},                        // ID not a number
        {"score", "1", "B1", "2", "--partner", "ICB", "--rationale", "x"},
        {"action", "1"},                                    // none of --add, --set, --remove
        {"action", "1", "--add", "x", "--set", "1"},
        {"override", "1", "A"},                             // none of --pin, --exclude, --clear
        {"override", "1", "A", "--pin", "--exclude"},
        {"partner", "1"},
        {"edit", "1"},
        {"show"},
    };
    for (const auto &args : cases) {
        const Run r = cli(args);
        INFO(args[0] << " (" << args.size() << " args)\nstderr: " << r.err);
        CHECK(r.code == 2);
        CHECK_FALSE(r.err.empty());
    }
    CHECK(hicm::sha256Hex(readFile(dir.file("w.hicmws"))) == before);
}

TEST_CASE("hostile text round-trips byte for byte through the CLI", "[cli][assessment][text]")
{
    TempDir dir("hicm-cli");
    const Cli cli(dir.file("w.hicmws"));
    std::string big;
    const std::string piece = "Notes with 'quotes', \"double\", emoji 🏥🧑‍⚕️, RTL مرحبا שלום, controls \x01\x1b[0m\t.\n";
    while (hicm::characterCount(big + piece) <= hicm::kMaxTextCharacters)  // as long as a text may be (text.h)
        big += piece;
    const std::vector<std::string> texts = {
        "'); DROP TABLE assessments;--", "Café — 日本語 🧑‍⚕️ \u202Eevil\u202C", "line one\nline two\r\n\ttabbed \x07\x7f",
        "  spaces kept  ", big};
    int n = 0;
    for (const auto &text : texts) {
        INFO("text #" << n);
        const std::string id = std::to_string(++n);
        const std::string org = "Org " + id + " " + (text.size() < 200 ? text : std::string("(big)"));
        REQUIRE(cli.ok({"new", "--area", text, "--title", text, "--facilitator", text, "--partner", org + "=vcfse"}) ==
                id + "\n");
        cli.ok({"score", id, "B1", "2", "--partner", org, "--note", text});
        cli.ok({"score", id, "B1", "3", "--rationale", text, "--note", text});
        cli.ok({"metric", id, "B1", "B1.M1", text, "--unit", text, "--period", text, "--source", text});
        cli.ok({"action", id, "--add", text, "--owner", text, "--notes", text});
        cli.ok({"override", id, "A", "--exclude", "--reason", text});
        const json a = cli.showJson(id);
        CHECK(a.at("area") == text);
        CHECK(a.at("title") == text);
        CHECK(a.at("facilitator") == text);
        CHECK(a.at("partners")[0].at("organisation") == org);
        const json &b1 = feature(a, "B1");
        CHECK(b1.at("partner_levels")[0].at("note") == text);
        CHECK(b1.at("rationale") == text);
        CHECK(b1.at("evidence") == text);
        CHECK(b1.at("metrics")[0] == json{{"id", "B1.M1"}, {"value", text}, {"unit", text}, {"period", text}, {"source", text}});
        CHECK(a.at("actions")[0].at("text") == text);
        CHECK(a.at("actions")[0].at("owner") == text);
        CHECK(a.at("actions")[0].at("notes") == text);
        CHECK(a.at("overrides")[0].at("reason") == text);
        CHECK(cli.ok({"show", id}).find(text) != std::string::npos);  // human output: the raw bytes
        CHECK(json::parse(cli.ok({"log", id, "--json"}))[0].at("to") == text);
    }
    CHECK(json::parse(cli.ok({"list", "--json"})).size() == texts.size());
}

TEST_CASE("a file that is not a workspace is refused with exit 1 and left unchanged", "[cli][assessment]")
{
    TempDir dir("hicm-cli");
    const std::pair<std::string, std::string> files[] = {
        {"empty.hicmws", ""}, {"notes.hicmws", "Workshop notes\n"}, {"half.hicmws", std::string("SQLite format 3\0", 16)}};
    for (const auto &[name, bytes] : files) {
        const std::string path = dir.file(name);
        writeFile(path, bytes);
        const Cli cli(path);
        for (const auto &args : std::vector<std::vector<std::string>>{{"new", "--area", "A"}, {"list"}, {"show", "1"}}) {
            const Run r = cli(args);
            INFO(name << ": " << args[0] << "\nstderr: " << r.err);
            CHECK(r.code == 1);
            CHECK(r.err.find("hicm-assess-cli: " + path + ": ") == 0);
        }
        CHECK(readFile(path) == bytes);
        CHECK_FALSE(std::filesystem::exists(path + ".backups"));
    }
}

TEST_CASE("without --workspace the default workspace in the application data folder is used", "[cli][assessment]")
{
    TempDir dir("hicm-cli-home");
    const char *old = std::getenv("XDG_DATA_HOME");
    const std::string saved = old ? old : "";
    ::setenv("XDG_DATA_HOME", dir.path().c_str(), 1);
    std::ostringstream out, err;
    const int code = hicm::cli::run({"hicm-assess-cli", "--framework", kFixturesDir + "/mini-framework.json", "new",
                                     "--area", "Default"},
                                    out, err);
    const std::string expected = hicm::defaultWorkspacePath();  // after run() has named the application
    std::ostringstream out2, err2;
    hicm::cli::run({"hicm-assess-cli", "list", "--json"}, out2, err2);
    if (old)
        ::setenv("XDG_DATA_HOME", saved.c_str(), 1);
    else
        ::unsetenv("XDG_DATA_HOME");
    INFO(err.str());
    CHECK(code == 0);
    CHECK(expected.rfind(dir.path(), 0) == 0);
    CHECK(expected.size() > std::string("/workspace.hicmws").size());
    CHECK(expected.substr(expected.size() - 17) == "/workspace.hicmws");
    CHECK(std::filesystem::exists(expected));
    CHECK(json::parse(out2.str()).at(0).at("area") == "Default");
}
