// hicm-region.so: the `region` commands' work (region_module.h). Moved here from cmd_region.cpp, which
// parses their options; what they print and their exit codes are unchanged (docs/cli.md).
#include "region_module.h"

#include "cli.h"
#include "region.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace hicm::cli::regionmodule {

namespace {

struct Run {
    const Request &r;
    std::ostream &out;
    std::ostream &err;
    int exitCode = Ok;

    void fail(const std::string &message, int code = BadInput)
    {
        err << "hicm-assess-cli: " << message << "\n";
        exitCode = code;
    }
};

// "2", "2.5": a quartile without trailing zeros.
std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    std::string s = buffer;
    while (s.back() == '0')
        s.pop_back();
    if (s.back() == '.')
        s.pop_back();
    return s;
}

std::string padded(std::string text, std::size_t width)
{
    if (text.size() < width)
        text.append(width - text.size(), ' ');
    return text + " ";
}

void printYear(std::ostream &out, const PeerExtract &e, const PeerYear &y)
{
    std::set<int> levels;
    for (const auto &f : y.features)
        for (const auto &[level, n] : f.levelCounts)
            levels.insert(level);
    out << e.area << " against peer group \"" << e.peerGroup << "\" (" << e.peerGroupAreas << " areas), " << y.year
        << "\n" << padded("Feature", 8) << padded("Areas", 6);
    for (int level : levels)
        out << padded("Level " + std::to_string(level), 8);
    out << padded("Quartiles (median)", 19) << "This area\n";
    for (const auto &f : y.features) {
        out << padded(f.feature, 8);
        if (f.suppressed) {
            out << padded("fewer than " + std::to_string(kPeerMinimumAreas) + " areas: figures withheld",
                          6 + 9 * levels.size() + 19);
        } else {
            out << padded(std::to_string(f.areas), 6);
            for (int level : levels)
                out << padded(std::to_string(static_cast<int>(std::lround(100 * f.share(level)))) + "%", 8);
            out << padded(number(f.lowerQuartile) + " - " + number(f.upperQuartile) + " (" + number(f.median) + ")", 19);
        }
        if (f.areaLevel)
            out << *f.areaLevel << (f.suppressed ? "" : std::string(": ") + toString(peerPosition(f)));
        else
            out << "no level";
        out << "\n";
    }
}

void printTrend(std::ostream &out, const PeerExtract &e)
{
    out << "\nOver the years: the peers' median / this area's level (\"-\": withheld or none)\n" << padded("Feature", 8);
    std::set<std::string> features;
    for (const auto &y : e.years) {
        out << padded(std::to_string(y.year), 9);
        for (const auto &f : y.features)
            features.insert(f.feature);
    }
    out << "\n";
    for (const auto &id : features) {
        out << padded(id, 8);
        for (const auto &y : e.years) {
            const PeerFigure *f = y.feature(id);
            const std::string median = f && !f->suppressed ? number(f->median) : "-";
            const std::string own = f && f->areaLevel ? std::to_string(*f->areaLevel) : "-";
            out << padded(median + " / " + own, 9);
        }
        out << "\n";
    }
}

// Connects, or prints why not and returns nullptr.
std::unique_ptr<region::Region> connect(Run &run)
{
    const std::string conninfo = region::connectionString(run.r.db);
    if (conninfo.empty()) {
        run.fail("no region database given: use --db CONNINFO or set HICM_REGION_DB", Usage);
        return nullptr;
    }
    try {
        return std::make_unique<region::Region>(conninfo);
    } catch (const region::RegionError &e) {
        run.fail(e.what());
        return nullptr;
    }
}

void init(Run &run, region::Region &r)
{
    const auto [before, after] = r.migrate();
    if (before == after)
        run.out << "The region's schema is up to date (version " << after << ").\n";
    else
        run.out << "The region's schema is at version " << after << " (was " << before << ").\n";
}

