// Whatever a user types is stored and returned byte for byte, in every text field and in the log.
#include "storage_support.h"
#include "text.h"

#include <SQLiteCpp/Database.h>

using namespace hicm;
using namespace hicm::storage;
using namespace hicm::test;

namespace {

std::string bigNote()
{
    std::string out;
    const std::string piece = "Line with 'quotes', \"double\", ünïcödé, 🏥, \\backslash\\ and a tab\t.\n";
    while (characterCount(out + piece) <= kMaxTextCharacters)  // as long as a text may be (text.h)
        out += piece;
    return out;
}

std::vector<std::string> hostileTexts()
{
    std::string controls;
    for (int c = 1; c < 32; ++c)
        controls += static_cast<char>(c);
    controls += "\x7f";
    return {
        "'); DROP TABLE assessments;--",
        "Robert\"); DELETE FROM partners WHERE ('1'='1",
        "%s %n %d {} ${HOME} $(rm -rf /) `id`",
        "Café — naïve 日本語 🧑‍⚕️🏥 👩🏽‍🦽 é (e + combining)",
        "مرحبا بالعالم — שלום עולם \u202Eevil\u202C ltr again",
        controls,
        "  padded with spaces and newlines \n\n",
        "\xff\xfe invalid UTF-8 \x80\xc3",
        bigNote(),
    };
}

}  // namespace

TEST_CASE("hostile text round-trips byte for byte through every text field", "[storage][text]")
{
    TempDir dir("hicm-text");
    const std::string path = dir.file("w.hicmws");
    for (const std::string &text : hostileTexts()) {
        INFO("text of " << text.size() << " bytes starting " << text.substr(0, 30));
        std::int64_t id = 0, actionId = 0;
        {
            auto ws = openWorkspace(path);
            storage::NewAssessment fields{text, text, "", text, {{0, text, OrgType::Vcfse, text}}, std::nullopt};
            auto created = ws.createAssessment(fields, miniFrameworkJson());
            REQUIRE(created.ok());
            id = *created;
            const auto partner = partnerId(*ws.loadAssessment(id), text);
            FeatureEdit edit;
            edit.agreedLevel = 1;
            edit.rationale = text;
            edit.evidence = text;
            edit.partnerLevels = {{partner, 2, text}};
            requireOk(ws.updateFeature(id, "B2", edit));
            requireOk(ws.setMetric(id, "B1", {"B1.M1", text, text, text, text}));
            auto action = ws.addAction(id, {0, text, "A", "B1", text, "", ActionStatus::Done, text});
            REQUIRE(action.ok());
            actionId = *action;
            requireOk(ws.setOverride(id, {"A", OverrideKind::Exclude, text}));
        }
        auto ws = openWorkspace(path);
        auto loaded = ws.loadAssessment(id);
        REQUIRE(loaded.ok());
        const Assessment &a = *loaded;
        CHECK(a.area == text);
        CHECK(a.title == text);
        CHECK(a.facilitator == text);
        REQUIRE(a.partners.size() == 1);
        CHECK(a.partners[0].organisation == text);
        CHECK(a.partners[0].contact == text);
        const FeatureAssessment &b2 = *a.feature("B2");
        CHECK(b2.rationale == text);
        CHECK(b2.evidence == text);
        REQUIRE(b2.partnerLevels.size() == 1);
        CHECK(b2.partnerLevels[0].partner == text);
        CHECK(b2.partnerLevels[0].note == text);
        const MetricValue &m = a.feature("B1")->metrics.at(0);
        CHECK((m.value == text && m.unit == text && m.period == text && m.source == text));
        REQUIRE(a.actions.size() == 1);
        CHECK(a.actions[0].id == actionId);
        CHECK(a.actions[0].text == text);
        CHECK(a.actions[0].owner == text);
        CHECK(a.actions[0].notes == text);
        CHECK(a.overrides.at(0).reason == text);
        // The log keeps the text byte for byte too.
        auto log = ws.changeLog(id);
        REQUIRE(log.ok());
        CHECK(log->front().to == text);
        bool evidenceLogged = false;
        for (const auto &e : *log)
            evidenceLogged = evidenceLogged || (e.what == "evidence B2" && e.to == text);
        CHECK(evidenceLogged);
        // The hostile SQL did nothing.
        CHECK(ws.database().tableExists("assessments"));
        CHECK(ws.database().execAndGet("SELECT count(*) FROM partners").getInt() == static_cast<int>(ws.listAssessments()->size()));
    }
    auto ws = openWorkspace(path);
    CHECK(ws.listAssessments()->size() == hostileTexts().size());
    CHECK(*ws.integrityCheck() == "ok");
}

TEST_CASE("text is not trimmed or normalised, but a blank area or partner name is refused", "[storage][text]")
{
    TempDir dir("hicm-text");
    auto ws = openWorkspace(dir.file("w.hicmws"));
    const auto id = newAssessment(ws, " Area ");
    CHECK(ws.loadAssessment(id)->area == " Area ");
    CHECK_FALSE(ws.setAssessmentField(id, AssessmentField::Area, " \t\n").ok());
    CHECK_FALSE(ws.addPartner(id, {0, "   ", OrgType::Other, ""}).ok());
    // Two partners differing only in case or accents are two partners.
    CHECK(ws.addPartner(id, {0, "Café", OrgType::Other, ""}).ok());
    CHECK(ws.addPartner(id, {0, "Cafe\u0301", OrgType::Other, ""}).ok());
    CHECK(ws.addPartner(id, {0, "CAFÉ", OrgType::Other, ""}).ok());
    CHECK(ws.loadAssessment(id)->partners.size() == 3);
}
