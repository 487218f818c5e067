// Shared by the region tests and the region benchmark: a fresh database on the throwaway PostgreSQL that
// pg_fixture.sh started, and a region's worth of exchange files from the seeded generator.
#pragma once

#include "assessment.h"
#include "framework.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hicm::test {

// The socket folder of the running fixture server: the path in the file $HICM_TEST_PG_STATE names (or
// `stateFile`). Throws std::runtime_error saying what to do when there is none.
std::string fixtureSocketDir(const std::string &stateFile = {});

// A new, empty database on the fixture server, dropped when the object goes.
class TestDatabase {
public:
    explicit TestDatabase(const std::string &socketDir = fixtureSocketDir());
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;
    // As the superuser "hicm" (or as `role`, e.g. a login role a test created).
    std::string conninfo(const std::string &role = "hicm") const;
    const std::string &name() const { return m_name; }
    // Runs SQL as the superuser (roles, checks behind the program's back).
    void exec(const std::string &sql) const;

private:
    std::string m_socketDir, m_name;
};

// Writes exchange files of `areas` areas x `years` years (first year 2020), scored against the bundled
// framework, into `folder`: one file per area and year, "NNNN-YYYY.hicm.json". Returns their paths, area
// by area, oldest first. Area names are WorkspaceGenerator::areaName(0 …).
std::vector<std::string> writeRegionFiles(const std::string &folder, int areas, int years, std::uint32_t seed = 19);

// One exchange file of `area` in `year` whose every feature's agreed level is `level` (levels[i] for feature
// i when given); written to `path`.
void writeLevelsFile(const std::string &path, const std::string &area, int year, const std::vector<int> &levels,
                     const std::string &title = "Workshop");

}  // namespace hicm::test
