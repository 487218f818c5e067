// The exchange file: writer and strict reader (exchange.h, docs/exchange-format.md).
#include "exchange.h"

#include "assessment_json.h"
#include "framework_loader.h"
#include "hash.h"
#include "hicm_version.h"
#include "json_text.h"
#include "text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace hicm {

using nlohmann::json;

json exchangeToJson(const Assessment &assessment, const std::string &frameworkJson, const std::string &exported)
{
    const std::string hash = sha256Hex(frameworkJson);
    json a = assessmentToJson(assessment);
    a["framework"]["hash"] = hash;
    return json{{"format", kExchangeFormat},  {"format_version", kExchangeFormatVersion},
                {"exported", exported},       {"generator", std::string("HICM Assess ") + HICM_VERSION},
                {"assessment", std::move(a)}, {"framework", {{"hash", hash}, {"json", frameworkJson}}}};
}

std::string exchangeToString(const Assessment &assessment, const std::string &frameworkJson,
                             const std::string &exported)
{
    // The same content with the keys in reading order (format first, the long framework text last), so
    // that a person or a `head` sees what the file is.
    const json j = exchangeToJson(assessment, frameworkJson, exported);
    nlohmann::ordered_json out;
    for (const char *key : {"format", "format_version", "exported", "generator", "assessment", "framework"})
        out[key] = nlohmann::ordered_json::parse(j.at(key).dump(-1, ' ', false, json::error_handler_t::replace));
    return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string exchangeTimeNow()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

namespace {

class Checker {
public:
    Checker(const std::string &file, std::vector<Problem> &problems) : m_file(file), m_problems(problems) {}
    void fail(const std::string &pointer, const std::string &message, int line = 0, int column = 0)
    {
        m_problems.push_back({m_file, pointer.empty() ? "/" : pointer, line, column, message});
    }
    // A required string member; nullptr (reported) when missing or not a string.
    const std::string *string(const json &obj, const std::string &pointer, const char *key)
    {
        auto it = obj.find(key);
        if (it == obj.end()) {
            fail(pointer, std::string("missing required key \"") + key + "\"");
            return nullptr;
        }
        if (!it->is_string()) {
            fail(pointer + "/" + key, std::string("expected a string, found ") + it->type_name());
            return nullptr;
        }
        return it->get_ptr<const std::string *>();
    }
    void unknownKeys(const json &obj, const std::string &pointer, std::initializer_list<const char *> allowed)
    {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            const std::string &key = it.key();
            if (!key.empty() && key[0] == '$')
                continue;
            if (std::none_of(allowed.begin(), allowed.end(), [&](const char *a) { return key == a; }))
                fail(pointer + "/" + pointerToken(key), "unknown key \"" + key + "\"");
        }
    }

private:
    const std::string &m_file;
    std::vector<Problem> &m_problems;
};

// Checks what the assessment JSON reader and the framework check leave to the workspace: texts that must
// not be blank, dates, and ids a workspace stores only once per assessment.
void checkStorable(Checker &c, const Assessment &a)
{
    const std::string p = "/assessment";
    if (!hasText(a.area))
        c.fail(p + "/area", "an assessment needs an area or system name");
    if (!a.date.empty() && !isIsoDate(a.date))
        c.fail(p + "/date", "\"" + a.date + "\" is not a date written YYYY-MM-DD");
    for (std::size_t i = 0; i < a.partners.size(); ++i)
        if (!hasText(a.partners[i].organisation))
            c.fail(p + "/partners/" + std::to_string(i) + "/organisation", "a partner needs an organisation name");
    std::set<std::string> metrics, planned;
    for (std::size_t i = 0; i < a.features.size(); ++i) {
        const auto &f = a.features[i];
        const std::string fp = p + "/features/" + std::to_string(i);
        for (std::size_t j = 0; j < f.metrics.size(); ++j)
            if (!metrics.insert(f.metrics[j].metricId).second)
                c.fail(fp + "/metrics/" + std::to_string(j) + "/id",
                       "a second value for data item \"" + f.metrics[j].metricId + "\"");
        for (std::size_t j = 0; j < f.plannedActions.size(); ++j)
            if (!planned.insert(f.plannedActions[j]).second)
                c.fail(fp + "/planned_actions/" + std::to_string(j),
                       "targeted action \"" + f.plannedActions[j] + "\" is listed twice");
    }
    for (std::size_t i = 0; i < a.actions.size(); ++i) {
        const std::string ap = p + "/actions/" + std::to_string(i);
        if (!hasText(a.actions[i].text))
            c.fail(ap + "/text", "an action needs a text");
        if (!a.actions[i].due.empty() && !isIsoDate(a.actions[i].due))
            c.fail(ap + "/due", "\"" + a.actions[i].due + "\" is not a date written YYYY-MM-DD");
    }
    std::set<std::string> overrides;
    for (std::size_t i = 0; i < a.overrides.size(); ++i)
        if (!overrides.insert(a.overrides[i].change).second)
            c.fail(p + "/overrides/" + std::to_string(i) + "/change",
                   "a second override of change \"" + a.overrides[i].change + "\"");
}

// The framework part: its text against its hash, then the text loaded. nullptr when it cannot be used.
// `known`: the file's framework text is that verified one (parseKnownFramework), whatever the DOM holds.
std::shared_ptr<const Framework> readFramework(Checker &c, const json &root, const std::string &fileName,
                                               std::string &text, FrameworkCache *cache,
                                               const FrameworkCache::Verified *known)
{
    auto it = root.find("framework");
    if (it == root.end()) {
        c.fail("", "missing required key \"framework\"");
        return nullptr;
    }
    if (!it->is_object()) {
        c.fail("/framework", std::string("expected an object, found ") + it->type_name());
        return nullptr;
    }
    c.unknownKeys(*it, "/framework", {"hash", "json"});
    const std::string *hash = c.string(*it, "/framework", "hash");
    const std::string *body = c.string(*it, "/framework", "json");
    if (!hash || !body)
        return nullptr;
    text = known ? known->text : *body;
    const std::string actual = known ? known->hash : sha256Hex(text);  // the same bytes, the same hash
    if (*hash != actual) {
        c.fail("/framework/hash", "the framework text does not match its hash: the file says " + *hash +
                                      ", the text's SHA-256 is " + actual + " (the file was edited or damaged)");
        return nullptr;
    }
    if (known)
        return known->framework;
    if (cache)
        if (auto loaded = cache->find(actual)) {
            cache->add(actual, loaded, text);  // keeps its token, if it has none yet
            return loaded;
        }
    auto loaded = parseFramework(text, fileName);
    if (!loaded.ok()) {
        for (const auto &inner : loaded.problems) {
            std::string where = inner.pointer;
            if (inner.line > 0)
                where = "line " + std::to_string(inner.line) + ", column " + std::to_string(inner.column);
            c.fail("/framework/json",
                   "the framework in the file does not load: " + (where.empty() ? "" : where + ": ") + inner.message);
        }
        return nullptr;
    }
    auto framework = std::make_shared<const Framework>(std::move(*loaded.framework));
    if (cache)
        cache->add(actual, framework, text);
    return framework;
}

// The cache's fast path. Most of an exchange file is its framework's text, one JSON string that the
// writer puts last; lexing it is most of the cost of reading the file. When the file's bytes end with a
// verified framework text's token T (then only white space and closing braces), the file P + T + S is
// parsed as P + "\u0000" + S instead, and the framework part is read as that verified text. This is
// the same parse: if the placeholder's quote ended a string of P, its backslash would be outside a
// string and the parse would fail; so a parse that succeeds, with /framework/json exactly the one
// character U+0000 that no other string can hold (P has no "\u0000", S no backslash), read the
// placeholder as a string token where T stands, and T, a string token that ends at its last quote, is
// read there in the same way. Anything else (a syntax error anywhere, another shape) returns nullptr and
// the file is parsed whole, so every problem is reported exactly as without the cache.
std::shared_ptr<const FrameworkCache::Verified> parseKnownFramework(std::string_view bytes, const std::string &fileName,
                                                                    const FrameworkCache &cache, json &root)
{
    std::size_t end = bytes.size();
    while (end > 0 && (bytes[end - 1] == '}' || bytes[end - 1] == ' ' || bytes[end - 1] == '\n' ||
                       bytes[end - 1] == '\r' || bytes[end - 1] == '\t'))
        --end;
    auto known = cache.findToken(bytes, end);
    if (!known)
        return nullptr;
    const std::string_view prefix = bytes.substr(0, end - known->token.size());
    if (prefix.find("\\u0000") != std::string_view::npos)
        return nullptr;
    std::string text;
    text.reserve(prefix.size() + 8 + bytes.size() - end);
    text.append(prefix).append("\"\\u0000\"").append(bytes.substr(end));
    json parsed;
    if (parseJsonText(text, fileName, parsed) || !parsed.is_object())
        return nullptr;
    const auto framework = parsed.find("framework");
    if (framework == parsed.end() || !framework->is_object())
        return nullptr;
    const auto body = framework->find("json");
    if (body == framework->end() || !body->is_string() || body->get_ref<const std::string &>() != std::string(1, '\0'))
        return nullptr;
    root = std::move(parsed);
    cache.countTokenRead();
    return known;
}

// Every text of the assessment within the workspace's limit (kMaxTextCharacters), each one named.
void refuseLongTexts(Checker &c, const json &j, const std::string &pointer)
{
    if (j.is_string()) {
        if (const std::string why = textTooLong(j.get_ref<const std::string &>()); !why.empty())
            c.fail(pointer, why);
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i)
            refuseLongTexts(c, j[i], pointer + "/" + std::to_string(i));
    } else if (j.is_object()) {
        for (const auto &[key, value] : j.items())
            refuseLongTexts(c, value, pointer + "/" + nlohmann::detail::escape(key));
    }
}

} // namespace

