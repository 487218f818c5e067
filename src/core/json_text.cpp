#include "json_text.h"

namespace hicm {

std::optional<Problem> parseJsonText(std::string_view bytes, const std::string &fileName, nlohmann::json &out)
{
    try {
        out = nlohmann::json::parse(bytes.begin(), bytes.end());
        return std::nullopt;
    } catch (const nlohmann::json::parse_error &e) {
        Problem p{fileName, "", 0, 0, ""};
        lineAndColumn(std::string(bytes), e.byte > 0 ? e.byte - 1 : 0, p.line, p.column);
        // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error while parsing ...":
        // the position is given separately, so keep the part after it.
        std::string what = e.what();
        if (auto pos = what.find(": "); pos != std::string::npos)
            what = what.substr(pos + 2);
        // nlohmann quotes what it last read, which can be a whole line of the file.
        if (auto pos = what.find("; last read: "); pos != std::string::npos && what.size() > pos + 60) {
            what.resize(pos + 50);
            while (!what.empty() && (static_cast<unsigned char>(what.back()) & 0xC0) == 0x80)
                what.pop_back();  // not in the middle of a UTF-8 character
            if (!what.empty() && static_cast<unsigned char>(what.back()) >= 0xC0)
                what.pop_back();
            what += "\u2026'";
        }
        p.message = std::move(what);
        return p;
    } catch (const nlohmann::json::exception &e) {
        // Not a parse_error, and without a position: "out_of_range.406 number overflow parsing '1e999'".
        std::string what = e.what();
        if (auto pos = what.find("] "); pos != std::string::npos)
            what = what.substr(pos + 2);
        return Problem{fileName, "", 0, 0, std::move(what)};
    }
}

}  // namespace hicm
