// Reading a user's JSON text: nlohmann's errors turned into a Problem that says where (line, column) and
// what, in words. Shared by the framework loader and the exchange reader.
#pragma once

#include "problem.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace hicm {

// Parses `bytes` into `out`. On failure returns the problem: for a syntax error, the line and column where
// parsing stopped and nlohmann's message without its "[json.exception…] parse error at …: " prefix, with a
// long quoted "last read" cut short; for anything else (a number too large for a double, "1e999"), no
// position (line 0). Callers put their own words in front ("not valid JSON: ").
std::optional<Problem> parseJsonText(std::string_view bytes, const std::string &fileName, nlohmann::json &out);

}  // namespace hicm
