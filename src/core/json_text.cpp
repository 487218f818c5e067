#include "json_text.h"

#include <set>
#include <vector>

namespace hicm {

namespace {

using Json = nlohmann::json;

// A key given twice in one object: refused, never "last one wins".
struct DuplicateKey {
    std::string pointer;
};

// A number outside the range of a double ("1e999"), where it starts.
struct NumberOverflow {
    std::size_t position;
    std::string message;
};

// nlohmann's DOM builder, plus the JSON pointer of where it is, to refuse duplicate keys and to give a
// number that overflows its position.
class CheckingSax {
public:
    explicit CheckingSax(Json &out) : m_dom(out) {}

    bool null() { return value() && m_dom.null(); }
    bool boolean(bool v) { return value() && m_dom.boolean(v); }
    bool number_integer(Json::number_integer_t v) { return value() && m_dom.number_integer(v); }
    bool number_unsigned(Json::number_unsigned_t v) { return value() && m_dom.number_unsigned(v); }
    bool number_float(Json::number_float_t v, const Json::string_t &s) { return value() && m_dom.number_float(v, s); }
    bool string(Json::string_t &v) { return value() && m_dom.string(v); }
    bool binary(Json::binary_t &v) { return value() && m_dom.binary(v); }
    bool start_object(std::size_t n)
    {
        value();
        m_frames.push_back({false});
        return m_dom.start_object(n);
    }
    bool key(Json::string_t &k)
    {
        Frame &top = m_frames.back();
        top.key = k;
        if (!top.keys.insert(k).second)
            throw DuplicateKey{pointer()};
        return m_dom.key(k);
    }
    bool end_object()
    {
        m_frames.pop_back();
        return m_dom.end_object();
    }
    bool start_array(std::size_t n)
    {
        value();
        m_frames.push_back({true});
        return m_dom.start_array(n);
    }
    bool end_array()
    {
        m_frames.pop_back();
        return m_dom.end_array();
    }
    template <typename Exception>
    bool parse_error(std::size_t position, const std::string &token, const Exception &ex)
    {
        if (ex.id == 406)  // out_of_range: a number too large; nlohmann would drop the position
            throw NumberOverflow{position >= token.size() ? position - token.size() : 0, ex.what()};
        return m_dom.parse_error(position, token, ex);
    }

private:
    struct Frame {
        bool array;
        long index = -1;
        std::set<std::string> keys;
        std::string key;
    };

    bool value()
    {
        if (!m_frames.empty() && m_frames.back().array)
            ++m_frames.back().index;
        return true;
    }

    std::string pointer() const
    {
        std::string out;
        for (const Frame &f : m_frames)
            out += "/" + (f.array ? std::to_string(f.index) : nlohmann::detail::escape(f.key));
        return out;
    }

    nlohmann::detail::json_sax_dom_parser<Json> m_dom;
    std::vector<Frame> m_frames;
};

}  // namespace

std::optional<Problem> parseJsonText(std::string_view bytes, const std::string &fileName, nlohmann::json &out)
{
    try {
        CheckingSax sax(out);
        Json::sax_parse(bytes.begin(), bytes.end(), &sax);
        return std::nullopt;
    } catch (const DuplicateKey &d) {
        out = Json();
        return Problem{fileName, d.pointer, 0, 0, "the key is given twice in the same object (a file must give each key once)"};
    } catch (const NumberOverflow &n) {
        out = Json();
        Problem p{fileName, "", 0, 0, ""};
        lineAndColumn(std::string(bytes), n.position, p.line, p.column);
        std::string what = n.message;
        if (auto pos = what.find("] "); pos != std::string::npos)
            what = what.substr(pos + 2);
        p.message = what + " (a number must fit in a double)";
        return p;
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
