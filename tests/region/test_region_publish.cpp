// region init and publish against a real PostgreSQL (tests/region/CMakeLists.txt starts it): the schema,
// all-or-nothing files, identical re-publishing, corrections with history, a lost connection mid-batch.
#include "cli_test_support.h"
#include "region.h"
#include "generator.h"
#include "region_fixture.h"

#include <pqxx/pqxx>

using hicm::clitest::runCli;
using hicm::test::TempDir;
using hicm::test::TestDatabase;

namespace {

long count(const TestDatabase &db, const std::string &sql)
{
    pqxx::connection c(db.conninfo());
    pqxx::read_transaction tx(c);
    return tx.exec1(sql)[0].as<long>();
}

}  // namespace

TEST_CASE("region init creates the schema once; a second init changes nothing")
{
    TestDatabase db;
    const auto first = runCli({"region", "init", "--db", db.conninfo()});
    INFO(first.err);
    REQUIRE(first.code == 0);
    CHECK(first.out.find("version 3 (was 0)") != std::string::npos);
    const auto second = runCli({"region", "init", "--db", db.conninfo()});
    REQUIRE(second.code == 0);
    CHECK(second.out.find("up to date (version 3)") != std::string::npos);
    CHECK(count(db, "SELECT count(*) FROM hicm_region.schema_version") == 3);
}

TEST_CASE("region commands without a database say how to give one, exit 2")
{
    ::unsetenv("HICM_REGION_DB");
    const auto r = runCli({"region", "list"});
    CHECK(r.code == 2);
    CHECK(r.err.find("--db CONNINFO or set HICM_REGION_DB") != std::string::npos);
    const auto bad = runCli({"region", "list", "--db", "host=/nonexistent-folder dbname=x"});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("cannot connect to the region's database") != std::string::npos);
}

TEST_CASE("region publish loads every good file whole, refuses a bad one with the reader's message, exit 1")
{
    TestDatabase db;
    TempDir dir("region-publish");
    REQUIRE(runCli({"region", "init", "--db", db.conninfo()}).code == 0);
    auto files = hicm::test::writeRegionFiles(dir.path(), 3, 2);
    const std::string broken = dir.file("broken.hicm.json");
    hicm::test::writeFile(broken, "{\"format\": \"hicm-assess-exchange\", \"format_version\": 1,");
    const std::string unknownEdition = dir.file("edition.hicm.json");
    std::string text = hicm::test::readFile(files[0]);
    text.replace(text.find("\"format_version\": 1"), 19, "\"format_version\": 7");
    hicm::test::writeFile(unknownEdition, text);
    std::vector<std::string> args{"region", "publish", "--db", db.conninfo(), files[0], broken, files[1]};
    args.insert(args.end(), files.begin() + 2, files.end());
    args.push_back(unknownEdition);

    const auto r = runCli(args);
    INFO(r.out << r.err);
    CHECK(r.code == 1);
    CHECK(r.out.find("6 published, 0 replaced, 0 unchanged, 2 refused") != std::string::npos);
    CHECK(r.err.find(broken + ":") != std::string::npos);
    CHECK(r.err.find("not valid JSON") != std::string::npos);
    CHECK(r.err.find(unknownEdition + ": /format_version") != std::string::npos);
    CHECK(count(db, "SELECT count(*) FROM hicm_region.submission") == 6);
    // Every feature with an agreed level is there for every file, none of a refused one.
    CHECK(count(db, "SELECT count(DISTINCT area) FROM hicm_region.current_level") == 3);
    CHECK(count(db, "SELECT count(*) FROM hicm_region.submission WHERE source_file LIKE '%broken%'") == 0);

    SECTION("publishing the same files again changes nothing")
    {
        const long rows = count(db, "SELECT count(*) FROM hicm_region.current_level");
        const auto again = runCli({"region", "publish", "--db", db.conninfo(), files[0], files[1]});
        CHECK(again.code == 0);
        CHECK(again.out.find("0 published, 0 replaced, 2 unchanged, 0 refused") != std::string::npos);
        CHECK(count(db, "SELECT count(*) FROM hicm_region.submission") == 6);
        CHECK(count(db, "SELECT count(*) FROM hicm_region.current_level") == rows);
    }
    SECTION("a corrected re-submission replaces the current one and keeps the earlier one as history")
    {
        const std::string area = hicm::test::WorkspaceGenerator::areaName(0);
        const std::string fixed = dir.file("fixed.hicm.json");
        hicm::test::writeLevelsFile(fixed, area, 2020, {3});
        const auto corrected = runCli({"region", "publish", "--db", db.conninfo(), fixed});
        INFO(corrected.err);
        CHECK(corrected.code == 0);
        CHECK(corrected.out.find("replaced") != std::string::npos);
        CHECK(count(db, "SELECT count(*) FROM hicm_region.submission WHERE area = '" + area + "' AND year = 2020") == 2);
        CHECK(count(db, "SELECT count(*) FROM hicm_region.submission WHERE replaced_by IS NOT NULL") == 1);
        CHECK(count(db, "SELECT count(*) FROM hicm_region.current_level WHERE area = '" + area +
                            "' AND year = 2020 AND level <> 3") == 0);
        const auto list = nlohmann::json::parse(runCli({"region", "list", "--json", "--db", db.conninfo()}).out);
        REQUIRE(list.size() == 3);
        nlohmann::json entry;  // the list is by area name: find this one
        for (const auto &e : list)
            if (e["area"] == area)
                entry = e;
        REQUIRE(entry.is_object());
        CHECK(entry["years"] == nlohmann::json({2020, 2021}));
        CHECK(entry["replaced_submissions"] == 1);
    }
}

TEST_CASE("a connection lost mid-batch leaves each file published whole or not at all")
{
    TestDatabase db;
    TempDir dir("region-lost");
    hicm::region::Region region(db.conninfo());
    region.migrate();
    std::vector<std::string> files;
    for (int k = 0; k < 4; ++k) {
        files.push_back(dir.file(std::to_string(k) + ".hicm.json"));
        hicm::test::writeLevelsFile(files.back(), "Area " + std::to_string(k), 2024, {2});
    }
    const auto pid = [&] {
        pqxx::nontransaction tx(region.connection());
        return tx.exec1("SELECT pg_backend_pid()")[0].as<int>();
    }();
    int committed = 0;
    // Batches of one file: after the second has committed, the server ends the connection.
    const auto results = region.publish(files, [&](const hicm::region::PublishResult &r) {
        if (r.status != hicm::region::PublishStatus::Published)
            return;
        if (++committed == 2)
            db.exec("SELECT pg_terminate_backend(" + std::to_string(pid) + ")");
    }, 1);
    REQUIRE(results.size() == 4);
    CHECK(committed == 2);
    CHECK(results[2].status == hicm::region::PublishStatus::Refused);
    CHECK(results[3].status == hicm::region::PublishStatus::Refused);
    CHECK(results[3].problems.at(0).message.find("connection") != std::string::npos);
    CHECK(count(db, "SELECT count(*) FROM hicm_region.submission") == 2);
    // The two published files are whole: every one of their agreed levels is there.
    CHECK(count(db, "SELECT count(DISTINCT submission_id) FROM hicm_region.current_level") == 2);
    CHECK(count(db, "SELECT count(*) FROM hicm_region.submission s WHERE NOT EXISTS "
                    "(SELECT 1 FROM hicm_region.current_level c WHERE c.submission_id = s.id)") == 0);
}
