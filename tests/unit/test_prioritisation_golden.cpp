// Golden cases of the prioritisation engine: every folder under tests/data/prioritisation/ that holds an
// expected.json is one case (adding a case needs no code). Each case's assessment.json names its framework
// ("_framework": "bundled" or a fixture under frameworks/) and is worked by hand in "_worked".
#include "prioritisation.h"
#include "prioritisation_support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

using namespace hicm;
using namespace hicm::test;

TEST_CASE("the prioritisation fixture frameworks load", "[prioritisation][golden]")
{
    for (const char *name : {"frameworks/workshop.json", "frameworks/chain4.json"}) {
        INFO(name);
        std::string problems;
        const Framework *fw = caseFramework(name, problems);
        INFO(problems);
        REQUIRE(fw != nullptr);
    }
    std::string problems;
    const Framework *workshop = caseFramework("frameworks/workshop.json", problems);
    CHECK(workshop->summary() == "6 features, 5 changes, 3 levels");
    CHECK(workshop->featuresAlignedWith("T").empty());
    const Framework *chain = caseFramework("frameworks/chain4.json", problems);
    CHECK(chain->summary() == "4 features, 3 changes, 4 levels");
    CHECK(chain->prerequisitesOf("N") == std::vector<std::string>{"M"});
}

TEST_CASE("prioritisation golden cases", "[prioritisation][golden]")
{
    const auto dirs = goldenCaseDirs();
    CHECK(dirs.size() >= 10);
    for (const auto &dir : dirs) {
        DYNAMIC_SECTION(dir.filename().string())
        {
            const GoldenCase c = loadGoldenCase(dir);
            INFO("case " << c.name << ": " << c.problems);
            REQUIRE(c.framework != nullptr);
            REQUIRE(c.assessment.has_value());
            CHECK(c.expected.contains("changes"));

            const nlohmann::json actual = prioritisationToJson(prioritise(*c.framework, *c.assessment));
            std::vector<std::string> diffs;
            jsonSubsetDiff(c.expected, actual, "", diffs);

            // Keep the engine's full answer beside the build for a failing case, to read or diff.
            const auto out = std::filesystem::temp_directory_path() / "hicm-prioritisation-actual";
            std::filesystem::create_directories(out);
            const std::string actualFile = (out / (c.name + ".json")).string();
            writeFile(actualFile, actual.dump(2) + "\n");

            std::string report;
            for (const auto &d : diffs)
                report += "  " + d + "\n";
            INFO("differences from expected.json (the engine's full result is in " << actualFile << "):\n" << report);
            CHECK(diffs.empty());
        }
    }
}

TEST_CASE("every change of the bundled model can be recommended", "[prioritisation]")
{
    for (const char *name : {"bundled", "frameworks/workshop.json", "frameworks/chain4.json"}) {
        std::string problems;
        const Framework *fw = caseFramework(name, problems);
        INFO(name << ": " << problems);
        REQUIRE(fw != nullptr);
        for (const auto &change : fw->changes) {
            // Everything at the top level except the features aligned with this change, at the bottom.
            Assessment a;
            for (const auto &f : fw->features) {
                FeatureAssessment fa;
                fa.featureId = f.id;
                fa.agreedLevel = f.alignsWithChange(change.id) ? 1 : fw->topLevel();
                a.features.push_back(fa);
            }
            const Prioritisation p = prioritise(*fw, a);
            const bool recommended = std::any_of(p.changes.begin(), p.changes.end(),
                                                 [&](const RankedChange &c) { return c.id == change.id; });
            INFO("change " << change.id);
            if (std::string(name) == "bundled")
                CHECK(recommended); // the app's reading B1 -> E makes E reachable
            else
                CHECK(recommended == !fw->featuresAlignedWith(change.id).empty());
        }
    }
}
