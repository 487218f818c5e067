// The region's database (issue 19): a region of AREAS areas x YEARS years of exchange files (default
// 2,000 x 5 = 10,000) published to a real PostgreSQL, then one area's benchmark and extract. Baselines in
// the same run: reading and checking the same files without the database, and one `SELECT 1` round trip.
// Targets (docs/performance.md): publish >= 1,000 files/s; benchmark <= 50 ms; extract <= 100 ms.
//   bench_region [AREAS YEARS [FOLDER]]   with the server of tests/region/pg_fixture.sh ($HICM_TEST_PG_STATE)
// FOLDER keeps the generated files for the next run (profiling: generating them takes longer than
// publishing them); a folder that already holds them is reused as it is.
// Exits 1 when the harness fails (a file refused, a count that does not add up), never on a slow figure.
#include "bench_support.h"
#include "exchange.h"
#include "region.h"
#include "region_fixture.h"

#include <algorithm>
#include <pqxx/pqxx>

#include <fstream>
#include <future>
#include <random>
#include <sstream>
#include <thread>

#include <sys/resource.h>
#include <unistd.h>

using namespace hicm;
using namespace hicm::bench;

namespace {

[[noreturn]] void die(const std::string &why)
{
    std::fprintf(stderr, "bench_region: %s\n", why.c_str());
    std::exit(1);
}

// Reads and checks every file on two threads (as publish does), without a database: the baseline.
double readOnlyMs(const std::vector<std::string> &files)
{
    return timeMs([&] {
        auto half = [&](std::size_t first) {
            for (std::size_t i = first; i < files.size(); i += 2)
                if (!readExchangeFile(files[i]).ok())
                    die(files[i] + " does not read");
        };
        auto other = std::async(std::launch::async, half, 1);
        half(0);
        other.get();
    });
}

// CPU seconds used so far by this process (all its threads).
double ownCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// CPU seconds used so far by the fixture's PostgreSQL: its postmaster (data/postmaster.pid under the
// socket folder) and the processes it started (the backend serving us, the WAL writer, ...).
double serverCpuSeconds(const std::string &socketDir)
{
    const std::string postmaster = test::readFile(socketDir + "/data/postmaster.pid");
    const long master = std::atol(postmaster.c_str());
    double seconds = 0;
    for (const auto &entry : std::filesystem::directory_iterator("/proc")) {
        std::ifstream in(entry.path() / "stat");
        std::string line;
        if (!std::getline(in, line) || line.rfind(')') == std::string::npos)
            continue;
        std::istringstream rest(line.substr(line.rfind(')') + 2));
        char state = 0;
        long ppid = 0, skip = 0;
        unsigned long utime = 0, stime = 0;
        rest >> state >> ppid;
        for (int i = 0; i < 9; ++i)
            rest >> skip;
        rest >> utime >> stime;
        const long pid = std::atol(entry.path().filename().c_str());
        if (pid == master || ppid == master)
            seconds += static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
    }
    return seconds;
}

void publish(region::Region &r, const std::vector<std::string> &files, region::PublishStatus expected, const char *what,
             const std::string &socketDir)
{
    std::size_t good = 0;
    const double ownBefore = ownCpuSeconds(), serverBefore = serverCpuSeconds(socketDir);
    const double ms = timeMs([&] {
        for (const auto &p : r.publish(files))
            good += p.status == expected;
    });
    const double ownMs = (ownCpuSeconds() - ownBefore) * 1000 / static_cast<double>(files.size());
    const double serverMs = (serverCpuSeconds(socketDir) - serverBefore) * 1000 / static_cast<double>(files.size());
    if (good != files.size())
        die(std::string(what) + ": " + std::to_string(files.size() - good) + " files did not come out as expected");
    figure("region", what, files.size() / (ms / 1000.0), "files/s",
           std::to_string(files.size()) + " files in " + fixed(ms / 1000.0) + " s; CPU per file: " + fixed(ownMs, 3) +
               " ms here, " + fixed(serverMs, 3) + " ms in PostgreSQL");
}

// Times `body` `n` times; prints median, p95 and max.
template <typename F>
void latency(const char *what, int n, F &&body)
{
    std::vector<double> samples;
    for (int i = 0; i < n; ++i)
        samples.push_back(timeMs([&] { body(i); }));
    figure("region", what, median(samples), "ms median",
           "p95 " + fixed(percentile(samples, 95)) + " ms, max " + fixed(maxOf(samples)) + " ms, " + std::to_string(n) +
               " runs");
}

}  // namespace

