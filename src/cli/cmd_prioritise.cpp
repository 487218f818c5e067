// prioritise ID [--json]: the prioritisation engine's result for a stored assessment
// (docs/prioritisation.md for the rules, docs/cli.md for the output).
#include "cli.h"

#include "assessment_commands.h"
#include "framework_loader.h"
#include "prioritisation.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>

namespace hicm::cli {

namespace {

std::string featureList(const std::vector<FeatureInput> &features, bool withLevel)
{
    std::string out;
    for (const auto &in : features) {
        out += (out.empty() ? "" : ", ") + in.featureId + " " + in.title;
        if (withLevel && in.level)
            out += " (level " + std::to_string(*in.level) + ")";
    }
    return out;
}

std::string partnerList(const FeatureInput &in)
{
    std::string out;
    for (const auto &pl : in.partnerLevels)
        out += (out.empty() ? "" : ", ") + pl.partner + " " + std::to_string(pl.level);
    return out;
}

void printChange(std::ostream &out, const RankedChange &c)
{
    out << "  " << c.rank << ". " << c.id << "  " << c.title << "  (score " << formatScore(c.score)
        << (c.provisional ? ", provisional" : "") << ")\n";
    out << "     " << c.summary << "\n";
}

void printFindings(std::ostream &out, const Findings &f)
{
    if (f.noSharedView.empty() && f.lowConfidence.empty() && f.notScored.empty() && f.provisional.empty() &&
        f.ignored.empty())
        return;
    out << "\nFindings\n";
    for (const auto &in : f.noSharedView)
        out << "  No shared view: " << in.featureId << " " << in.title << " (partners " << partnerList(in) << ")\n";
    if (!f.lowConfidence.empty())
        out << "  Low confidence, check the data before acting: " << featureList(f.lowConfidence, true) << "\n";
    if (!f.notScored.empty())
        out << "  Not scored yet: " << featureList(f.notScored, false) << "\n";
    for (const auto &in : f.provisional)
        out << "  Provisional (no agreed level; partners' median " << (in.level ? std::to_string(*in.level) : "?")
            << "): " << in.featureId << " " << in.title << " (partners " << partnerList(in) << ")\n";
    for (const auto &note : f.ignored)
        out << "  Left out: " << note << "\n";
}

void printOverrides(std::ostream &out, const Prioritisation &p)
{
    if (p.overrides.empty())
        return;
    out << "\nFacilitator's overrides (the engine's sequence above is unchanged)\n";
    for (const auto &o : p.overrides)
        out << "  " << toString(o.decision.kind) << " " << o.decision.change
            << (o.decision.reason.empty() ? "" : ": \"" + o.decision.reason + "\"") << " - "
            << (o.applied ? "" : "not applied: ") << o.note << "\n";
    out << "  Facilitator's sequence:\n";
    for (const auto &e : p.facilitatorSequence)
        out << "    " << e.rank << ". " << e.id << "  " << e.title << "  [" << label(e.phase) << "]"
            << (e.engineRank ? " engine rank " + std::to_string(*e.engineRank)
                             : std::string(" not recommended by the engine"))
            << (e.pinned ? ", pinned" : "")
            << (e.broughtForwardBy.empty() ? "" : ", brought forward for " + e.broughtForwardBy) << "\n";
    for (const auto &w : p.overrideWarnings)
        out << "  Warning: " << w << "\n";
}

void printHuman(std::ostream &out, const Assessment &a, const Prioritisation &p)
{
    out << "Prioritised changes: " << a.area << (a.title.empty() ? "" : " - " + a.title) << " (assessment " << a.id
        << ")\n";
    out << "Framework: " << p.frameworkTitle << (p.frameworkEdition.empty() ? "" : ", " + p.frameworkEdition) << "\n";
    if (p.changes.empty())
        out << "\nNo change is recommended: no scored feature is short of its target.\n";
    std::optional<Phase> phase;
    for (const auto &c : p.changes) {
        if (phase != c.phase) {
            phase = c.phase;
            out << "\n" << label(c.phase) << "\n";
        }
        printChange(out, c);
        if (!c.requirements.empty()) {
            out << "     Needs first:";
            for (const auto &r : c.requirements) {
                std::string status = r.status;
                std::replace(status.begin(), status.end(), '_', ' ');
                out << " " << r.change << " (" << status << (r.basis == Basis::App ? ", the app's reading" : "") << ")";
            }
            out << "\n";
        }
        out << "     " << c.phaseReason << "\n";
        if (!c.actions.empty()) {
            out << "     Actions:";
            for (const auto &ac : c.actions)
                out << " " << ac.id << (ac.planned ? " (planned)" : "");
            out << "\n";
        }
    }
    if (!p.notRecommended.empty()) {
        out << "\nNot recommended\n";
        for (const auto &n : p.notRecommended)
            out << "  " << n.id << "  " << n.title << ": " << n.why << "\n";
    }
    if (p.provisional)
        out << "\nSome recommendations rest on provisional levels (the partners' median; nothing agreed yet).\n";
    printFindings(out, p.findings);
    printOverrides(out, p);
}

} // namespace

void addPrioritiseCommands(CLI::App &app, Context &ctx)
{
    auto *cmd = app.add_subcommand(
        "prioritise", "The recommended changes of an assessment: ranked, in phases, with reasons and findings");
    auto id = std::make_shared<std::int64_t>(0);
    auto json = std::make_shared<bool>(false);
    cmd->add_option("ID", *id, "The assessment's id")->required();
    cmd->add_flag("--json", *json, "Print the result as JSON (keys in docs/cli.md)");
    cmd->callback([&ctx, id, json] {
        auto opened = assessment::openAssessment(ctx, *id, false); // read-only; prints its own errors
        if (!opened)
            return;
        // The framework the assessment was scored against, or the one given with --framework.
        std::shared_ptr<const Framework> framework = opened->framework;
        if (!ctx.framework.empty()) {
            auto loaded = loadFrameworkFile(ctx.framework);
            if (!loaded.ok()) {
                ctx.err << formatProblems(loaded.problems);
                ctx.exitCode = BadInput;
                return;
            }
            framework = std::make_shared<const Framework>(std::move(*loaded.framework));
        }
        const Prioritisation result = prioritise(*framework, opened->assessment);
        if (*json)
            ctx.out << assessment::dumpJson(prioritisationToJson(result)) << "\n";
        else
            printHuman(ctx.out, opened->assessment, result);
        ctx.exitCode = Ok;
    });
}

} // namespace hicm::cli
