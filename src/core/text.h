// Small text helpers the core matches names and values with.
#pragma once

#include <string>

namespace hicm {

// Without leading and trailing white space (space, tab, CR, LF).
std::string trimmed(const std::string &s);

// Lower case (ASCII), runs of white space folded to one space, trimmed: how organisation names, areas
// and action texts are matched ("North  ICB " is "north icb").
std::string folded(const std::string &s);

// True when `text` has something other than white space.
bool hasText(const std::string &text);

// A real calendar date written YYYY-MM-DD (leap years counted).
bool isIsoDate(const std::string &text);

}  // namespace hicm
