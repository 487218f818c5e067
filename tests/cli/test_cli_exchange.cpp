// export, import, merge, compare and trend from the command line: round trips, refusals that leave the
// workspace byte for byte as it was, merges with and without conflicts, and three partners' laptops.
#include "cli_test_support.h"
#include "cli.h"
#include "hash.h"
#include "json_support.h"
#include "test_paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

#include <sys/wait.h>

using nlohmann::json;
using namespace hicm::test;
using hicm::sha256Hex;

namespace {

using hicm::clitest::Cli;
using hicm::clitest::Run;

std::vector<std::string> brokenFiles()
{
    std::vector<std::string> files;
    for (const auto &e : std::filesystem::directory_iterator(kTestDataDir + "/exchange/broken"))
        if (e.path().string().size() > 10 && e.path().string().ends_with(".hicm.json"))
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

std::string sidecar(const std::string &file, const std::string &key)
{
    std::istringstream lines(readFile(file.substr(0, file.size() - 10) + ".expected.txt"));
    for (std::string line; std::getline(lines, line);)
        if (line.rfind(key + ": ", 0) == 0)
            return line.substr(key.size() + 2);
    return {};
}

// A workshop of two partners with B1 scored by North ICB, ready to be merged into.
void makeWorkshop(const Cli &cli)
{
    cli.ok({"new", "--area", "North Shire", "--date", "2025-03-04", "--partner", "North ICB=icb"});
    cli.ok({"score", "1", "B1", "1", "--partner", "North ICB", "--note", "three doors"});
    cli.ok({"metric", "1", "B1", "B1.M1", "120"});
}

} // namespace

TEST_CASE("exchange cli: export then import gives an identical assessment", "[cli][exchange]")
{
    TempDir dir("hicm-cli-exchange");
    const Cli from(dir.file("from.hicmws")), to(dir.file("to.hicmws"));
    from.ok({"new", "--area", "North Shire", "--title", "Spring \"24\"", "--partner", "North ICB=icb", "--partner",
             "<b>Acme & Sons</b>=care-provider"});
    from.ok({"score", "1", "B1", "2", "--partner", "<b>Acme & Sons</b>", "--note", "caf\xC3\xA9\nsecond line"});
    from.ok({"score", "1", "B1", "2", "--confidence", "high", "--rationale", "agreed", "--note", "evidence"});
    from.ok({"target", "1", "B2", "2"});
    from.ok({"weight", "1", "B3", "1"});
    from.ok({"metric", "1", "B1", "B1.M2", "7", "--unit", "days", "--period", "Q1", "--source", "audit"});
    from.ok({"plan", "1", "B1", "B1.T1"});
    from.ok({"action", "1", "--add", "Open a single point of access", "--change", "A", "--due", "2025-09-01"});
    from.ok({"override", "1", "B", "--pin", "--reason", "the board"});
    const std::string file = dir.file("north.hicm.json");
    CHECK(from.ok({"export", "1", "--out", file}).empty());
    CHECK(readFile(file).rfind("{\n  \"format\": \"hicm-assess-exchange\"", 0) == 0);

    CHECK(to.ok({"import", file}) == "1\n"); // the new id alone on a line; the workspace is created
    CHECK(withoutIds(to.okJson({"show", "1", "--json"})) == withoutIds(from.okJson({"show", "1", "--json"})));
    CHECK(to.ok({"import", file}) == "2\n");
}

TEST_CASE("exchange cli: every broken file is refused and the workspace is unchanged", "[cli][exchange]")
{
    TempDir dir("hicm-cli-exchange");
    const Cli cli(dir.file("w.hicmws"));
    makeWorkshop(cli);
    const std::string before = sha256Hex(readFile(cli.path()));
    std::vector<std::string> files = brokenFiles();
    REQUIRE(files.size() >= 30);
    writeFile(dir.file("big.hicm.json"), std::string(20 * 1024 * 1024 + 1, '{'));
    files.push_back(dir.file("big.hicm.json"));
    files.push_back(dir.file("missing.hicm.json"));
    for (const auto &f : files) {
        INFO(f);
        for (const std::vector<std::string> &args :
             {std::vector<std::string>{"import", f}, std::vector<std::string>{"merge", "1", f, "--take", "incoming"}}) {
            const Run r = cli(args);
            INFO(r.err);
            CHECK(r.code == 1);
            CHECK(r.out.empty());
            CHECK(r.err.find(f) != std::string::npos);
            const std::string pointer = sidecar(f, "pointer"), reason = sidecar(f, "reason");
            if (!pointer.empty())
                CHECK(r.err.find(f + ": " + pointer + ": ") != std::string::npos);
            if (!reason.empty())
                CHECK(r.err.find(reason) != std::string::npos);
            CHECK(r.err.find("the workspace is unchanged") != std::string::npos);
        }
    }
    CHECK(sha256Hex(readFile(cli.path())) == before);
    CHECK(cli.okJson({"list", "--json"}).size() == 1);
}

TEST_CASE("exchange cli: a merge with conflicts changes nothing until they are decided", "[cli][exchange][merge]")
{
    TempDir dir("hicm-cli-exchange");
    const Cli workshop(dir.file("w.hicmws")), laptop(dir.file("laptop.hicmws"));
    makeWorkshop(workshop);
    laptop.ok({"new", "--area", "North Shire", "--partner", "North ICB=icb"});
    laptop.ok({"score", "1", "B1", "2", "--partner", "North ICB", "--note", "two doors now"});
    laptop.ok({"score", "1", "B2", "3", "--partner", "North ICB"});
    laptop.ok({"metric", "1", "B1", "B1.M1", "130"});
    const std::string file = dir.file("icb.hicm.json");
    laptop.ok({"export", "1", "--out", file});
    const std::string before = sha256Hex(readFile(workshop.path()));

    const Run listed = workshop({"merge", "1", file});
    CHECK(listed.code == 1);
    CHECK(listed.out.find(
              "conflict  B1 Access, level of North ICB: workshop \"1\", incoming \"2\"  [level/B1/North ICB]") !=
          std::string::npos);
    CHECK(listed.out.find("new       B2 Workforce, level of North ICB: 3") != std::string::npos);
    CHECK(listed.out.find("1 new, 3 conflicts, 1 already the same") != std::string::npos);
    CHECK(listed.err.find("3 conflicts to decide") != std::string::npos);
    CHECK(workshop({"merge", "1", file, "--take", "incoming", "--dry-run"}).code == 0);
    const json dry = workshop.okJson({"merge", "1", file, "--take", "workshop", "--dry-run", "--json"});
    CHECK(dry["applied"] == false);
    CHECK(dry["conflicts"] == 3);
    CHECK(dry["unresolved"].empty());
    CHECK(sha256Hex(readFile(workshop.path())) == before);

    CHECK(workshop({"merge", "1", file, "--take", "everything"}).code == 2);
    CHECK(workshop({"merge", "1", file, "--choose", "level/B1/North ICB"}).code == 2);
    CHECK(workshop({"merge", "1", file, "--choose", "level/B9/X=incoming", "--take", "incoming"}).code == 1);
    CHECK(workshop({"merge", "1", file, "--choose", "level/B1/North ICB=both", "--take", "incoming"}).code == 1);
    CHECK(workshop({"merge", "1"}).code == 2);
    CHECK(workshop({"merge", "7", file}).code == 1);
    CHECK(sha256Hex(readFile(workshop.path())) == before);

    const std::string done = workshop.ok({"merge", "1", file, "--take", "incoming", "--choose",
                                          "note/B1/North ICB=both", "--choose", "metric/B1.M1=workshop"});
    CHECK(done.find("Merged 3 items into assessment 1.") != std::string::npos);
    const json a = workshop.okJson({"show", "1", "--json"});
    CHECK(a["features"][0]["partner_levels"][0]["level"] == 2);
    CHECK(a["features"][0]["partner_levels"][0]["note"] == "three doors\n\ntwo doors now");
    CHECK(a["features"][0]["metrics"][0]["value"] == "120");
    CHECK(a["features"][1]["partner_levels"][0]["level"] == 3);
    const json log = workshop.okJson({"log", "1", "--json"});
    CHECK(log.back()["what"] == "merged");
    // Merging the same file again: nothing new; only the metric kept from the workshop still differs,
    // and keeping it again writes nothing.
    const json again = workshop.okJson({"merge", "1", file, "--take", "workshop", "--json"});
    CHECK(again["conflicts"] == 1);
    CHECK(again["new"] == 0);
    CHECK(again["applied"] == true);
    CHECK(workshop.okJson({"log", "1", "--json"}).size() == log.size());
}

TEST_CASE("exchange cli: three partners' laptops merge into one workshop without retyping", "[cli][exchange][merge]")
{
    TempDir dir("hicm-cli-exchange");
    const Cli workshop(dir.file("w.hicmws"));
    workshop.ok({"new", "--area", "North Shire", "--facilitator", "Ana"});
    struct Laptop {
        std::string spec, org;
        std::vector<std::string> levels;
    };
    const std::vector<Laptop> laptops{{"North ICB=icb", "North ICB", {"1", "2", "2"}},
                                      {"Shire Council=local-authority", "Shire Council", {"2", "1", "3"}},
                                      {"Care Co=care-provider", "Care Co", {"3", "2", "2"}}};
    for (std::size_t i = 0; i < laptops.size(); ++i) {
        const Cli laptop(dir.file("laptop" + std::to_string(i) + ".hicmws"));
        const std::string file = dir.file("p" + std::to_string(i) + ".hicm.json");
        if (i < 2) { // scored under their own name
            laptop.ok({"new", "--area", "North Shire", "--partner", laptops[i].spec});
            for (int f = 0; f < 3; ++f)
                laptop.ok(
                    {"score", "1", "B" + std::to_string(f + 1), laptops[i].levels[f], "--partner", laptops[i].org});
        } else { // scored as "agreed" on their own laptop; merged --as them
            laptop.ok({"new", "--area", "North Shire"});
            for (int f = 0; f < 3; ++f)
                laptop.ok({"score", "1", "B" + std::to_string(f + 1), laptops[i].levels[f], "--rationale", "our view"});
        }
        laptop.ok({"export", "1", "--out", file});
        std::vector<std::string> args{"merge", "1", file};
        if (i == 2)
            args.insert(args.end(), {"--as", laptops[i].spec});
        workshop.ok(args);
    }
    const json a = workshop.okJson({"show", "1", "--json"});
    REQUIRE(a["partners"].size() == 3);
    CHECK(a["partners"][2] == json{{"id", 3}, {"organisation", "Care Co"}, {"type", "care-provider"}, {"contact", ""}});
    for (int f = 0; f < 3; ++f) {
        const json &levels = a["features"][f]["partner_levels"];
        REQUIRE(levels.size() == 3);
        for (std::size_t i = 0; i < laptops.size(); ++i)
            CHECK(levels[i]["level"] == std::stoi(laptops[i].levels[f]));
    }
    CHECK(a["features"][0]["partner_levels"][2]["note"] == "our view");
}

TEST_CASE("compare and trend from the command line", "[cli][compare][trend]")
{
    TempDir dir("hicm-cli-exchange");
    const Cli cli(dir.file("w.hicmws"));
    cli.ok({"new", "--area", "North Shire", "--date", "2024-05-01"});
    cli.ok({"score", "1", "B1", "1"});
    cli.ok({"metric", "1", "B1", "B1.M1", "120"});
    cli.ok({"action", "1", "--add", "Open a single point of access"});
    cli.ok({"new", "--area", "north shire", "--date", "2025-05-01", "--previous", "1"});
    cli.ok({"score", "2", "B1", "2", "--rationale", "the single point of access opened"});
    cli.ok({"metric", "2", "B1", "B1.M1", "150"});
    cli.ok({"action", "2", "--add", "Open a single point of access", "--status", "done"});
    cli.ok({"new", "--area", "South Vale", "--date", "2025-01-01"});

    const std::string human = cli.ok({"compare", "1", "2"});
    CHECK(human.find("B1 Access: up from 1 Foundational to 2 Developing. Why: the single point of access opened") !=
          std::string::npos);
    CHECK(human.find("B1.M1 Referrals per month: 120 -> 150 (up, +30)") != std::string::npos);
    CHECK(human.find("Open a single point of access (from the earlier plan)") != std::string::npos);
    const json c = cli.okJson({"compare", "1", "2", "--json"});
    CHECK(c["features"][0]["delta"] == 1);
    CHECK(c["warnings"].empty());
    CHECK(c["actions_completed"].size() == 1);
    const json other = cli.okJson({"compare", "1", "3", "--json"});
    REQUIRE(other["warnings"].size() == 1);
    CHECK(other["warnings"][0].get<std::string>().find("different areas") != std::string::npos);
    CHECK(cli.okJson({"compare", "2", "1", "--json"})["warnings"][0].get<std::string>().find("dated after") !=
          std::string::npos);

    const json t = cli.okJson({"trend", "--area", "NORTH SHIRE", "--json"});
    CHECK(t["assessments"].size() == 2);
    CHECK(t["features"][0]["levels"] == json::parse("[1, 2]"));
    CHECK(t["metrics"][0]["values"] == json::parse("[120, 150]"));
    CHECK(cli.ok({"trend", "--area", "North Shire"}).find("B1 Access") != std::string::npos);

    const Run unknown = cli({"trend", "--area", "East Riding"});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.find("areas are: \"North Shire\", \"South Vale\"") != std::string::npos);
    CHECK(cli({"trend"}).code == 2);
    CHECK(cli({"compare", "1"}).code == 2);
    CHECK(cli({"compare", "1", "9"}).code == 1);
}

TEST_CASE("exchange cli: the executable's exit codes for import", "[cli][exchange]")
{
    TempDir dir("hicm-cli-exchange");
    const std::string exe = HICM_CLI_EXECUTABLE;
    auto status = [&](const std::string &args) {
        const int s =
            std::system((exe + " --workspace '" + dir.file("w.hicmws") + "' " + args + " >/dev/null 2>&1").c_str());
        return WIFEXITED(s) ? WEXITSTATUS(s) : -1;
    };
    CHECK(status("import '" + kTestDataDir + "/exchange/valid/north-shire-2024.hicm.json'") == 0);
    CHECK(status("import '" + kTestDataDir + "/exchange/broken/truncated.hicm.json'") == 1);
    CHECK(status("import") == 2);
    CHECK(status("export 1") == 2);
}
