// Small text helpers the core matches names and values with.
#pragma once

#include <cstddef>
#include <string>

namespace hicm {

// Without leading and trailing white space (space, tab, CR, LF).
std::string trimmed(const std::string &s);

// Lower case (ASCII), runs of white space folded to one space, trimmed: how organisation names, areas
// and action texts are matched ("North  ICB " is "north icb").
std::string folded(const std::string &s);

// The longest text (a note, evidence, rationale, an action, a name) a workspace holds, in characters
// (Unicode code points): about five pages. Refused beyond it by the workspace, the exchange reader and
// the app's editors (docs/reliability.md).
constexpr std::size_t kMaxTextCharacters = 10000;

// The number of characters (UTF-8 code points) in `text`.
std::size_t characterCount(const std::string &text);

// Why `text` is too long to store ("the text is 10,001 characters long; …"), empty when it is not.
std::string textTooLong(const std::string &text);

// `text` without the explicit bidirectional controls (U+202A-U+202E embeddings and overrides,
// U+2066-U+2069 isolates), which would show it reordered ("\u202Egnp.exe" as "exe.png"). Reports show
// user text as typed.
std::string withoutBidiControls(const std::string &text);

// User text as a view shows it: without the bidirectional controls, and, when it holds right-to-left
// letters (Hebrew, Arabic …), wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so it is shown
// as typed and reorders nothing around it. For display only: never write it back.
std::string shownAsTyped(const std::string &text);

// True when `text` has something other than white space.
bool hasText(const std::string &text);

// A real calendar date written YYYY-MM-DD (leap years counted).
bool isIsoDate(const std::string &text);

}  // namespace hicm
