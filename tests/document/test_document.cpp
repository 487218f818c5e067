// The document layer (src/document): every kind of typed edit stored and mirrored in the copy, its
// inverse putting back exactly what was there, the signals naming what changed, and what one recorded
// level costs: the rows it writes and no re-read of the assessment.
#include "assessment_json.h"
#include "document.h"
#include "feature_edits.h"
#include "storage_support.h"

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <string>
#include <vector>

using namespace hicm;
using namespace hicm::document;
using namespace hicm::test;

namespace {

nlohmann::json stored(storage::Workspace &ws, std::int64_t id)
{
    auto a = ws.loadAssessment(id);
    REQUIRE(a.ok());
    return assessmentToJson(*a);
}

// The document's copy must be what the file holds, ids and `updated` included.
void requireCopyIsStored(Document &doc, storage::Workspace &ws)
{
    const auto file = stored(ws, doc.id()), copy = assessmentToJson(doc.assessment());
    INFO(nlohmann::json::diff(file, copy).dump());
    REQUIRE(copy == file);
}

struct Workshop {
    TempDir dir{"hicm-document"};
    storage::Workspace ws = openWorkspace(dir.file("w.hicmws"));
    std::int64_t id = newAssessment(ws, "North Shire",
                                    {{0, "North ICB", OrgType::Icb, ""}, {0, "Shire Council", OrgType::LocalAuthority, "Ade"}});
    std::unique_ptr<Document> doc;
    std::int64_t icb = 0, council = 0;

    Workshop()
    {
        const Assessment a = *ws.loadAssessment(id);
        icb = partnerId(a, "North ICB");
        council = partnerId(a, "Shire Council");
        requireOk(ws.updateFeature(id, "B1", partnerLevelEdit(council, 2, std::string("two places"))));
        requireOk(ws.updateFeature(id, "B2", agreedLevelEdit(1)));
        requireOk(ws.setMetric(id, "B1", {"B1.M1", "120", "per month", "2025", "SUS", ""}));
        Action action;
        action.text = "Open a single point of access";
        action.owner = "Jo";
        REQUIRE(ws.addAction(id, action).ok());
        requireOk(ws.setOverride(id, {"A", OverrideKind::Pin, "budget cycle"}));
        std::string error;
        doc = Document::open(ws, id, &error);
        INFO(error);
        REQUIRE(doc);
    }
};

storage::FeatureEdit levelEdit(std::int64_t partner, std::optional<int> level, std::optional<std::string> note = {})
{
    storage::FeatureEdit e;
    e.partnerLevels.push_back({partner, level, std::move(note)});
    return e;
}

}  // namespace

TEST_CASE("every kind of edit is stored, mirrored in the copy, and undone exactly by its inverse", "[document]")
{
    Workshop w;
    const std::int64_t firstAction = w.doc->assessment().actions.at(0).id;
    storage::FeatureEdit many;
    many.agreedLevel = std::optional<int>(3);
    many.rationale = "All three places";
    many.targetLevel = std::optional<int>(2);
    many.confidence = Confidence::High;
    many.weight = 3;
    many.evidence = "Audit 2025";
    Action second;
    second.text = "Pilot discharge to assess";
    second.due = "2026-03-31";
    Action changed = w.doc->assessment().actions.at(0);
    changed.text = "Open one front door";
    changed.status = ActionStatus::InProgress;
    Partner renamed{w.icb, "North Shire ICB", OrgType::Icb, "Sam"};
    const std::vector<std::pair<std::string, Edit>> edits{
        {"title", SetDetail{storage::AssessmentField::Title, "Baseline"}},
        {"date", SetDetail{storage::AssessmentField::Date, "2026-11-30"}},
        {"a partner's level", EditFeature{"B1", levelEdit(w.icb, 1)}},
        {"a partner's level and note", EditFeature{"B1", levelEdit(w.icb, 3, std::string("one door"))}},
        {"a partner's level cleared, note and all", EditFeature{"B1", levelEdit(w.council, std::nullopt)}},
        {"every field of a feature", EditFeature{"B2", many}},
        {"the agreed level cleared", EditFeature{"B2", [] { storage::FeatureEdit e; e.agreedLevel = std::optional<int>(); return e; }()}},
        {"a metric changed", SetMetric{"B1", {"B1.M1", "150", "per month", "2026", "SUS", ""}}},
        {"a new metric", SetMetric{"B1", {"B1.M2", "7", "days", "", "", ""}}},
        {"the room's own metric", SetMetric{"B3", {"B3.own1", "4", "", "", "", "Therapists per bed"}}},
        {"a metric removed", RemoveMetric{"B1", "B1.M1"}},
        {"a targeted action planned", SetPlanned{"B1", "B1.T1", true}},
        {"a new partner", AddPartner{{0, "Care Co", OrgType::CareProvider, ""}}},
        {"a partner renamed", UpdatePartner{renamed}},
        {"a partner removed with their levels", RemovePartner{w.council}},
        {"a new action", AddAction{second}},
        {"an action edited", UpdateAction{changed}},
        {"an action removed", RemoveAction{firstAction}},
        {"a decision changed", SetOverride{{"A", OverrideKind::Exclude, "done elsewhere"}}},
        {"a new decision", SetOverride{{"B", OverrideKind::Pin, "the board asked"}}},
        {"a decision cleared", RemoveOverride{"A"}},
        {"marked final", SetStatus{AssessmentStatus::Final}},
    };
    for (const auto &[what, edit] : edits) {
        INFO(what);
        // Every edit is made on a draft (a final assessment takes only its status).
        if (w.doc->assessment().status == AssessmentStatus::Final)
            REQUIRE(w.doc->apply(SetStatus{AssessmentStatus::Draft}).status.ok());
        const auto before = stored(w.ws, w.id);
        const auto applied = w.doc->apply(edit);
        INFO((applied.status ? std::string() : applied.status.error().toString()));
        REQUIRE(applied.status.ok());
        REQUIRE(applied.inverse.has_value());
        requireCopyIsStored(*w.doc, w.ws);
        CHECK(stored(w.ws, w.id) != before);  // it changed something

        // Undo, then redo: each is an edit like any other, and the copy follows.
        const auto undone = w.doc->apply(*applied.inverse);
        REQUIRE(undone.status.ok());
        requireCopyIsStored(*w.doc, w.ws);
        auto back = stored(w.ws, w.id);
        back.erase("updated");
        auto was = before;
        was.erase("updated");
        CHECK(back == was);
        const auto redone = w.doc->apply(*undone.inverse);
        REQUIRE(redone.status.ok());
        requireCopyIsStored(*w.doc, w.ws);
    }
}

