// Shared by the exchange, compare, trend and merge tests: the mini framework and its second edition,
// fixture assessments, and the broken exchange files with their expectations.
#pragma once

#include "assessment_json.h"
#include "framework_loader.h"
#include "problem.h"
#include "json_support.h"
#include "test_framework.h"
#include "test_paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace hicm::test {

inline std::string exchangeDir()
{
    return kTestDataDir + "/exchange";
}

inline std::string miniFrameworkFile()
{
    return kFixturesDir + "/mini-framework.json";
}

inline std::string edition2File()
{
    return exchangeDir() + "/mini-framework-edition2.json";
}

// A framework file, loaded once (test_framework.h).
inline std::shared_ptr<const Framework> frameworkFile(const std::string &path)
{
    return frameworkAt(path);
}

// A fixture assessment (assessment JSON) under tests/data/<relative>.
inline Assessment fixtureAssessment(const std::string &relative)
{
    std::vector<Problem> problems;
    const std::string path = kTestDataDir + "/" + relative;
    auto a = assessmentFromJson(nlohmann::json::parse(readFile(path)), path, problems);
    INFO(formatProblems(problems));
    REQUIRE(a.has_value());
    return *a;
}

// What a broken file's NAME.expected.txt says the reader must report.
struct BrokenCase {
    std::string file;
    std::map<std::string, std::string> expected; // pointer, line, column, reason
};

inline std::vector<BrokenCase> brokenCases()
{
    std::vector<BrokenCase> cases;
    for (const auto &entry : std::filesystem::directory_iterator(exchangeDir() + "/broken")) {
        const std::string path = entry.path().string();
        const std::string suffix = ".hicm.json";
        if (path.size() < suffix.size() || path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        BrokenCase c{path, {}};
        std::istringstream lines(readFile(path.substr(0, path.size() - suffix.size()) + ".expected.txt"));
        for (std::string line; std::getline(lines, line);) {
            const auto colon = line.find(": ");
            if (colon != std::string::npos)
                c.expected[line.substr(0, colon)] = line.substr(colon + 2);
        }
        cases.push_back(std::move(c));
    }
    std::sort(cases.begin(), cases.end(), [](const auto &a, const auto &b) { return a.file < b.file; });
    return cases;
}

// True when `problem` matches every expectation of the case.
inline bool matches(const Problem &problem, const std::map<std::string, std::string> &expected)
{
    for (const auto &[key, value] : expected) {
        if (key == "pointer" && problem.pointer != value)
            return false;
        if (key == "line" && std::to_string(problem.line) != value)
            return false;
        if (key == "column" && std::to_string(problem.column) != value)
            return false;
        if (key == "reason" && problem.message.find(value) == std::string::npos)
            return false;
    }
    return true;
}

} // namespace hicm::test
