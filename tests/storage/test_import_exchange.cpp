// Importing and merging exchange files into a workspace: a round trip gives an identical assessment;
// every broken file is refused with the workspace file byte for byte unchanged; a merge is stored in
// one transaction; three partners' files merge into one workshop without retyping.
#include "../unit/exchange_support.h"
#include "exchange.h"
#include "feature_edits.h"
#include "merge.h"
#include "prioritisation.h"
#include "storage_support.h"
#include "workspace_undo.h"

#include <filesystem>

using namespace hicm;
using namespace hicm::storage;
using namespace hicm::test;
using nlohmann::json;

namespace {

const OpenOptions kNoBackups{OpenMode::ReadWrite, true, 5000, false, 5};

// An assessment with something in every field, hostile text included.
std::int64_t fullAssessment(Workspace &ws)
{
    const auto id =
        newAssessment(ws, "North Shire \u2014 \"east\"",
                      {{0, "North ICB", OrgType::Icb, "Sam"}, {0, "<b>Acme & Sons</b>", OrgType::CareProvider, ""}});
    const Assessment a = *ws.loadAssessment(id);
    requireOk(ws.setAssessmentField(id, AssessmentField::Title, "Spring '24; DROP TABLE assessments;--"));
    requireOk(ws.setAssessmentField(id, AssessmentField::Facilitator, "Ana O\u2019Neil"));
    requireOk(ws.updateFeature(id, "B1", partnerLevelEdit(partnerId(a, "North ICB"), 1, std::string("three doors\nand a queue"))));
    requireOk(ws.updateFeature(id, "B1", partnerLevelEdit(partnerId(a, "<b>Acme & Sons</b>"), 2)));
    requireOk(ws.updateFeature(id, "B1", agreedLevelEdit(2, std::string("two of three places"))));
    requireOk(ws.updateFeature(id, "B1", targetEdit(3)));
    requireOk(ws.updateFeature(id, "B1", confidenceEdit(Confidence::Medium)));
    requireOk(ws.updateFeature(id, "B2", weightEdit(3)));
    requireOk(ws.updateFeature(id, "B2", evidenceEdit(std::string(5000, 'e') + " \xF0\x9F\x8F\xA5")));
    requireOk(ws.setMetric(id, "B1", {"B1.M1", "120", "per month", "2023-24", "SUS"}));
    requireOk(ws.setPlannedAction(id, "B2", "B2.T2", true));
    REQUIRE(ws.addAction(id, {0, "Create a single point of access", "A", "B1", "North ICB", "2024-09-30",
                              ActionStatus::InProgress, "notes"})
                .ok());
    requireOk(ws.setOverride(id, {"B", OverrideKind::Pin, "the board asked"}));
    requireOk(ws.setStatus(id, AssessmentStatus::Final));  // last: a final assessment is locked
    return id;
}

std::string exportText(Workspace &ws, std::int64_t id)
{
    auto a = ws.loadAssessment(id);
    auto fw = ws.frameworkJson(id);
    REQUIRE(a.ok());
    REQUIRE(fw.ok());
    return exchangeToString(*a, *fw, "2025-01-01T00:00:00Z");
}

std::int64_t importText(Workspace &ws, const std::string &text)
{
    auto file = parseExchange(text, "in.hicm.json");
    INFO(formatProblems(file.problems));
    REQUIRE(file.ok());
    auto id = ws.insertAssessment(assessmentForImport(*file.file), file.file->frameworkJson, false);
    INFO((id ? std::string() : id.error().toString()));
    REQUIRE(id.ok());
    return *id;
}

} // namespace

TEST_CASE("exchange: export then import gives an identical assessment", "[storage][exchange]")
{
    TempDir dir("hicm-exchange");
    auto from = openWorkspace(dir.file("from.hicmws"), kNoBackups);
    const auto id = fullAssessment(from);
    const Assessment original = *from.loadAssessment(id);
    const std::string text = exportText(from, id);

    auto to = openWorkspace(dir.file("to.hicmws"), kNoBackups);
    newAssessment(to, "Someone else"); // ids differ in the other workspace
    const auto newId = importText(to, text);
    CHECK(newId == 2);
    const Assessment imported = *to.loadAssessment(newId);
    CHECK(withoutIds(assessmentToJson(imported)) == withoutIds(assessmentToJson(original)));
    CHECK(imported.created == original.created);
    CHECK(*to.frameworkJson(newId) == *from.frameworkJson(id)); // the framework, byte for byte
    // And exported again, the file says the same (apart from ids and times).
    auto again = parseExchange(exportText(to, newId), "again");
    REQUIRE(again.ok());
    CHECK(withoutIds(assessmentToJson(again.file->assessment)) == withoutIds(assessmentToJson(original)));

    // Imported into the workspace it came from, it is a second, separate assessment.
    const auto copy = importText(from, text);
    CHECK(copy != id);
    CHECK(withoutIds(assessmentToJson(*from.loadAssessment(copy))) == withoutIds(assessmentToJson(original)));
    CHECK_FALSE(from.loadAssessment(copy)->previousId.has_value());
}

