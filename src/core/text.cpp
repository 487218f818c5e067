#include "text.h"

#include <cctype>

namespace hicm {

std::string trimmed(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string folded(const std::string &s)
{
    std::string out;
    bool space = false;
    for (unsigned char c : trimmed(s)) {
        if (std::isspace(c)) {
            space = true;
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(c));
    }
    return out;
}

}  // namespace hicm
