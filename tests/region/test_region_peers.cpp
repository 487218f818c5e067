// Peer groups, small-number suppression (in the database, for every role), the roles' rights, and the
// extract the app opens: against a real PostgreSQL (tests/region/CMakeLists.txt starts it).
#include "cli_test_support.h"
#include "peer_extract.h"
#include "region.h"
#include "region_fixture.h"

#include <pqxx/pqxx>

using hicm::clitest::runCli;
using hicm::test::TempDir;
using hicm::test::TestDatabase;

namespace {

// Areas "Area 1" … "Area N" in 2024: feature i of area k at levels[k][i] (one value: every feature).
void publishLevels(const TestDatabase &db, const TempDir &dir, const std::vector<std::vector<int>> &levels)
{
    std::vector<std::string> args{"region", "publish", "--db", db.conninfo()};
    for (std::size_t k = 0; k < levels.size(); ++k) {
        args.push_back(dir.file("area" + std::to_string(k + 1) + ".hicm.json"));
        hicm::test::writeLevelsFile(args.back(), "Area " + std::to_string(k + 1), 2024, levels[k]);
    }
    const auto r = runCli(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
}

// The error PostgreSQL gives `role` running `sql`; empty when it ran.
std::string errorAs(const TestDatabase &db, const std::string &role, const std::string &sql)
{
    try {
        pqxx::connection c(db.conninfo(role));
        pqxx::work tx(c);
        tx.exec(sql);
        tx.commit();
        return {};
    } catch (const std::exception &e) {
        return e.what();
    }
}

}  // namespace

TEST_CASE("region benchmark withholds every figure drawn from fewer than 5 areas")
{
    TestDatabase db;
    TempDir dir("region-small");
    REQUIRE(runCli({"region", "init", "--db", db.conninfo()}).code == 0);
    publishLevels(db, dir, {{1}, {1}, {2}, {3}});
    const std::vector<std::string> bench{"region", "benchmark", "--area", "Area 1", "--json", "--db", db.conninfo()};
    auto four = nlohmann::json::parse(runCli(bench).out);
    for (const auto &f : four["years"][0]["features"]) {
        CHECK(f["peers"] == nlohmann::json({{"suppressed", true}}));
        CHECK(f["area_level"] == 1);
        CHECK(f["position"] == "unknown");
    }
    const auto text = runCli({"region", "benchmark", "--area", "Area 1", "--db", db.conninfo()});
    CHECK(text.out.find("fewer than 5 areas: figures withheld") != std::string::npos);

    // The fifth area: levels 1, 1, 2, 3, 3 give the quartiles 1 and 3 round a median of 2.
    publishLevels(db, dir, {{1}, {1}, {2}, {3}, {3}});
    auto five = nlohmann::json::parse(runCli(bench).out);
    const auto &b1 = five["years"][0]["features"][0];
    CHECK(b1["feature"] == "B1");
    CHECK(b1["peers"]["suppressed"] == false);
    CHECK(b1["peers"]["areas"] == 5);
    CHECK(b1["peers"]["level_counts"] == nlohmann::json({{"1", 2}, {"2", 1}, {"3", 2}}));
    CHECK(b1["peers"]["lower_quartile"] == 1.0);
    CHECK(b1["peers"]["median"] == 2.0);
    CHECK(b1["peers"]["upper_quartile"] == 3.0);
    CHECK(b1["position"] == "below-median");
    CHECK(b1["peers"].find("minimum") == b1["peers"].end());

    SECTION("a named peer group of 4 of them is withheld again; unknown groups and areas are refused")
    {
        const auto define = runCli({"region", "peers", "--define", "north", "Area 1", "Area 2", "Area 3", "Area 4",
                                    "--db", db.conninfo()});
        INFO(define.err);
        REQUIRE(define.code == 0);
        auto group = nlohmann::json::parse(
            runCli({"region", "benchmark", "--area", "Area 1", "--peers", "north", "--json", "--db", db.conninfo()}).out);
        CHECK(group["peer_group"] == nlohmann::json({{"name", "north"}, {"areas", 4}}));
        CHECK(group["years"][0]["features"][0]["peers"]["suppressed"] == true);
        CHECK(runCli({"region", "benchmark", "--area", "Area 1", "--peers", "south", "--db", db.conninfo()}).code == 1);
        const auto nobody = runCli({"region", "benchmark", "--area", "Nowhere", "--db", db.conninfo()});
        CHECK(nobody.code == 1);
        CHECK(nobody.err.find("\"Nowhere\"") != std::string::npos);
        CHECK(runCli({"region", "peers", "--define", "all", "Area 1", "--db", db.conninfo()}).code == 1);
    }
    SECTION("the extract holds the area's own levels and no other area's name")
    {
        const std::string out = dir.file("area1.hicm-peers.json");
        const auto r = runCli({"region", "extract", "--area", "Area 1", "--out", out, "--db", db.conninfo()});
        INFO(r.err);
        REQUIRE(r.code == 0);
        const std::string text = hicm::test::readFile(out);
        for (const char *other : {"Area 2", "Area 3", "Area 4", "Area 5"})
            CHECK(text.find(other) == std::string::npos);
        const auto read = hicm::readPeerExtractFile(out);
        REQUIRE(read.ok());
        CHECK(read.extract->area == "Area 1");
        REQUIRE(read.extract->latestYear());
        CHECK(read.extract->latestYear()->year == 2024);
        const hicm::PeerFigure *f = read.extract->latestYear()->feature("B3");
        REQUIRE(f);
        CHECK(hicm::peerPosition(*f) == hicm::PeerPosition::BelowMedian);
        CHECK(f->share(3) == Approx(0.4));
    }
    SECTION("the extract never lands on a workspace, and is written whole or not at all")
    {
        const std::string ws = dir.file("area1.hicmws");
        REQUIRE(runCli({"--workspace", ws, "new", "--area", "Area 1"}).code == 0);
        const std::string before = hicm::test::readFile(ws);
        const auto onto = runCli({"region", "extract", "--area", "Area 1", "--out", ws, "--db", db.conninfo()});
        CHECK(onto.code == 1);
        CHECK(onto.err.find("nothing was written") != std::string::npos);
        CHECK(hicm::test::readFile(ws) == before);
        const auto missing = runCli({"region", "extract", "--area", "Area 1", "--out", dir.file("no/such/x.json"),
                                     "--db", db.conninfo()});
        CHECK(missing.code == 1);
        CHECK(missing.err.find("cannot write the file") != std::string::npos);
        // Written again over an earlier extract: replaced whole, no temporary file left beside it.
        const std::string out = dir.file("again.hicm-peers.json");
        hicm::test::writeFile(out, "an older file");
        REQUIRE(runCli({"region", "extract", "--area", "Area 1", "--out", out, "--db", db.conninfo()}).code == 0);
        CHECK(hicm::readPeerExtractFile(out).ok());
        for (const auto &entry : std::filesystem::directory_iterator(dir.path()))
            CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
    }
}

TEST_CASE("the roles: a publisher only adds submissions, a reader sees only the suppressed views")
{
    TestDatabase db;
    TempDir dir("region-roles");
    REQUIRE(runCli({"region", "init", "--db", db.conninfo()}).code == 0);
    db.exec("DO $$ BEGIN CREATE ROLE region_test_pub LOGIN IN ROLE hicm_region_publisher; "
            "EXCEPTION WHEN duplicate_object THEN NULL; END $$;"
            "DO $$ BEGIN CREATE ROLE region_test_read LOGIN IN ROLE hicm_region_reader; "
            "EXCEPTION WHEN duplicate_object THEN NULL; END $$;");
    // The publisher publishes …
    std::vector<std::string> args{"region", "publish", "--db", db.conninfo("region_test_pub")};
    for (int k = 1; k <= 6; ++k) {
        args.push_back(dir.file(std::to_string(k) + ".hicm.json"));
        hicm::test::writeLevelsFile(args.back(), "Area " + std::to_string(k), 2024, {1 + k % 3});
    }
    const auto published = runCli(args);
    INFO(published.err);
    CHECK(published.code == 0);
    // … and can do nothing else.
    for (const char *sql : {"SELECT * FROM hicm_region.submission", "DELETE FROM hicm_region.submission",
                            "UPDATE hicm_region.current_level SET level = 3", "SELECT * FROM hicm_region.peer_distribution",
                            "INSERT INTO hicm_region.peer_group (name) VALUES ('mine')"})
        CHECK(errorAs(db, "region_test_pub", sql).find("permission denied") != std::string::npos);
    // The reader cannot read the raw tables, nor publish.
    for (const char *sql : {"SELECT * FROM hicm_region.submission", "SELECT * FROM hicm_region.current_level",
                            "SELECT * FROM hicm_region.peer_level_count",
                            "SELECT hicm_region.publish_submission('x', 2024, NULL, '', '', '', '', '', '', NULL, "
                            "'{}', '{}', '{}')"})
        CHECK(errorAs(db, "region_test_read", sql).find("permission denied") != std::string::npos);
    CHECK(errorAs(db, "region_test_read", "SELECT * FROM hicm_region.peer_distribution") == "");
    // Without an area given to it, the reader sees no area's levels.
    const auto denied = runCli({"region", "benchmark", "--area", "Area 1", "--db", db.conninfo("region_test_read")});
    CHECK(denied.code == 1);
    db.exec("INSERT INTO hicm_region.area_reader VALUES ('region_test_read', 'Area 1')");
    const auto own = runCli({"region", "benchmark", "--area", "Area 1", "--json", "--db", db.conninfo("region_test_read")});
    INFO(own.err);
    REQUIRE(own.code == 0);
    CHECK(nlohmann::json::parse(own.out)["years"][0]["features"][0]["peers"]["areas"] == 6);
    CHECK(runCli({"region", "benchmark", "--area", "Area 2", "--db", db.conninfo("region_test_read")}).code == 1);
}
