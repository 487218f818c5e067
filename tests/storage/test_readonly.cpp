// A workspace that cannot be written opens read-only, says so, and refuses edits with a clear message.
#include "feature_edits.h"
#include "process_support.h"
#include "storage_support.h"

#include <filesystem>
#include <sstream>

#include <sys/stat.h>

using namespace hicm;
using namespace hicm::storage;
using namespace hicm::test;

namespace {

std::int64_t makeWorkspace(const std::string &path)
{
    auto ws = openWorkspace(path);
    const auto id = newAssessment(ws);
    requireOk(ws.updateFeature(id, "B1", agreedLevelEdit(2)));
    return id;
}

// Opens `path` for writing and reports, one "key=value" a line, what a user would see.
std::string probe(const std::string &path, std::int64_t id)
{
    std::ostringstream out;
    auto ws = Workspace::open(path);
    out << "open=" << (ws ? "ok" : ws.error().toString()) << "\n";
    if (!ws)
        return out.str();
    out << "readOnly=" << ws->readOnly() << "\nreason=" << ws->readOnlyReason() << "\n";
    auto a = ws->loadAssessment(id);
    out << "agreed=" << (a ? std::to_string(a->feature("B1")->agreedLevel.value_or(0)) : a.error().toString()) << "\n";
    auto edit = ws->updateFeature(id, "B1", agreedLevelEdit(3));
    out << "editKind=" << (edit ? -1 : static_cast<int>(edit.error().kind)) << "\n";
    out << "editMessage=" << (edit ? "" : edit.error().toString()) << "\n";
    return out.str();
}

// Runs probe() as a user the file permissions apply to: this process, or a child that left root.
std::string probeAsUser(const std::string &path, std::int64_t id, bool &ran)
{
    if (::geteuid() != 0) {
        ran = true;
        return probe(path, id);
    }
    Child child = spawn([&](int fd) {
        if (!dropRoot())
            return 3;
        writeAll(fd, probe(path, id));
        return 0;
    });
    const std::string out = readAll(child.fd);
    ran = waitFor(child.pid) == 0;
    return out;
}

bool has(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a workspace opened read-only refuses edits with a clear message and is not changed", "[storage][readonly]")
{
    TempDir dir("hicm-ro");
    const std::string path = dir.file("w.hicmws");
    const auto id = makeWorkspace(path);
    const std::string before = fileHash(path);
    auto ws = openWorkspace(path, OpenOptions{OpenMode::ReadOnly});
    CHECK(ws.readOnly());
    CHECK(ws.readOnlyReason() == "opened read-only");
    CHECK(ws.loadAssessment(id)->feature("B1")->agreedLevel == 2);
    std::vector<StorageError> errors;
    for (const Status &s : {ws.updateFeature(id, "B1", agreedLevelEdit(3)), ws.updateFeature(id, "B2", evidenceEdit("x")), ws.deleteAssessment(id)}) {
        REQUIRE_FALSE(s.ok());
        errors.push_back(s.error());
    }
    auto added = ws.addAction(id, {0, "a", "", "", "", "", ActionStatus::NotStarted, ""});
    REQUIRE_FALSE(added.ok());
    errors.push_back(added.error());
    for (const auto &e : errors) {
        CHECK(e.kind == StorageError::Kind::ReadOnly);
        CHECK(has(e.toString(), path + ": the workspace is open read-only (opened read-only); the change was not saved"));
    }
    auto created = ws.createAssessment({"x", "", "", "", {}, std::nullopt}, miniFrameworkJson());
    CHECK_FALSE(created.ok());
    CHECK(fileHash(path) == before);
    CHECK(ws.loadAssessment(id)->feature("B1")->agreedLevel == 2);
}

TEST_CASE("a read-only file opens read-only and says so; edits fail with a clear message", "[storage][readonly]")
{
    TempDir dir("hicm-ro");
    const std::string path = dir.file("w.hicmws");
    const auto id = makeWorkspace(path);
    ::chmod(path.c_str(), 0444);
    if (::geteuid() == 0)  // the folder stays writable for the user the test runs as
        REQUIRE(::chown(dir.path().c_str(), kNobody, kNobody) == 0);
    const std::string before = fileHash(path);
    bool ran = false;
    const std::string out = probeAsUser(path, id, ran);
    if (!ran) {
        WARN("running as root and cannot switch to an unprivileged user: the OS-level read-only check was skipped");
        return;
    }
    INFO(out);
    CHECK(has(out, "open=ok\n"));
    CHECK(has(out, "readOnly=1\n"));
    CHECK(has(out, "reason=the file is read-only\n"));
    CHECK(has(out, "agreed=2\n"));
    CHECK(has(out, "editKind=" + std::to_string(static_cast<int>(StorageError::Kind::ReadOnly)) + "\n"));
    CHECK(has(out, "editMessage=" + path + ": the workspace is open read-only (the file is read-only); the change was not saved"));
    CHECK(fileHash(path) == before);
}

TEST_CASE("a workspace in a read-only folder opens read-only for reading", "[storage][readonly]")
{
    TempDir dir("hicm-ro");
    const std::string folder = dir.file("shared");
    std::filesystem::create_directory(folder);
    const std::string path = folder + "/w.hicmws";
    const auto id = makeWorkspace(path);  // closed cleanly: no -wal or -shm left
    REQUIRE_FALSE(std::filesystem::exists(path + "-wal"));
    if (::geteuid() == 0) {
        REQUIRE(::chown(folder.c_str(), kNobody, kNobody) == 0);
        REQUIRE(::chown(path.c_str(), kNobody, kNobody) == 0);
    }
    ::chmod(folder.c_str(), 0555);
    const std::string before = fileHash(path);
    bool ran = false;
    const std::string out = probeAsUser(path, id, ran);
    ::chmod(folder.c_str(), 0755);
    if (!ran) {
        WARN("running as root and cannot switch to an unprivileged user: the read-only folder check was skipped");
        return;
    }
    INFO(out);
    CHECK(has(out, "open=ok\n"));
    CHECK(has(out, "readOnly=1\n"));
    CHECK(has(out, "reason=its folder " + folder + " is read-only\n"));
    CHECK(has(out, "agreed=2\n"));
    CHECK(has(out, "editKind=" + std::to_string(static_cast<int>(StorageError::Kind::ReadOnly)) + "\n"));
    CHECK(fileHash(path) == before);
}