int main(int argc, char **argv)
{
    const int areas = argc > 1 ? std::atoi(argv[1]) : 2000;
    const int years = argc > 2 ? std::atoi(argv[2]) : 5;
    if (areas < 6 || years < 1)
        die("usage: bench_region [AREAS >= 6] [YEARS >= 1]");
    test::TempDir dir("bench-region");
    const std::string keep = argc > 3 ? argv[3] : "";
    std::vector<std::string> files;
    if (!keep.empty() && std::filesystem::exists(keep + "/ready")) {
        for (int area = 0; area < areas; ++area)
            for (int y = 0; y < years; ++y) {
                char file[64];
                std::snprintf(file, sizeof file, "/%04d-%04d.hicm.json", area, 2020 + y);
                files.push_back(keep + file);
                if (!std::filesystem::exists(files.back()))
                    die(files.back() + " is missing: remove " + keep + " and run again");
            }
        note("region", std::to_string(files.size()) + " exchange files reused from " + keep);
    } else {
        if (!keep.empty())
            std::filesystem::create_directories(keep);
        const double generateMs =
            timeMs([&] { files = test::writeRegionFiles(keep.empty() ? dir.path() : keep, areas, years); });
        if (!keep.empty())
            test::writeFile(keep + "/ready", "");
        note("region", std::to_string(files.size()) + " exchange files of " + std::to_string(areas) + " areas x " +
                           std::to_string(years) + " years written in " + fixed(generateMs / 1000.0) +
                           " s (not a user operation)");
    }
    test::TestDatabase db;
    region::Region r(db.conninfo());
    r.migrate();

    const double readMs = readOnlyMs(files);
    figure("region", "baseline: read and check the files, no database", files.size() / (readMs / 1000.0), "files/s");
    const std::string socketDir = test::fixtureSocketDir();
    publish(r, files, region::PublishStatus::Published, "publish, first time", socketDir);
    publish(r, files, region::PublishStatus::Unchanged, "publish the same files again (unchanged)", socketDir);
    {
        pqxx::connection c(db.conninfo());
        pqxx::read_transaction tx(c);
        const long n = tx.exec1("SELECT count(*) FROM hicm_region.submission")[0].as<long>();
        if (n != static_cast<long>(files.size()))
            die("the database holds " + std::to_string(n) + " submissions, not " + std::to_string(files.size()));
        tx.exec0("ANALYZE hicm_region.current_level");
    }
    std::vector<std::string> members;
    const int groupSize = std::min(40, areas);  // the CI's smoke run has fewer areas than a group
    for (int i = 0; i < groupSize; ++i)
        members.push_back(test::WorkspaceGenerator::areaName(i * (areas / groupSize > 0 ? areas / groupSize : 1) % areas));
    r.definePeers("bench peers", members);

    std::mt19937 random(19);
    std::vector<std::string> picked;
    for (int i = 0; i < 50; ++i)
        picked.push_back(test::WorkspaceGenerator::areaName(static_cast<int>(random() % areas)));
    latency("baseline: one SELECT 1 round trip", 50, [&](int) {
        pqxx::read_transaction tx(r.connection());
        tx.exec1("SELECT 1");
    });
    latency("benchmark of one area against all areas, every year", 50, [&](int i) {
        const auto e = r.extract(picked[i], "");
        if (e.years.size() != static_cast<std::size_t>(years) || e.years.back().features.empty() ||
            e.years.back().features.front().suppressed)
            die("the benchmark of " + picked[i] + " is not whole");
    });
    latency("benchmark of one area against a peer group of 40", 50, [&](int i) {
        if (r.extract(members[i % members.size()], "bench peers").peerGroupAreas != groupSize)
            die("the peer group is not " + std::to_string(groupSize) + " areas");
    });
    latency("extract of one area (read and write the file)", 50, [&](int i) {
        const std::string error = writePeerExtractFile(dir.file("extract.hicm-peers.json"), r.extract(picked[i], ""));
        if (!error.empty() || !readPeerExtractFile(dir.file("extract.hicm-peers.json")).ok())
            die("the extract was not written whole: " + error);
    });
    return 0;
}
