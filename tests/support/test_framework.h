// The one framework loader of the tests, benchmarks and fuzz targets: each framework file is parsed once
// per program and kept for its whole run. A file that does not load stops the program at once, naming
// the file and its problems: no test can mean anything without its framework.
// Needs HICM_FRAMEWORK_FILE and HICM_FIXTURES_DIR (every test target has them; the fuzz targets too).
#pragma once

#include "framework_loader.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace hicm::test {

inline std::shared_ptr<const Framework> frameworkAt(const std::string &path)
{
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const Framework>> loaded;
    const std::lock_guard<std::mutex> lock(mutex);
    auto &slot = loaded[path];
    if (!slot) {
        auto result = loadFrameworkFile(path);
        if (!result.ok()) {
            std::fprintf(stderr, "test setup: the framework %s does not load:\n%s\n", path.c_str(),
                         formatProblems(result.problems).c_str());
            std::abort();
        }
        slot = std::make_shared<const Framework>(std::move(*result.framework));
    }
    return slot;
}

// framework-data/intermediate-care-hicm.json, the framework the app ships.
inline const Framework &bundledFramework()
{
    static const auto fw = frameworkAt(HICM_FRAMEWORK_FILE);
    return *fw;
}

// tests/fixtures/mini-framework.json: two changes, three features, for small cases.
inline const Framework &miniFramework()
{
    static const auto fw = frameworkAt(std::string(HICM_FIXTURES_DIR) + "/mini-framework.json");
    return *fw;
}

}  // namespace hicm::test