std::shared_ptr<const Framework> FrameworkCache::find(const std::string &hash) const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_loaded.find(hash);
    return it == m_loaded.end() ? nullptr : it->second;
}

void FrameworkCache::add(const std::string &hash, std::shared_ptr<const Framework> framework, const std::string &text)
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_loaded.emplace(hash, framework);
        if (text.empty() || m_verified.size() >= kMaxVerified ||
            std::any_of(m_verified.begin(), m_verified.end(), [&](const auto &v) { return v->hash == hash; }))
            return;
    }
    auto verified = std::make_shared<Verified>();
    verified->hash = hash;
    verified->text = text;
    try {
        // As the writer writes it (exchangeToString); every quote inside is escaped, so the token ends at
        // its last character. Text that is not valid UTF-8 throws: then no token, and no fast path.
        verified->token = json(text).dump(-1, ' ', false, json::error_handler_t::strict);
    } catch (const json::exception &) {
        return;
    }
    verified->framework = std::move(framework);
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (m_verified.size() < kMaxVerified &&
        std::none_of(m_verified.begin(), m_verified.end(), [&](const auto &v) { return v->hash == hash; }))
        m_verified.push_back(std::move(verified));
}

std::shared_ptr<const FrameworkCache::Verified> FrameworkCache::findToken(std::string_view bytes, std::size_t end) const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    for (const auto &v : m_verified)
        if (v->token.size() <= end && bytes.compare(end - v->token.size(), v->token.size(), v->token) == 0)
            return v;
    return nullptr;
}

