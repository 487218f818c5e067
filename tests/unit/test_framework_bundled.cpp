// The bundled framework: it loads, it has everything the texts have, and it quotes them word for word.
#include "framework_loader.h"
#include "framework_visit.h"
#include "test_paths.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace hicm;

namespace {

const Framework &bundled()
{
    static const Framework fw = [] {
        auto result = loadFrameworkFile(test::kFrameworkFile);
        if (!result.ok())
            FAIL("bundled framework does not load:\n" << formatProblems(result.problems));
        return *result.framework;
    }();
    return fw;
}

// Folds every run of white space (including no-break spaces) to one space, and trims.
std::string fold(const std::string &s)
{
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            ws = true;
            ++i;
        }
        if (ws) {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        space = false;
        out += s[i];
    }
    return out;
}

bool isAsciiLetter(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Removes footnote markers as docs/framework-format.md defines them: one or two digits directly after a
// letter or one of . ’ ” ) and directly before white space, the end, or . , ; :  ("services.2").
std::string withoutFootnoteMarkers(const std::string &s)
{
    auto after = [&](std::size_t i) {  // may a marker start at i?
        if (i == 0)
            return false;
        const auto c = static_cast<unsigned char>(s[i - 1]);
        if (isAsciiLetter(c) || c == '.' || c == ')')
            return true;
        // ’ is E2 80 99, ” is E2 80 9D
        return i >= 3 && static_cast<unsigned char>(s[i - 3]) == 0xE2 && static_cast<unsigned char>(s[i - 2]) == 0x80 &&
               (c == 0x99 || c == 0x9D);
    };
    auto isDigit = [&](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (isDigit(i) && after(i)) {
            std::size_t end = i + 1;
            if (isDigit(end))
                ++end;
            const bool ends = end == s.size() || std::isspace(static_cast<unsigned char>(s[end])) ||
                              s[end] == '.' || s[end] == ',' || s[end] == ';' || s[end] == ':';
            if (ends) {
                i = end;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

}  // namespace

TEST_CASE("footnote markers are recognised as the format defines them", "[framework][verbatim]")
{
    CHECK(withoutFootnoteMarkers("(virtual ward) services.2\nThe") == "(virtual ward) services.\nThe");
    CHECK(withoutFootnoteMarkers("per year9.") == "per year.");
    CHECK(withoutFootnoteMarkers("115 interviews (2023\u20132025)") == "115 interviews (2023\u20132025)");
    CHECK(withoutFootnoteMarkers("Only 5% of") == "Only 5% of");
}

TEST_CASE("the bundled framework loads with eight features, six changes and three levels", "[framework]")
{
    const auto &fw = bundled();
    CHECK(fw.summary() == "8 features, 6 changes, 3 levels");
    std::vector<std::string> ids;
    for (const auto &f : fw.features)
        ids.push_back(f.id);
    CHECK(ids == std::vector<std::string>{"B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"});
    std::vector<std::string> changes;
    for (const auto &c : fw.changes)
        changes.push_back(c.id);
    CHECK(changes == std::vector<std::string>{"A", "B", "C", "D", "E", "F"});
    CHECK(fw.contentHash.size() == 64);
}

TEST_CASE("the bundled framework has the texts' titles", "[framework]")
{
    const auto &fw = bundled();
    const std::map<std::string, std::string> features{
        {"B1", "Access to intermediate care"},
        {"B2", "Setting goals and reviewing progress"},
        {"B3", "Staff deployment and skills"},
        {"B4", "Person and unpaid carer experience"},
        {"B5", "Focus on outcomes"},
        {"B6", "Creating the right environment for intermediate care"},
        {"B7", "Managing the intermediate care resource together"},
        {"B8", "Reviewing data regularly"}};
    for (const auto &[id, title] : features) {
        REQUIRE(fw.feature(id));
        CHECK(fw.feature(id)->title.text == title);
    }
    const std::map<std::string, std::string> changes{
        {"A", "Establish operational grip and create the conditions for continuous improvement"},
        {"B", "Committed local leadership, shared accountability, and system metrics"},
        {"C", "Joint commissioning, shared design principles, and a funding framework"},
        {"D", "An integrated delivery structure with clear, delegated decision-making"},
        {"E", "Scaling step-up care and admission avoidance"},
        {"F", "Mobilising a flexible intermediate care workforce across locations"}};
    for (const auto &[id, title] : changes) {
        REQUIRE(fw.change(id));
        CHECK(fw.change(id)->title.text == title);
    }
}

TEST_CASE("the level scale keeps both spellings of the first level", "[framework]")
{
    const auto &fw = bundled();
    REQUIRE(fw.levels.size() == 3);
    CHECK(fw.levels[0].label.text == "Not yet established");
    const auto labels = fw.levels[0].allLabels();
    CHECK(std::find(labels.begin(), labels.end(), "Foundational") != labels.end());
    CHECK(fw.levels[1].label.text == "Developing");
    CHECK(fw.levels[2].label.text == "Exemplar");
    CHECK(fw.parseLevel("Foundational") == 1);
    CHECK(fw.parseLevel("not yet established") == 1);
    CHECK(fw.parseLevel("developing") == 2);
    CHECK(fw.parseLevel("3") == 3);
    CHECK_FALSE(fw.parseLevel("4").has_value());
    CHECK_FALSE(fw.parseLevel("Excellent").has_value());
    // The texts call level 1 "Foundational" in B1 and B6 of Part B, and everywhere in the full text.
    CHECK(fw.feature("B1")->level(1)->label.text == "Foundational");
    CHECK(fw.feature("B6")->level(1)->label.text == "Foundational");
}

TEST_CASE("every feature has one descriptor per level, data to use and targeted actions", "[framework]")
{
    const auto &fw = bundled();
    const std::map<std::string, std::size_t> dataItems{{"B1", 6}, {"B2", 5}, {"B3", 5}, {"B4", 3},
                                                       {"B5", 5}, {"B6", 0}, {"B7", 8}, {"B8", 0}};
    for (const auto &f : fw.features) {
        INFO(f.id);
        REQUIRE(f.levels.size() == 3);
        for (int l = 1; l <= 3; ++l)
            CHECK_FALSE(f.level(l)->descriptor.text.empty());
        CHECK(f.dataToUse.size() == dataItems.at(f.id));
        CHECK_FALSE(f.targetedActions.empty());
        CHECK_FALSE(f.introduction.empty());
        CHECK_FALSE(f.alignsWith.empty());
    }
    CHECK(fw.feature("B1")->level(3)->descriptor.text.rfind("One co-ordinated access point", 0) == 0);
    CHECK(fw.feature("B5")->targetedActions.size() == 2);
}

TEST_CASE("B8 carries the metric framework and the ASCOF metrics", "[framework]")
{
    const auto *b8 = bundled().feature("B8");
    REQUIRE(b8);
    std::vector<std::string> categories;
    for (const auto &m : b8->metricFramework)
        categories.push_back(m.label.text);
    CHECK(categories == std::vector<std::string>{"Inputs", "Activities", "Outputs", "Outcomes", "System impacts"});
    CHECK(b8->ascofMetrics.size() == 3);
    CHECK(b8->additionalMetrics.has_value());
}

TEST_CASE("the Delivery Model note is kept where Part B has it, attributed to Part B", "[framework]")
{
    const auto &fw = bundled();
    int withNote = 0;
    for (const auto &f : fw.features)
        if (f.deliveryModelNote) {
            ++withNote;
            CHECK(f.deliveryModelNote->sources == std::vector<std::string>{"part-b"});
            CHECK(f.deliveryModelNote->text.find("Delivery Model for Community Beds") != std::string::npos);
        }
    CHECK(withNote == 7);  // every feature but B6
    CHECK_FALSE(fw.feature("B6")->deliveryModelNote.has_value());
}

TEST_CASE("alignments follow the texts, and the app's own readings are marked", "[framework]")
{
    const auto &fw = bundled();
    auto aligned = [&](const std::string &f, Basis basis) {
        std::set<std::string> out;
        for (const auto &a : fw.feature(f)->alignsWith)
            if (a.basis == basis)
                out.insert(a.change);
        return out;
    };
    CHECK(aligned("B1", Basis::Text) == std::set<std::string>{"A"});
    CHECK(aligned("B2", Basis::Text) == std::set<std::string>{"A"});
    CHECK(aligned("B3", Basis::Text) == std::set<std::string>{"F"});
    CHECK(aligned("B4", Basis::Text) == std::set<std::string>{"A", "B"});
    CHECK(aligned("B5", Basis::Text) == std::set<std::string>{"A", "B"});
    CHECK(aligned("B6", Basis::Text) == std::set<std::string>{"C"});
    CHECK(aligned("B7", Basis::Text) == std::set<std::string>{"B", "D"});
    CHECK(aligned("B8", Basis::Text) == std::set<std::string>{"B", "D"});
    // The texts align no feature with HIC E; the app's reading (B1 covers step-up access) is marked.
    CHECK(aligned("B1", Basis::App) == std::set<std::string>{"E"});
    for (const auto &f : fw.features)
        for (const auto &a : f.alignsWith)
            if (a.basis == Basis::App) {
                REQUIRE(a.note);
                CHECK(a.note->isAppOwn());
            }
    for (const auto &c : fw.changes) {
        INFO("change " << c.id);
        CHECK_FALSE(fw.featuresAlignedWith(c.id).empty());
    }
}

TEST_CASE("sequencing: B underpins C (stated), A before B (the app's reading)", "[framework]")
{
    const auto &fw = bundled();
    REQUIRE(fw.prerequisites.size() == 2);
    const Prerequisite *cb = nullptr, *ba = nullptr;
    for (const auto &p : fw.prerequisites) {
        if (p.change == "C" && p.required == "B")
            cb = &p;
        if (p.change == "B" && p.required == "A")
            ba = &p;
    }
    REQUIRE(cb);
    REQUIRE(ba);
    CHECK(cb->basis == Basis::Text);
    CHECK(ba->basis == Basis::App);
    REQUIRE(ba->note);
    CHECK(ba->note->isAppOwn());
}

TEST_CASE("Part A context is there for the facilitator", "[framework]")
{
    const auto &c = bundled().context;
    CHECK_FALSE(c.definition.empty());
    CHECK(c.definition.front().text.rfind("Intermediate care", 0) == 0);
    CHECK(c.myths.size() == 4);
    CHECK(c.study.findings.size() == 4);
    CHECK(c.study.findings.front().text.find("5%") != std::string::npos);
    CHECK(c.challenges.size() == 5);
    CHECK(c.peopleSaid.priorities.size() == 7);
}

TEST_CASE("every quoted text occurs word for word in each source it names", "[framework][verbatim]")
{
    const auto &fw = bundled();
    std::map<std::string, std::string> sources;  // id -> folded text
    std::map<std::string, std::string> stripped;  // id -> folded text without footnote markers
    for (const auto &s : fw.meta.sources)
        if (!s.file.empty()) {
            const std::string raw = test::readFile(test::kFrameworkDir + "/" + s.file);
            sources[s.id] = fold(raw);
            stripped[s.id] = fold(withoutFootnoteMarkers(raw));
        }
    REQUIRE(sources.size() == 2);
    for (const auto &[id, text] : sources)
        REQUIRE(text.size() > 10000);

    int checked = 0;
    auto check = [&](const std::string &text, const std::vector<std::string> &ids, const std::string &where) {
        for (const auto &id : ids) {
            if (id == "app")
                continue;
            INFO(where << " from " << id << ": \"" << text << "\"");
            REQUIRE(sources.count(id));
            const std::string quoted = fold(text);
            CHECK((sources[id].find(quoted) != std::string::npos || stripped[id].find(quoted) != std::string::npos));
            ++checked;
        }
    };
    test::visitTexts(fw, [&](const SourcedText &t, const std::string &where) {
        check(t.text, t.sources, where);
        for (const auto &v : t.variants)
            check(v.text, v.sources, where + " (variant)");
    });
    CHECK(checked > 250);
}
