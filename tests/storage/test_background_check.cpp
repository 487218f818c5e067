// OpenOptions::fullCheckInBackground (the app's start-up): quick_check at open, the full integrity check on a
// thread of its own, and the first write waiting for its answer. Sound files are written as ever; a file
// damaged where only the full check sees it is still never written to.
#include "storage_support.h"

#include <catch2/catch.hpp>

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
