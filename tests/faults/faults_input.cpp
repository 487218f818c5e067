// Attacks through what users type and the files they are sent: partner names that differ only in case or
// spacing (9), duplicate JSON keys (10), bidirectional controls in names (11), and the messages of
// issue 14 item 12 (each says what and where).
#include "faults.h"

#include "feature_edits.h"
#include "framework_loader.h"
#include "prioritisation.h"
#include "report.h"

#include <QTextDocument>
#include <nlohmann/json.hpp>
#include <SQLiteCpp/Database.h>

#include <array>
#include <chrono>
#include <csignal>

#include <sys/resource.h>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace hicm::faults {

namespace {

// The exported file of assessment `id` with `from` replaced by `to`.
std::string edited(const std::string &ws, const std::string &id, const fs::path &dir, const std::string &from,
                   const std::string &to)
{
    const std::string file = (dir / "edited.hicm.json").string();
    cli(ws, {"export", id, "--out", file});
    std::string text = slurp(file);
    if (const auto at = text.find(from); at != std::string::npos)
        text.replace(at, from.size(), to);
    spill(file, text);
    return file;
}

Row partnerNames(const Options &o)
{
    Row row{"9. partners differing only in case or spacing; then a merge"};
    const std::string ws = (o.dir / "names.hicmws").string();
    const std::string id = seedWorkspace(o, ws);
    for (const char *name : {"NORTH ICB=icb", " north  icb =icb", "North\tICB=icb", "north icb=icb"}) {
        ++row.trials;
        row.filesChanged += cli(ws, {"partner", id, "--add", name}).code != 1;
    }
    const std::string theirs = (o.dir / "names-theirs.hicmws").string();
    const Run made = cli(theirs, {"new", "--area", "North Shire", "--partner", " NORTH  icb=icb"}, o.framework);
    const std::string theirId = made.out.substr(0, made.out.find_first_not_of("0123456789"));
    cli(theirs, {"score", theirId, "B2", "1", "--partner", " NORTH  icb"});
    cli(theirs, {"export", theirId, "--out", (o.dir / "theirs.hicm.json").string()});
    ++row.trials;
    cli(ws, {"merge", id, (o.dir / "theirs.hicm.json").string(), "--take", "incoming"});
    row.filesChanged += nlohmann::json::parse(cli(ws, {"show", id, "--json"}).out)["partners"].size() != 1;
    row.result = row.filesChanged ? "FAIL: a duplicate organisation was added" : "refused as duplicates; matched by merge";
    return row;
}

Row duplicateKeys(const Options &o)
{
    Row row{"10. duplicate keys in an exchange file"};
    const std::string ws = (o.dir / "keys.hicmws").string();
    const std::string id = seedWorkspace(o, ws);
    const std::string list = cli(ws, {"list", "--json"}).out;
    const std::vector<std::array<std::string, 3>> cases{
        {"\"area\": \"North Shire\"", "\"area\": \"North Shire\", \"area\": \"Attacker Town\"", "/assessment/area"},
        {"\"format_version\": 1", "\"format_version\": 99, \"format_version\": 1", "/format_version"},
        {"\"format\": ", "\"format\": \"x\", \"format\": ", "/format"},
        {"\"level\": 2", "\"level\": 3, \"level\": 2", "/assessment/features/0/"}};
    for (const auto &c : cases) {
        ++row.trials;
        const Run r = cli(ws, {"import", edited(ws, id, o.dir, c[0], c[1])});
        if (r.code != 1 || !has(r.err, c[2]) || !has(r.err, "given twice"))
            row.result = "FAIL: " + c[1] + " was not refused naming " + c[2];
    }
    row.filesChanged = cli(ws, {"list", "--json"}).out != list;
    if (row.result.empty())
        row.result = "refused, naming the JSON path";
    return row;
}

Row bidiControls(const Options &o)
{
    Row row{"11. right-to-left overrides and other bidi controls in names, in the report and CSV"};
    auto loaded = parseFramework(slurp(o.framework), o.framework);
    for (const char *control : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"}) {
        Assessment a;
        a.area = std::string(control) + "gnp.exe";
        a.partners.push_back({1, std::string(control) + "North ICB", OrgType::Icb, ""});
        const Prioritisation p = prioritise(*loaded.framework, a);
        const report::ReportInput input{*loaded.framework, a, p};
        const QString text = report::buildEditableDocument(input)->toPlainText();
        const QString csv = QString::fromUtf8(report::csvBytes(a, *loaded.framework));
        const QString c = QString::fromUtf8(control);
        row.trials += 2;
        row.filesChanged += text.contains(c) + csv.contains(c);
        if (!text.contains(QStringLiteral("gnp.exe")))
            row.result = "FAIL: the name is missing from the report";
    }
    if (row.result.empty())
        row.result = row.filesChanged ? "FAIL: a control reached an output" : "shown as typed, never reordered";
    return row;
}

Row messages(const Options &o)
{
    Row row{"12. messages: 1e999, a 60 MB framework, unwritable folder, -wal in a read-only folder, full disk"};
    std::vector<std::string> bad;
    const std::string ws = (o.dir / "msg.hicmws").string();
    const std::string id = seedWorkspace(o, ws);
    ++row.trials;
    const std::string file = edited(ws, id, o.dir, "\"format_version\": 1", "\"format_version\": 1e999");
    if (!has(cli(ws, {"import", file}).err, file + ":3:"))
        bad.push_back("1e999 without line and column");
    ++row.trials;
    const std::string huge = (o.dir / "huge.json").string();
    spill(huge, "");
    fs::resize_file(huge, 60u * 1024 * 1024);
    const auto started = std::chrono::steady_clock::now();
    const Run v = cli(ws, {"validate-framework", huge});
    if (!has(v.err, "too large") || std::chrono::steady_clock::now() - started > std::chrono::seconds(1))
        bad.push_back("a 60 MB framework was read");
    fs::remove(huge);
    ++row.trials;
    const fs::path locked = o.dir / "locked";
    fs::create_directory(locked);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::others_read |
                                fs::perms::others_exec);
    const std::string fw = o.framework;
    const int unwritable = asUser([&] {
        return has(cli((locked / "w.hicmws").string(), {"new", "--area", "X"}, fw).err, "is not writable") ? 0 : 1;
    });
    if (unwritable > 0)
        bad.push_back("new in an unwritable folder");
    ++row.trials;
    const int readOnlyFolder = asUser([&] {
        const fs::path from = o.dir / "wal-from", to = o.dir / "wal-ro";
        fs::create_directory(from);
        fs::create_directory(to);
        std::int64_t aid = 0;
        auto w = storage::Workspace::open((from / "w.hicmws").string(), {storage::OpenMode::ReadWrite, true, 100, false, 5});
        aid = *w->createAssessment({"Held Area"}, slurp(fw));
        SQLite::Database reader((from / "w.hicmws").string(), SQLite::OPEN_READONLY);
        reader.exec("BEGIN");
        reader.execAndGet("SELECT count(*) FROM assessments");
        w->updateFeature(aid, "B1", test::evidenceEdit("only in the journal"));
        for (const char *suffix : {"", "-wal"})
            fs::copy_file((from / "w.hicmws").string() + suffix, (to / "w.hicmws").string() + suffix);
        fs::permissions(to, fs::perms::owner_read | fs::perms::owner_exec);
        const Run r = cli((to / "w.hicmws").string(), {"show", std::to_string(aid), "--json"});
        return r.code == 0 && has(r.out, "only in the journal") ? 0 : 1;
    });
    if (readOnlyFolder > 0)
        bad.push_back("a -wal in a read-only folder refused reading");
    ++row.trials;
    const int fullDisk = asUser(false, [&] {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{4096, 4096};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        const Run r = cli(ws, {"report", id, "--pdf", (o.dir / "full.pdf").string()});
        return r.code == 1 && !has(r.err, "Unknown error") && has(r.err, "full.pdf") ? 0 : 1;
    });
    if (fullDisk > 0)
        bad.push_back("a full disk during report");
    row.result = bad.empty() ? "each says what and where" : "FAIL: " + bad.front();
    if (unwritable < 0 || readOnlyFolder < 0)
        row.result += " (folder permissions: skipped as root)";
    return row;
}

}  // namespace

std::vector<Row> inputAttacks(const Options &o)
{
    return {partnerNames(o), duplicateKeys(o), bidiControls(o), messages(o)};
}

}  // namespace hicm::faults