TEST_CASE("the document says what an edit changed, and only that", "[document]")
{
    Workshop w;
    std::vector<std::string> heard;
    QObject::connect(w.doc.get(), &Document::featureChanged, [&](const QString &f) { heard.push_back("feature " + f.toStdString()); });
    QObject::connect(w.doc.get(), &Document::partnersChanged, [&] { heard.push_back("partners"); });
    QObject::connect(w.doc.get(), &Document::detailsChanged, [&] { heard.push_back("details"); });
    QObject::connect(w.doc.get(), &Document::planChanged, [&] { heard.push_back("plan"); });
    QObject::connect(w.doc.get(), &Document::decisionsChanged, [&] { heard.push_back("decisions"); });
    int changed = 0;
    QObject::connect(w.doc.get(), &Document::changed, [&] { ++changed; });

    REQUIRE(w.doc->apply(EditFeature{"B3", levelEdit(w.icb, 2)}).status.ok());
    REQUIRE(w.doc->apply(SetDetail{storage::AssessmentField::Facilitator, "Sam"}).status.ok());
    REQUIRE(w.doc->apply(AddPartner{{0, "Care Co", OrgType::CareProvider, ""}}).status.ok());
    REQUIRE(w.doc->apply(SetOverride{{"B", OverrideKind::Pin, "why"}}).status.ok());
    Action a;
    a.text = "Agree the dataset";
    REQUIRE(w.doc->apply(AddAction{a}).status.ok());
    CHECK(heard == std::vector<std::string>{"feature B3", "details", "partners", "decisions", "plan"});
    CHECK(changed == 5);

    // A refused edit changes nothing and says nothing.
    heard.clear();
    const auto refused = w.doc->apply(EditFeature{"B3", levelEdit(w.icb, 7)});
    CHECK_FALSE(refused.status.ok());
    CHECK_FALSE(refused.inverse.has_value());
    CHECK(heard.empty());
    requireCopyIsStored(*w.doc, w.ws);
}

namespace {

int traceStatement(unsigned, void *context, void *statement, void *)
{
    auto *seen = static_cast<std::vector<std::string> *>(context);
    char *sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt *>(statement));
    seen->push_back(sql ? sql : "");
    sqlite3_free(sql);
    return 0;
}

}  // namespace

TEST_CASE("recording a level writes its row and its log row, and re-reads nothing of the assessment", "[document][cost]")
{
    Workshop w;
    std::vector<std::string> seen;
    sqlite3 *db = w.ws.database().getHandle();
    sqlite3_trace_v2(db, SQLITE_TRACE_STMT, traceStatement, &seen);
    const auto applied = w.doc->apply(EditFeature{"B3", levelEdit(w.icb, 2)});
    sqlite3_trace_v2(db, 0, nullptr, nullptr);
    REQUIRE(applied.status.ok());
    requireCopyIsStored(*w.doc, w.ws);

    int writes = 0, levelRows = 0, reads = 0;
    std::string all;
    for (const std::string &sql : seen) {
        all += sql + "\n";
        const bool write = sql.rfind("INSERT", 0) == 0 || sql.rfind("UPDATE", 0) == 0 || sql.rfind("DELETE", 0) == 0;
        writes += write;
        levelRows += write && sql.find("partner_levels") != std::string::npos;
        reads += sql.rfind("SELECT", 0) == 0;
        // Nothing of the rest of the assessment is read back: no partners list, actions, metrics,
        // overrides, other features or the assessment's own row.
        CHECK(sql.find("FROM actions") == std::string::npos);
        CHECK(sql.find("FROM metric_values") == std::string::npos);
        CHECK(sql.find("FROM overrides") == std::string::npos);
        CHECK(sql.find("FROM planned_actions") == std::string::npos);
        CHECK(sql.find("JOIN partners") == std::string::npos);
        // The journal seal's table is made once (at open, or by a workspace's first edit), not looked
        // up or created again by every edit.
        CHECK(sql.find("CREATE") == std::string::npos);
        CHECK(sql.find("sqlite_master") == std::string::npos);
    }
    INFO(all);
    CHECK(levelRows == 1);  // the one partner_levels row
    // The level, its change-log row, the assessment's `updated` time, the journal seal's chain, and the
    // feature's row made sure of (a no-op once it exists).
    CHECK(writes <= 5);
    // The checks an edit makes against what is stored: the lock, the framework, the feature's and the
    // partner's old values, the partner's name and the journal seal; each a single-row read.
    CHECK(reads <= 6);
    // Those, the five writes, BEGIN and COMMIT.
    CHECK(seen.size() <= 13);
}
