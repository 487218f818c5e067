// The document's item models (src/document/models): one recorded level or one typed value re-draws its
// one cell, another feature's edit or a partner's rename re-draws nothing more than it changed, nothing
// is read back from the file for it, and a hidden round (the live room before the reveal) answers nothing that depends on
// a level, in any role of any cell.
#include "actionplanmodel.h"
#include "assessmentlistmodel.h"
#include "document.h"
#include "feature_edits.h"
#include "metricsmodel.h"
#include "partnerlevelsmodel.h"
#include "partnersmodel.h"
#include "storage_support.h"

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <map>
#include <string>
#include <vector>

using namespace hicm;
using namespace hicm::document;
using namespace hicm::test;

namespace {

struct Room {
    TempDir dir{"hicm-models"};
    storage::Workspace ws = openWorkspace(dir.file("w.hicmws"));
    std::int64_t id = newAssessment(ws, "North Shire", {{0, "North ICB", OrgType::Icb, ""},
                                                        {0, "Shire Council", OrgType::LocalAuthority, "Ade"},
                                                        {0, "Care Co", OrgType::CareProvider, ""}});
    std::unique_ptr<Document> doc;
    std::int64_t icb = 0, council = 0, care = 0;
    // The app's sink pushes on its undo stack; here the edit is applied at once.
    EditSink sink;

    Room()
    {
        const Assessment a = *ws.loadAssessment(id);
        icb = partnerId(a, "North ICB");
        council = partnerId(a, "Shire Council");
        care = partnerId(a, "Care Co");
        requireOk(ws.updateFeature(id, "B1", partnerLevelEdit(council, 2, std::string("two places"))));
        requireOk(ws.updateFeature(id, "B1", partnerLevelEdit(care, 1, std::string())));
        doc = Document::open(ws, id);
        REQUIRE(doc);
        sink = [this](const Edit &edit) { applyOrFail(edit); };
    }
    void applyOrFail(const Edit &edit)
    {
        REQUIRE(doc->apply(edit).status.ok());
    }
    int row(const PartnerLevelsModel &model, std::int64_t partner) const
    {
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.partnerId(r) == partner)
                return r;
        FAIL("no row for partner " << partner);
        return -1;
    }
};

// Every signal by which a model tells its views to re-draw.
struct Redraws {
    explicit Redraws(QAbstractItemModel &model)
    {
        QObject::connect(&model, &QAbstractItemModel::dataChanged, &context,
                         [this](const QModelIndex &from, const QModelIndex &to) {
                             for (int r = from.row(); r <= to.row(); ++r)
                                 for (int c = from.column(); c <= to.column(); ++c)
                                     changed.emplace_back(r, c);
                         });
        QObject::connect(&model, &QAbstractItemModel::modelReset, &context, [this] { ++reset; });
        QObject::connect(&model, &QAbstractItemModel::rowsInserted, &context, [this] { ++inserted; });
        QObject::connect(&model, &QAbstractItemModel::rowsRemoved, &context, [this] { ++removed; });
        QObject::connect(&model, &QAbstractItemModel::layoutChanged, &context, [this] { ++layout; });
        QObject::connect(&model, &QAbstractItemModel::headerDataChanged, &context, [this] { ++header; });
    }
    // The cells named by dataChanged, as (row, column).
    const std::vector<std::pair<int, int>> &cells() const { return changed; }
    int structural() const { return reset + inserted + removed + layout + header; }

    QObject context;  // the connections end with this recorder
    std::vector<std::pair<int, int>> changed;
    int reset = 0, inserted = 0, removed = 0, layout = 0, header = 0;
};

int traceStatement(unsigned, void *context, void *statement, void *)
{
    auto *seen = static_cast<std::vector<std::string> *>(context);
    char *sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt *>(statement));
    seen->push_back(sql ? sql : "");
    sqlite3_free(sql);
    return 0;
}

}  // namespace

