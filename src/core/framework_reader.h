// Internal to the framework loader (framework_loader.cpp, framework_reader.cpp, framework_references.cpp),
// not part of the core's interface: the reader that walks a framework file's JSON tree, building the
// model and collecting every problem with its JSON pointer on the way.
#pragma once

#include "framework.h"
#include "problem.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hicm::framework_json {

using nlohmann::json;

// The JSON pointer of `pointer`'s member `key` or element `index`.
std::string child(const std::string &pointer, const std::string &key);
std::string child(const std::string &pointer, std::size_t index);

// Walks the JSON tree, building the model and collecting every problem on the way.
class Reader {
public:
    Reader(std::string file, std::vector<Problem> &problems) : m_file(std::move(file)), m_problems(problems) {}

    void fail(const std::string &pointer, const std::string &message);

    // Reports keys of `obj` that the format does not define (typos are the usual cause).
    void checkKeys(const json &obj, const std::string &pointer, std::initializer_list<const char *> allowed);

    bool isObject(const json &v, const std::string &pointer);

    // The member `key` of `obj`, or nullptr (reported when required).
    const json *member(const json &obj, const std::string &pointer, const char *key, bool required);

    std::string string(const json &obj, const std::string &pointer, const char *key, bool required = true);

    std::optional<int> integer(const json &obj, const std::string &pointer, const char *key);

    static bool isBlank(const std::string &s);

    void setSourceIds(std::set<std::string> ids) { m_sourceIds = std::move(ids); m_checkSources = true; }

    std::vector<std::string> sourceList(const json &obj, const std::string &pointer);

    SourcedText sourcedText(const json &v, const std::string &pointer);

    std::optional<SourcedText> text(const json &obj, const std::string &pointer, const char *key, bool required = true);

    SourcedText requiredText(const json &obj, const std::string &pointer, const char *key);

    // Calls `each(element, elementPointer)` for each element of the array `key`.
    void array(const json &obj, const std::string &pointer, const char *key, bool required, bool nonEmpty,
               const std::function<void(const json &, const std::string &)> &each);

    // A list of sourced texts; a single sourced text (an object) counts as a list of one.
    std::vector<SourcedText> texts(const json &obj, const std::string &pointer, const char *key, bool required = true);

    // Items with ids unique across the whole file (metrics, actions, ASCOF metrics).
    std::vector<Item> items(const json &obj, const std::string &pointer, const char *key, bool required,
                            std::map<std::string, std::string> &seen);

    void unique(std::map<std::string, std::string> &seen, const std::string &id, const std::string &pointer);

    std::optional<Basis> basis(const json &obj, const std::string &pointer);

private:
    std::string m_file;
    std::vector<Problem> &m_problems;
    std::set<std::string> m_sourceIds;
    bool m_checkSources = false;
};

// Cross-references: alignments, prerequisites and challenge references resolve; no cycle.
void checkReferences(Reader &r, const Framework &fw);

}  // namespace hicm::framework_json
