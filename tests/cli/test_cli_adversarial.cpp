// Issue 14 through the CLI: no output lands on a workspace; hostile exchange files (duplicate keys,
// 1e999, over-long notes, a framework the workspace holds damaged) change nothing and say what and where;
// partner names match ignoring case and spacing; a huge framework file is refused by its size.
#include "cli_test_support.h"
#include "hash.h"
#include "test_paths.h"
#include "workspace.h"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace hicm;
using namespace hicm::test;
using hicm::clitest::Cli;
using hicm::clitest::Run;
namespace fs = std::filesystem;

namespace {

bool has(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

std::string newId(const Cli &cli, std::vector<std::string> args = {})
{
    args.insert(args.begin(), {"new", "--area", "North Shire"});
    const std::string out = cli.ok(args);
    return out.substr(0, out.find_first_not_of("0123456789"));
}

std::string sha(const std::string &path)
{
    return sha256Hex(readFile(path));
}

// The exported file of assessment `id` with `from` replaced by `to` (once).
std::string editedExport(const Cli &cli, const TempDir &dir, const std::string &id, const std::string &from,
                         const std::string &to)
{
    const std::string file = dir.file("export.hicm.json");
    cli.ok({"export", id, "--out", file});
    std::string text = readFile(file);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    const std::string edited = dir.file("edited.hicm.json");
    writeFile(edited, text);
    return edited;
}

}  // namespace

TEST_CASE("export, export-csv and report never write over the workspace, by any path", "[cli][issue14]")
{
    TempDir dir("hicm-cli-guard");
    const Cli cli(dir.file("w.hicmws"));
    const std::string id = newId(cli);
    cli.ok({"score", id, "B1", "2"});
    fs::create_symlink(cli.path(), dir.file("alias.pdf"));
    const std::string before = sha(cli.path());
    for (const auto &args : std::vector<std::vector<std::string>>{
             {"export", id, "--out", cli.path()},
             {"export", id, "--out", dir.file("alias.pdf")},
             {"export-csv", id, "--out", cli.path()},
             {"export-csv", id, "--out", cli.path() + "-wal"},
             {"export-csv", id, "--plan", "--out", cli.path()},
             {"report", id, "--pdf", dir.file("alias.pdf")},
             {"report", id, "--pdf", dir.file("fine.pdf"), "--odt", cli.path()}}) {
        const Run r = cli(args);
        INFO(args[0] << " " << args[2] << " " << args.back());
        CHECK(r.code == 1);
        CHECK(has(r.err, "nothing was written"));
        CHECK((has(r.err, "is the open workspace") || has(r.err, "journal file")));
    }
    CHECK(sha(cli.path()) == before);
    CHECK_FALSE(fs::exists(dir.file("fine.pdf")));
    CHECK(cli.showJson(id)["features"].is_array());
    cli.ok({"export-csv", id, "--out", dir.file("scores.csv")});  // an ordinary file is still fine
}

TEST_CASE("export-csv --plan writes the action plan as a spreadsheet; without --plan the scores as before", "[cli][issue17]")
{
    TempDir dir("hicm-cli-plan-csv");
    const Cli cli(dir.file("w.hicmws"));
    const std::string id = newId(cli);
    cli.ok({"action", id, "--add", "=SUM(A1:A9)", "--change", "A", "--feature", "B1", "--owner", "Jo, Ops", "--due",
            "2025-09-01"});
    cli.ok({"action", id, "--add", "Close the loop", "--status", "done"});
    std::string next = cli.ok({"reassess", id, "--date", "2026-03-01"});
    next.erase(next.find('\n'));
    const std::string plan = dir.file("plan.csv"), scores = dir.file("scores.csv");
    CHECK(cli.ok({"export-csv", next, "--plan", "--out", plan}) == "Wrote " + plan + "\n");
    const std::string text = readFile(plan);
    REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);
    // The open action is carried, the done one is not; the formula is defused; commas quoted.
    CHECK(text.substr(3, text.find("\r\n") - 3) == "Action,Change,Feature,Owner,Due,Status,Carried from");
    CHECK(has(text, "'=SUM(A1:A9),HIC A "));
    CHECK(has(text, ",\"Jo, Ops\",2025-09-01,Not started,action 1 of assessment " + id + "\r\n"));
    CHECK_FALSE(has(text, "Close the loop"));
    // Without --plan: the scores CSV, unchanged.
    cli.ok({"export-csv", next, "--out", scores});
    CHECK(readFile(scores).substr(3, 11) == "Feature ID,");
}