TEST_CASE("one recorded level re-draws its one cell and reads nothing back", "[document][models]")
{
    Room room;
    PartnerLevelsModel b1("B1", room.sink), b2("B2", room.sink);
    b1.setDocument(room.doc.get());
    b2.setDocument(room.doc.get());
    REQUIRE(b1.rowCount() == 4);  // three partners and the agreed row
    const int icbRow = room.row(b1, room.icb);
    CHECK(b1.index(icbRow, PartnerLevelsModel::LevelColumn).data().toString() == QStringLiteral("—"));

    Redraws seen(b1), other(b2);
    std::vector<std::string> sql;
    sqlite3 *db = room.ws.database().getHandle();
    sqlite3_trace_v2(db, SQLITE_TRACE_STMT, traceStatement, &sql);
    // A keystroke on the grid: the level column of the ICB's row set to 3.
    REQUIRE(b1.setData(b1.index(icbRow, PartnerLevelsModel::LevelColumn), 3));
    sqlite3_trace_v2(db, 0, nullptr, nullptr);

    CHECK(seen.cells() == std::vector<std::pair<int, int>>{{icbRow, PartnerLevelsModel::LevelColumn}});
    CHECK(seen.structural() == 0);
    CHECK(other.cells().empty());  // another feature's grid is not touched at all
    CHECK(other.structural() == 0);
    CHECK(b1.index(icbRow, PartnerLevelsModel::LevelColumn).data().toString().startsWith(QStringLiteral("3  ")));
    CHECK(b1.index(icbRow, PartnerLevelsModel::LevelColumn).data(Qt::EditRole) == QVariant(3));
    // The model reads nothing: the statements are those of the same edit applied with no model at all
    // (what that costs is tests/document/test_document.cpp's), and none reads the assessment back.
    Room bare;
    std::vector<std::string> bareSql;
    sqlite3 *bareDb = bare.ws.database().getHandle();
    sqlite3_trace_v2(bareDb, SQLITE_TRACE_STMT, traceStatement, &bareSql);
    storage::FeatureEdit level;
    level.partnerLevels.push_back({bare.icb, 3, std::nullopt});
    bare.applyOrFail(EditFeature{"B1", level});
    sqlite3_trace_v2(bareDb, 0, nullptr, nullptr);
    auto kinds = [](const std::vector<std::string> &statements) {  // each statement up to its values
        std::vector<std::string> out;
        for (const std::string &s : statements)
            out.push_back(s.substr(0, s.find_first_of("'0123456789")));
        return out;
    };
    CHECK(kinds(sql) == kinds(bareSql));
    for (const std::string &s : sql) {
        INFO(s);
        CHECK(s.find("JOIN") == std::string::npos);  // no feature's levels or partners list read whole
        CHECK(s.find("FROM actions") == std::string::npos);
        CHECK(s.find("FROM metric_values") == std::string::npos);
    }

    SECTION("the agreed row's level is its one cell too")
    {
        Redraws again(b1);
        REQUIRE(b1.setData(b1.index(b1.agreedRow(), PartnerLevelsModel::LevelColumn), 2));
        CHECK(again.cells() == std::vector<std::pair<int, int>>{{b1.agreedRow(), PartnerLevelsModel::LevelColumn}});
        CHECK(room.doc->assessment().feature("B1")->agreedLevel == 2);
    }
    SECTION("a partner renamed re-draws that partner's row only, in every feature's grid")
    {
        Redraws again(b1), again2(b2);
        Partner renamed = room.doc->assessment().partners.at(static_cast<std::size_t>(room.row(b1, room.council)));
        renamed.organisation = "North Shire Council";
        REQUIRE(room.doc->apply(UpdatePartner{renamed}).status.ok());
        const int councilRow = room.row(b1, room.council);
        // Its name, and the note's accessible text that names it ("No note from …" on B2).
        for (const auto &[r, c] : again.cells())
            CHECK(r == councilRow);
        CHECK_FALSE(again.cells().empty());
        for (const auto &[r, c] : again2.cells())
            CHECK(r == councilRow);
        CHECK(again.structural() == 0);
        CHECK(b1.index(councilRow, 0).data().toString() == QStringLiteral("North Shire Council"));
    }
    SECTION("a partner added or removed is a row inserted or removed, not a reset")
    {
        Redraws again(b1);
        REQUIRE(room.doc->apply(AddPartner{{0, "Hospice", OrgType::Other, ""}}).status.ok());
        CHECK(again.inserted == 1);
        CHECK(b1.rowCount() == 5);
        CHECK(b1.isAgreedRow(4));
        REQUIRE(room.doc->apply(RemovePartner{room.care}).status.ok());
        CHECK(again.removed == 1);
        CHECK(again.reset == 0);
        CHECK(b1.rowCount() == 4);
    }
    SECTION("undo is an edit too: the same one cell")
    {
        Redraws again(b1);
        storage::FeatureEdit clear;
        clear.partnerLevels.push_back({room.icb, std::nullopt, std::nullopt});
        REQUIRE(room.doc->apply(EditFeature{"B1", clear}).status.ok());
        CHECK(again.cells() == std::vector<std::pair<int, int>>{{icbRow, PartnerLevelsModel::LevelColumn}});
        CHECK(b1.index(icbRow, PartnerLevelsModel::LevelColumn).data().toString() == QStringLiteral("—"));
    }
}

