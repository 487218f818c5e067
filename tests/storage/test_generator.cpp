// The seeded workspace generator (tests/support/generator.h) that the benchmarks run on: the same seed
// gives the same workspace, and what it makes looks like a region's real use of the app and passes the
// same checks as any import.
#include "assessment_json.h"
#include "framework_loader.h"
#include "generator.h"
#include "storage_support.h"

#include <cmath>
#include <map>

using namespace hicm;
using namespace hicm::storage;
using namespace hicm::test;

namespace {

// Every assessment's JSON without the times storage adds.
std::vector<nlohmann::json> contents(const std::string &path)
{
    auto ws = openWorkspace(path, OpenOptions{OpenMode::ReadOnly});
    std::vector<nlohmann::json> out;
    const auto list = ws.listAssessments();
    REQUIRE(list.ok());
    for (const auto &s : *list) {
        auto a = ws.loadAssessment(s.id);
        REQUIRE(a.ok());
        a->created.clear();
        a->updated.clear();
        out.push_back(assessmentToJson(*a));
    }
    return out;
}

GeneratorOptions small(std::uint32_t seed)
{
    GeneratorOptions options;
    options.seed = seed;
    options.assessments = 30;
    options.yearsPerArea = 5;
    options.fastWrites = true;
    return options;
}

}  // namespace

TEST_CASE("the generator is seeded: the same seed gives the same workspace, another seed another", "[storage][generator]")
{
    TempDir dir("hicm-gen");
    const std::string json = readFile(kFrameworkFile);
    for (const char *name : {"a.hicmws", "b.hicmws"})
        REQUIRE(generateWorkspace(dir.file(name), json, small(42)).ok());
    REQUIRE(generateWorkspace(dir.file("c.hicmws"), json, small(43)).ok());
    const auto a = contents(dir.file("a.hicmws"));
    REQUIRE(a.size() == 30);
    CHECK(a == contents(dir.file("b.hicmws")));
    CHECK(a != contents(dir.file("c.hicmws")));
}

TEST_CASE("generated workspaces look like a region's: areas over years, realistic partners and levels", "[storage][generator]")
{
    TempDir dir("hicm-gen");
    const std::string path = dir.file("region.hicmws");
    const std::string json = readFile(kFrameworkFile);
    GeneratorOptions options = small(7);
    options.assessments = 60;
    options.fastWrites = false;  // the durable path, as the app writes
    const GeneratedWorkspace generated = generateWorkspace(path, json, options);
    INFO(generated.error);
    REQUIRE(generated.ok());
    REQUIRE(generated.ids.size() == 60);
    CHECK(generated.areas.size() == 12);

    const auto fw = parseFramework(json, "framework");
    REQUIRE(fw.ok());
    auto ws = openWorkspace(path);
    CHECK(*ws.integrityCheck() == "ok");
    std::map<std::string, std::vector<Assessment>> byArea;
    double deviation = 0;
    int levels = 0;
    for (auto id : generated.ids) {
        auto a = ws.loadAssessment(id);
        REQUIRE(a.ok());
        std::vector<Problem> problems;
        CHECK(checkAssessmentAgainstFramework(*a, *fw.framework, "generated", problems));
        CHECK(a->partners.size() >= 3);
        CHECK(a->partners.size() <= 10);
        CHECK(a->features.size() == fw.framework->features.size());
        for (const auto &f : a->features) {
            CHECK(f.weight >= 1);
            CHECK(f.weight <= 3);
            if (!f.agreedLevel)
                continue;
            for (const auto &pl : f.partnerLevels) {
                deviation += std::abs(pl.level - *f.agreedLevel);
                ++levels;
            }
        }
        byArea[a->area].push_back(std::move(*a));
    }
    // Partners see the same system: their levels cluster round the agreed one.
    REQUIRE(levels > 1000);
    CHECK(deviation / levels < 0.8);
    for (const auto &[area, series] : byArea) {
        INFO(area);
        REQUIRE(series.size() == 5);
        CHECK(series.front().partners.front().type == OrgType::Icb);
        for (std::size_t i = 0; i < series.size(); ++i) {
            CHECK(series[i].status == (i + 1 == series.size() ? AssessmentStatus::Draft : AssessmentStatus::Final));
            if (i == 0) {
                CHECK_FALSE(series[i].previousId.has_value());
                continue;
            }
            CHECK(series[i].previousId == series[i - 1].id);  // a reassessment of the year before
            CHECK(series[i].date > series[i - 1].date);
        }
    }
    // Something of everything the app stores.
    CHECK(generated.actions > 60);
    CHECK(generated.partnerLevels > 60 * 8 * 3 * 9 / 10);
}
