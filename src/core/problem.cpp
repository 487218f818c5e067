#include "problem.h"

namespace hicm {

std::string Problem::toString() const
{
    std::string out = file;
    if (line > 0) {
        out += ":" + std::to_string(line);
        if (column > 0)
            out += ":" + std::to_string(column);
    }
    out += ": ";
    if (!pointer.empty())
        out += pointer + ": ";
    out += message;
    return out;
}

std::string formatProblems(const std::vector<Problem> &problems)
{
    std::string out;
    for (const auto &p : problems)
        out += p.toString() + "\n";
    return out;
}

std::string pointerToken(const std::string &key)
{
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

void lineAndColumn(const std::string &text, std::size_t offset, int &line, int &column)
{
    line = 1;
    column = 1;
    if (offset > text.size())
        offset = text.size();
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {  // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
}

}  // namespace hicm
