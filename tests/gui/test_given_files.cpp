// Files given to the app (`hicm-assess FILE…`, a double-click in a file manager) and the hand-over from a
// second launch: known by content as well as name, opened or offered for import, anything else refused
// saying why and left as it was; a second launch's files reach the running app over the per-user socket.
#include "fileopen.h"
#include "gui_test_support.h"
#include "messages.h"
#include "session.h"
#include "singleinstance.h"
#include "test_paths.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QSet>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <filesystem>
#include <thread>

using namespace hicm;
using namespace hicm::gui;
using namespace hicm::test;

namespace {

QString q(const std::string &path)
{
    return QString::fromStdString(path);
}

bool recorded(const QString &text)
{
    for (const QString &line : Messages::recorded())
        if (line.contains(text))
            return true;
    return false;
}

// A workspace with one assessment, exported; both also under names that say nothing (.dat).
struct GivenFiles {
    TempDir dir{"given"};
    std::unique_ptr<MainWindow> window = guitest::openWindow(dir.file("North.hicmws"));
    GivenFiles()
    {
        REQUIRE(window->newAssessment(QStringLiteral("North Shire")));
        REQUIRE(window->exportAssessment(q(dir.file("north.hicm.json"))));
        std::filesystem::copy_file(dir.file("North.hicmws"), dir.file("workspace.dat"));
        std::filesystem::copy_file(dir.file("north.hicm.json"), dir.file("exchange.dat"));
    }
};

// A runtime folder of this test's own, so that test processes running side by side never share a socket.
struct PrivateRuntime {
    TempDir dir{"runtime"};
    QByteArray before = qgetenv("XDG_RUNTIME_DIR");
    PrivateRuntime()
    {
        std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
        qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(dir.path()));
        REQUIRE(SingleInstance::serverName().startsWith(q(dir.path())));
    }
    ~PrivateRuntime() { qputenv("XDG_RUNTIME_DIR", before); }
};

}  // namespace

TEST_CASE("A file given to the app is known by its content, whatever its name", "[given-files]")
{
    GivenFiles f;
    const auto &dir = f.dir;
    CHECK(classifyGivenFile(q(dir.file("North.hicmws"))) == GivenFileKind::Workspace);
    CHECK(classifyGivenFile(q(dir.file("workspace.dat"))) == GivenFileKind::Workspace);
    CHECK(classifyGivenFile(q(dir.file("north.hicm.json"))) == GivenFileKind::Exchange);
    CHECK(classifyGivenFile(q(dir.file("exchange.dat"))) == GivenFileKind::Exchange);
    // Damaged files of either kind go to their opener, which says what is wrong.
    writeFile(dir.file("empty.hicmws"), "");
    writeFile(dir.file("cut.hicm.json"), "{\"format\": \"hicm-ass");
    CHECK(classifyGivenFile(q(dir.file("empty.hicmws"))) == GivenFileKind::Workspace);
    CHECK(classifyGivenFile(q(dir.file("cut.hicm.json"))) == GivenFileKind::Exchange);

    writeFile(dir.file("notes.txt"), "minutes of the workshop\n");
    writeFile(dir.file("other.json"), "{ \"format\": \"something else\" }\n");
    writeFile(dir.file("blank.txt"), "");
    std::filesystem::create_directory(dir.file("folder"));
    const std::vector<std::pair<std::string, QString>> unknown = {
        {"notes.txt", "neither a workspace"},
        {"other.json", "not a HICM Assess exchange file"},
        {"blank.txt", "the file is empty"},
        {"folder", "a folder"},
        {"missing.hicmws", "no such file"},
    };
    for (const auto &[name, why] : unknown) {
        INFO(name);
        QString reason;
        CHECK(classifyGivenFile(q(dir.file(name)), &reason) == GivenFileKind::Unknown);
        CHECK(reason.contains(why));
    }
    CHECK(firstGivenWorkspace({q(dir.file("notes.txt")), q(dir.file("exchange.dat")), q(dir.file("workspace.dat"))}) ==
          q(dir.file("workspace.dat")));
}

TEST_CASE("Files given to the running app: an exchange file is imported, others refused saying why", "[given-files]")
{
    GivenFiles f;
    const auto &dir = f.dir;
    auto &window = *f.window;
    Session *session = window.session();
    REQUIRE(session);
    Messages::clearRecorded();

    // An exchange file under any name: offered, and (the automatic answer) imported as a new assessment.
    openGivenFiles(window, {q(dir.file("exchange.dat"))});
    CHECK(recorded("Open an Exchange File"));
    CHECK(session->refreshSummaries());
    CHECK(session->summaries().size() == 2);

    // The workspace open already: nothing happens. Something else: refused, saying why, left as it was.
    Messages::clearRecorded();
    openGivenFiles(window, {q(dir.file("North.hicmws"))});
    CHECK(Messages::recorded().isEmpty());
    CHECK(window.session() == session);
    writeFile(dir.file("notes.txt"), "minutes of the workshop\n");
    writeFile(dir.file("damaged.hicmws"), "not a workspace\n");
    openGivenFiles(window, {q(dir.file("notes.txt")), q(dir.file("damaged.hicmws"))});
    CHECK(recorded("notes.txt is not a file HICM Assess can open: it is neither a workspace"));
    CHECK(recorded("not a HICM Assess workspace"));
    CHECK(readFile(dir.file("damaged.hicmws")) == "not a workspace\n");
    CHECK(window.session() == session);

    // Two other workspaces at once: the first is opened, the second is not, and the user is told.
    auto other = Session::open(q(dir.file("South.hicmws")), nullptr);
    REQUIRE(other);
    other.reset();
    Messages::clearRecorded();
    openGivenFiles(window, {q(dir.file("South.hicmws")), q(dir.file("workspace.dat"))});
    REQUIRE(window.session());
    CHECK(window.session()->path() == q(dir.file("South.hicmws")));
    CHECK(recorded("workspace.dat was not opened: HICM Assess shows one workspace at a time"));
}

