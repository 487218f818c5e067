// region: a region's assessments in PostgreSQL (docs/region.md, docs/cli.md): init, publish, list, peers,
// benchmark and extract, each with --db CONNINFO (or $HICM_REGION_DB). The figures come from the
// database's suppressed views; publish reads each file with the exchange reader and loads it whole or
// not at all.
#include "cli.h"

#include "assessment_commands.h"
#include "output_guard.h"
#include "region.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>

namespace hicm::cli {

using assessment::dumpJson;
using assessment::fail;

namespace {

struct RegionArgs {
    std::string db, area, peers, out, define;
    std::vector<std::string> files;
    std::optional<int> year;
    bool json = false;
};

void addDbOption(CLI::App *cmd, RegionArgs &args)
{
    cmd->add_option("--db", args.db,
                    "The region's database: a libpq connection string (default: $HICM_REGION_DB), e.g. "
                    "\"host=db.example.nhs.uk dbname=hicm sslmode=verify-full\"")
        ->type_name("CONNINFO");
}

// Connects, or prints why not and returns nullptr.
std::unique_ptr<region::Region> connect(Context &ctx, const RegionArgs &args)
{
    const std::string conninfo = region::connectionString(args.db);
    if (conninfo.empty()) {
        fail(ctx, "no region database given: use --db CONNINFO or set HICM_REGION_DB", Usage);
        return nullptr;
    }
    try {
        return std::make_unique<region::Region>(conninfo);
    } catch (const region::RegionError &e) {
        fail(ctx, e.what());
        return nullptr;
    }
}

// Runs `body` on a connected region, turning a RegionError into a message and exit 1.
template <typename Body>
void withRegion(Context &ctx, const RegionArgs &args, Body body)
{
    auto region = connect(ctx, args);
    if (!region)
        return;
    try {
        ctx.exitCode = Ok;
        body(*region);
    } catch (const region::RegionError &e) {
        fail(ctx, e.what());
    }
}

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

void addInit(CLI::App &group, Context &ctx)
{
    auto args = std::make_shared<RegionArgs>();
    auto *cmd = group.add_subcommand("init", "Create or migrate the region's schema, roles and views");
    addDbOption(cmd, *args);
    cmd->callback([&ctx, args] {
        withRegion(ctx, *args, [&](region::Region &r) {
            const auto [before, after] = r.migrate();
            if (before == after)
                ctx.out << "The region's schema is up to date (version " << after << ").\n";
            else
                ctx.out << "The region's schema is at version " << after << " (was " << before << ").\n";
        });
    });
}

void addPublish(CLI::App &group, Context &ctx)
{
    auto args = std::make_shared<RegionArgs>();
    auto *cmd = group.add_subcommand("publish", "Publish exchange files to the region's database, each whole or not "
                                                "at all; exit 1 if any was refused");
    addDbOption(cmd, *args);
    cmd->add_option("FILE", args->files, "Exchange files (.hicm.json)")->required();
    cmd->callback([&ctx, args] {
        withRegion(ctx, *args, [&](region::Region &r) {
            std::map<region::PublishStatus, int> counts;
            r.publish(args->files, [&](const region::PublishResult &p) {
                ++counts[p.status];
                if (p.status == region::PublishStatus::Refused) {
                    ctx.err << formatProblems(p.problems);
                    ctx.err << "hicm-assess-cli: " << p.file << ": refused; nothing of it was published\n";
                } else {
                    ctx.out << padded(toString(p.status), 9) << p.file << " (" << p.area << ", " << p.year << ")\n";
                }
            });
            using S = region::PublishStatus;
            ctx.out << counts[S::Published] << " published, " << counts[S::Replaced] << " replaced, "
                    << counts[S::Unchanged] << " unchanged, " << counts[S::Refused] << " refused\n";
            if (counts[S::Refused] > 0)
                ctx.exitCode = BadInput;
        });
    });
}

void addList(CLI::App &group, Context &ctx)
{
    auto args = std::make_shared<RegionArgs>();
    auto *cmd = group.add_subcommand("list", "List the areas that have published, their years and submissions");
    addDbOption(cmd, *args);
    cmd->add_flag("--json", args->json, "Print JSON");
    cmd->callback([&ctx, args] {
        withRegion(ctx, *args, [&](region::Region &r) {
            const auto areas = r.list();
            if (args->json) {
                nlohmann::json out = nlohmann::json::array();
                for (const auto &a : areas)
                    out.push_back({{"area", a.area}, {"years", a.years}, {"current_submissions", a.currentSubmissions},
                                   {"replaced_submissions", a.replacedSubmissions}, {"last_published", a.lastPublished}});
                ctx.out << dumpJson(out) << "\n";
                return;
            }
            for (const auto &a : areas) {
                std::ostringstream years;
                for (std::size_t i = 0; i < a.years.size(); ++i)
                    years << (i ? "," : "") << a.years[i];
                ctx.out << padded(a.area, 30) << padded(years.str(), 25) << a.currentSubmissions << " current, "
                        << a.replacedSubmissions << " replaced; last published " << a.lastPublished << "\n";
            }
            ctx.out << areas.size() << (areas.size() == 1 ? " area\n" : " areas\n");
        });
    });
}

void addPeers(CLI::App &group, Context &ctx)
{
    auto args = std::make_shared<RegionArgs>();
    auto *cmd = group.add_subcommand("peers", "Define a named peer group of areas (\"all\", every area, always exists)");
    addDbOption(cmd, *args);
    cmd->add_option("--define", args->define, "The peer group's name")->required()->type_name("NAME");
    cmd->add_option("AREA", args->files, "The areas in it (its whole membership)")->required();
    cmd->callback([&ctx, args] {
        withRegion(ctx, *args, [&](region::Region &r) {
            const auto unknown = r.definePeers(args->define, args->files);
            for (const auto &area : unknown)
                ctx.err << "Note: \"" << area << "\" has published nothing yet (kept in the group)\n";
            ctx.out << "Peer group \"" << args->define << "\": " << std::set(args->files.begin(), args->files.end()).size()
                    << " areas\n";
        });
    });
}

void addBenchmarkAndExtract(CLI::App &group, Context &ctx)
{
    auto args = std::make_shared<RegionArgs>();
    auto *cmd = group.add_subcommand("benchmark", "An area's levels against its peers', feature by feature, and over "
                                                  "the years");
    addDbOption(cmd, *args);
    cmd->add_option("--area", args->area, "The area")->required()->type_name("NAME");
    cmd->add_option("--peers", args->peers, "The peer group (default: all areas)")->type_name("GROUP");
    cmd->add_option("--year", args->year, "The year (default: the area's latest)")->type_name("Y");
    cmd->add_flag("--json", args->json, "Print the figures as JSON (the extract's format)");
    cmd->callback([&ctx, args] {
        withRegion(ctx, *args, [&](region::Region &r) {
            const PeerExtract e = r.extract(args->area, args->peers);
            const PeerYear *year = args->year ? e.year(*args->year) : e.latestYear();
            if (!year)
                return fail(ctx, "there are no figures for " + std::to_string(args->year.value_or(0)));
            if (args->json) {
                auto out = peerExtractToJson(e);
                out["year"] = year->year;
                ctx.out << dumpJson(out) << "\n";
                return;
            }
            printYear(ctx.out, e, *year);
            printTrend(ctx.out, e);
        });
    });

    auto xargs = std::make_shared<RegionArgs>();
    auto *x = group.add_subcommand("extract", "Write an area's peer extract (JSON) for the app and the board report");
    addDbOption(x, *xargs);
    x->add_option("--area", xargs->area, "The area")->required()->type_name("NAME");
    x->add_option("--peers", xargs->peers, "The peer group (default: all areas)")->type_name("GROUP");
    x->add_option("--out", xargs->out, "The file to write (by convention NAME.hicm-peers.json)")
        ->required()
        ->type_name("FILE");
    x->callback([&ctx, xargs] {
        withRegion(ctx, *xargs, [&](region::Region &r) {
            // Never onto a workspace or its journal files (the output guard), and whole or not at all.
            if (const std::string why = storage::outputRefusal(xargs->out, ""); !why.empty())
                return fail(ctx, why);
            const std::string error = writePeerExtractFile(xargs->out, r.extract(xargs->area, xargs->peers));
            if (!error.empty())
                fail(ctx, xargs->out + ": " + error);
        });
    });
}

}  // namespace

void addRegionCommands(CLI::App &app, Context &ctx)
{
    auto *group = app.add_subcommand("region", "A region's assessments in PostgreSQL: publish exchange files, "
                                               "compare each area with its peers (docs/region.md)");
    group->require_subcommand(1, 1);
    addInit(*group, ctx);
    addPublish(*group, ctx);
    addList(*group, ctx);
    addPeers(*group, ctx);
    addBenchmarkAndExtract(*group, ctx);
}

}  // namespace hicm::cli
