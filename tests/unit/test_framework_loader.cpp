// The loader refuses every class of defect, saying where (JSON pointer, or line and column) and what.
#include "framework_loader.h"
#include "test_paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace hicm;
using nlohmann::json;

namespace {

json bundledJson()
{
    static const json j = json::parse(test::readFile(test::kFrameworkFile));
    return j;
}

FrameworkLoadResult load(const json &j)
{
    return parseFramework(j.dump(2), "edited.json");
}

bool hasProblem(const FrameworkLoadResult &r, const std::string &pointer, const std::string &fragment)
{
    for (const auto &p : r.problems)
        if (p.pointer == pointer && p.message.find(fragment) != std::string::npos)
            return true;
    return false;
}

std::string listed(const FrameworkLoadResult &r)
{
    return formatProblems(r.problems);
}

}  // namespace

TEST_CASE("the unedited bundled file passes", "[loader]")
{
    auto r = load(bundledJson());
    INFO(listed(r));
    CHECK(r.ok());
}

TEST_CASE("a feature with a level descriptor edited away is refused", "[loader]")
{
    json j = bundledJson();
    j["features"][2]["levels"].erase(1);  // B3's "Developing" descriptor
    auto r = load(j);
    INFO(listed(r));
    REQUIRE_FALSE(r.ok());
    CHECK(hasProblem(r, "/features/2/levels", "no descriptor for level 2"));
    CHECK(r.problems.front().toString().rfind("edited.json: /features/2/levels: ", 0) == 0);
}

TEST_CASE("a second descriptor for a level, or one off the scale, is refused", "[loader]")
{
    json j = bundledJson();
    j["features"][0]["levels"][1]["level"] = 1;
    j["features"][4]["levels"][2]["level"] = 4;
    auto r = load(j);
    INFO(listed(r));
    CHECK(hasProblem(r, "/features/0/levels/1", "a second descriptor for level 1"));
    CHECK(hasProblem(r, "/features/0/levels", "no descriptor for level 2"));
    CHECK(hasProblem(r, "/features/4/levels/2/level", "not on the scale"));
}

TEST_CASE("duplicate ids are refused, naming the first use", "[loader]")
{
    json j = bundledJson();
    j["features"][3]["id"] = "B1";
    j["changes"][5]["id"] = "A";
    j["features"][1]["data_to_use"][0]["id"] = j["features"][0]["data_to_use"][0]["id"];
    auto r = load(j);
    INFO(listed(r));
    CHECK(hasProblem(r, "/features/3/id", "duplicate id \"B1\" (first used at /features/0/id)"));
    CHECK(hasProblem(r, "/changes/5/id", "duplicate id \"A\""));
    CHECK(hasProblem(r, "/features/1/data_to_use/0/id", "duplicate id"));
}

TEST_CASE("alignments and prerequisites must name existing changes", "[loader]")
{
    json j = bundledJson();
    j["features"][2]["aligns_with"][0]["change"] = "Z";
    j["prerequisites"][0]["requires"] = "Q";
    auto r = load(j);
    INFO(listed(r));
    CHECK(hasProblem(r, "/features/2/aligns_with/0/change", "unknown change \"Z\" (changes are: A, B, C, D, E, F)"));
    CHECK(hasProblem(r, "/prerequisites/0/requires", "unknown change \"Q\""));
}

TEST_CASE("a cycle in the prerequisites is refused and named", "[loader]")
{
    json j = bundledJson();
    j["prerequisites"].push_back(
        {{"change", "A"}, {"requires", "C"}, {"basis", "app"}, {"note", {{"text", "test"}, {"sources", {"app"}}}}});
    auto r = load(j);
    INFO(listed(r));
    REQUIRE_FALSE(r.ok());
    bool named = false;
    for (const auto &p : r.problems)
        named = named || (p.pointer == "/prerequisites" && p.message.find("cycle") != std::string::npos &&
                          p.message.find("A") != std::string::npos && p.message.find("C") != std::string::npos);
    CHECK(named);

    json self = bundledJson();
    self["prerequisites"][0]["requires"] = self["prerequisites"][0]["change"];
    CHECK(hasProblem(load(self), "/prerequisites/0", "cannot be its own prerequisite"));
}

TEST_CASE("empty text, unknown sources, unknown keys and wrong types are refused", "[loader]")
{
    json j = bundledJson();
    j["features"][0]["title"]["text"] = "   ";
    j["features"][1]["title"]["sources"] = {"part-z"};
    j["features"][2]["levles"] = json::array();
    j["changes"][0]["title"] = "a bare string";
    j["levels"][0]["id"] = "one";
    j["features"][5]["aligns_with"][0]["basis"] = "guess";
    auto r = load(j);
    INFO(listed(r));
    CHECK(hasProblem(r, "/features/0/title/text", "empty text"));
    CHECK(hasProblem(r, "/features/1/title/sources/0", "unknown source \"part-z\""));
    CHECK(hasProblem(r, "/features/2/levles", "unknown key"));
    CHECK(hasProblem(r, "/changes/0/title", "expected an object, found string"));
    CHECK(hasProblem(r, "/levels/0/id", "expected an integer"));
    CHECK(hasProblem(r, "/features/5/aligns_with/0/basis", "basis must be"));
    CHECK(r.problems.size() >= 6);  // all problems at once, not just the first
}

TEST_CASE("missing required parts are reported", "[loader]")
{
    json j = bundledJson();
    j.erase("features");
    j["meta"].erase("title");
    auto r = load(j);
    INFO(listed(r));
    CHECK(hasProblem(r, "/", "missing required key \"features\""));
    CHECK(hasProblem(r, "/meta", "missing required key \"title\""));
}

TEST_CASE("an unknown format version is refused", "[loader]")
{
    json j = bundledJson();
    j["format"] = 2;
    auto r = load(j);
    CHECK(hasProblem(r, "/format", "format 2 is not supported"));
}

TEST_CASE("malformed JSON gives the line and column", "[loader]")
{
    const std::string text = "{\n  \"format\": 1,\n  \"meta\": {\n    \"id\": \"x\",,\n  }\n}\n";
    auto r = parseFramework(text, "broken.json");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 4);
    CHECK(r.problems[0].column == 15);  // the second comma
    CHECK(r.problems[0].toString().rfind("broken.json:4:15: not valid JSON", 0) == 0);

    auto truncated = parseFramework(test::readFile(test::kFrameworkFile).substr(0, 500), "cut.json");
    REQUIRE(truncated.problems.size() == 1);
    CHECK(truncated.problems[0].line > 1);

    CHECK_FALSE(parseFramework("", "empty.json").ok());
    CHECK(parseFramework("[1,2]", "array.json").problems.at(0).message.find("JSON object") != std::string::npos);
}

TEST_CASE("a missing file is reported with its path", "[loader]")
{
    auto r = loadFrameworkFile("/nonexistent/framework.json");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].toString() == "/nonexistent/framework.json: cannot open the file for reading");
}
