// Attacks on the workspace file: outputs written over it (1), copies while open (2), another program's
// edits (3), long texts (6).
#include "faults.h"
#include "feature_edits.h"


namespace fs = std::filesystem;

namespace hicm::faults {

namespace {

using storage::OpenMode;
using storage::OpenOptions;
using storage::Workspace;

std::string evidence(Workspace &ws, std::int64_t id)
{
    auto a = ws.loadAssessment(id);
    const FeatureAssessment *f = a ? a->feature("B1") : nullptr;
    return f ? f->evidence : "(unreadable)";
}

Row outputOntoWorkspace(const Options &o)
{
    Row row{"1. export, CSV or report written over the workspace (any path, link, -wal, backups)"};
    const std::string ws = (o.dir / "out.hicmws").string();
    const std::string id = seedWorkspace(o, ws);
    cli(ws, {"list"});
    fs::create_symlink(ws, o.dir / "out-link.pdf");
    fs::create_hard_link(ws, o.dir / "out-hard.csv");
    const std::string backup = fs::directory_iterator(ws + ".backups")->path().string();
    const std::vector<std::string> targets{ws, (o.dir / "." / "out.hicmws").string(), (o.dir / "out-link.pdf").string(),
                                           (o.dir / "out-hard.csv").string(), ws + "-wal", ws + "-shm", backup};
    const std::string before = hashOf(ws), shown = cli(ws, {"show", id, "--json"}).out;
    for (const auto &target : targets)
        for (const std::vector<std::string> &args : {std::vector<std::string>{"export", id, "--out", target},
                                                     {"export-csv", id, "--out", target},
                                                     {"report", id, "--pdf", target}}) {
            ++row.trials;
            const Run r = cli(ws, args);
            if (r.code != 1 || !has(r.err, "nothing was written"))
                row.result = "FAIL: " + args[0] + " --out " + target + " was not refused";
        }
    row.filesChanged = hashOf(ws) != before;
    row.editsLost = cli(ws, {"show", id, "--json"}).out != shown ? 2 : 0;
    if (row.result.empty())
        row.result = "refused, naming the file";
    return row;
}

Row copyWhileOpen(const Options &o)
{
    Row row{"2. the .hicmws file copied alone while the workspace is open"};
    const std::string path = (o.dir / "copy.hicmws").string();
    auto ws = Workspace::open(path);
    auto id = ws->createAssessment({"North Shire"}, slurp(o.framework));
    for (int n = 0; n < (o.full ? 200 : 10); ++n) {
        ++row.trials;
        ws->updateFeature(*id, "B1", test::evidenceEdit("edit " + std::to_string(n)));
        const std::string copy = (o.dir / "the-copy.hicmws").string();
        fs::copy_file(path, copy, fs::copy_options::overwrite_existing);
        auto copied = Workspace::open(copy, OpenOptions{OpenMode::ReadOnly});
        if (!copied || evidence(*copied, *id) != "edit " + std::to_string(n))
            ++row.editsLost;
    }
    row.result = row.editsLost ? "FAIL: copies miss edits" : "every copy holds every acknowledged edit";
    return row;
}

Row anotherProgram(const Options &o)
{
    Row row{"3. another program edits while the app has the workspace open"};
    const std::string path = (o.dir / "two.hicmws").string();
    auto app = Workspace::open(path);
    auto id = app->createAssessment({"North Shire"}, slurp(o.framework));
    app->setRefuseStaleEdits(true);
    auto other = Workspace::open(path);
    int unseen = 0;
    for (int n = 0; n < (o.full ? 200 : 10); ++n) {
        ++row.trials;
        other->updateFeature(*id, "B1", test::evidenceEdit("other " + std::to_string(n)));
        unseen += !app->changedByOthers();
        if (app->updateFeature(*id, "B1", test::evidenceEdit("stale " + std::to_string(n))).ok() ||
            evidence(*other, *id) != "other " + std::to_string(n))
            ++row.editsLost;
        app->markSeen();
    }
    row.result = row.editsLost || unseen ? "FAIL: " + std::to_string(unseen) + " changes unseen"
                                         : "seen at once; every edit over it refused";
    return row;
}

Row longTexts(const Options &o)
{
    Row row{"6. a note over the limit (10,001 characters); typing 980 characters into a note key by key"};
    const std::string path = (o.dir / "long.hicmws").string();
    const std::string id = seedWorkspace(o, path);
    const std::string before = hashOf(path);
    ++row.trials;
    if (cli(path, {"score", id, "B1", "2", "--note", std::string(10001, 'x'), "--partner", "North ICB"}).code != 1)
        row.result = "FAIL: a note of 10,001 characters was stored";
    row.filesChanged += hashOf(path) != before;

    // A burst of typing, as the app's note editors write it: one stored edit per key.
    const auto bytesBefore = fs::file_size(path);
    std::uintmax_t logRows = 0, grown = 0;
    {
        auto opened = Workspace::open(path);
        if (!opened.ok()) {
            row.result = "FAIL: " + opened.error().message;
            return row;
        }
        Workspace &ws = *opened;
        const std::int64_t assessment = std::stoll(id);
        const auto rowsBefore = ws.changeLog(assessment)->size();
        std::string typed;
        for (int key = 0; key < 980; ++key) {
            typed += static_cast<char>('a' + key % 26);
            storage::FeatureEdit edit;
            edit.rationale = typed;
            ++row.trials;
            if (!ws.updateFeature(assessment, "B3", edit).ok())
                ++row.editsLost;
        }
        const auto stored = ws.loadAssessment(assessment);
        row.editsLost += !stored || stored->feature("B3")->rationale != typed;
        logRows = ws.changeLog(assessment)->size() - rowsBefore;
    }
    grown = fs::file_size(path) > bytesBefore ? fs::file_size(path) - bytesBefore : 0;
    if (row.result.empty() && (logRows != 1 || grown > 64 * 1024))
        row.result = "FAIL: typing 980 characters logged " + std::to_string(logRows) + " rows and grew the file by " +
                     std::to_string(grown / 1024) + " KB";
    if (row.result.empty())
        row.result = "refused over 10,000 characters, nothing changed; typing 980 characters: 1 log row, file +" +
                     std::to_string(grown / 1024) + " KB";
    return row;
}

}  // namespace

std::vector<Row> outputAttacks(const Options &o)
{
    return {outputOntoWorkspace(o), copyWhileOpen(o), anotherProgram(o), longTexts(o)};
}

}  // namespace hicm::faults
