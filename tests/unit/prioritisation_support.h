// Shared by the prioritisation tests: loading the golden cases and their frameworks, and comparing
// the engine's JSON with an expected subset.
#pragma once

#include "assessment_json.h"
#include "framework_loader.h"
#include "test_paths.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hicm::test {

inline std::string prioritisationDir()
{
    return kTestDataDir + "/prioritisation";
}

// The framework a case names: "bundled", or a file relative to tests/data/prioritisation. Loaded once.
inline std::string caseFrameworkFile(const std::string &name)
{
    return name == "bundled" ? kFrameworkFile : prioritisationDir() + "/" + name;
}

inline const Framework *caseFramework(const std::string &name, std::string &problems)
{
    static std::map<std::string, std::shared_ptr<FrameworkLoadResult>> cache;
    const std::string path = caseFrameworkFile(name);
    auto &slot = cache[path];
    if (!slot)
        slot = std::make_shared<FrameworkLoadResult>(loadFrameworkFile(path));
    problems = formatProblems(slot->problems);
    return slot->framework ? &*slot->framework : nullptr;
}

// One golden case: the framework it names, the assessment (the case's own keys, "_framework" and
// "_worked", taken out before reading) and the expected result.
struct GoldenCase {
    std::string name;
    std::string frameworkFile;
    const Framework *framework = nullptr;
    std::optional<Assessment> assessment;
    nlohmann::json expected;
    std::string problems; // why it could not be loaded
};

inline GoldenCase loadGoldenCase(const std::filesystem::path &dir)
{
    GoldenCase c;
    c.name = dir.filename().string();
    const std::string assessmentFile = (dir / "assessment.json").string();
    nlohmann::json input = nlohmann::json::parse(readFile(assessmentFile), nullptr, false);
    c.expected = nlohmann::json::parse(readFile((dir / "expected.json").string()), nullptr, false);
    if (input.is_discarded() || c.expected.is_discarded() || !input.is_object()) {
        c.problems = "assessment.json or expected.json is not valid JSON";
        return c;
    }
    const std::string frameworkName = input.value("_framework", std::string("bundled"));
    input.erase("_framework");
    input.erase("_worked");
    c.frameworkFile = caseFrameworkFile(frameworkName);
    c.framework = caseFramework(frameworkName, c.problems);
    if (!c.framework)
        return c;
    std::vector<Problem> problems;
    c.assessment = assessmentFromJson(input, assessmentFile, problems);
    if (c.assessment)
        checkAssessmentAgainstFramework(*c.assessment, *c.framework, assessmentFile, problems);
    if (!problems.empty()) {
        c.assessment.reset();
        c.problems = formatProblems(problems);
    }
    return c;
}

inline std::vector<std::filesystem::path> goldenCaseDirs()
{
    std::vector<std::filesystem::path> out;
    for (const auto &e : std::filesystem::directory_iterator(prioritisationDir()))
        if (e.is_directory() && std::filesystem::exists(e.path() / "expected.json"))
            out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// Every key of `expected` must be in `actual` with an equal value (numbers to 0.005); arrays must
// have the same length, element by element. Returns one line per difference, with its JSON pointer.
inline void jsonSubsetDiff(const nlohmann::json &expected, const nlohmann::json &actual, const std::string &pointer,
                           std::vector<std::string> &out)
{
    const std::string where = pointer.empty() ? "/" : pointer;
    if (expected.is_number() && actual.is_number()) {
        if (std::abs(expected.get<double>() - actual.get<double>()) > 0.005)
            out.push_back(where + ": expected " + expected.dump() + ", got " + actual.dump());
        return;
    }
    if (expected.type() != actual.type()) {
        out.push_back(where + ": expected " + expected.dump() + ", got " + actual.dump());
        return;
    }
    if (expected.is_object()) {
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            if (!actual.contains(it.key()))
                out.push_back(pointer + "/" + it.key() + ": missing (expected " + it.value().dump() + ")");
            else
                jsonSubsetDiff(it.value(), actual[it.key()], pointer + "/" + it.key(), out);
        }
    } else if (expected.is_array()) {
        if (expected.size() != actual.size()) {
            std::string ids;
            for (const auto &e : actual)
                ids += (ids.empty() ? "" : ", ") + (e.is_object() && e.contains("id") ? e["id"].dump() : e.dump());
            out.push_back(where + ": expected " + std::to_string(expected.size()) + " elements, got " +
                          std::to_string(actual.size()) + " [" + ids + "]");
            return;
        }
        for (std::size_t i = 0; i < expected.size(); ++i)
            jsonSubsetDiff(expected[i], actual[i], pointer + "/" + std::to_string(i), out);
    } else if (expected != actual) {
        out.push_back(where + ": expected " + expected.dump() + ", got " + actual.dump());
    }
}

} // namespace hicm::test
