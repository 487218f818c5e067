// Prioritisation: how many assessments per second the engine ranks (prioritise()), and with its JSON,
// over 1,000 generated assessments (3 to 10 partners, realistic levels) against the bundled framework.
//   bench_prioritise [SECONDS]   (default 3 per figure)
#include "bench_support.h"
#include "framework_loader.h"
#include "prioritisation.h"

#include <nlohmann/json.hpp>

using namespace hicm;
using namespace hicm::bench;

int main(int argc, char **argv)
{
    const double seconds = argc > 1 ? std::max(1.0, std::atof(argv[1])) : 3.0;
    const std::string json = frameworkJson();
    const auto loaded = parseFramework(json, "framework");
    if (!loaded.ok())
        return 1;
    const Framework &fw = *loaded.framework;
    test::WorkspaceGenerator generator(fw, json, 20240501u);
    std::vector<Assessment> assessments;
    for (int area = 0; area < 200; ++area) {
        std::optional<Assessment> previous;
        for (int year = 0; year < 5; ++year) {
            assessments.push_back(generator.makeAssessment(test::WorkspaceGenerator::areaName(area), 2020 + year,
                                                           previous ? &*previous : nullptr));
            previous = assessments.back();
        }
    }
    note("prioritise", std::to_string(assessments.size()) + " generated assessments, bundled framework (" + fw.summary() + ")");

    auto rate = [&](const char *what, auto &&body) {
        std::size_t done = 0, checksum = 0;
        const auto start = Clock::now();
        while (msSince(start) < seconds * 1000.0)
            for (const auto &a : assessments) {
                checksum += body(a);
                ++done;
            }
        const double perSecond = static_cast<double>(done) / (msSince(start) / 1000.0);
        figure("prioritise", what, perSecond, "assessments/s",
               fixed(1e6 / perSecond, 1) + " us each; " + std::to_string(done) + " runs, checksum " + std::to_string(checksum % 1000));
    };
    rate("prioritise()", [&](const Assessment &a) { return prioritise(fw, a).changes.size(); });
    rate("prioritise() + JSON", [&](const Assessment &a) { return prioritisationToJson(prioritise(fw, a)).dump().size(); });
    return 0;
}
