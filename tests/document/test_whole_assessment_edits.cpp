// The document layer's whole-assessment edits: a partner's file merged in (and the merge undone) as a
// typed edit of the open assessment, and creating, importing, reassessing and deleting assessments as
// typed edits of the workspace; each returns the inverse that puts back exactly what was there, and the
// change log says the same as when storage is called directly.
#include "assessment_json.h"
#include "document.h"
#include "feature_edits.h"
#include "storage_support.h"
#include "workspace_edit.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace hicm;
using namespace hicm::document;
using namespace hicm::test;

namespace {

nlohmann::json storedJson(storage::Workspace &ws, std::int64_t id)
{
    auto a = ws.loadAssessment(id);
    REQUIRE(a.ok());
    auto json = assessmentToJson(*a);
    json.erase("updated");
    return json;
}

std::vector<std::string> logWhat(storage::Workspace &ws, std::int64_t id)
{
    auto log = ws.changeLog(id);
    REQUIRE(log.ok());
    std::vector<std::string> what;
    for (const auto &entry : *log)
        what.push_back(entry.what + ": " + entry.from + " -> " + entry.to);
    return what;
}

bool exists(storage::Workspace &ws, std::int64_t id)
{
    auto list = ws.listAssessments();
    REQUIRE(list.ok());
    for (const auto &s : *list)
        if (s.id == id)
            return true;
    return false;
}

}  // namespace

TEST_CASE("a merge is a typed edit: stored, re-read into the copy, undone by its inverse and redone", "[document][merge]")
{
    TempDir dir{"hicm-document-merge"};
    storage::Workspace ws = openWorkspace(dir.file("w.hicmws"));
    const std::int64_t id = newAssessment(ws, "North Shire", {{0, "North ICB", OrgType::Icb, ""}});
    requireOk(ws.updateFeature(id, "B1", partnerLevelEdit(partnerId(*ws.loadAssessment(id), "North ICB"), 1)));
    std::string error;
    auto doc = Document::open(ws, id, &error);
    REQUIRE(doc);
    const auto before = storedJson(ws, id);

    Assessment merged = doc->assessment();
    merged.partners.push_back({0, "Care Co", OrgType::CareProvider, ""});
    merged.feature("B1")->partnerLevels.push_back({"Care Co", 2, "two doors"});
    merged.feature("B1")->metrics.push_back({"B1.M1", "130", "", "", ""});

    int reloaded = 0;
    QObject::connect(doc.get(), &Document::reloaded, [&] { ++reloaded; });

    // Planned on an older version of the assessment: refused, nothing changed.
    const auto stale = doc->apply(MergeFile{merged, "p.hicm.json", "2000-01-01T00:00:00.000Z"});
    CHECK_FALSE(stale.status.ok());
    CHECK_FALSE(stale.inverse.has_value());
    CHECK(storedJson(ws, id) == before);

    const auto applied = doc->apply(MergeFile{merged, "p.hicm.json", doc->assessment().updated});
    INFO((applied.status ? std::string() : applied.status.error().toString()));
    REQUIRE(applied.status.ok());
    REQUIRE(applied.inverse.has_value());
    REQUIRE(std::holds_alternative<UndoMerge>(*applied.inverse));
    CHECK(reloaded == 1);
    REQUIRE(doc->assessment().partner("Care Co") != nullptr);
    CHECK(doc->assessment().feature("B1")->partnerLevel("Care Co")->level == 2);
    CHECK(assessmentToJson(doc->assessment()) == assessmentToJson(*ws.loadAssessment(id)));
    // The partner, their level and note, the metric; undone: the partner (their levels with them), the metric.
    CHECK(logWhat(ws, id).back() == "merged:  -> 4 changes from p.hicm.json");

    const auto undone = doc->apply(*applied.inverse);
    REQUIRE(undone.status.ok());
    CHECK(storedJson(ws, id) == before);
    CHECK(doc->assessment().partner("Care Co") == nullptr);
    CHECK(logWhat(ws, id).back() == "merge undone:  -> 2 changes from p.hicm.json");

    const auto redone = doc->apply(*undone.inverse);
    REQUIRE(redone.status.ok());
    CHECK(ws.loadAssessment(id)->feature("B1")->partnerLevel("Care Co")->note == "two doors");
    CHECK(assessmentToJson(doc->assessment()) == assessmentToJson(*ws.loadAssessment(id)));
}