TEST_CASE("exchange: the valid fixture imports with its own framework edition", "[storage][exchange]")
{
    TempDir dir("hicm-exchange");
    auto ws = openWorkspace(dir.file("w.hicmws"), kNoBackups);
    for (const char *name : {"north-shire-2024", "north-shire-edition2"}) {
        const std::string text = readFile(exchangeDir() + "/valid/" + name + ".hicm.json");
        const auto id = importText(ws, text);
        const Assessment a = *ws.loadAssessment(id);
        const json expected = json::parse(text)["assessment"];
        json stored = assessmentToJson(a);
        // A stored assessment has an entry for every feature of its edition: edition 2's B4 is empty.
        if (stored["features"].size() == 4) {
            CHECK(stored["features"][3]["id"] == "B4");
            CHECK(stored["features"][3]["agreed_level"].is_null());
            stored["features"].erase(3);
        }
        CHECK(withoutIds(stored) == withoutIds(expected));
        CHECK(*ws.frameworkJson(id) == json::parse(text)["framework"]["json"].get<std::string>());
    }
    CHECK(ws.framework(2).value()->meta.edition == "test-2");
}

TEST_CASE("exchange: every broken file is refused and the workspace file is unchanged", "[storage][exchange]")
{
    TempDir dir("hicm-exchange");
    const std::string path = dir.file("w.hicmws");
    {
        auto ws = openWorkspace(path, kNoBackups);
        fullAssessment(ws);
    } // closed: checkpointed into the one file
    const std::string before = fileHash(path);
    std::size_t refusedByWorkspaceToo = 0;
    for (const auto &c : brokenCases()) {
        INFO(c.file);
        auto ws = openWorkspace(path, kNoBackups);
        auto file = readExchangeFile(c.file);
        CHECK_FALSE(file.ok());
        if (file.ok())
            ws.insertAssessment(assessmentForImport(*file.file), file.file->frameworkJson, false);
        // Defence in depth: where the assessment itself still reads, the workspace refuses it too when it
        // does not fit its framework or could not be stored, in one rolled-back transaction.
        std::vector<Problem> ignored;
        json j;
        try {
            j = json::parse(readFile(c.file));
        } catch (const json::exception &) {
            continue;
        }
        const std::string pointer = c.expected.count("pointer") ? c.expected.at("pointer") : "";
        if (pointer.rfind("/assessment/", 0) != 0 || !j.contains("assessment") || !j.contains("framework"))
            continue;
        auto a = assessmentFromJson(j["assessment"], c.file, ignored);
        if (!a || pointer == "/assessment/framework/hash" || pointer.find("/actions/") != std::string::npos ||
            pointer.find("/overrides/") != std::string::npos || pointer.find("/planned_actions/") != std::string::npos)
            continue;
        auto id = ws.insertAssessment(*a, j["framework"]["json"].get<std::string>(), false);
        CHECK_FALSE(id.ok());
        ++refusedByWorkspaceToo;
    }
    CHECK(refusedByWorkspaceToo >= 10);
    CHECK(fileHash(path) == before);
    auto ws = openWorkspace(path, kNoBackups);
    CHECK(ws.listAssessments()->size() == 1);
    CHECK(*ws.integrityCheck() == "ok");
}

