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

std::size_t characterCount(const std::string &text)
{
    std::size_t n = 0;
    for (unsigned char c : text)
        n += (c & 0xC0) != 0x80;  // every byte that is not a continuation byte starts a character
    return n;
}

std::string textTooLong(const std::string &text)
{
    if (text.size() <= kMaxTextCharacters)
        return {};
    const std::size_t n = characterCount(text);
    if (n <= kMaxTextCharacters)
        return {};
    return "the text is " + std::to_string(n) + " characters long; a text holds at most " +
           std::to_string(kMaxTextCharacters) + " characters";
}

std::string withoutBidiControls(const std::string &text)
{
    // In UTF-8: U+202A-U+202E are E2 80 AA-AE, U+2066-U+2069 are E2 81 A6-A9.
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2) {
            const auto b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
            if ((b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)) {
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

namespace {

// Whether the code point is in a block of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo,
// Samaritan, Mandaic, their presentation forms, and the historic right-to-left blocks).
bool rightToLeft(char32_t c)
{
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
           (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
}

}  // namespace

std::string shownAsTyped(const std::string &text)
{
    std::string out = withoutBidiControls(text);
    for (std::size_t i = 0; i < out.size();) {
        const auto b = static_cast<unsigned char>(out[i]);
        const int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
        char32_t c = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
        for (int k = 1; k <= extra && i + k < out.size(); ++k)
            c = (c << 6) | (static_cast<unsigned char>(out[i + k]) & 0x3F);
        if (rightToLeft(c))
            return "\u2068" + out + "\u2069";
        i += 1 + extra;
    }
    return out;
}

bool hasText(const std::string &text)
{
    for (unsigned char c : text)
        if (!std::isspace(c))
            return true;
    return false;
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

bool isIsoDate(const std::string &text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return false;
    const int year = std::stoi(text.substr(0, 4)), month = std::stoi(text.substr(5, 2)), day = std::stoi(text.substr(8, 2));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1)
        return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

}  // namespace hicm