ExchangeReadResult parseExchange(std::string_view bytes, const std::string &fileName, FrameworkCache *cache)
{
    ExchangeReadResult result;
    Checker c(fileName, result.problems);
    if (bytes.size() > kMaxExchangeBytes) {
        result.problems.push_back({fileName, "", 0, 0,
                                   "the file is too large for an exchange file (" + std::to_string(bytes.size()) +
                                       " bytes; the limit is " + std::to_string(kMaxExchangeBytes) + ")"});
        return result;
    }
    json root;
    // With a cache, a file that ends with a framework text verified before is parsed without it.
    const auto known = cache ? parseKnownFramework(bytes, fileName, *cache, root) : nullptr;
    if (auto p = known ? std::nullopt : parseJsonText(bytes, fileName, root)) {
        p->message = (p->line == 0 ? "not valid JSON: "
                                   : bytes.empty() ? "the file is empty: " : "not valid JSON (truncated or damaged?): ") +
                     p->message;
        result.problems.push_back(std::move(*p));
        return result;
    }
    if (!root.is_object()) {
        c.fail("", std::string("an exchange file holds a JSON object, found ") + root.type_name());
        return result;
    }
    auto format = root.find("format");
    if (format == root.end() || !format->is_string() || *format != kExchangeFormat) {
        c.fail(format == root.end() ? "" : "/format",
               std::string("not an HICM Assess exchange file (\"format\" must be \"") + kExchangeFormat + "\")");
        return result;
    }
    auto version = root.find("format_version");
    if (version == root.end() || !version->is_number_integer()) {
        c.fail(version == root.end() ? "" : "/format_version", version == root.end()
                                                                   ? "missing required key \"format_version\""
                                                                   : "\"format_version\" must be an integer");
        return result;
    }
    if (version->get<std::int64_t>() != kExchangeFormatVersion) {
        const auto v = version->get<std::int64_t>();
        c.fail("/format_version",
               "format version " + std::to_string(v) + " is not supported (this version reads " +
                   std::to_string(kExchangeFormatVersion) + ")" +
                   (v > kExchangeFormatVersion ? "; the file was written by a newer HICM Assess" : ""));
        return result;
    }
    c.unknownKeys(root, "", {"format", "format_version", "exported", "generator", "assessment", "framework"});
    ExchangeFile file;
    if (const std::string *exported = c.string(root, "", "exported"))
        file.exported = *exported;
    if (auto g = root.find("generator"); g != root.end()) {
        if (g->is_string())
            file.generator = g->get<std::string>();
        else
            c.fail("/generator", std::string("expected a string, found ") + g->type_name());
    }
    file.framework = readFramework(c, root, fileName, file.frameworkJson, cache, known.get());

    auto aj = root.find("assessment");
    if (aj == root.end()) {
        c.fail("", "missing required key \"assessment\"");
        return result;
    }
    refuseLongTexts(c, *aj, "/assessment");
    if (!result.problems.empty())
        return result;
    auto assessment = assessmentFromJson(*aj, fileName, result.problems, "/assessment");
    if (!assessment)
        return result;
    checkStorable(c, *assessment);
    if (file.framework) {
        if (assessment->frameworkHash != file.framework->contentHash)
            c.fail("/assessment/framework/hash", "the assessment names framework " + assessment->frameworkHash +
                                                     ", but the file holds framework " + file.framework->contentHash);
        checkAssessmentAgainstFramework(*assessment, *file.framework, fileName, result.problems, "/assessment");
    }
    if (!result.problems.empty())
        return result;
    file.assessment = std::move(*assessment);
    result.file = std::move(file);
    return result;
}

ExchangeReadResult readExchangeFile(const std::string &path, FrameworkCache *cache)
{
    ExchangeReadResult result;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxExchangeBytes) {
        result.problems.push_back({path, "", 0, 0,
                                   "the file is too large for an exchange file (" + std::to_string(size) +
                                       " bytes; the limit is " + std::to_string(kMaxExchangeBytes) + ")"});
        return result;
    }
    std::ifstream in(path, std::ios::binary);
    if (ec || !in || std::filesystem::is_directory(path, ec)) {
        result.problems.push_back({path, "", 0, 0, "cannot open the file for reading"});
        return result;
    }
    std::string bytes;
    bytes.resize(static_cast<std::size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return parseExchange(bytes, path, cache);
}

Assessment assessmentForImport(const ExchangeFile &file)
{
    Assessment a = file.assessment;
    a.id = 0;
    a.previousId.reset();
    a.updated.clear();
    for (auto &p : a.partners)
        p.id = 0;
    for (auto &ac : a.actions)
        ac.id = 0;
    return a;
}

} // namespace hicm
