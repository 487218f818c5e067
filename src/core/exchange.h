// The exchange file (".hicm.json"): one assessment with everything stored about it and the framework
// edition it was scored against, to move between laptops (docs/exchange-format.md). Qt-free.
//
// The reader accepts only what can be relied on: every problem (size, malformed JSON, format and
// version, framework text against its hash, a framework that does not load, an assessment that does not
// fit its framework) is reported with the file, a JSON pointer and the reason; a file with any problem
// gives no assessment at all.
#pragma once

#include "assessment.h"
#include "framework.h"
#include "problem.h"

#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hicm {

inline constexpr const char *kExchangeFormat = "hicm-assess-exchange";
inline constexpr int kExchangeFormatVersion = 1;
// The largest exchange file accepted; larger ones are refused before anything is parsed.
inline constexpr std::size_t kMaxExchangeBytes = 20 * 1024 * 1024;
// The file name ending the app suggests.
inline constexpr const char *kExchangeSuffix = ".hicm.json";

// What a valid exchange file holds.
struct ExchangeFile {
    std::string exported;                       // ISO 8601 UTC time of the export
    std::string generator;                      // the program that wrote it, e.g. "HICM Assess 0.1.0"; may be empty
    Assessment assessment;                      // as exported: ids and times are the exporting workspace's
    std::string frameworkJson;                  // the framework file's text, byte for byte
    std::shared_ptr<const Framework> framework; // that text, loaded (contentHash = its SHA-256)
};

// The frameworks already loaded while reading many exchange files (region publish): a file whose
// framework text has the same verified SHA-256 as one loaded before reuses that framework instead of
// parsing the text again. Safe to share between threads.
//
// It also keeps each verified framework text's JSON string as the writer writes it (its "token"), so
// that the reader can skip lexing a file's framework text when the file ends with exactly those bytes
// (parseExchange): the rest of the file is parsed and checked as always, and the result, every problem
// included, is the same as without the cache.
class FrameworkCache {
public:
    std::shared_ptr<const Framework> find(const std::string &hash) const;
    // `text`, when given, is the framework text whose SHA-256 is `hash` (verified by the caller).
    void add(const std::string &hash, std::shared_ptr<const Framework> framework, const std::string &text = {});

    struct Verified {
        std::string hash, text, token;  // token: the JSON string of `text` (quotes included)
        std::shared_ptr<const Framework> framework;
    };
    // The verified text whose token is bytes[end - token size, end), if any.
    std::shared_ptr<const Verified> findToken(std::string_view bytes, std::size_t end) const;
    // How many files were read without lexing their framework text (tests and benchmarks).
    std::size_t tokenReads() const { return m_tokenReads; }
    void countTokenRead() const { ++m_tokenReads; }

private:
    mutable std::atomic<std::size_t> m_tokenReads{0};
    mutable std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<const Framework>> m_loaded;
    std::vector<std::shared_ptr<const Verified>> m_verified;  // at most kMaxVerified
    static constexpr std::size_t kMaxVerified = 16;
};

struct ExchangeReadResult {
    std::optional<ExchangeFile> file; // set only when there are no problems
    std::vector<Problem> problems;

    bool ok() const { return file.has_value(); }
};

// The exchange JSON of `assessment`, scored against the framework whose file text is `frameworkJson`.
// `exported` is the time to record (see exchangeTimeNow()). The assessment's framework hash is written
// as the hash of `frameworkJson`.
nlohmann::json exchangeToJson(const Assessment &assessment, const std::string &frameworkJson,
                              const std::string &exported);
// The same as text: two-space indent, a final new line; invalid UTF-8 in user text is replaced.
std::string exchangeToString(const Assessment &assessment, const std::string &frameworkJson,
                             const std::string &exported);

// The current time as ISO 8601 UTC, seconds precision: "2025-03-04T10:11:12Z".
std::string exchangeTimeNow();

// Parses and checks exchange-file bytes held in memory; `fileName` is used in problem reports.
// With a cache, a framework text loaded before (same verified hash) is not parsed again.
ExchangeReadResult parseExchange(std::string_view bytes, const std::string &fileName, FrameworkCache *cache = nullptr);
// Reads the file at `path` (refusing one over kMaxExchangeBytes without reading it) and parses it.
ExchangeReadResult readExchangeFile(const std::string &path, FrameworkCache *cache = nullptr);

// The assessment of a valid file made ready for Workspace::insertAssessment(…, keepIds = false): the
// exporting workspace's ids and its "previous assessment" link (meaningless here) are cleared.
Assessment assessmentForImport(const ExchangeFile &file);

// Maps an assessment scored against framework `from` onto framework `to` by feature id: features,
// data items and targeted actions `to` does not have are dropped, and so are levels off its scale,
// action-plan links to unknown features or changes (the action stays) and overrides of unknown changes.
// Each thing dropped is described in `notes` (one sentence each). With identical editions it returns the
// assessment unchanged. The result's framework hash, title and edition are `to`'s.
Assessment mapAssessmentToFramework(const Assessment &assessment, const Framework &from, const Framework &to,
                                    std::vector<std::string> &notes);

} // namespace hicm
