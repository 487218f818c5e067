// Crash safety (SIGKILL at random moments, 60 times) and two writers at once: no acknowledged edit is
// ever lost and the workspace stays sound.
#include "feature_edits.h"
#include "process_support.h"
#include "storage_support.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <random>
#include <set>
#include <sstream>
#include <thread>

using namespace hicm;
using namespace hicm::storage;
using namespace hicm::test;

namespace {

// Edit number n: even numbers add an action "edit n", odd ones set B1's evidence to "evidence n".
Status makeEdit(Workspace &ws, std::int64_t id, long n)
{
    if (n % 2 == 0) {
        auto added = ws.addAction(id, {0, "edit " + std::to_string(n), "", "", "", "", ActionStatus::NotStarted, ""});
        return added ? Status(Done{}) : Status(added.error());
    }
    return ws.updateFeature(id, "B1", evidenceEdit("evidence " + std::to_string(n)));
}

// In a child: opens the workspace and makes edits first, first+1, … writing "n\n" to `fd` after each
// edit returned successfully. Runs until killed (or `count` edits are done).
int editLoop(const std::string &path, std::int64_t id, long first, long count, int fd)
{
    auto ws = Workspace::open(path);
    if (!ws)
        return 2;
    for (long n = first; n < first + count; ++n) {
        auto status = makeEdit(*ws, id, n);
        if (!status)
            return 3;
        writeAll(fd, std::to_string(n) + "\n");
    }
    return 0;
}

std::vector<long> parseAcks(const std::string &text)
{
    std::vector<long> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty() && in.good())  // a line cut off by the kill has no newline: not an acknowledgement
            out.push_back(std::stol(line));
    return out;
}

struct Stored {
    std::set<std::string> actions;
    long evidence = -1;
    int actionsLogged = 0;
};

Stored readBack(const std::string &path, std::int64_t id)
{
    Stored s;
    auto ws = openWorkspace(path, OpenOptions{OpenMode::ReadWrite, false, 5000, false, 5});
    CHECK(*ws.integrityCheck() == "ok");
    auto a = ws.loadAssessment(id);
    REQUIRE(a.ok());
    for (const auto &action : a->actions)
        s.actions.insert(action.text);
    const std::string evidence = a->feature("B1")->evidence;
    if (!evidence.empty())
        s.evidence = std::stol(evidence.substr(std::string("evidence ").size()));
    SQLite::Statement q(ws.database(), "SELECT count(*) FROM change_log WHERE what LIKE 'action % added'");
    q.executeStep();
    s.actionsLogged = q.getColumn(0).getInt();
    return s;
}

}  // namespace

TEST_CASE("edits acknowledged before a SIGKILL are never lost (60 kills at random moments)", "[storage][crash]")
{
    TempDir dir("hicm-crash");
    const std::string path = dir.file("w.hicmws");
    std::int64_t id = 0;
    {
        auto ws = openWorkspace(path);
        id = newAssessment(ws);
    }
    std::mt19937 random(20240501u);
    std::uniform_int_distribution<int> delayMs(5, 300);  // the first edit waits for the full integrity check
    std::set<long> acknowledged;
    long maxOddAcknowledged = -1;
    int killedMidRun = 0;
    const auto started = std::chrono::steady_clock::now();
    for (int round = 0; round < 60; ++round) {
        const long first = round * 1000000L;
        Child child = spawn([&](int fd) { return editLoop(path, id, first, 1000000, fd); });
        REQUIRE(child.pid > 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs(random)));
        ::kill(child.pid, SIGKILL);
        const std::string acks = readAll(child.fd);
        const int rc = waitFor(child.pid);
        INFO("round " << round << ": child exit " << rc);
        REQUIRE(rc == 128 + SIGKILL);  // it was killed while editing, not failing on its own
        const auto got = parseAcks(acks);
        if (!got.empty())
            ++killedMidRun;
        for (long n : got) {
            acknowledged.insert(n);
            if (n % 2 == 1)
                maxOddAcknowledged = std::max(maxOddAcknowledged, n);
        }
        // After every crash: every acknowledged edit is there, each action with its log row (same
        // transaction), and the latest acknowledged evidence or a later one.
        const Stored stored = readBack(path, id);
        for (long n : acknowledged)
            if (n % 2 == 0 && !stored.actions.count("edit " + std::to_string(n)))
                FAIL("acknowledged edit " << n << " was lost after round " << round);
        CHECK(stored.evidence >= maxOddAcknowledged);
        CHECK(stored.actionsLogged == static_cast<int>(stored.actions.size()));
    }
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    INFO(acknowledged.size() << " edits acknowledged in " << seconds << " s");
    CHECK(killedMidRun >= 30);  // most kills landed while edits were being made
    CHECK(acknowledged.size() >= 100);
    CHECK(seconds < 60);
}

TEST_CASE("two processes writing to one workspace at once lose no edit", "[storage][concurrency]")
{
    TempDir dir("hicm-two");
    const std::string path = dir.file("w.hicmws");
    std::int64_t id = 0;
    {
        auto ws = openWorkspace(path);
        id = newAssessment(ws);
    }
    constexpr long kEach = 150;
    Child a = spawn([&](int fd) { return editLoop(path, id, 0, kEach * 2, fd); });
    Child b = spawn([&](int fd) { return editLoop(path, id, 1000000, kEach * 2, fd); });
    REQUIRE(a.pid > 0);
    REQUIRE(b.pid > 0);
    const auto acksB = parseAcks(readAll(b.fd));
    const auto acksA = parseAcks(readAll(a.fd));
    CHECK(waitFor(a.pid) == 0);
    CHECK(waitFor(b.pid) == 0);
    CHECK(acksA.size() == kEach * 2);
    CHECK(acksB.size() == kEach * 2);
    const Stored stored = readBack(path, id);
    CHECK(stored.actions.size() == kEach * 2);
    for (const auto &acks : {acksA, acksB})
        for (long n : acks)
            if (n % 2 == 0)
                CHECK(stored.actions.count("edit " + std::to_string(n)) == 1);
    CHECK(stored.actionsLogged == kEach * 2);
    auto ws = openWorkspace(path);
    CHECK(ws.changeLog(id)->size() == 1 + kEach * 4);  // created + every edit, none lost
}

TEST_CASE("two connections in one process interleave edits", "[storage][concurrency]")
{
    TempDir dir("hicm-two");
    const std::string path = dir.file("w.hicmws");
    auto first = openWorkspace(path);
    const auto id = newAssessment(first);
    auto second = openWorkspace(path);
    for (int i = 0; i < 20; ++i) {
        requireOk(first.updateFeature(id, "B1", evidenceEdit("first " + std::to_string(i))));
        requireOk(second.updateFeature(id, "B2", evidenceEdit("second " + std::to_string(i))));
        // Each sees the other's committed edit at once.
        CHECK(first.loadAssessment(id)->feature("B2")->evidence == "second " + std::to_string(i));
        CHECK(second.loadAssessment(id)->feature("B1")->evidence == "first " + std::to_string(i));
    }
    CHECK(first.changeLog(id)->size() == 41);
    CHECK(*second.integrityCheck() == "ok");
}