TEST_CASE("exchange merge: stored in one transaction, all or nothing", "[storage][exchange][merge]")
{
    TempDir dir("hicm-exchange");
    const std::string path = dir.file("w.hicmws");
    std::int64_t id = 0;
    std::string updated;
    {
        auto ws = openWorkspace(path, kNoBackups);
        id = newAssessment(ws, "North Shire", {{0, "North ICB", OrgType::Icb, ""}});
        updated = ws.loadAssessment(id)->updated;
    }
    const std::string before = fileHash(path);
    auto ws = openWorkspace(path, kNoBackups);
    Assessment merged = *ws.loadAssessment(id);
    merged.partners.push_back({0, "Care Co", OrgType::CareProvider, ""});
    merged.feature("B1")->partnerLevels.push_back({"Care Co", 2, "two doors"});
    merged.feature("B1")->metrics.push_back({"B1.M1", "130", "", "", ""});
    merged.feature("B2")->partnerLevels.push_back({"Nobody", 2, ""}); // refused, after the rest was written

    auto refused = ws.applyMerge(id, merged, "p.hicm.json");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("\"Nobody\" is not a partner") != std::string::npos);
    merged.feature("B2")->partnerLevels.clear();
    merged.feature("B3")->partnerLevels.push_back({"Care Co", 4, ""});
    CHECK(ws.applyMerge(id, merged).error().message.find("level 4 is not on the scale") != std::string::npos);
    merged.feature("B3")->partnerLevels.clear();
    auto stale = ws.applyMerge(id, merged, "p.hicm.json", "2000-01-01T00:00:00.000Z");
    CHECK(stale.error().message.find("after the merge was planned") != std::string::npos);
    CHECK(ws.loadAssessment(id)->partners.size() == 1);
    {
        auto closing = std::move(ws);
    }
    CHECK(fileHash(path) == before);

    auto again = openWorkspace(path, kNoBackups);
    requireOk(again.applyMerge(id, merged, "p.hicm.json", updated));
    const Assessment a = *again.loadAssessment(id);
    CHECK(a.partner("Care Co") != nullptr);
    CHECK(a.feature("B1")->partnerLevel("Care Co")->note == "two doors");
    CHECK(a.feature("B1")->metrics.at(0).value == "130");
    const auto log = *again.changeLog(id);
    REQUIRE(log.size() >= 5);
    CHECK(log[log.size() - 5].what == "partner added");
    CHECK(log[log.size() - 4].what == "partner level B1 Care Co");
    CHECK(log[log.size() - 3].what == "partner note B1 Care Co");
    CHECK(log[log.size() - 2].what == "metric B1.M1");
    CHECK(log.back().what == "merged");
    CHECK(log.back().to == "4 changes from p.hicm.json");
    const std::size_t rows = log.size();
    requireOk(again.applyMerge(id, merged, "p.hicm.json")); // nothing new: no rows
    CHECK(again.changeLog(id)->size() == rows);
}

TEST_CASE("exchange merge: three partners' files merge into one workshop without retyping",
          "[storage][exchange][merge]")
{
    TempDir dir("hicm-exchange");
    auto workshop = openWorkspace(dir.file("workshop.hicmws"), kNoBackups);
    const auto id = newAssessment(workshop, "North Shire", {{0, "North ICB", OrgType::Icb, ""}});
    requireOk(workshop.updateFeature(id, "B1", partnerLevelEdit(partnerId(*workshop.loadAssessment(id), "North ICB"), 1)));

    struct Laptop {
        std::string organisation;
        OrgType type;
        std::vector<int> levels; // B1, B2, B3
        std::string note;
    };
    const std::vector<Laptop> laptops{
        {"Shire Council", OrgType::LocalAuthority, {2, 1, 3}, "reablement is council-run"},
        {"Care Co", OrgType::CareProvider, {3, 2, 2}, ""},
        {"North ICB", OrgType::Icb, {1, 2, 2}, "as scored before"}};
    std::vector<std::string> files;
    for (std::size_t i = 0; i < laptops.size(); ++i) {
        const Laptop &l = laptops[i];
        auto own = openWorkspace(dir.file("laptop" + std::to_string(i) + ".hicmws"), kNoBackups);
        const auto mine = newAssessment(own, "North Shire", {{0, l.organisation, l.type, ""}});
        const auto pid = partnerId(*own.loadAssessment(mine), l.organisation);
        for (std::size_t f = 0; f < 3; ++f)
            requireOk(own.updateFeature(mine, "B" + std::to_string(f + 1), partnerLevelEdit(pid, l.levels[f],
                                          f == 0 ? std::optional<std::string>(l.note) : std::nullopt)));
        files.push_back(exportText(own, mine));
    }
    for (const auto &text : files) {
        auto file = parseExchange(text, "partner.hicm.json");
        REQUIRE(file.ok());
        const Assessment current = *workshop.loadAssessment(id);
        const auto fw = *workshop.framework(id);
        const MergePlan plan = planMerge(current, *fw, file.file->assessment, *file.file->framework);
        CHECK(plan.conflicts() == 0); // North ICB's B1 is 1 in both
        const MergeOutcome out = applyMerge(plan, {});
        REQUIRE(out.ok());
        requireOk(workshop.applyMerge(id, *out.merged, "partner.hicm.json", current.updated));
    }
    const Assessment a = *workshop.loadAssessment(id);
    REQUIRE(a.partners.size() == 3);
    for (const auto &l : laptops)
        for (std::size_t f = 0; f < 3; ++f) {
            const PartnerLevel *pl = a.feature("B" + std::to_string(f + 1))->partnerLevel(l.organisation);
            REQUIRE(pl != nullptr);
            CHECK(pl->level == l.levels[f]);
        }
    CHECK(a.feature("B1")->partnerLevel("Shire Council")->note == "reablement is council-run");
    CHECK(a.feature("B1")->partnerLevel("North ICB")->note == "as scored before");
    // The engine reads the partners' medians as provisional levels: B1 2, B2 2, B3 2.
    const Prioritisation p = prioritise(**workshop.framework(id), a);
    for (const auto &in : p.inputs) {
        CHECK(in.provisional);
        CHECK(in.level == 2);
    }
}

