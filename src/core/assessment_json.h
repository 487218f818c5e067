// The assessment as JSON: used by `show --json`, the exchange file and the test fixtures.
// Keys are documented in docs/cli.md ("The assessment JSON").
#pragma once

#include "assessment.h"
#include "framework.h"
#include "problem.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace hicm {

nlohmann::json assessmentToJson(const Assessment &assessment);

// Reads an assessment; every shape problem (missing key, wrong type, bad enum value) is appended to
// `problems` with `file` and the JSON pointer under `pointer`. Returns nullopt if there was any.
std::optional<Assessment> assessmentFromJson(const nlohmann::json &json, const std::string &file,
                                             std::vector<Problem> &problems, const std::string &pointer = "");

// Checks an assessment against the framework it claims to use: known feature, metric, action and
// change ids, levels on the scale, partners unique and every partner level naming a partner.
// Appends problems (pointers as in assessmentToJson's output, under `pointer`); returns true if none.
bool checkAssessmentAgainstFramework(const Assessment &assessment, const Framework &framework,
                                     const std::string &file, std::vector<Problem> &problems,
                                     const std::string &pointer = "");

}  // namespace hicm
