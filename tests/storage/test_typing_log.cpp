// A burst of typing is one logged edit (issue 14, item 6): typing a note a character at a time logs
// one change-log row from the text before the typing to the text after it, not a growing copy per key;
// a pause, another edit in between or undoing back to the old text starts a new row; the log is still
// append-only for everything else.
#include "feature_edits.h"
#include "storage_support.h"
#include "text.h"

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include <filesystem>

using namespace hicm;
using namespace hicm::storage;
using namespace hicm::test;

namespace {

std::vector<LogEntry> rowsFor(Workspace &ws, std::int64_t id, const std::string &what)
{
    std::vector<LogEntry> rows;
    const auto log = ws.changeLog(id);
    REQUIRE(log.ok());
    for (const LogEntry &e : *log)
        if (e.what == what)
            rows.push_back(e);
    return rows;
}

Status typeRationale(Workspace &ws, std::int64_t id, const std::string &text)
{
    FeatureEdit edit;
    edit.rationale = text;
    return ws.updateFeature(id, "B2", edit);
}

}  // namespace

TEST_CASE("typing a rationale key by key logs one row, and the file grows by the text, not its square", "[storage][typing]")
{
    TempDir dir("hicm-typing");
    const std::string path = dir.file("w.hicmws");
    auto ws = openWorkspace(path);
    const auto id = newAssessment(ws);
    requireOk(typeRationale(ws, id, "Before. "));
    const auto sizeBefore = std::filesystem::file_size(path);

    std::string text = "Before. ";
    for (int i = 0; i < 980; ++i) {
        text += static_cast<char>('a' + i % 26);
        requireOk(typeRationale(ws, id, text));
    }
    const auto rows = rowsFor(ws, id, "rationale B2");
    REQUIRE(rows.size() == 1);  // the first edit and the burst that followed it without a pause
    CHECK(rows[0].from.empty());
    CHECK(rows[0].to == text);
    CHECK(ws.loadAssessment(id)->feature("B2")->rationale == text);
    // 980 keystrokes each logging the whole old and new text would add about 1 MB.
    CHECK(std::filesystem::file_size(path) < sizeBefore + 64 * 1024);
}

TEST_CASE("a pause, another edit in between, or undoing back to the old text starts a new log row", "[storage][typing]")
{
    TempDir dir("hicm-typing");
    auto ws = openWorkspace(dir.file("w.hicmws"));
    const auto id = newAssessment(ws, "North Shire", {{0, "North ICB", OrgType::Icb, ""}});
    const std::int64_t icb = ws.loadAssessment(id)->partners.at(0).id;

    requireOk(typeRationale(ws, id, "O"));
    requireOk(typeRationale(ws, id, "On"));
    requireOk(typeRationale(ws, id, "One"));
    CHECK(rowsFor(ws, id, "rationale B2").size() == 1);

    // Another edit in between: the next keystroke is a new row.
    requireOk(ws.updateFeature(id, "B2", weightEdit(3)));
    requireOk(typeRationale(ws, id, "One door"));
    auto rows = rowsFor(ws, id, "rationale B2");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].from == "One");
    CHECK(rows[1].to == "One door");

    // Undo of the typing (back to the row's old text) is logged as its own row, so the log shows both.
    requireOk(typeRationale(ws, id, "One"));
    rows = rowsFor(ws, id, "rationale B2");
    REQUIRE(rows.size() == 3);
    CHECK(rows[2].from == "One door");
    CHECK(rows[2].to == "One");

    // A pause longer than the burst window: a new row (the newest row's time is set back to fake it).
    ws.database().exec("UPDATE change_log SET at = '2001-01-01T00:00:00.000Z' WHERE id = (SELECT max(id) FROM change_log)");
    requireOk(typeRationale(ws, id, "One f"));
    CHECK(rowsFor(ws, id, "rationale B2").size() == 4);

    // Partners' notes and an action's notes coalesce the same way; levels never do.
    requireOk(ws.updateFeature(id, "B3", partnerLevelEdit(icb, 1, "a")));
    requireOk(ws.updateFeature(id, "B3", partnerLevelEdit(icb, 1, "ab")));
    requireOk(ws.updateFeature(id, "B3", partnerLevelEdit(icb, 1, "abc")));
    const auto notes = rowsFor(ws, id, "partner note B3 North ICB");
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].to == "abc");
    requireOk(ws.updateFeature(id, "B3", partnerLevelEdit(icb, 2)));
    requireOk(ws.updateFeature(id, "B3", partnerLevelEdit(icb, 3)));
    CHECK(rowsFor(ws, id, "partner level B3 North ICB").size() == 3);

    Action action;
    action.text = "Open a single point of access";
    const auto actionId = ws.addAction(id, action);
    REQUIRE(actionId.ok());
    action.id = *actionId;
    for (const char *typed : {"W", "We", "Wee", "Week"}) {
        action.notes = typed;
        requireOk(ws.updateAction(id, action));
    }
    const auto actionNotes = rowsFor(ws, id, "action " + std::to_string(*actionId) + " notes");
    REQUIRE(actionNotes.size() == 1);
    CHECK(actionNotes[0].to == "Week");
}

