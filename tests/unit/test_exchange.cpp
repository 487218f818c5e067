// The exchange file in memory: writer and reader agree, the reader refuses what cannot be relied on,
// and assessments map between framework editions by feature id.
#include "exchange.h"
#include "exchange_support.h"
#include "hash.h"

#include <catch2/catch.hpp>

#include <random>

using namespace hicm;
using namespace hicm::test;
using nlohmann::json;

namespace {

ExchangeFile validFile(const std::string &name = "north-shire-2024")
{
    const std::string path = exchangeDir() + "/valid/" + name + ".hicm.json";
    auto result = readExchangeFile(path);
    INFO(formatProblems(result.problems));
    REQUIRE(result.ok());
    return *result.file;
}

} // namespace

TEST_CASE("exchange: the valid fixture files are read", "[exchange]")
{
    const ExchangeFile file = validFile();
    CHECK(file.exported == "2024-05-02T10:00:00Z");
    CHECK(file.generator == "HICM Assess 0.1.0");
    CHECK(file.frameworkJson == readFile(miniFrameworkFile())); // byte for byte
    CHECK(file.framework->contentHash == sha256Hex(readFile(miniFrameworkFile())));
    const Assessment &a = file.assessment;
    CHECK(a.area == "North Shire");
    CHECK(a.title == "Spring workshop \u2014 \u201cfirst\u201d");
    REQUIRE(a.partners.size() == 2);
    CHECK(a.partners[1].organisation == "<b>Acme & Sons</b>");
    CHECK(a.feature("B1")->metrics.at(0).value == "120");
    CHECK(a.overrides.at(0).change == "B");

    const ExchangeFile second = validFile("north-shire-edition2");
    CHECK(second.framework->meta.edition == "test-2");
    CHECK(second.framework->feature("B4") != nullptr);
}

TEST_CASE("exchange: write then read gives the same assessment and framework", "[exchange]")
{
    const ExchangeFile file = validFile();
    const std::string text = exchangeToString(file.assessment, file.frameworkJson, "2025-01-02T03:04:05Z");
    CHECK(text.rfind("{\n  \"format\": \"hicm-assess-exchange\",\n  \"format_version\": 1,", 0) == 0);
    auto again = parseExchange(text, "again.hicm.json");
    INFO(formatProblems(again.problems));
    REQUIRE(again.ok());
    CHECK(again.file->exported == "2025-01-02T03:04:05Z");
    CHECK(again.file->frameworkJson == file.frameworkJson);
    CHECK(assessmentToJson(again.file->assessment) == assessmentToJson(file.assessment));
    // And writing it again gives the same bytes.
    CHECK(exchangeToString(again.file->assessment, again.file->frameworkJson, "2025-01-02T03:04:05Z") == text);
}

TEST_CASE("exchange: the framework hash is written from the framework text", "[exchange]")
{
    ExchangeFile file = validFile();
    file.assessment.frameworkHash = "stale";
    const json j = exchangeToJson(file.assessment, file.frameworkJson, exchangeTimeNow());
    CHECK(j["framework"]["hash"] == sha256Hex(file.frameworkJson));
    CHECK(j["assessment"]["framework"]["hash"] == j["framework"]["hash"]);
    CHECK(j["exported"].get<std::string>().size() == 20); // 2025-01-02T03:04:05Z
}

TEST_CASE("exchange: with a framework cache, files with the same framework share one loaded framework, and every "
          "file's hash is still checked", "[exchange][issue19]")
{
    const ExchangeFile file = validFile();
    const std::string text = exchangeToString(file.assessment, file.frameworkJson, "2025-01-02T03:04:05Z");
    FrameworkCache cache;
    CHECK(cache.find(sha256Hex(file.frameworkJson)) == nullptr);
    auto first = parseExchange(text, "first.hicm.json", &cache);
    auto second = parseExchange(text, "second.hicm.json", &cache);
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(first.file->framework == second.file->framework);  // loaded once, the same object
    CHECK(cache.find(sha256Hex(file.frameworkJson)) == first.file->framework);
    // Without a cache each read loads its own.
    CHECK(parseExchange(text, "third.hicm.json").file->framework != first.file->framework);
    // A file whose framework text was edited is refused even though its (stated) hash is cached.
    json edited = json::parse(text);
    edited["framework"]["json"] = edited["framework"]["json"].get<std::string>() + " ";
    const auto refused = parseExchange(edited.dump(), "edited.hicm.json", &cache);
    CHECK_FALSE(refused.ok());
    CHECK(formatProblems(refused.problems).find("does not match its hash") != std::string::npos);
    // For each read result, the same assessment as without the cache.
    CHECK(assessmentToJson(second.file->assessment) == assessmentToJson(file.assessment));
}