void publish(Run &run, region::Region &r)
{
    std::map<region::PublishStatus, int> counts;
    r.publish(run.r.files, [&](const region::PublishResult &p) {
        ++counts[p.status];
        if (p.status == region::PublishStatus::Refused) {
            run.err << formatProblems(p.problems);
            run.err << "hicm-assess-cli: " << p.file << ": refused; nothing of it was published\n";
        } else {
            run.out << padded(toString(p.status), 9) << p.file << " (" << p.area << ", " << p.year << ")\n";
        }
    });
    using S = region::PublishStatus;
    run.out << counts[S::Published] << " published, " << counts[S::Replaced] << " replaced, " << counts[S::Unchanged]
            << " unchanged, " << counts[S::Refused] << " refused\n";
    if (counts[S::Refused] > 0)
        run.exitCode = BadInput;
}

void list(Run &run, region::Region &r)
{
    const auto areas = r.list();
    if (run.r.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto &a : areas)
            out.push_back({{"area", a.area}, {"years", a.years}, {"current_submissions", a.currentSubmissions},
                           {"replaced_submissions", a.replacedSubmissions}, {"last_published", a.lastPublished}});
        run.out << run.r.dumpJson(out) << "\n";
        return;
    }
    for (const auto &a : areas) {
        std::ostringstream years;
        for (std::size_t i = 0; i < a.years.size(); ++i)
            years << (i ? "," : "") << a.years[i];
        run.out << padded(a.area, 30) << padded(years.str(), 25) << a.currentSubmissions << " current, "
                << a.replacedSubmissions << " replaced; last published " << a.lastPublished << "\n";
    }
    run.out << areas.size() << (areas.size() == 1 ? " area\n" : " areas\n");
}

void peers(Run &run, region::Region &r)
{
    const auto unknown = r.definePeers(run.r.define, run.r.files);
    for (const auto &area : unknown)
        run.err << "Note: \"" << area << "\" has published nothing yet (kept in the group)\n";
    run.out << "Peer group \"" << run.r.define << "\": " << std::set(run.r.files.begin(), run.r.files.end()).size()
            << " areas\n";
}

void benchmark(Run &run, region::Region &r)
{
    const PeerExtract e = r.extract(run.r.area, run.r.peers);
    const PeerYear *year = run.r.year ? e.year(*run.r.year) : e.latestYear();
    if (!year)
        return run.fail("there are no figures for " + std::to_string(run.r.year.value_or(0)));
    if (run.r.json) {
        auto out = peerExtractToJson(e);
        out["year"] = year->year;
        run.out << run.r.dumpJson(out) << "\n";
        return;
    }
    printYear(run.out, e, *year);
    printTrend(run.out, e);
}

void extract(Run &run, region::Region &r)
{
    // Never onto a workspace or its journal files (the output guard), and whole or not at all.
    if (const std::string why = run.r.outputRefusal(run.r.out, ""); !why.empty())
        return run.fail(why);
    const std::string error = writePeerExtractFile(run.r.out, r.extract(run.r.area, run.r.peers));
    if (!error.empty())
        run.fail(run.r.out + ": " + error);
}

int execute(const Request &request)
{
    Run run{request, *request.output, *request.errors};
    const std::map<std::string, void (*)(Run &, region::Region &)> commands{
        {"init", init}, {"publish", publish}, {"list", list}, {"peers", peers}, {"benchmark", benchmark}, {"extract", extract}};
    const auto command = commands.find(request.command);
    if (command == commands.end()) {
        run.fail("region: no such command: " + request.command, Usage);
        return run.exitCode;
    }
    auto region = connect(run);
    if (!region)
        return run.exitCode;
    // A RegionError (the database refused, the connection was lost) is a message and exit 1.
    try {
        command->second(run, *region);
    } catch (const region::RegionError &e) {
        run.fail(e.what());
    }
    return run.exitCode;
}

}  // namespace

}  // namespace hicm::cli::regionmodule

extern "C" __attribute__((visibility("default"))) int hicm_region_command(const hicm::cli::regionmodule::Request *request)
{
    using namespace hicm::cli::regionmodule;
    if (!request || request->abiVersion != kAbiVersion || request->size != sizeof(Request) || !request->output ||
        !request->errors || !request->dumpJson || !request->outputRefusal)
        return hicm::cli::Usage;
    return execute(*request);
}
