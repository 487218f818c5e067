// Scale: a region's workspace of 500 and of 5,000 assessments (areas reassessed yearly; generated),
// and the operations a user runs on it: open, list, compare two assessments, an area's trend, export.
// Prints each time and the file size for both sizes and how each grows (the ratio 5,000 / 500).
//   bench_scale [SMALL LARGE]   (default 500 5000)
#include "bench_support.h"
#include "compare.h"
#include "exchange.h"
#include "trend.h"

#include <SQLiteCpp/Database.h>

#include <nlohmann/json.hpp>

#include <map>

using namespace hicm;
using namespace hicm::bench;

namespace {

using Times = std::map<std::string, double>;

storage::Workspace openOrDie(const std::string &path, const storage::OpenOptions &options = {})
{
    auto ws = storage::Workspace::open(path, options);
    if (!ws) {
        std::fprintf(stderr, "%s\n", ws.error().toString().c_str());
        std::exit(1);
    }
    return std::move(*ws);
}

// The CLI's `trend --area`: list, load the area's assessments with their frameworks, build.
std::size_t trendOf(storage::Workspace &ws, const std::string &area)
{
    std::vector<ScoredAssessment> all;
    const auto list = ws.listAssessments();
    for (const auto &s : *list)
        if (sameArea(s.area, area))
            all.push_back({*ws.loadAssessment(s.id), *ws.framework(s.id)});
    return trendToJson(buildTrend(all, area)).dump().size();
}

Times measure(const std::string &path, int count, std::string &sizes)
{
    Times t;
    const char *g = "scale";
    test::GeneratedWorkspace generated;
    t["generate (not a user operation)"] = timeMs([&] { generated = makeWorkspace(path, count); });
    t["file size"] = fileMiB(path);
    sizes = std::to_string(generated.ids.size()) + " assessments, " + std::to_string(generated.areas.size()) +
            " areas, " + std::to_string(generated.partnerLevels) + " partner levels";
    note(g, std::to_string(count) + ": " + sizes + ", " + fixed(t["file size"], 1) + " MiB");

    std::vector<double> open;
    t["open, first after a change (checks + backup)"] = timeMs([&] { openOrDie(path); });
    for (int i = 0; i < 5; ++i)
        open.push_back(timeMs([&] { openOrDie(path); }));
    t["open, unchanged (checks only)"] = median(open);
    auto ws = openOrDie(path, storage::OpenOptions{storage::OpenMode::ReadWrite, false, 5000, false, 5});

    std::vector<double> list;
    std::size_t listed = 0;
    for (int i = 0; i < 5; ++i)
        list.push_back(timeMs([&] { listed = ws.listAssessments()->size(); }));
    t["list"] = median(list);
    // Diagnostic: the same with a page cache that holds the whole file (SQLite's default is 2 MiB).
    ws.database().exec("PRAGMA cache_size = -131072");
    list.clear();
    for (int i = 0; i < 5; ++i)
        list.push_back(timeMs([&] { listed = ws.listAssessments()->size(); }));
    t["list, 128 MiB page cache (diagnostic)"] = median(list);
    ws.database().exec("PRAGMA cache_size = -2000");

    // Compare: an area's last two assessments, loaded with their frameworks (as `compare A B` does).
    std::vector<double> compare, trend, exportOne;
    for (std::size_t k = 0; k < 20; ++k) {
        const std::size_t area = k * generated.areas.size() / 20;
        const std::size_t last = std::min(generated.ids.size() - 1, area * 5 + 4);
        const std::int64_t after = generated.ids[last], before = generated.ids[last - 1];
        compare.push_back(timeMs([&] {
            auto a = ws.loadAssessment(before);
            auto b = ws.loadAssessment(after);
            auto fa = ws.framework(before);
            auto fb = ws.framework(after);
            (void)compareToJson(compareAssessments(**fa, *a, **fb, *b)).dump();
        }));
        if (k < 5)
            trend.push_back(timeMs([&] { trendOf(ws, generated.areas[area]); }));
        exportOne.push_back(timeMs([&] {
            auto a = ws.loadAssessment(after);
            (void)exchangeToString(*a, *ws.frameworkJson(after), exchangeTimeNow()).size();
        }));
    }
    t["compare two assessments"] = median(compare);
    t["trend of one area"] = median(trend);
    t["export one assessment (exchange file)"] = median(exportOne);
    double bytes = 0;
    t["export every assessment (exchange files)"] = timeMs([&] {
        for (auto id : generated.ids)
            bytes += static_cast<double>(exchangeToString(*ws.loadAssessment(id), *ws.frameworkJson(id), exchangeTimeNow()).size());
    });
    note(g, std::to_string(count) + ": listed " + std::to_string(listed) + "; exported " + fixed(bytes / 1048576.0, 1) + " MiB");
    for (const auto &[what, value] : t)
        figure(g, std::to_string(count) + " assessments: " + what, value, what.rfind("file size", 0) == 0 ? "MiB" : "ms");
    return t;
}

std::string growth(double ratio, double sizeRatio)
{
    if (ratio < 1.6)
        return "flat: does not grow with the workspace";
    if (ratio < sizeRatio * 0.4)
        return "sub-linear";
    if (ratio <= sizeRatio * 1.6)
        return "linear in the number of assessments";
    return "FASTER THAN LINEAR";
}

}  // namespace

int main(int argc, char **argv)
{
    const int small = argc > 2 ? std::atoi(argv[1]) : 500;
    const int large = argc > 2 ? std::atoi(argv[2]) : 5000;
    test::TempDir dir("hicm-bench-scale");
    std::string smallSizes, largeSizes;
    const Times a = measure(dir.file("small.hicmws"), small, smallSizes);
    const Times b = measure(dir.file("large.hicmws"), large, largeSizes);
    const double sizeRatio = static_cast<double>(large) / small;
    note("scale", "growth from " + std::to_string(small) + " to " + std::to_string(large) + " assessments (x" +
                      fixed(sizeRatio, 0) + "):");
    for (const auto &[what, value] : a) {
        const double ratio = b.at(what) / std::max(value, 1e-3);
        figure("scale", "growth of " + what, ratio, "x", growth(ratio, sizeRatio));
    }
    return 0;
}