namespace {

// The same outcome: both read or both refused, the same problems, the same file read.
void checkSameRead(const ExchangeReadResult &cached, const ExchangeReadResult &plain)
{
    CHECK(formatProblems(cached.problems) == formatProblems(plain.problems));
    REQUIRE(cached.ok() == plain.ok());
    if (plain.ok()) {
        CHECK(assessmentToJson(cached.file->assessment) == assessmentToJson(plain.file->assessment));
        CHECK(cached.file->frameworkJson == plain.file->frameworkJson);
        CHECK(cached.file->framework->contentHash == plain.file->framework->contentHash);
        CHECK(cached.file->exported == plain.file->exported);
        CHECK(cached.file->generator == plain.file->generator);
    }
}

} // namespace

TEST_CASE("exchange: with a framework cache that knows the file's framework text, every file reads exactly as "
          "without a cache (the reader skips lexing that text)", "[exchange][issue19]")
{
    const ExchangeFile file = validFile();
    const std::string text = exchangeToString(file.assessment, file.frameworkJson, "2025-01-02T03:04:05Z");
    FrameworkCache cache;
    REQUIRE(parseExchange(text, "warm.hicm.json", &cache).ok());
    REQUIRE(cache.tokenReads() == 0);  // the first file is lexed whole; its framework text is now known

    SECTION("a good file")
    {
        checkSameRead(parseExchange(text, "same.hicm.json", &cache), parseExchange(text, "same.hicm.json"));
        CHECK(cache.tokenReads() == 1);
    }
    SECTION("every broken fixture file")
    {
        for (const auto &c : brokenCases()) {
            INFO(c.file);
            const std::string bytes = readFile(c.file);
            checkSameRead(parseExchange(bytes, c.file, &cache), parseExchange(bytes, c.file));
        }
    }
    SECTION("the known text as the last value of another key, not at /framework/json, is not taken for it")
    {
        // The framework text another one; or U+0000, as the placeholder the fast path reads in its place.
        for (const std::string &other : {std::string("{}"), std::string(1, '\0')}) {
            json moved = json::parse(text);
            moved["framework"]["json"] = other;
            moved.erase("generator");
            std::string bytes = moved.dump(2);
            // "generator" last, holding the framework text: the file's bytes end with the known token.
            bytes.insert(bytes.rfind('}'), ",\"generator\": " + json(file.frameworkJson).dump() + "\n");
            const auto cached = parseExchange(bytes, "moved.hicm.json", &cache);
            checkSameRead(cached, parseExchange(bytes, "moved.hicm.json"));
            CHECK_FALSE(cached.ok());
            CHECK(formatProblems(cached.problems).find("does not match its hash") != std::string::npos);
        }
    }
    SECTION("a NUL character elsewhere in the file")
    {
        std::string bytes = text;
        bytes.replace(bytes.find("Spring workshop"), 6, "Spr\\u0000g");
        checkSameRead(parseExchange(bytes, "nul.hicm.json", &cache), parseExchange(bytes, "nul.hicm.json"));
    }
    SECTION("a hundred files with one byte changed: before, inside and after the framework text")
    {
        std::mt19937 random(19);
        const std::size_t tokenStart = text.rfind(json(file.frameworkJson).dump());
        REQUIRE(tokenStart != std::string::npos);
        const std::string replacements = "\"\\}{ ,:x0[]\n";
        for (int k = 0; k < 100; ++k) {
            std::string bytes = text;
            std::size_t at = k % 3 == 0   ? random() % tokenStart
                             : k % 3 == 1 ? tokenStart + random() % (text.size() - tokenStart)
                                          : text.size() - 1 - random() % 40;
            bytes[at] = replacements[random() % replacements.size()];
            INFO("byte " << at << " of " << bytes.size() << " changed to " << bytes[at]);
            checkSameRead(parseExchange(bytes, "changed.hicm.json", &cache), parseExchange(bytes, "changed.hicm.json"));
        }
        CHECK(cache.tokenReads() > 0);
    }
}

