// The integrity check at start-up runs beside the window (Session::prepare with a framework to come): damage
// that only the full check sees turns the workspace read-only moments after the window shows, saying why, and
// nothing is ever written to it.
#include "application.h"
#include "gui_test_support.h"
#include "mainwindow.h"
#include "messages.h"
#include "session.h"
#include "storage_support.h"

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <QTest>

using namespace hicm;
using namespace hicm::gui;
using namespace hicm::test;

TEST_CASE("a workspace damaged where only the full check sees it opens at start-up, then turns read-only "
          "and says why; nothing is written", "[gui][startup]")
{
    TempDir dir("hicm-startup-check");
    const std::string path = dir.file("w.hicmws");
    {
        auto ws = openWorkspace(path);
        newAssessment(ws, "North Shire", {Partner{0, "Alpha Trust", OrgType::NhsTrust, ""}});
    }
    int pageSize = 0, root = 0;
    {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        pageSize = db.execAndGet("PRAGMA page_size").getInt();
        root = db.execAndGet("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'partners' "
                             "AND sql IS NULL LIMIT 1").getInt();
    }
    REQUIRE(root > 0);
    std::string bytes = readFile(path);
    const std::size_t page = static_cast<std::size_t>(root - 1) * static_cast<std::size_t>(pageSize);
    const std::size_t at = bytes.find("Alpha Trust", page);
    REQUIRE(at < page + static_cast<std::size_t>(pageSize));
    bytes[at + 10] = 'u';  // the index no longer matches its table; quick_check still passes
    writeFile(path, bytes);
    const std::string before = fileHash(path);

    Messages::setAutomatic(true);
    Messages::clearRecorded();
    auto w = guitest::openWindow(path);  // createMainWindow: the start-up path
    REQUIRE(w->session());
    QTRY_VERIFY_WITH_TIMEOUT(w->session()->readOnly(), 5000);
    CHECK(w->session()->readOnlyReason() == QStringLiteral("the workspace is damaged"));
    CHECK(Messages::recorded().join('\n').contains(QStringLiteral("Opened read-only")));
    CHECK(w->windowTitle().contains(QStringLiteral("read-only")));
    CHECK_FALSE(w->newAssessment(QStringLiteral("South Vale")));
    w.reset();
    CHECK(fileHash(path) == before);
    Messages::setAutomatic(false);
}
