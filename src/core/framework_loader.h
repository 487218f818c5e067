// Reads and checks a framework file (docs/framework-format.md). Qt-free.
#pragma once

#include "framework.h"
#include "problem.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hicm {

struct FrameworkLoadResult {
    std::optional<Framework> framework;  // set only when there are no problems
    std::vector<Problem> problems;       // every problem found, in file order where possible

    bool ok() const { return framework.has_value(); }
};

// The largest framework file accepted (a real one is about 100 KB).
constexpr std::size_t kMaxFrameworkBytes = 8 * 1024 * 1024;

// Parses and checks framework JSON held in memory; `fileName` is used in problem reports only.
FrameworkLoadResult parseFramework(std::string_view bytes, const std::string &fileName);

// Reads the file at `path` and parses it.
FrameworkLoadResult loadFrameworkFile(const std::string &path);

}  // namespace hicm
