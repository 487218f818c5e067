// Shared by the benchmarks: timing, percentiles, the figures' printed form, and the synthetic
// workspaces they run on (tests/support/generator.h). A benchmark prints its figures, one a line:
//   [group] what: value unit (details)
// scripts/bench runs every benchmark and docs/performance.md records the figures.
#pragma once

#include "generator.h"
#include "test_paths.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace hicm::bench {

using Clock = std::chrono::steady_clock;

inline double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Times `body` once, in milliseconds.
template <typename F>
double timeMs(F &&body)
{
    const auto start = Clock::now();
    body();
    return msSince(start);
}

// The p-th percentile (0..100) by nearest rank; 0 for no samples.
inline double percentile(std::vector<double> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const double rank = p / 100.0 * static_cast<double>(samples.size());
    std::size_t index = rank <= 1 ? 0 : static_cast<std::size_t>(rank + 0.999999) - 1;
    return samples[std::min(index, samples.size() - 1)];
}

inline double median(const std::vector<double> &samples)
{
    if (samples.empty())
        return 0;
    std::vector<double> s = samples;
    std::sort(s.begin(), s.end());
    const std::size_t n = s.size();
    return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

inline double maxOf(const std::vector<double> &samples)
{
    return samples.empty() ? 0 : *std::max_element(samples.begin(), samples.end());
}

// "[group] what: value unit (details)", flushed at once so progress shows as it goes.
inline void figure(const char *group, const std::string &what, double value, const char *unit,
                   const std::string &details = {})
{
    std::printf("[%s] %s: %.*f %s%s%s\n", group, what.c_str(), value < 10 ? 2 : 1, value, unit,
                details.empty() ? "" : "  ", details.empty() ? "" : ("(" + details + ")").c_str());
    std::fflush(stdout);
}

inline void note(const char *group, const std::string &text)
{
    std::printf("[%s] %s\n", group, text.c_str());
    std::fflush(stdout);
}

inline std::string fixed(double value, int decimals = 2)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

inline double fileMiB(const std::string &path)
{
    std::error_code ec;
    double bytes = 0;
    for (const char *suffix : {"", "-wal"})
        if (std::filesystem::exists(path + suffix, ec))
            bytes += static_cast<double>(std::filesystem::file_size(path + suffix, ec));
    return bytes / (1024.0 * 1024.0);
}

inline std::string frameworkJson()
{
    return test::readFile(test::kFrameworkFile);
}

// A workspace of `assessments` generated with the benchmarks' seed; fails loudly.
inline test::GeneratedWorkspace makeWorkspace(const std::string &path, int assessments, bool fast = true)
{
    test::GeneratorOptions options;
    options.assessments = assessments;
    options.fastWrites = fast;
    auto generated = test::generateWorkspace(path, frameworkJson(), options);
    if (!generated.ok()) {
        std::fprintf(stderr, "cannot generate the workspace %s: %s\n", path.c_str(), generated.error.c_str());
        std::exit(1);
    }
    return generated;
}

}  // namespace hicm::bench