TEST_CASE("A second launch hands its files to the running app, which takes nothing else", "[given-files]")
{
    PrivateRuntime runtime;
    SingleInstance running;
    REQUIRE(running.listen());
    QSignalSpy arrived(&running, &SingleInstance::filesArrived);
    const QStringList files{QStringLiteral("/home/facilitator/Area workshop ü.hicmws"),
                            QStringLiteral("/tmp/line\nbreak %41.hicm.json")};
    bool taken = false;
    std::thread second([&] { taken = SingleInstance::handOver(files); });
    CHECK(QTest::qWaitFor([&] { return arrived.count() == 1; }, 10000));
    second.join();
    CHECK(taken);
    REQUIRE(arrived.count() == 1);
    CHECK(arrived.at(0).at(0).toStringList() == files);

    // Anything but the hand-over is cut off, and opens nothing.
    QLocalSocket stranger;
    stranger.connectToServer(SingleInstance::serverName());
    REQUIRE(stranger.waitForConnected(2000));
    stranger.write("GET / HTTP/1.1\n\n");
    stranger.flush();
    CHECK(QTest::qWaitFor([&] { return stranger.state() == QLocalSocket::UnconnectedState; }, 5000));
    CHECK(arrived.count() == 1);
}

TEST_CASE("With no app running, a launch keeps its files; a socket left by a crashed app is replaced", "[given-files]")
{
    PrivateRuntime runtime;
    {
        SingleInstance gone;
        REQUIRE(gone.listen());
    }
    CHECK_FALSE(SingleInstance::handOver({QStringLiteral("/tmp/a.hicmws")}, 1000));
#ifndef Q_OS_WIN
    // What a crashed app leaves: the socket's file, with nobody listening.
    QFile stale(SingleInstance::serverName());
    REQUIRE(stale.open(QIODevice::WriteOnly));
    stale.close();
    SingleInstance next;
    CHECK(next.listen());
#endif
}

TEST_CASE("Many launches at once each hand their files over; an endless or silent stranger is cut off",
          "[given-files]")
{
    PrivateRuntime runtime;
    SingleInstance running;
    REQUIRE(running.listen());
    QSignalSpy arrived(&running, &SingleInstance::filesArrived);

    // Twenty double-clicks at once (a file manager opening a selection): each launch is answered, and
    // the running app gets each one's file once.
    constexpr int launches = 20;
    std::vector<std::thread> threads;
    std::vector<int> taken(launches, 0);
    for (int i = 0; i < launches; ++i)
        threads.emplace_back([i, &taken] {
            taken[static_cast<std::size_t>(i)] =
                SingleInstance::handOver({QStringLiteral("/tmp/workshop %1.hicmws").arg(i)}, 10000) ? 1 : 0;
        });
    CHECK(QTest::qWaitFor([&] { return arrived.count() == launches; }, 20000));
    for (auto &t : threads)
        t.join();
    CHECK(std::count(taken.begin(), taken.end(), 1) == launches);
    QSet<QString> files;
    for (const auto &signal : arrived)
        for (const QString &f : signal.at(0).toStringList())
            files.insert(f);
    CHECK(files.size() == launches);

    // More than a megabyte without the end of the hand-over: cut off, and nothing opens.
    arrived.clear();
    QLocalSocket flood;
    flood.connectToServer(SingleInstance::serverName());
    REQUIRE(flood.waitForConnected(2000));
    flood.write("hicm-assess-open 1\n");
    const QByteArray line = QByteArray(64 * 1024, 'a') + '\n';
    for (int i = 0; i < 20 && flood.state() == QLocalSocket::ConnectedState; ++i) {
        flood.write(line);
        flood.waitForBytesWritten(1000);
        QTest::qWait(5);
    }
    CHECK(QTest::qWaitFor([&] { return flood.state() == QLocalSocket::UnconnectedState; }, 5000));
    CHECK(arrived.isEmpty());

    // The app still takes a launch after them.
    bool taken2 = false;
    std::thread late([&] { taken2 = SingleInstance::handOver({QStringLiteral("/tmp/late.hicmws")}); });
    CHECK(QTest::qWaitFor([&] { return arrived.count() == 1; }, 10000));
    late.join();
    CHECK(taken2);
}