namespace {

// Everything a view, a screen reader or a tooltip could ask the model for, and what the page derives.
std::vector<QString> everything(const PartnerLevelsModel &model)
{
    std::vector<QString> out;
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < model.columnCount(); ++c)
            for (int role = 0; role <= Qt::UserRole + 32; ++role) {
                const QVariant v = model.index(r, c).data(role);
                out.push_back(QStringLiteral("%1,%2,%3:%4=%5").arg(r).arg(c).arg(role).arg(v.typeName(), v.toString()));
            }
        const auto level = model.levelAt(r);
        out.push_back(QStringLiteral("level %1: %2").arg(r).arg(level ? *level : -1));
    }
    const auto spread = model.spread();
    out.push_back(QStringLiteral("spread %1 %2 %3").arg(spread.scored).arg(spread.lowest).arg(spread.highest));
    out.push_back(QStringLiteral("suggestion %1").arg(model.suggestion().value_or(-1)));
    return out;
}

}  // namespace

TEST_CASE("a hidden round shows who has voted and never a level, in any role of any cell", "[document][models]")
{
    Room room;
    PartnerLevelsModel b1("B1", room.sink);
    b1.setDocument(room.doc.get());
    b1.setHiddenRound(true, {room.council, room.care});
    const int icbRow = room.row(b1, room.icb), councilRow = room.row(b1, room.council);
    CHECK(b1.index(councilRow, PartnerLevelsModel::LevelColumn).data().toString() == QStringLiteral("Voted"));
    CHECK(b1.index(icbRow, PartnerLevelsModel::LevelColumn).data().toString() == QStringLiteral("Not yet"));
    CHECK(b1.suggestion() == std::nullopt);

    const std::vector<QString> before = everything(b1);
    // No level's name or descriptor label appears anywhere.
    for (const QString &s : before)
        for (const Level &l : room.doc->framework().levels)
            CHECK_FALSE(s.contains(QString::fromStdString(l.label.text)));
    Redraws seen(b1);
    // Levels change under the hidden grid (recorded by the facilitator, or votes stored): the model
    // answers exactly as before, and tells the views nothing changed.
    for (const auto &[partner, level] : std::vector<std::pair<std::int64_t, int>>{{room.council, 3}, {room.care, 3}, {room.council, 1}}) {
        storage::FeatureEdit e;
        e.partnerLevels.push_back({partner, level, std::string("we think ") + std::to_string(level)});
        REQUIRE(room.doc->apply(EditFeature{"B1", e}).status.ok());
        CHECK(everything(b1) == before);
    }
    storage::FeatureEdit agreed;
    agreed.agreedLevel = std::optional<int>(2);
    REQUIRE(room.doc->apply(EditFeature{"B1", agreed}).status.ok());
    CHECK(everything(b1) == before);
    CHECK(seen.cells().empty());

    // Who has voted may change; that is the one thing shown.
    b1.setHiddenRound(true, {room.council, room.care, room.icb});
    CHECK(seen.cells() == std::vector<std::pair<int, int>>{{icbRow, PartnerLevelsModel::LevelColumn}});
    CHECK(b1.index(icbRow, PartnerLevelsModel::LevelColumn).data().toString() == QStringLiteral("Voted"));

    // The reveal: every level at once, with the spread (1 and 3: no shared view) and the notes.
    b1.setHiddenRound(false);
    CHECK(b1.index(councilRow, PartnerLevelsModel::LevelColumn).data().toString().startsWith(QStringLiteral("1  ")));
    CHECK(b1.index(councilRow, PartnerLevelsModel::NoteColumn).data().toString() == QStringLiteral("we think 1"));
    CHECK(b1.spread().lowest == 1);
    CHECK(b1.spread().highest == 3);
    CHECK(b1.levelAt(b1.agreedRow()) == 2);
    CHECK(everything(b1) != before);
}

