// The region tests' database and exchange files (region_fixture.h).
#include "region_fixture.h"

#include "exchange.h"
#include "framework_loader.h"
#include "generator.h"
#include "test_framework.h"
#include "test_paths.h"

#include <pqxx/pqxx>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include <unistd.h>

namespace hicm::test {

std::string fixtureSocketDir(const std::string &stateFile)
{
    std::string state = stateFile;
    if (state.empty()) {
        const char *env = std::getenv("HICM_TEST_PG_STATE");
        state = env ? env : "";
    }
    std::string dir = state.empty() ? "" : readFile(state);
    while (!dir.empty() && (dir.back() == '\n' || dir.back() == ' '))
        dir.pop_back();
    if (dir.empty())
        throw std::runtime_error("no test PostgreSQL is running (" + (state.empty() ? "HICM_TEST_PG_STATE is not set" : state + " is missing") +
                                 "): run these tests through CTest, whose fixture tests/region/pg_fixture.sh starts one");
    return dir;
}

TestDatabase::TestDatabase(const std::string &socketDir) : m_socketDir(socketDir)
{
    static std::atomic<int> counter{0};
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    m_name = "t_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" + std::to_string(now % 100000);
    pqxx::connection admin("host=" + m_socketDir + " user=hicm dbname=postgres");
    pqxx::nontransaction tx(admin);
    tx.exec0("CREATE DATABASE " + tx.quote_name(m_name));
}

TestDatabase::~TestDatabase()
{
    try {
        pqxx::connection admin("host=" + m_socketDir + " user=hicm dbname=postgres");
        pqxx::nontransaction tx(admin);
        tx.exec0("DROP DATABASE IF EXISTS " + tx.quote_name(m_name) + " WITH (FORCE)");
    } catch (const std::exception &e) {
        std::fprintf(stderr, "warning: could not drop test database %s: %s\n", m_name.c_str(), e.what());
    }
}

std::string TestDatabase::conninfo(const std::string &role) const
{
    return "host=" + m_socketDir + " user=" + role + " dbname=" + m_name;
}

void TestDatabase::exec(const std::string &sql) const
{
    pqxx::connection c(conninfo());
    pqxx::nontransaction tx(c);
    tx.exec(sql);
}

namespace {

struct Bundled {
    std::string json = readFile(kFrameworkFile);
    const Framework &framework = bundledFramework();  // the one loader's copy, parsed once per program
};

const Bundled &bundled()
{
    static const Bundled b;
    return b;
}

}  // namespace

std::vector<std::string> writeRegionFiles(const std::string &folder, int areas, int years, std::uint32_t seed)
{
    const Bundled &b = bundled();
    WorkspaceGenerator generator(b.framework, b.json, seed);
    std::vector<std::string> paths;
    for (int area = 0; area < areas; ++area) {
        const std::string name = WorkspaceGenerator::areaName(area);
        Assessment previous;
        for (int y = 0; y < years; ++y) {
            Assessment a = generator.makeAssessment(name, 2020 + y, y ? &previous : nullptr);
            char file[64];
            std::snprintf(file, sizeof file, "/%04d-%04d.hicm.json", area, 2020 + y);
            paths.push_back(folder + file);
            writeFile(paths.back(), exchangeToString(a, b.json, "2025-01-01T00:00:00Z"));
            previous = std::move(a);
        }
    }
    return paths;
}

void writeLevelsFile(const std::string &path, const std::string &area, int year, const std::vector<int> &levels,
                     const std::string &title)
{
    const Bundled &b = bundled();
    Assessment a;
    a.area = area;
    a.title = title;
    a.date = std::to_string(year) + "-06-01";
    a.frameworkHash = b.framework.contentHash;
    for (std::size_t i = 0; i < b.framework.features.size(); ++i) {
        FeatureAssessment f;
        f.featureId = b.framework.features[i].id;
        f.agreedLevel = levels.size() == 1 ? levels[0] : levels.at(i);
        a.features.push_back(std::move(f));
    }
    writeFile(path, exchangeToString(a, b.json, "2025-01-01T00:00:00Z"));
}

}  // namespace hicm::test
