// Attacks on the journal and the file's integrity: a "-wal" left by another file (4), damage the opening
// quick check misses (5), chmod 444 then 644 (7), a damaged stored copy of the framework (8).
#include "faults.h"
#include "feature_edits.h"

#include <SQLiteCpp/Database.h>

#include <random>

#include <sys/stat.h>

namespace fs = std::filesystem;

namespace hicm::faults {

namespace {

using storage::OpenMode;
using storage::OpenOptions;
using storage::Workspace;

// A kill between an edit's commit and its checkpoint, as files: another connection's reader holds the
// checkpoint up, and the files are copied while the edit is only in the "-wal".
void crashImage(const std::string &path, const std::string &image, std::int64_t id, const std::string &text)
{
    auto ws = Workspace::open(path, OpenOptions{OpenMode::ReadWrite, true, 100, false, 5});
    SQLite::Database reader(path, SQLite::OPEN_READONLY);
    reader.exec("BEGIN");
    reader.execAndGet("SELECT count(*) FROM assessments");
    ws->updateFeature(id, "B1", test::evidenceEdit(text));
    for (const char *suffix : {"", "-wal", "-shm"})
        fs::copy_file(path + suffix, image + suffix, fs::copy_options::overwrite_existing);
}

Row foreignJournal(const Options &o)
{
    Row row{"4. a leftover -wal next to a new, restored or replaced file"};
    int ownLost = 0;
    for (int n = 0; n < (o.full ? 30 : 3); ++n) {
        const std::string path = (o.dir / ("j" + std::to_string(n) + ".hicmws")).string();
        const std::string image = (o.dir / ("j" + std::to_string(n) + "-image.hicmws")).string();
        const std::string older = (o.dir / ("j" + std::to_string(n) + "-older.hicmws")).string();
        std::int64_t id = 0;
        {
            auto ws = Workspace::open(path);
            id = *ws->createAssessment({"Old Area " + std::to_string(n)}, slurp(o.framework));
            ws->updateFeature(id, "B1", test::evidenceEdit("first"));
            fs::copy_file(path, older);
            ws->updateFeature(id, "B1", test::evidenceEdit("second"));
        }
        crashImage(path, image, id, "third");
        row.trials += 3;
        {  // its own journal: applied
            auto ws = Workspace::open(image, OpenOptions{OpenMode::ReadOnly});
            auto a = ws ? ws->loadAssessment(id) : storage::Result<Assessment>(storage::StorageError{});
            ownLost += !a || a->feature("B1") == nullptr || a->feature("B1")->evidence != "third";
        }
        for (const char *suffix : {"-wal", "-shm"})
            fs::copy_file(image + suffix, older + suffix, fs::copy_options::overwrite_existing);
        {  // an older copy restored beside it: not applied
            auto ws = Workspace::open(older, OpenOptions{OpenMode::ReadOnly});
            auto a = ws ? ws->loadAssessment(id) : storage::Result<Assessment>(storage::StorageError{});
            row.filesChanged += !a || a->feature("B1") == nullptr || a->feature("B1")->evidence != "first";
        }
        fs::remove(image);
        {  // deleted, and a new workspace made at the path: the old assessment does not come back
            auto ws = Workspace::open(image);
            row.filesChanged += !ws || ws->listAssessments()->size() != 0 || ws->integrityCheck().value() != "ok";
        }
    }
    row.editsLost = ownLost;
    row.result = row.filesChanged ? "FAIL: a journal was applied to another file"
                                  : "its own journal applied; another file's set aside, with a message";
    return row;
}

Row hiddenDamage(const Options &o)
{
    Row row{"5. one byte changed in an index page (passes quick_check), then score and import"};
    std::mt19937 random(14);
    int attempts = 0;
    while (row.trials < (o.full ? 100 : 5) && ++attempts < 1000) {
        const std::string path = (o.dir / "damaged.hicmws").string();
        fs::remove(path);
        const std::string id = seedWorkspace(o, path);
        const std::string exported = (o.dir / "damaged-export.hicm.json").string();
        cli(path, {"export", id, "--out", exported});
        std::vector<int> pages;
        int pageSize = 0;
        {
            SQLite::Database db(path, SQLite::OPEN_READONLY);
            pageSize = db.execAndGet("PRAGMA page_size").getInt();
            SQLite::Statement q(db, "SELECT rootpage FROM sqlite_master WHERE type = 'index'");
            while (q.executeStep())
                pages.push_back(q.getColumn(0).getInt());
        }
        std::string bytes = slurp(path);
        const std::size_t page = std::size_t(pages[random() % pages.size()] - 1) * pageSize;
        bytes[page + pageSize - 1 - random() % 64] ^= char(1 << (random() % 8));  // in the cells, at the page's end
        spill(path, bytes);
        try {
            SQLite::Database db(path, SQLite::OPEN_READONLY);
            if (db.execAndGet("PRAGMA quick_check").getString() != "ok" ||
                db.execAndGet("PRAGMA integrity_check").getString() == "ok")
                continue;  // only damage that the quick check misses and the full one finds counts
        } catch (const std::exception &) {
            continue;  // damage the opening check refuses already
        }
        ++row.trials;
        const std::string before = hashOf(path);
        const Run scored = cli(path, {"score", id, "B1", "3"});
        const Run imported = cli(path, {"import", exported});
        row.filesChanged += hashOf(path) != before;
        if (scored.code == 0 || imported.code == 0 || !has(scored.err, "damaged"))
            row.result = "FAIL: an edit of a damaged file was accepted";
    }
    if (row.result.empty())
        row.result = "found before the first write; the file left byte-identical";
    return row;
}

Row chmodBack(const Options &o)
{
    Row row{"7. chmod 444, then chmod 644, then edit (as a normal user)"};
    const std::string path = (o.dir / "chmod.hicmws").string();
    const std::string framework = slurp(o.framework);
    const int trials = o.full ? 20 : 3;
    const int code = asUser([&] {
        int failed = 0;
        for (int n = 0; n < trials; ++n) {
            fs::remove(path);
            auto ws = Workspace::open(path);
            auto id = ws->createAssessment({"North Shire"}, framework);
            ::chmod(path.c_str(), 0444);
            { auto ro = Workspace::open(path); }
            ::chmod((path + "-shm").c_str(), 0444);
            ::chmod(path.c_str(), 0644);
            auto again = Workspace::open(path);
            failed += !again || !again->updateFeature(*id, "B1", test::evidenceEdit("writable again")).ok();
        }
        return failed;
    });
    row.trials = trials;
    if (code < 0)
        row.result = "skipped: running as root and cannot become another user";
    else
        row.editsLost = code;
    if (row.result.empty())
        row.result = code ? "FAIL: edits refused after chmod 644" : "writable again";
    return row;
}

Row damagedFramework(const Options &o)
{
    Row row{"8. import into a workspace whose stored framework is damaged"};
    for (const char *damage : {"{}", "not json", "{\"format\": \"hicm-framework\"}"}) {
        ++row.trials;
        const std::string path = (o.dir / "fw.hicmws").string();
        fs::remove(path);
        const std::string id = seedWorkspace(o, path);
        const std::string exported = (o.dir / "fw-export.hicm.json").string();
        cli(path, {"export", id, "--out", exported});
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE);
            SQLite::Statement up(db, "UPDATE frameworks SET json = ?");
            up.bind(1, damage);
            up.exec();
        }
        const std::string before = hashOf(path);
        const Run r = cli(path, {"import", exported});
        row.filesChanged += hashOf(path) != before;
        if (r.code != 1 || !has(r.err, "stored copy of the framework"))
            row.result = "FAIL: the import was not refused clearly";
    }
    if (row.result.empty())
        row.result = "refused, saying the stored copy is damaged; nothing changed";
    return row;
}

}  // namespace

std::vector<Row> journalAttacks(const Options &o)
{
    return {foreignJournal(o), hiddenDamage(o), chmodBack(o), damagedFramework(o)};
}

}  // namespace hicm::faults
