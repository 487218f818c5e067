// Shared by the fuzz targets: the real frameworks the inputs are checked against, loaded once, and a
// hard stop when a property the code promises does not hold (libFuzzer saves the input).
#pragma once

#include "framework_loader.h"

#include <cstdio>
#include <cstdlib>

namespace hicm::fuzz {

// Stops the run, naming the broken property; libFuzzer reports it as a crash and keeps the input.
[[noreturn]] inline void broken(const char *property)
{
    std::fprintf(stderr, "fuzz: property broken: %s\n", property);
    std::abort();
}

inline const Framework &loadOnce(const char *path)
{
    auto result = loadFrameworkFile(path);
    if (!result.ok()) {
        std::fprintf(stderr, "fuzz: cannot load %s\n", path);
        std::abort();
    }
    return *new Framework(std::move(*result.framework));  // lives for the whole run
}

inline const Framework &bundledFramework()
{
    static const Framework &fw = loadOnce(HICM_FRAMEWORK_FILE);
    return fw;
}

inline const Framework &miniFramework()
{
    static const Framework &fw = loadOnce(HICM_FIXTURES_DIR "/mini-framework.json");
    return fw;
}

}  // namespace hicm::fuzz
