// region publish writes its files in batches, one call of publish_submissions() per batch
// (migrations/003_publish_batch.sql): against a real PostgreSQL, a file the database refuses in the
// middle of a batch changes nothing and the others of its batch land; a connection killed in the middle
// of a batch leaves every file whole or absent; a file and its correction in one batch keep their order.
#include "region.h"
#include "region_fixture.h"
#include "test_paths.h"

#include <catch2/catch.hpp>
#include <pqxx/pqxx>

using hicm::region::PublishResult;
using hicm::region::PublishStatus;
using hicm::test::TempDir;
using hicm::test::TestDatabase;

namespace {

long count(const TestDatabase &db, const std::string &sql)
{
    pqxx::connection c(db.conninfo());
    pqxx::read_transaction tx(c);
    return tx.exec1(sql)[0].as<long>();
}

std::string levelsFile(TempDir &dir, const std::string &name, const std::string &area, int level)
{
    const std::string path = dir.file(name + ".hicm.json");
    hicm::test::writeLevelsFile(path, area, 2024, {level});
    return path;
}

// Every submission has every one of its agreed levels (8 features, each with a level), none half there.
long wholeSubmissions(const TestDatabase &db)
{
    return count(db, "SELECT count(*) FROM hicm_region.submission s WHERE (SELECT count(*) FROM "
                     "hicm_region.current_level c WHERE c.submission_id = s.id) = 8");
}

}  // namespace

TEST_CASE("a file the database refuses in the middle of a batch changes nothing, and the rest of its batch lands")
{
    TestDatabase db;
    TempDir dir("region-batch-refused");
    hicm::region::Region region(db.conninfo());
    region.migrate();
    REQUIRE(region.publish({levelsFile(dir, "first", "Area 2", 1)}).at(0).status == PublishStatus::Published);
    // The database refuses Area 2's levels (as a constraint would), after its correction has already marked
    // the earlier submission replaced and removed its levels: all of that must be undone.
    db.exec("CREATE FUNCTION public.refuse_area_2() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF NEW.area = 'Area 2' THEN RAISE EXCEPTION 'the test refuses Area 2'; END IF; RETURN NEW; END $$; "
            "CREATE TRIGGER refuse BEFORE INSERT ON hicm_region.current_level FOR EACH ROW "
            "EXECUTE FUNCTION public.refuse_area_2()");
    std::vector<std::string> files;
    for (int k = 0; k < 5; ++k)
        files.push_back(levelsFile(dir, "area-" + std::to_string(k), "Area " + std::to_string(k), 3));

    const auto results = region.publish(files);  // one batch of five
    REQUIRE(results.size() == 5);
    for (int k : {0, 1, 3, 4}) {
        INFO(k);
        CHECK(results[k].status == PublishStatus::Published);
    }
    CHECK(results[2].status == PublishStatus::Refused);
    REQUIRE(results[2].problems.size() == 1);
    CHECK(results[2].problems[0].message.find("the test refuses Area 2") != std::string::npos);
    CHECK(results[2].problems[0].message.find("nothing of it was published") != std::string::npos);

    CHECK(count(db, "SELECT count(*) FROM hicm_region.submission") == 5);
    CHECK(wholeSubmissions(db) == 5);
    // Area 2 is as it was: its first submission current, with its levels.
    CHECK(count(db, "SELECT count(*) FROM hicm_region.submission WHERE area = 'Area 2'") == 1);
    CHECK(count(db, "SELECT count(*) FROM hicm_region.submission WHERE area = 'Area 2' AND replaced_by IS NULL") == 1);
    CHECK(count(db, "SELECT count(*) FROM hicm_region.current_level WHERE area = 'Area 2' AND level = 1") == 8);
}

TEST_CASE("a connection killed in the middle of a batch: the files of the batches committed before are whole, "
          "none of the batch in flight or after it is there, and publishing again completes")
{
    TestDatabase db;
    TempDir dir("region-batch-killed");
    std::vector<std::string> files;
    for (int k = 0; k < 6; ++k)
        files.push_back(levelsFile(dir, "area-" + std::to_string(k), "Area " + std::to_string(k), 2));
    {
        hicm::region::Region region(db.conninfo());
        region.migrate();
        // The server ends this connection while it writes Area 3, the second file of the second batch.
        db.exec("CREATE FUNCTION public.kill_at_area_3() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF NEW.area = 'Area 3' THEN PERFORM pg_terminate_backend(pg_backend_pid()); "
                "PERFORM pg_sleep(5); END IF; RETURN NEW; END $$; "
                "CREATE TRIGGER kill BEFORE INSERT ON hicm_region.submission FOR EACH ROW "
                "EXECUTE FUNCTION public.kill_at_area_3()");
        std::vector<PublishStatus> reported;
        const auto results =
            region.publish(files, [&](const PublishResult &r) { reported.push_back(r.status); }, 2);
        REQUIRE(results.size() == 6);
        CHECK(reported.size() == 6);
        CHECK(results[0].status == PublishStatus::Published);
        CHECK(results[1].status == PublishStatus::Published);
        for (int k = 2; k < 6; ++k) {
            INFO(k);
            CHECK(results[k].status == PublishStatus::Refused);
            REQUIRE(results[k].problems.size() == 1);
            CHECK(results[k].problems[0].message.find("not published") != std::string::npos);
        }
        CHECK(results[5].problems[0].message.find("connection") != std::string::npos);
    }
    // Area 2 was written in the batch that never committed: it is not there, half or whole.
    CHECK(count(db, "SELECT count(*) FROM hicm_region.submission") == 2);
    CHECK(count(db, "SELECT count(*) FROM hicm_region.current_level") == 16);
    CHECK(wholeSubmissions(db) == 2);
    CHECK(count(db, "SELECT count(*) FROM hicm_region.submission WHERE area IN ('Area 2', 'Area 3')") == 0);

    db.exec("DROP TRIGGER kill ON hicm_region.submission");
    hicm::region::Region again(db.conninfo());
    const auto second = again.publish(files, {}, 2);
    REQUIRE(second.size() == 6);
    CHECK(second[0].status == PublishStatus::Unchanged);
    CHECK(second[1].status == PublishStatus::Unchanged);
    for (int k = 2; k < 6; ++k)
        CHECK(second[k].status == PublishStatus::Published);
    CHECK(wholeSubmissions(db) == 6);
}

TEST_CASE("a file and its correction in one batch: the later one replaces the earlier, which stays as history")
{
    TestDatabase db;
    TempDir dir("region-batch-order");
    hicm::region::Region region(db.conninfo());
    region.migrate();
    const std::string first = levelsFile(dir, "first", "Area 0", 1);
    const std::string corrected = levelsFile(dir, "corrected", "Area 0", 3);
    const auto results = region.publish({first, corrected, first});
    REQUIRE(results.size() == 3);
    CHECK(results[0].status == PublishStatus::Published);
    CHECK(results[1].status == PublishStatus::Replaced);
    CHECK(results[2].status == PublishStatus::Unchanged);  // published before: it does not come back
    CHECK(count(db, "SELECT count(*) FROM hicm_region.submission") == 2);
    CHECK(count(db, "SELECT count(*) FROM hicm_region.submission WHERE replaced_by IS NOT NULL") == 1);
    CHECK(count(db, "SELECT count(*) FROM hicm_region.current_level WHERE level = 3") == 8);
    CHECK(count(db, "SELECT count(*) FROM hicm_region.current_level") == 8);
}