TEST_CASE("one typed value re-draws its one cell, stays as typed, and an own metric is a row added", "[document][models]")
{
    Room room;
    const Feature *b1Feature = room.doc->framework().feature("B1");
    REQUIRE(b1Feature);
    MetricsModel b1(*b1Feature, room.sink);
    b1.setDocument(room.doc.get());
    REQUIRE(b1.rowCount() == 2);  // the framework's two listed data
    const int days = b1.rowOf("B1.M2");
    REQUIRE(days == 1);
    CHECK_FALSE(b1.flags(b1.index(days, MetricsModel::NameColumn)) & Qt::ItemIsEditable);  // the framework's name

    Redraws seen(b1);
    REQUIRE(b1.setData(b1.index(days, MetricsModel::ValueColumn), QStringLiteral("007")));
    CHECK(seen.cells() == std::vector<std::pair<int, int>>{{days, MetricsModel::ValueColumn}});
    CHECK(seen.structural() == 0);
    // What was typed is kept as typed: a string, leading zeros and all, and offered as a string to edit.
    CHECK(room.doc->assessment().feature("B1")->metrics.at(0).value == "007");
    CHECK(b1.index(days, MetricsModel::ValueColumn).data(Qt::EditRole).userType() == QMetaType::QString);
    CHECK(b1.index(days, MetricsModel::ValueColumn).data().toString() == QStringLiteral("007"));
    // The same text again is no edit at all (no undo step).
    const auto logBefore = room.ws.changeLog(room.id)->size();
    CHECK_FALSE(b1.setData(b1.index(days, MetricsModel::ValueColumn), QStringLiteral("007")));
    CHECK(room.ws.changeLog(room.id)->size() == logBefore);

    // The room's own metric: a row added after the listed ones, named, and never left without a name.
    MetricValue own;
    own.metricId = ownMetricId("B1", 1);
    own.name = "Our own metric 1";
    REQUIRE(room.doc->apply(SetMetric{"B1", own}).status.ok());
    CHECK(seen.inserted == 1);
    CHECK(seen.reset == 0);
    const int ownRow = b1.rowOf(own.metricId);
    REQUIRE(ownRow == 2);
    CHECK(b1.flags(b1.index(ownRow, MetricsModel::NameColumn)) & Qt::ItemIsEditable);
    CHECK_FALSE(b1.setData(b1.index(ownRow, MetricsModel::NameColumn), QStringLiteral("   ")));
    CHECK(b1.index(ownRow, MetricsModel::NameColumn).data().toString() == QStringLiteral("Our own metric 1"));
    seen.changed.clear();
    REQUIRE(b1.setData(b1.index(ownRow, MetricsModel::NameColumn), QStringLiteral("Care home admissions")));
    // The name, and the other cells' accessible names that say what they are for ("Value for …").
    for (const auto &[r, c] : seen.cells())
        CHECK(r == ownRow);
    CHECK(b1.index(ownRow, MetricsModel::UnitColumn).data(Qt::AccessibleTextRole).toString() ==
          QStringLiteral("Unit for Care home admissions"));
}