TEST_CASE("duplicate keys in an exchange file are refused, naming the JSON path", "[cli][issue14]")
{
    TempDir dir("hicm-cli-dupkey");
    const Cli cli(dir.file("w.hicmws"));
    const std::string id = newId(cli);
    const std::string before = cli.ok({"list", "--json"});
    const std::string file = editedExport(cli, dir, id, "\"area\": \"North Shire\"",
                                          "\"area\": \"North Shire\", \"area\": \"Attacker Town\"");
    const Run r = cli({"import", file});
    CHECK(r.code == 1);
    INFO(r.err);
    CHECK(has(r.err, file + ": /assessment/area: "));
    CHECK(has(r.err, "the key is given twice"));
    CHECK(cli.ok({"list", "--json"}) == before);
}

TEST_CASE("a number too large for a double is refused with its line and column", "[cli][issue14]")
{
    TempDir dir("hicm-cli-1e999");
    const Cli cli(dir.file("w.hicmws"));
    const std::string id = newId(cli);
    const std::string file = editedExport(cli, dir, id, "\"format_version\": 1", "\"format_version\": 1e999");
    const Run r = cli({"import", file});
    CHECK(r.code == 1);
    CHECK(has(r.err, "1e999"));
    CHECK(has(r.err, file + ":3:"));  // "FILE:LINE:COLUMN: …"
}

TEST_CASE("an exchange file with a note over the limit is refused, naming where", "[cli][issue14]")
{
    TempDir dir("hicm-cli-long-note");
    const Cli cli(dir.file("w.hicmws"));
    const std::string id = newId(cli);
    cli.ok({"score", id, "B1", "2", "--note", "short"});
    const std::string file = editedExport(cli, dir, id, "\"short\"", "\"" + std::string(10001, 'n') + "\"");
    const Run r = cli({"import", file});
    CHECK(r.code == 1);
    CHECK(has(r.err, "/assessment/features/0/"));
    CHECK(has(r.err, "10001 characters long; a text holds at most 10000 characters"));
    CHECK(cli({"score", id, "B1", "2", "--note", std::string(10001, 'x')}).code == 1);
}

TEST_CASE("an import into a workspace whose stored framework is damaged changes nothing and says why", "[cli][issue14]")
{
    TempDir dir("hicm-cli-damaged-fw");
    const Cli cli(dir.file("w.hicmws"));
    const std::string id = newId(cli);
    const std::string file = dir.file("export.hicm.json");
    cli.ok({"export", id, "--out", file});
    {
        SQLite::Database db(cli.path(), SQLite::OPEN_READWRITE);
        db.exec("UPDATE frameworks SET json = '{}'");
    }
    const std::string before = sha(cli.path());
    const Run r = cli({"import", file});
    CHECK(r.code == 1);
    CHECK(has(r.err, "stored copy of the framework"));
    CHECK(sha(cli.path()) == before);
}

TEST_CASE("partners that differ only in case or spacing are refused as duplicates", "[cli][issue14]")
{
    TempDir dir("hicm-cli-partner-case");
    const Cli cli(dir.file("w.hicmws"));
    const std::string id = newId(cli, {"--partner", "North ICB=icb"});
    for (const char *name : {"NORTH ICB=icb", " north  icb =icb"}) {
        const Run r = cli({"partner", id, "--add", name});
        CHECK(r.code == 1);
        CHECK(has(r.err, "already has a partner named \"North ICB\""));
    }
    CHECK(cli.showJson(id)["partners"].size() == 1);
}

TEST_CASE("validate-framework refuses a huge file by its size, without reading it", "[cli][issue14]")
{
    TempDir dir("hicm-cli-huge-fw");
    const std::string file = dir.file("huge.json");
    { std::ofstream out(file); }
    fs::resize_file(file, 60u * 1024 * 1024);  // sparse: 60 MB that take no disk
    const Run r = clitest::runCli({"validate-framework", file});
    CHECK(r.code == 1);
    CHECK(has(r.err, "too large for a framework file (62914560 bytes"));
}

TEST_CASE("new in a folder that cannot be written says so, not that it does not exist", "[cli][issue14]")
{
    TempDir dir("hicm-cli-new-folder");
    const Run missing = clitest::runCli({"--workspace", dir.file("no/such/w.hicmws"), "--framework",
                                         kFixturesDir + "/mini-framework.json", "new", "--area", "X"});
    CHECK(missing.code == 1);
    CHECK(has(missing.err, "does not exist"));
    if (::geteuid() == 0) {
        WARN("running as root: folder permissions do not apply, the unwritable-folder message was not checked");
        return;
    }
    fs::create_directory(dir.file("locked"));
    fs::permissions(dir.file("locked"), fs::perms::owner_read | fs::perms::owner_exec);
    const Run r = clitest::runCli({"--workspace", dir.file("locked/w.hicmws"), "--framework",
                                   kFixturesDir + "/mini-framework.json", "new", "--area", "X"});
    CHECK(r.code == 1);
    CHECK(has(r.err, "is not writable"));
}
