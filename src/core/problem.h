// A problem found in a user-supplied file: where it is and what is wrong.
#pragma once

#include <string>
#include <vector>

namespace hicm {

struct Problem {
    std::string file;     // the file's path as the user gave it
    std::string pointer;  // JSON pointer (RFC 6901), e.g. "/features/2/levels/1"; empty if none
    int line = 0;         // 1-based, 0 when unknown
    int column = 0;       // 1-based, 0 when unknown
    std::string message;  // what is wrong, in plain words

    // "FILE:LINE:COLUMN: message" or "FILE: /pointer: message".
    std::string toString() const;
};

// All problems, one per line.
std::string formatProblems(const std::vector<Problem> &problems);

// Escapes one reference token for a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string pointerToken(const std::string &key);

// 1-based line and column of a byte offset in `text` (columns count UTF-8 characters).
void lineAndColumn(const std::string &text, std::size_t offset, int &line, int &column);

}  // namespace hicm
