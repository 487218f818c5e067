// The framework file's reader (framework_reader.h): typed access to the JSON tree, every problem reported
// with its JSON pointer.
#include "framework_reader.h"

#include <algorithm>
#include <cctype>

namespace hicm::framework_json {

namespace {

const char *typeName(const json &v)
{
    return v.type_name();
}

}  // namespace

std::string child(const std::string &pointer, const std::string &key)
{
    return pointer + "/" + pointerToken(key);
}

std::string child(const std::string &pointer, std::size_t index)
{
    return pointer + "/" + std::to_string(index);
}

void Reader::fail(const std::string &pointer, const std::string &message)
{
    m_problems.push_back(Problem{m_file, pointer.empty() ? "/" : pointer, 0, 0, message});
}

void Reader::checkKeys(const json &obj, const std::string &pointer, std::initializer_list<const char *> allowed)
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const std::string &key = it.key();
        if (!key.empty() && key[0] == '$')
            continue;  // "$schema", "$comment"
        if (std::none_of(allowed.begin(), allowed.end(), [&](const char *a) { return key == a; }))
            fail(child(pointer, key), "unknown key \"" + key + "\"");
    }
}

bool Reader::isObject(const json &v, const std::string &pointer)
{
    if (v.is_object())
        return true;
    fail(pointer, std::string("expected an object, found ") + typeName(v));
    return false;
}

const json *Reader::member(const json &obj, const std::string &pointer, const char *key, bool required)
{
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (required)
            fail(pointer, std::string("missing required key \"") + key + "\"");
        return nullptr;
    }
    return &*it;
}

std::string Reader::string(const json &obj, const std::string &pointer, const char *key, bool required)
{
    const json *v = member(obj, pointer, key, required);
    if (!v)
        return {};
    const std::string p = child(pointer, key);
    if (!v->is_string()) {
        fail(p, std::string("expected a string, found ") + typeName(*v));
        return {};
    }
    std::string s = v->get<std::string>();
    if (isBlank(s))
        fail(p, "empty text");
    return s;
}

std::optional<int> Reader::integer(const json &obj, const std::string &pointer, const char *key)
{
    const json *v = member(obj, pointer, key, true);
    if (!v)
        return std::nullopt;
    if (!v->is_number_integer()) {
        fail(child(pointer, key), std::string("expected an integer, found ") + typeName(*v));
        return std::nullopt;
    }
    return v->get<int>();
}

bool Reader::isBlank(const std::string &s)
{
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

std::vector<std::string> Reader::sourceList(const json &obj, const std::string &pointer)
{
    std::vector<std::string> out;
    const json *v = member(obj, pointer, "sources", true);
    if (!v)
        return out;
    const std::string p = child(pointer, "sources");
    if (!v->is_array() || v->empty()) {
        fail(p, "expected a non-empty array of source ids");
        return out;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
        const json &s = (*v)[i];
        if (!s.is_string()) {
            fail(child(p, i), "expected a source id (string)");
            continue;
        }
        const std::string id = s.get<std::string>();
        if (m_checkSources && !m_sourceIds.count(id))
            fail(child(p, i), "unknown source \"" + id + "\" (not in /meta/sources)");
        out.push_back(id);
    }
    if (std::find(out.begin(), out.end(), "app") != out.end() && out.size() > 1)
        fail(p, "a text is either the app's own (\"app\") or quoted from source texts, not both");
    return out;
}

SourcedText Reader::sourcedText(const json &v, const std::string &pointer)
{
    SourcedText out;
    if (!isObject(v, pointer))
        return out;
    checkKeys(v, pointer, {"text", "sources", "variants"});
    out.text = string(v, pointer, "text");
    out.sources = sourceList(v, pointer);
    if (const json *vars = member(v, pointer, "variants", false)) {
        const std::string p = child(pointer, "variants");
        if (!vars->is_array()) {
            fail(p, "expected an array of variants");
        } else {
            for (std::size_t i = 0; i < vars->size(); ++i) {
                const std::string vp = child(p, i);
                const json &var = (*vars)[i];
                if (!isObject(var, vp))
                    continue;
                checkKeys(var, vp, {"text", "sources"});
                out.variants.push_back(TextVariant{string(var, vp, "text"), sourceList(var, vp)});
            }
        }
    }
    return out;
}

std::optional<SourcedText> Reader::text(const json &obj, const std::string &pointer, const char *key, bool required)
{
    const json *v = member(obj, pointer, key, required);
    if (!v)
        return std::nullopt;
    return sourcedText(*v, child(pointer, key));
}

SourcedText Reader::requiredText(const json &obj, const std::string &pointer, const char *key)
{
    return text(obj, pointer, key, true).value_or(SourcedText{});
}

std::vector<SourcedText> Reader::texts(const json &obj, const std::string &pointer, const char *key, bool required)
{
    std::vector<SourcedText> out;
    if (auto it = obj.find(key); it != obj.end() && it->is_object()) {
        out.push_back(sourcedText(*it, child(pointer, key)));
        return out;
    }
    array(obj, pointer, key, required, required,
          [&](const json &e, const std::string &p) { out.push_back(sourcedText(e, p)); });
    return out;
}

void Reader::unique(std::map<std::string, std::string> &seen, const std::string &id, const std::string &pointer)
{
    if (id.empty())
        return;
    auto [it, inserted] = seen.emplace(id, pointer);
    if (!inserted)
        fail(pointer, "duplicate id \"" + id + "\" (first used at " + it->second + ")");
}

std::optional<Basis> Reader::basis(const json &obj, const std::string &pointer)
{
    const std::string b = string(obj, pointer, "basis");
    if (b == "text")
        return Basis::Text;
    if (b == "app")
        return Basis::App;
    if (!b.empty())
        fail(child(pointer, "basis"), "basis must be \"text\" or \"app\", found \"" + b + "\"");
    return std::nullopt;
}

void Reader::array(const json &obj, const std::string &pointer, const char *key, bool required, bool nonEmpty,
                   const std::function<void(const json &, const std::string &)> &each)
{
    const json *v = member(obj, pointer, key, required);
    if (!v)
        return;
    const std::string p = child(pointer, key);
    if (!v->is_array()) {
        fail(p, std::string("expected an array, found ") + typeName(*v));
        return;
    }
    if (nonEmpty && v->empty())
        fail(p, "empty list");
    for (std::size_t i = 0; i < v->size(); ++i)
        each((*v)[i], child(p, i));
}

std::vector<Item> Reader::items(const json &obj, const std::string &pointer, const char *key, bool required,
                                   std::map<std::string, std::string> &seen)
{
    std::vector<Item> out;
    array(obj, pointer, key, required, required, [&](const json &e, const std::string &p) {
        if (!isObject(e, p))
            return;
        checkKeys(e, p, {"id", "text"});
        Item item;
        item.id = string(e, p, "id");
        item.text = requiredText(e, p, "text");
        unique(seen, item.id, child(p, "id"));
        out.push_back(std::move(item));
    });
    return out;
}

}  // namespace hicm::framework_json