TEST_CASE("an action's status or due date re-draws its one cell; a refused value changes nothing", "[document][models]")
{
    Room room;
    Action action;
    action.text = "Open a single point of access";
    REQUIRE(room.doc->apply(AddAction{action}).status.ok());
    ActionPlanModel plan(room.sink);
    plan.setDocument(room.doc.get());
    REQUIRE(plan.rowCount() == 1);
    Redraws seen(plan);

    REQUIRE(plan.setData(plan.index(0, ActionPlanModel::StatusColumn), QStringLiteral("in-progress"), ActionStatusRole));
    CHECK(seen.cells() == std::vector<std::pair<int, int>>{{0, ActionPlanModel::StatusColumn}});
    CHECK(room.doc->assessment().actions.at(0).status == ActionStatus::InProgress);
    seen.changed.clear();
    REQUIRE(plan.setData(plan.index(0, ActionPlanModel::DueColumn), QStringLiteral("2026-03-31")));
    CHECK(seen.cells() == std::vector<std::pair<int, int>>{{0, ActionPlanModel::DueColumn}});
    seen.changed.clear();
    // Not a date, no text, a change the framework does not have: refused, and nothing stored or re-drawn.
    CHECK_FALSE(plan.setData(plan.index(0, ActionPlanModel::DueColumn), QStringLiteral("31/03/2026")));
    CHECK_FALSE(plan.setData(plan.index(0, ActionPlanModel::TextColumn), QStringLiteral("  ")));
    CHECK_FALSE(plan.setData(plan.index(0, ActionPlanModel::ChangeColumn), QStringLiteral("Z")));
    CHECK(seen.cells().empty());
    CHECK(room.doc->assessment().actions.at(0).due == "2026-03-31");
    CHECK(plan.index(0, ActionPlanModel::DueColumn).data().toString() == QStringLiteral("2026-03-31"));

    action.text = "Weekly data review";
    REQUIRE(room.doc->apply(AddAction{action}).status.ok());
    CHECK(seen.inserted == 1);
    CHECK(seen.reset == 0);
    CHECK(plan.rowCount() == 2);
    CHECK(plan.index(1, ActionPlanModel::DueColumn).data(SortRole).toString() > QStringLiteral("2026-03-31"));  // undated last
    CHECK(seen.cells().empty());  // the first action's cells are as they were
}

TEST_CASE("a partner renamed in Set-up re-draws that row's changed cells; a name is never left empty", "[document][models]")
{
    Room room;
    PartnersModel partners(room.sink);
    partners.setDocument(room.doc.get());
    REQUIRE(partners.rowCount() == 3);
    int icbRow = -1;
    for (int r = 0; r < partners.rowCount(); ++r)
        if (partners.index(r, 0).data(IdRole).toLongLong() == room.icb)
            icbRow = r;
    REQUIRE(icbRow >= 0);
    Redraws seen(partners);
    CHECK_FALSE(partners.setData(partners.index(icbRow, PartnersModel::OrganisationColumn), QStringLiteral("  ")));
    CHECK(seen.cells().empty());
    REQUIRE(partners.setData(partners.index(icbRow, PartnersModel::OrganisationColumn), QStringLiteral(" North Shire ICB ")));
    // The name, and the empty contact's accessible name that says whose it is ("No contact for …").
    CHECK(seen.cells() == std::vector<std::pair<int, int>>{{icbRow, PartnersModel::OrganisationColumn},
                                                           {icbRow, PartnersModel::ContactColumn}});
    CHECK(partners.index(icbRow, 0).data().toString() == QStringLiteral("North Shire ICB"));
    seen.changed.clear();
    REQUIRE(partners.setData(partners.index(icbRow, PartnersModel::TypeColumn), QStringLiteral("local-authority"), OrgTypeRole));
    CHECK(seen.cells() == std::vector<std::pair<int, int>>{{icbRow, PartnersModel::TypeColumn}});
    CHECK(room.doc->assessment().partners.at(static_cast<std::size_t>(icbRow)).type == OrgType::LocalAuthority);
    CHECK(seen.structural() == 0);
}

