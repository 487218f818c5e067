// Start-up: `hicm-assess --quit-when-ready --workspace W` on a workspace of 200 assessments, against a
// bare Qt Widgets window (bare_window.cpp) measured in the same run. Each program is started RUNS
// times, alternating, from fork to exit; prints the median, min and max wall time and the peak
// resident memory (from wait4), and the ratio of the medians (issue 4's budget: 3x).
//   bench_startup [RUNS] [WORKSPACE]   (default 15; WORKSPACE: write the generated workspace there and keep
//                                      it, to run or profile the app on it afterwards)
#include "bench_support.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace hicm;
using namespace hicm::bench;

namespace {

struct Run {
    double ms = 0;
    double peakMiB = 0;
    int exitCode = -1;
};

// Runs `argv` to completion with its output discarded.
Run runOnce(const std::vector<std::string> &args)
{
    std::vector<char *> argv;
    for (const auto &a : args)
        argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    const auto start = Clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    Run r;
    r.ms = msSince(start);
    r.peakMiB = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

struct Series {
    std::vector<double> ms, mib;
};

void report(const char *what, const Series &s)
{
    figure("startup", std::string(what) + ", median of " + std::to_string(s.ms.size()), median(s.ms), "ms",
           "min " + fixed(*std::min_element(s.ms.begin(), s.ms.end()), 1) + ", max " + fixed(maxOf(s.ms), 1) + " ms");
    figure("startup", std::string(what) + ", peak memory (RSS), median", median(s.mib), "MiB",
           "max " + fixed(maxOf(s.mib), 1) + " MiB");
}

}  // namespace

int main(int argc, char **argv)
{
    const int runs = argc > 1 ? std::max(10, std::atoi(argv[1])) : 15;
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY") && !std::getenv("QT_QPA_PLATFORM"))
        ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
    test::TempDir dir("hicm-bench-startup");
    const std::string workspace = argc > 2 ? std::string(argv[2]) : dir.file("region.hicmws");
    if (argc > 2)
        std::remove(workspace.c_str());
    const auto generated = makeWorkspace(workspace, 200);
    note("startup", "workspace: " + std::to_string(generated.ids.size()) + " assessments, " +
                        std::to_string(generated.areas.size()) + " areas, " + std::to_string(generated.partners) +
                        " partners, " + fixed(fileMiB(workspace), 1) + " MiB; platform " +
                        (std::getenv("QT_QPA_PLATFORM") ? std::getenv("QT_QPA_PLATFORM") : "default"));

    const std::vector<std::string> app{HICM_APP_EXECUTABLE, "--quit-when-ready", "--workspace", workspace};
    const std::vector<std::string> bare{HICM_BARE_WINDOW_EXECUTABLE};
    // One unmeasured run of each warms the page cache (fonts, Qt's plugins, the workspace).
    for (const auto *args : {&app, &bare}) {
        const Run warm = runOnce(*args);
        if (warm.exitCode != 0) {
            std::fprintf(stderr, "%s exited with %d\n", (*args)[0].c_str(), warm.exitCode);
            return 1;
        }
    }
    Series appSeries, bareSeries;
    for (int i = 0; i < runs; ++i) {
        for (auto [args, series] : {std::pair{&app, &appSeries}, std::pair{&bare, &bareSeries}}) {
            const Run r = runOnce(*args);
            if (r.exitCode != 0) {
                std::fprintf(stderr, "%s exited with %d\n", (*args)[0].c_str(), r.exitCode);
                return 1;
            }
            series->ms.push_back(r.ms);
            series->mib.push_back(r.peakMiB);
        }
    }
    report("hicm-assess --quit-when-ready, 200 assessments", appSeries);
    report("bare Qt Widgets window", bareSeries);
    const double ratio = median(appSeries.ms) / median(bareSeries.ms);
    figure("startup", "ratio hicm-assess / bare window (medians)", ratio, "x",
           std::string(ratio <= 3.0 ? "within" : "OVER") + " the 3x budget");
    figure("startup", "memory ratio hicm-assess / bare window (medians)", median(appSeries.mib) / median(bareSeries.mib), "x");
    return 0;
}