TEST_CASE("only the newest log row can follow typing: older rows, old values and deletions are refused", "[storage][typing]")
{
    TempDir dir("hicm-typing");
    auto ws = openWorkspace(dir.file("w.hicmws"));
    const auto id = newAssessment(ws);
    requireOk(typeRationale(ws, id, "first"));
    requireOk(ws.updateFeature(id, "B2", weightEdit(3)));
    auto &db = ws.database();
    CHECK_THROWS_AS(db.exec("UPDATE change_log SET to_value = 'x' WHERE id = (SELECT min(id) FROM change_log)"),
                    SQLite::Exception);
    CHECK_THROWS_AS(db.exec("UPDATE change_log SET from_value = 'x' WHERE id = (SELECT max(id) FROM change_log)"),
                    SQLite::Exception);
    CHECK_THROWS_AS(db.exec("UPDATE change_log SET what = 'x' WHERE id = (SELECT max(id) FROM change_log)"),
                    SQLite::Exception);
    CHECK_THROWS_AS(db.exec("DELETE FROM change_log WHERE id = (SELECT max(id) FROM change_log)"), SQLite::Exception);
}

TEST_CASE("every part of a metric has the text limit", "[storage][typing]")
{
    TempDir dir("hicm-typing");
    auto ws = openWorkspace(dir.file("w.hicmws"));
    const auto id = newAssessment(ws);
    const auto before = ws.changeLog(id)->size();
    const std::string tooLong(kMaxTextCharacters + 1, 'x');
    MetricValue m{"B1.own1", "12", "%", "2026", "", "Readmissions"};
    for (std::string MetricValue::*part : {&MetricValue::value, &MetricValue::unit, &MetricValue::period,
                                           &MetricValue::source, &MetricValue::name}) {
        MetricValue bad = m;
        bad.*part = tooLong;
        const Status s = ws.setMetric(id, "B1", bad);
        REQUIRE_FALSE(s.ok());
        INFO(s.error().message);
        CHECK(s.error().message.find("10000") != std::string::npos);
    }
    CHECK(ws.changeLog(id)->size() == before);
    CHECK(ws.loadAssessment(id)->feature("B1")->metrics.empty());
    requireOk(ws.setMetric(id, "B1", m));
}

TEST_CASE("two programs typing into one text each get their own log rows", "[storage][typing]")
{
    TempDir dir("hicm-typing");
    const std::string path = dir.file("w.hicmws");
    auto first = openWorkspace(path);
    const auto id = newAssessment(first);
    auto second = openWorkspace(path);
    requireOk(typeRationale(first, id, "a"));
    requireOk(typeRationale(second, id, "ab"));  // another program goes on from the same text
    requireOk(typeRationale(first, id, "abc"));
    const auto rows = rowsFor(first, id, "rationale B2");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].from == "a");
    CHECK(rows[1].to == "ab");
    CHECK(rows[2].to == "abc");
}
