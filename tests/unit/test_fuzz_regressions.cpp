// Every input the fuzzers (tests/fuzz, scripts/fuzz) found a crash with, fed to the same function again:
// tests/data/fuzz-regressions/TARGET-what.ext, where TARGET names the fuzz target (framework_loader,
// assessment_json, exchange). Each must be refused (or accepted) cleanly, with the properties the fuzz
// target checks: an answer exactly when there is no problem, and every problem naming its file.
// scripts/fuzz also uses these files as seeds, so the fuzzers start from every earlier crash.
#include "assessment_json.h"
#include "exchange.h"
#include "framework_loader.h"
#include "test_framework.h"
#include "test_paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace hicm;

namespace {

const std::string kDir = test::kTestDataDir + "/fuzz-regressions";

// The regression inputs of one fuzz target, by file name.
std::vector<std::filesystem::path> inputsOf(const std::string &target)
{
    std::vector<std::filesystem::path> out;
    for (const auto &entry : std::filesystem::directory_iterator(kDir))
        if (entry.path().filename().string().rfind(target + "-", 0) == 0)
            out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

void checkProblems(const std::vector<Problem> &problems, const std::string &file)
{
    for (const auto &p : problems) {
        CHECK(p.file == file);
        CHECK_FALSE(p.message.empty());
    }
}

}  // namespace

TEST_CASE("fuzz regressions: the framework loader refuses every crash input cleanly", "[fuzz][loader]")
{
    const auto inputs = inputsOf("framework_loader");
    REQUIRE_FALSE(inputs.empty());
    for (const auto &path : inputs) {
        INFO(path.filename().string());
        const std::string bytes = test::readFile(path.string());
        FrameworkLoadResult result;
        REQUIRE_NOTHROW(result = parseFramework(bytes, "input.json"));
        CHECK(result.ok() == result.problems.empty());
        checkProblems(result.problems, "input.json");
        if (path.filename().string().find("number-overflow") != std::string::npos) {
            REQUIRE_FALSE(result.ok());
            CHECK(result.problems.front().message.find("not valid JSON: number overflow") == 0);
        }
    }
}

TEST_CASE("fuzz regressions: a number too large for a double is a clear JSON problem, not a crash", "[fuzz][loader]")
{
    const auto result = parseFramework("{\"format\": 1, \"levels\": [1e999]}", "big.json");
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems.front().toString() == "big.json:1:26: not valid JSON: number overflow parsing '1e999' (a number must fit in a double)");
}

TEST_CASE("fuzz regressions: assessment JSON crash inputs are read or refused cleanly", "[fuzz][assessment]")
{
    const auto inputs = inputsOf("assessment_json");
    REQUIRE_FALSE(inputs.empty());
    const Framework &bundled = test::bundledFramework();
    for (const auto &path : inputs) {
        INFO(path.filename().string());
        const std::string bytes = test::readFile(path.string());
        const auto json = nlohmann::json::parse(bytes, nullptr, false);
        if (json.is_discarded())
            continue;  // not JSON: refused before the assessment reader sees it
        std::vector<Problem> problems;
        std::optional<Assessment> a;
        REQUIRE_NOTHROW(a = assessmentFromJson(json, "input.json", problems));
        CHECK(a.has_value() == problems.empty());
        checkProblems(problems, "input.json");
        if (!a)
            continue;
        const auto again = assessmentFromJson(assessmentToJson(*a), "again.json", problems);
        REQUIRE(again.has_value());
        CHECK(assessmentToJson(*again) == assessmentToJson(*a));
        REQUIRE_NOTHROW(checkAssessmentAgainstFramework(*a, bundled, "input.json", problems));
    }
}

TEST_CASE("fuzz regressions: exchange-file crash inputs are refused cleanly", "[fuzz][exchange]")
{
    const auto inputs = inputsOf("exchange");
    REQUIRE_FALSE(inputs.empty());
    for (const auto &path : inputs) {
        INFO(path.filename().string());
        const std::string bytes = test::readFile(path.string());
        ExchangeReadResult result;
        REQUIRE_NOTHROW(result = parseExchange(bytes, "input.hicm.json"));
        CHECK(result.ok() == result.problems.empty());
        checkProblems(result.problems, "input.hicm.json");
        if (path.filename().string().find("number-overflow") != std::string::npos) {
            REQUIRE_FALSE(result.ok());
            CHECK(result.problems.front().message.find("number overflow") != std::string::npos);
        }
    }
}