TEST_CASE("the assessment list re-draws the cells a new list changed; a new assessment is a row", "[document][models]")
{
    Room room;
    AssessmentListModel list;
    auto summaries = *room.ws.listAssessments();
    list.setSummaries(summaries);
    REQUIRE(list.rowCount() == 1);
    Redraws seen(list);
    list.setSummaries(*room.ws.listAssessments());  // read again, nothing changed: nothing re-drawn
    CHECK(seen.cells().empty());
    requireOk(room.ws.updateFeature(room.id, "B1", agreedLevelEdit(2)));
    list.setSummaries(*room.ws.listAssessments());
    // The progress ("1 of 2 agreed") and the profile's bars; not the area, title, date or status.
    CHECK(seen.cells() == std::vector<std::pair<int, int>>{{0, AssessmentListModel::ProgressColumn},
                                                           {0, AssessmentListModel::ProfileColumn}});
    CHECK(list.index(0, AssessmentListModel::ProfileColumn).data(ProfileRole).toList().at(0).toInt() == 2);
    newAssessment(room.ws, "South Shire");
    list.setSummaries(*room.ws.listAssessments());
    CHECK(seen.inserted == 1);
    CHECK(seen.reset == 0);
    CHECK(list.rowCount() == 2);
}

// A document closed under the models (another workspace opened, the assessment deleted): each model over it
// empties with one reset and keeps no pointer to it; given a document again, it shows its rows again.
TEST_CASE("the models empty when their document goes, and fill again from the next one", "[document][models]")
{
    Room room;
    const Feature *b1Feature = room.doc->framework().feature("B1");
    REQUIRE(b1Feature);
    const Feature feature = *b1Feature;  // the model's listed data outlive the document's framework
    PartnersModel partners(room.sink);
    PartnerLevelsModel levels("B1", room.sink);
    ActionPlanModel plan(room.sink);
    MetricsModel metrics(feature, room.sink);
    for (auto *model : std::initializer_list<QAbstractItemModel *>{&partners, &levels, &plan, &metrics})
        CHECK(model->headerData(0, Qt::Horizontal).toString().size() > 0);
    partners.setDocument(room.doc.get());
    levels.setDocument(room.doc.get());
    plan.setDocument(room.doc.get());
    metrics.setDocument(room.doc.get());
    Action action;
    action.text = "Map the access points";
    action.change = "A";
    action.feature = "B1";
    room.applyOrFail(AddAction{action});
    REQUIRE(partners.rowCount() == 3);
    REQUIRE(levels.rowCount() == 4);  // three partners and the agreed row
    REQUIRE(plan.rowCount() == 1);
    Redraws partnersSeen(partners), levelsSeen(levels), planSeen(plan);

    partners.setDocument(room.doc.get());  // the same document: nothing happens
    CHECK(partnersSeen.structural() == 0);

    room.doc.reset();
    CHECK(partners.rowCount() == 0);
    CHECK(levels.rowCount() == 0);
    CHECK(plan.rowCount() == 0);
    CHECK(partners.document() == nullptr);
    CHECK(levels.document() == nullptr);
    CHECK(plan.document() == nullptr);
    CHECK(metrics.document() == nullptr);
    CHECK(metrics.rowCount() == 2);  // the framework's listed data, with nothing stored
    CHECK(metrics.index(0, MetricsModel::ValueColumn).data().toString().isEmpty());
    CHECK(partnersSeen.reset == 1);
    CHECK(levelsSeen.reset == 1);
    CHECK(planSeen.reset == 1);

    room.doc = Document::open(room.ws, room.id);
    REQUIRE(room.doc);
    partners.setDocument(room.doc.get());
    levels.setDocument(room.doc.get());
    plan.setDocument(room.doc.get());
    CHECK(partners.rowCount() == 3);
    CHECK(levels.rowCount() == 4);
    CHECK(plan.rowCount() == 1);
    CHECK(plan.index(0, ActionPlanModel::TextColumn).data().toString() == QStringLiteral("Map the access points"));
}
