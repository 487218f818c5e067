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

#include <QTest>

using namespace hicm;
using namespace hicm::gui;
using namespace hicm::test;

TEST_CASE("a workspace damaged where only the full check sees it opens at start-up, then turns read-only "
          "and says why; nothing is written", "[gui][startup]")
{
    TempDir dir("hicm-startup-check");
    const std::string path = dir.file("w.hicmws");
    indexDamagedWorkspace(path);  // the index no longer matches its table; quick_check still passes
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

TEST_CASE("a workspace opened with File > Open (not at start-up) is read-only at once when only the full "
          "check sees its damage", "[gui][startup]")
{
    TempDir dir("hicm-open-check");
    const std::string path = dir.file("w.hicmws");
    indexDamagedWorkspace(path);
    const std::string before = fileHash(path);
    QString error;
    auto session = Session::open(QString::fromStdString(path), &error);
    REQUIRE(session);
    CHECK(session->readOnly());  // at once: no answer to wait for
    CHECK(session->readOnlyReason() == QStringLiteral("the workspace is damaged"));
    session.reset();
    CHECK(fileHash(path) == before);
}
