// OpenOptions::fullCheckInBackground (the app's start-up): quick_check at open, the full integrity check on a
// thread of its own, and the first write waiting for its answer. Sound files are written as ever; a file
// damaged where only the full check sees it is still never written to.
#include "file_checks.h"
#include "generator.h"
#include "storage_support.h"
#include "test_paths.h"

#include <catch2/catch.hpp>

#include <atomic>

using namespace hicm;
using namespace hicm::storage;
using namespace hicm::test;

namespace {

OpenOptions background()
{
    OpenOptions options;
    options.create = false;
    options.backupOnOpen = false;
    options.fullCheckInBackground = true;
    return options;
}

FeatureEdit evidence(const std::string &text)
{
    FeatureEdit edit;
    edit.evidence = text;
    return edit;
}

}  // namespace

TEST_CASE("with the full check in the background, a sound workspace opens and takes its first write",
          "[storage][startup]")
{
    TempDir dir("hicm-background-check");
    const std::string path = dir.file("w.hicmws");
    std::int64_t id = 0;
    {
        auto ws = openWorkspace(path);
        id = newAssessment(ws);
    }
    auto ws = openWorkspace(path, background());
    CHECK_FALSE(ws.readOnly());
    requireOk(ws.updateFeature(id, "B1", evidence("Waiting list data")));
    CHECK(ws.verifyIntegrity().ok());
    CHECK(ws.loadAssessment(id)->feature("B1")->evidence == "Waiting list data");
}

TEST_CASE("with the full check in the background, damage only it can see is still never written to",
          "[storage][startup]")
{
    TempDir dir("hicm-background-damage");
    const std::string path = dir.file("w.hicmws");
    const std::int64_t id = indexDamagedWorkspace(path);
    const std::string before = fileHash(path);
    auto ws = openWorkspace(path, background());  // quick_check passes: it opens, as it would without the option
    CHECK_FALSE(ws.readOnly());
    auto refused = ws.updateFeature(id, "B1", evidence("an edit of a damaged file"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == StorageError::Kind::Corrupt);
    CHECK(refused.error().message.find("damaged") != std::string::npos);
    CHECK(ws.readOnly());
    CHECK(fileHash(path) == before);
}

TEST_CASE("with the full check in the background, verifyIntegrity gives the same answer as the check at open",
          "[storage][startup]")
{
    TempDir dir("hicm-background-verify");
    const std::string path = dir.file("w.hicmws");
    indexDamagedWorkspace(path);
    auto ws = openWorkspace(path, background());
    const auto verdict = ws.verifyIntegrity();
    REQUIRE_FALSE(verdict.ok());
    CHECK(verdict.error().kind == StorageError::Kind::Corrupt);
    CHECK(ws.readOnly());
    CHECK(ws.readOnlyReason() == "the workspace is damaged");
}

// Closing a workspace (quitting the app) while its full check still runs on its own thread stops the check
// instead of waiting for it: the check gives up when asked, leaves the file as it was, and answers as before
// when not asked.
TEST_CASE("the background check stops when the workspace closes, and answers as before otherwise", "[storage][startup]")
{
    TempDir dir("hicm-background-stop");
    const std::string path = dir.file("w.hicmws");
    GeneratorOptions options;
    options.seed = 7;
    options.assessments = 40;
    options.fastWrites = true;
    REQUIRE(generateWorkspace(path, readFile(kFrameworkFile), options).ok());
    const std::string before = readFile(path);

    std::atomic<bool> stop{false};
    CHECK(passesIntegrityCheck(path, 1000, &stop));
    CHECK(passesIntegrityCheck(path, 1000));
    stop = true;
    CHECK_FALSE(passesIntegrityCheck(path, 1000, &stop));  // gave up: not a pass
    CHECK(readFile(path) == before);

    // A workspace opened with the check in the background, closed at once, and opened again: whole.
    for (int i = 0; i < 5; ++i) {
        auto ws = openWorkspace(path, background());
        CHECK_FALSE(ws.readOnly());
    }
    CHECK(readFile(path) == before);
    auto ws = openWorkspace(path, background());
    CHECK(ws.verifyIntegrity().ok());
}

// OpenOptions::startCheckLater (the app's start-up: the check starts once the window is up): the check waits
// to be started and counts as running until then; a write before it is started runs the check itself, so a
// damaged file is still never written to, and a sound one takes the write.
TEST_CASE("a full check started later counts as running until started, and a write before it checks first",
          "[storage][startup]")
{
    TempDir dir("hicm-background-later");
    OpenOptions later = background();
    later.startCheckLater = true;

    const std::string damaged = dir.file("damaged.hicmws");
    const std::int64_t id = indexDamagedWorkspace(damaged);
    const std::string before = fileHash(damaged);
    {
        auto ws = openWorkspace(damaged, later);
        CHECK_FALSE(ws.readOnly());
        CHECK(ws.integrityCheckRunning());  // waiting to be started
        auto refused = ws.updateFeature(id, "B1", evidence("an edit before the check started"));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == StorageError::Kind::Corrupt);
        CHECK(ws.readOnly());
        CHECK_FALSE(ws.integrityCheckRunning());
    }
    CHECK(fileHash(damaged) == before);
    {
        auto ws = openWorkspace(damaged, later);
        ws.startIntegrityCheck();
        ws.startIntegrityCheck();  // once only
        const auto verdict = ws.verifyIntegrity();  // waits for the started check's answer
        REQUIRE_FALSE(verdict.ok());
        CHECK(ws.readOnly());
        CHECK_FALSE(ws.integrityCheckRunning());
    }
    CHECK(fileHash(damaged) == before);

    const std::string sound = dir.file("sound.hicmws");
    std::int64_t soundId = 0;
    {
        auto ws = openWorkspace(sound);
        soundId = newAssessment(ws);
    }
    {
        auto ws = openWorkspace(sound, later);
        CHECK(ws.integrityCheckRunning());
        requireOk(ws.updateFeature(soundId, "B1", evidence("Waiting list data")));
        CHECK_FALSE(ws.integrityCheckRunning());
        ws.startIntegrityCheck();  // nothing left to start
        CHECK_FALSE(ws.integrityCheckRunning());
    }
    auto ws = openWorkspace(sound, later);
    ws.startIntegrityCheck();
    CHECK(ws.verifyIntegrity().ok());
    CHECK(ws.loadAssessment(soundId)->feature("B1")->evidence == "Waiting list data");
}
