// hicm-faults [--full]: repeats the attacks of issue 14 and prints the table of docs/reliability.md.
// Exit 0 when every attack was refused or survived with nothing lost or changed, 1 otherwise. The default
// is the quick run CI makes (a few trials each); --full makes the run recorded in the docs.
#include "faults.h"
#include "test_paths.h"

#include <QGuiApplication>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <sys/wait.h>
#include <unistd.h>

namespace hicm::faults {

std::string seedWorkspace(const Options &o, const std::string &path)
{
    const Run made = cli(path, {"new", "--area", "North Shire", "--partner", "North ICB=icb"}, o.framework);
    const std::string id = made.out.substr(0, made.out.find_first_not_of("0123456789"));
    cli(path, {"score", id, "B1", "2", "--partner", "North ICB", "--note", "three doors"});
    cli(path, {"score", id, "B1", "2", "--rationale", "agreed in the room"});
    return id;
}

int asUser(const std::function<int()> &body)
{
    return asUser(true, body);
}

int asUser(bool leaveRoot, const std::function<int()> &body)
{
    std::fflush(stdout);
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (leaveRoot && ::geteuid() == 0 && !(::setgid(65534) == 0 && ::setuid(65534) == 0))
            ::_exit(125);
        int rc = 99;
        try {
            rc = body();
        } catch (...) {
        }
        ::_exit(rc);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    return code == 125 ? -1 : code;
}

}  // namespace hicm::faults

int main(int argc, char *argv[])
{
    using namespace hicm::faults;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    Options o;
    o.full = argc > 1 && std::string(argv[1]) == "--full";
    o.framework = hicm::test::kFixturesDir + "/mini-framework.json";
    hicm::test::TempDir temp("hicm-faults");
    o.dir = temp.path();
    std::filesystem::permissions(o.dir, std::filesystem::perms::all);

    const auto started = std::chrono::steady_clock::now();
    std::vector<Row> rows;
    for (auto *attacks : {&outputAttacks, &journalAttacks, &inputAttacks}) {
        try {
            for (Row &row : attacks(o))
                rows.push_back(std::move(row));
        } catch (const std::exception &e) {
            rows.push_back({"(an attack group)", 1, 0, 0, std::string("FAIL: the harness stopped: ") + e.what()});
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    std::printf("| attack | trials | edits lost | files changed that should not be | result |\n");
    std::printf("|---|---|---|---|---|\n");
    bool failed = false;
    for (const Row &r : rows) {
        std::printf("| %s | %d | %d | %d | %s |\n", r.attack.c_str(), r.trials, r.editsLost, r.filesChanged,
                    r.result.c_str());
        failed = failed || r.failed();
    }
    std::printf("\n%s run, %.1f s: %s\n", o.full ? "full" : "quick", seconds,
                failed ? "SOME ATTACKS GOT THROUGH" : "every attack refused or survived");
    return failed ? 1 : 0;
}
