// The region commands run in a module of their own (src/cli/region_module), so that no other command loads
// libpq and the libraries it brings; the live room's HTTP parser likewise (src/room/http_module). Without
// its module a region command says which file it looked for and exits 1; with it, it runs as before.
#include "cli_test_support.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdlib>

using hicm::clitest::runCli;

namespace {

// Sets an environment variable for one scope.
struct Env {
    const char *name;
    Env(const char *n, const QByteArray &value) : name(n) { qputenv(name, value); }
    ~Env() { qunsetenv(name); }
};

}  // namespace

TEST_CASE("region without its module says which file it looked for and exits 1", "[cli][modules]")
{
    QTemporaryDir dir;
    const QByteArray missing = dir.filePath(QStringLiteral("no-such-module.so")).toLocal8Bit();
    const Env env("HICM_REGION_MODULE", missing);
    const auto r = runCli({"region", "list", "--db", "host=/nonexistent dbname=hicm"});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("hicm-region.so) cannot be loaded") != std::string::npos);
    CHECK(r.err.find(missing.toStdString()) != std::string::npos);
}

TEST_CASE("region's module keeps the commands' messages and exit codes", "[cli][modules]")
{
    const QByteArray saved = qgetenv("HICM_REGION_DB");
    qunsetenv("HICM_REGION_DB");
    const auto none = runCli({"region", "list"});
    CHECK(none.code == 2);
    CHECK(none.err == "hicm-assess-cli: no region database given: use --db CONNINFO or set HICM_REGION_DB\n");
    // A server that is not there: libpq's own words, from the module, and exit 1.
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/hicm-no-server-XXXXXX"));
    const auto gone = runCli({"region", "list", "--db", "host=" + dir.path().toStdString() + " dbname=hicm connect_timeout=2"});
    INFO(gone.err);
    CHECK(gone.code == 1);
    CHECK(gone.out.empty());
    CHECK(gone.err.rfind("hicm-assess-cli: ", 0) == 0);
    CHECK(gone.err.find(dir.path().toStdString()) != std::string::npos);  // libpq names the socket it tried
    if (!saved.isEmpty())
        qputenv("HICM_REGION_DB", saved);
}

TEST_CASE("the CLI program loads neither libpq nor QtHttpServer until a command needs them", "[cli][modules]")
{
    QProcess ldd;
    ldd.start(QStringLiteral("ldd"), {QStringLiteral(HICM_CLI_EXECUTABLE)});
    REQUIRE(ldd.waitForFinished(30000));
    const QString libraries = QString::fromLocal8Bit(ldd.readAllStandardOutput());
    REQUIRE(libraries.contains(QStringLiteral("libQt6Core")));
    CHECK_FALSE(libraries.contains(QStringLiteral("libpq")));
    CHECK_FALSE(libraries.contains(QStringLiteral("libQt6HttpServer")));
    CHECK_FALSE(libraries.contains(QStringLiteral("libQt6WebSockets")));
}
