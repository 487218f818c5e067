// Issue 14 in the app: another program's edits appear within a second and are never written over by an
// edit or an undo made on a stale screen; a save of an export over the open workspace is refused.
#include "exchangeactions.h"
#include "feature_edits.h"
#include "hash.h"
#include "messages.h"
#include "session.h"
#include "storage_support.h"
#include "test_paths.h"
#include "workspace.h"

#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>

using namespace hicm;
using namespace hicm::gui;
using namespace hicm::test;

namespace {

std::optional<int> agreed(const Assessment &a, const std::string &feature)
{
    const FeatureAssessment *f = a.feature(feature);
    return f ? f->agreedLevel : std::nullopt;
}

}  // namespace

TEST_CASE("another program's edit shows within a second, and no edit or undo is applied over it", "[gui][issue14]")
{
    TempDir dir("hicm-gui-others");
    const std::string path = dir.file("w.hicmws");
    QString error;
    auto session = Session::open(QString::fromStdString(path), &error);
    REQUIRE(session);
    storage::NewAssessment fields;
    fields.area = "North Shire";
    auto id = session->createAssessment(fields, miniFrameworkJson());
    REQUIRE(id);
    REQUIRE(session->openAssessment(*id));
    session->setAgreedLevel("B1", 1);
    REQUIRE(agreed(session->assessment(), "B1") == 1);
    REQUIRE(session->undoStack()->canUndo());

    // The CLI, meanwhile: B1 to 3.
    auto cli = storage::Workspace::open(path);
    REQUIRE(cli.ok());
    REQUIRE(cli->updateFeature(*id, "B1", agreedLevelEdit(3)).ok());

    // An undo pressed before the app noticed would write 1's "before" (none) over the CLI's 3: refused.
    Messages::clearRecorded();
    session->undoStack()->undo();
    CHECK(agreed(*cli->loadAssessment(*id), "B1") == 3);

    // Within a second the app shows the stored value, and its undo history (read before the change) is gone.
    QSignalSpy changed(session.get(), &Session::changedElsewhere);
    for (int waited = 0; waited < 1000 && changed.count() == 0; waited += 50)
        QTest::qWait(50);
    CHECK(agreed(session->assessment(), "B1") == 3);
    CHECK_FALSE(session->undoStack()->canUndo());
    CHECK(changed.count() >= 1);

    // A new edit after that is stored as usual.
    session->setAgreedLevel("B1", 2);
    CHECK(agreed(*cli->loadAssessment(*id), "B1") == 2);
}

TEST_CASE("the app refuses to save an export, report or CSV over the open workspace", "[gui][issue14]")
{
    TempDir dir("hicm-gui-guard");
    const std::string path = dir.file("w.hicmws");
    QString error;
    auto session = Session::open(QString::fromStdString(path), &error);
    REQUIRE(session);
    storage::NewAssessment fields;
    fields.area = "North Shire";
    auto id = session->createAssessment(fields, miniFrameworkJson());
    REQUIRE(id);
    REQUIRE(session->openAssessment(*id));
    const std::string before = sha256Hex(readFile(path));
    Messages::clearRecorded();
    CHECK_FALSE(exportOpenAssessment(*session, nullptr, QString::fromStdString(path)));
    CHECK_FALSE(exportOpenAssessment(*session, nullptr, QString::fromStdString(path + "-wal")));
    REQUIRE(Messages::recorded().size() == 2);
    CHECK(Messages::recorded().front().contains(QStringLiteral("is the open workspace")));
    CHECK(sha256Hex(readFile(path)) == before);
    CHECK(exportOpenAssessment(*session, nullptr, QString::fromStdString(dir.file("fine.hicm.json"))));
}