TEST_CASE("exchange: every broken fixture file is refused with its pointer and reason", "[exchange]")
{
    const auto cases = brokenCases();
    REQUIRE(cases.size() >= 30);
    for (const auto &c : cases) {
        INFO(c.file);
        const auto result = readExchangeFile(c.file);
        INFO(formatProblems(result.problems));
        CHECK_FALSE(result.ok());
        CHECK(std::any_of(result.problems.begin(), result.problems.end(),
                          [&](const Problem &p) { return matches(p, c.expected); }));
        for (const auto &p : result.problems)
            CHECK(p.file == c.file);
    }
}

TEST_CASE("exchange: an oversized file is refused before it is parsed", "[exchange]")
{
    std::string big(kMaxExchangeBytes + 1, ' '); // not JSON at all: parsing would say so instead
    auto result = parseExchange(big, "big.hicm.json");
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].message.find("too large") != std::string::npos);

    TempDir dir("hicm-exchange");
    writeFile(dir.file("big.hicm.json"), big);
    auto fromFile = readExchangeFile(dir.file("big.hicm.json"));
    REQUIRE(fromFile.problems.size() == 1);
    CHECK(fromFile.problems[0].message.find("20971521 bytes; the limit is 20971520") != std::string::npos);

    auto missing = readExchangeFile(dir.file("nothing-here.hicm.json"));
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0].message == "cannot open the file for reading");
}

TEST_CASE("exchange: every problem of a file is reported, not only the first", "[exchange]")
{
    json j = json::parse(readFile(exchangeDir() + "/valid/north-shire-2024.hicm.json"));
    j["assessment"]["features"][0]["agreed_level"] = 9;
    j["assessment"]["features"][1]["id"] = "B7";
    j["assessment"]["date"] = "soon";
    auto result = parseExchange(j.dump(), "several.hicm.json");
    CHECK(result.problems.size() == 3);
}

TEST_CASE("exchange: an assessment for import loses the exporting workspace's ids", "[exchange]")
{
    const Assessment a = assessmentForImport(validFile());
    CHECK(a.id == 0);
    CHECK_FALSE(a.previousId.has_value());
    CHECK(a.partners.at(0).id == 0);
    CHECK(a.actions.at(0).id == 0);
    CHECK(a.created == "2024-05-01T09:00:00.000Z"); // kept: when it was first made
}

TEST_CASE("exchange: mapping onto another edition keeps shared features and notes what it drops", "[exchange]")
{
    const auto mini = frameworkFile(miniFrameworkFile());
    const auto ed2 = frameworkFile(edition2File());
    const Assessment original = validFile().assessment;

    std::vector<std::string> notes;
    const Assessment same = mapAssessmentToFramework(original, *mini, *mini, notes);
    CHECK(notes.empty());
    CHECK(assessmentToJson(same) == assessmentToJson(original));

    // Onto edition 2: every feature is there, so only the framework changes.
    const Assessment up = mapAssessmentToFramework(original, *mini, *ed2, notes);
    CHECK(notes.empty());
    CHECK(up.frameworkHash == ed2->contentHash);
    CHECK(up.frameworkEdition == "test-2");
    CHECK(up.features.size() == 3);

    // Back from edition 2: B4 and its data are dropped, with a note naming it.
    Assessment withB4 = up;
    FeatureAssessment b4;
    b4.featureId = "B4";
    b4.agreedLevel = 2;
    b4.metrics.push_back({"B4.M1", "17", "", "", ""});
    withB4.features.push_back(b4);
    withB4.actions.push_back({0, "Agree discharge to assess", "A", "B4", "", "", ActionStatus::NotStarted, ""});
    const Assessment down = mapAssessmentToFramework(withB4, *ed2, *mini, notes);
    CHECK(down.feature("B4") == nullptr);
    CHECK(down.features.size() == 3);
    CHECK(down.actions.back().feature.empty());
    CHECK(down.actions.back().change == "A");
    REQUIRE(notes.size() == 2);
    CHECK(notes[0] == "features Mini test framework (test-1) does not have were left out: B4 Discharge");
    CHECK(notes[1].find("Agree discharge to assess") != std::string::npos);
    std::vector<Problem> problems;
    CHECK(checkAssessmentAgainstFramework(down, *mini, "mapped", problems));
}
