// The fault table of issue 14 (docs/reliability.md): every attack of the adversarial test repeated
// against the workspace, the CLI and the report, with what it lost or changed. Shared by the two halves.
#pragma once

#include "cli.h"
#include "hash.h"
#include "workspace.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace hicm::faults {

struct Row {
    std::string attack;
    int trials = 0;
    int editsLost = 0;
    int filesChanged = 0;  // files changed that should not have been (or outputs that went wrong)
    std::string result;    // what happened; "FAIL: …" when the attack got through
    bool failed() const { return editsLost > 0 || filesChanged > 0 || result.rfind("FAIL", 0) == 0; }
};

struct Options {
    bool full = false;
    std::string framework;  // the mini framework used for `new`
    std::filesystem::path dir;  // a fresh temporary folder, 0777
};

struct Run {
    int code;
    std::string out, err;
};

inline Run cli(const std::string &workspace, std::vector<std::string> args, const std::string &framework = {})
{
    args.insert(args.begin(), {"hicm-assess-cli", "--workspace", workspace});
    if (!framework.empty())
        args.insert(args.begin() + 3, {"--framework", framework});
    std::ostringstream out, err;
    const int code = hicm::cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

inline std::string slurp(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void spill(const std::string &path, const std::string &bytes)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

inline std::string hashOf(const std::string &path) { return sha256Hex(slurp(path)); }

inline bool has(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

// A fresh workspace with one assessment (partner "North ICB") scored on B1; returns its id.
std::string seedWorkspace(const Options &o, const std::string &path);

// Runs `body` as an unprivileged user in a child process when this one is root (file permissions apply
// then). Returns the child's exit code, or -1 when it cannot leave root.
// With leaveRoot false the child stays who this process is (for limits set in the child only).
int asUser(const std::function<int()> &body);
int asUser(bool leaveRoot, const std::function<int()> &body);

std::vector<Row> outputAttacks(const Options &o);   // 1-3, 6 (faults_storage.cpp)
std::vector<Row> journalAttacks(const Options &o);  // 4, 5, 7, 8 (faults_journal.cpp)
std::vector<Row> inputAttacks(const Options &o);    // 9-12 (faults_input.cpp)

}  // namespace hicm::faults