TEST_CASE("exchange merge: undoing a merge puts the assessment back as it was, in one transaction",
          "[storage][exchange][merge]")
{
    TempDir dir("hicm-exchange");
    auto ws = openWorkspace(dir.file("w.hicmws"), kNoBackups);
    const auto id = newAssessment(ws, "North Shire", {{0, "North ICB", OrgType::Icb, ""}});
    const auto icb = partnerId(*ws.loadAssessment(id), "North ICB");
    requireOk(ws.updateFeature(id, "B1", partnerLevelEdit(icb, 1, std::string("three doors"))));
    requireOk(ws.setMetric(id, "B1", {"B1.M1", "120", "per month", "", ""}));
    requireOk(ws.updateFeature(id, "B2", evidenceEdit("the workshop's own evidence")));
    requireOk(ws.updateFeature(id, "B1", agreedLevelEdit(1, std::string("agreed in the room"))));
    const Assessment before = *ws.loadAssessment(id);

    Assessment merged = before;
    merged.partners.push_back({0, "Care Co", OrgType::CareProvider, ""});
    merged.feature("B1")->partnerLevels = {{"North ICB", 2, "two doors"}, {"Care Co", 3, "one door"}};
    merged.feature("B2")->partnerLevels = {{"North ICB", 2, ""}};
    merged.feature("B1")->metrics = {{"B1.M1", "150", "per month", "", ""}};
    merged.feature("B2")->metrics = {{"B2.M1", "7", "%", "", ""}};
    merged.feature("B2")->evidence = "the partner's evidence";
    requireOk(ws.applyMerge(id, merged, "p.hicm.json", before.updated));
    REQUIRE(ws.loadAssessment(id)->partners.size() == 2);

    requireOk(UndoWrites::undoMerge(ws, id, before, "p.hicm.json"));
    const Assessment back = *ws.loadAssessment(id);
    REQUIRE(back.partners.size() == 1);
    CHECK(back.partner("Care Co") == nullptr);
    REQUIRE(back.feature("B1")->partnerLevel("North ICB") != nullptr);
    CHECK(back.feature("B1")->partnerLevel("North ICB")->level == 1);
    CHECK(back.feature("B1")->partnerLevel("North ICB")->note == "three doors");
    CHECK(back.feature("B2")->partnerLevel("North ICB") == nullptr);
    REQUIRE(back.feature("B1")->metrics.size() == 1);
    CHECK(back.feature("B1")->metrics[0].value == "120");
    CHECK(back.feature("B2")->metrics.empty());
    CHECK(back.feature("B2")->evidence == "the workshop's own evidence");
    CHECK(back.feature("B1")->agreedLevel == 1); // never touched by a merge or its undo
    CHECK(back.feature("B1")->rationale == "agreed in the room");
    CHECK(ws.changeLog(id)->back().what == "merge undone");

    // And again, as redo does.
    requireOk(ws.applyMerge(id, merged, "p.hicm.json"));
    CHECK(ws.loadAssessment(id)->feature("B1")->partnerLevel("Care Co")->level == 3);
}