TEST_CASE("creating, importing, reassessing and deleting assessments are typed edits with inverses", "[document][workspace]")
{
    TempDir dir{"hicm-document-workspace"};
    storage::Workspace ws = openWorkspace(dir.file("w.hicmws"));

    storage::NewAssessment fields;
    fields.area = "North Shire";
    fields.date = "2024-05-01";
    fields.partners = {{0, "North ICB", OrgType::Icb, ""}};
    const auto created = applyToWorkspace(ws, CreateAssessment{fields, miniFrameworkJson()});
    REQUIRE(created.status.ok());
    REQUIRE(created.id > 0);
    REQUIRE(created.inverse.has_value());
    CHECK(std::get<DeleteAssessment>(*created.inverse).id == created.id);
    requireOk(ws.updateFeature(created.id, "B1", agreedLevelEdit(2)));
    Action action;
    action.text = "Open a single point of access";
    REQUIRE(ws.addAction(created.id, action).ok());
    const auto full = storedJson(ws, created.id);

    // Deleting keeps what was stored: its inverse puts it back with the same ids.
    const auto deleted = applyToWorkspace(ws, DeleteAssessment{created.id});
    REQUIRE(deleted.status.ok());
    CHECK_FALSE(exists(ws, created.id));
    REQUIRE(deleted.inverse.has_value());
    const auto &putBack = std::get<InsertAssessment>(*deleted.inverse);
    CHECK(putBack.keepIds);
    CHECK(assessmentOf(*deleted.inverse) == created.id);
    const auto restored = applyToWorkspace(ws, *deleted.inverse);
    REQUIRE(restored.status.ok());
    CHECK(restored.id == created.id);
    CHECK(storedJson(ws, created.id) == full);
    CHECK(logWhat(ws, created.id).back() == "assessment restored:  -> North Shire");

    // An import gets new ids; its inverse deletes it.
    Assessment incoming = *ws.loadAssessment(created.id);
    incoming.area = "South Shire";
    const auto imported = applyToWorkspace(ws, InsertAssessment{incoming, miniFrameworkJson(), false});
    REQUIRE(imported.status.ok());
    CHECK(imported.id != created.id);
    CHECK(ws.loadAssessment(imported.id)->area == "South Shire");
    CHECK(logWhat(ws, imported.id).front() == "assessment created:  -> South Shire");
    REQUIRE(applyToWorkspace(ws, *imported.inverse).status.ok());
    CHECK_FALSE(exists(ws, imported.id));

    // A reassessment carries the partners; its inverse deletes it.
    const auto next = applyToWorkspace(ws, Reassess{created.id, "2025-05-01", ""});
    REQUIRE(next.status.ok());
    CHECK(ws.loadAssessment(next.id)->partner("North ICB") != nullptr);
    REQUIRE(applyToWorkspace(ws, *next.inverse).status.ok());
    CHECK_FALSE(exists(ws, next.id));

    // A refused edit says why, changes nothing and has no inverse.
    const auto none = applyToWorkspace(ws, DeleteAssessment{9999});
    CHECK_FALSE(none.status.ok());
    CHECK_FALSE(none.inverse.has_value());
    const auto nameless = applyToWorkspace(ws, CreateAssessment{storage::NewAssessment{}, miniFrameworkJson()});
    CHECK_FALSE(nameless.status.ok());
    CHECK(exists(ws, created.id));
}
