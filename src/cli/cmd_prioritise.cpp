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

const RankedChange *recommendedChange(const Prioritisation &p, const std::string &id)
{
    for (const auto &c : p.changes)
        if (c.id == id)
            return &c;
    return nullptr;
}

// One change of the agreed plan, in words: where the room's order differs and why, the method's reason,
// what it needs first and how many targeted actions it has (their texts and ids are in the JSON).
void printStep(std::ostream &out, const Prioritisation &p, const AgreedStep &step)
{
    out << "  " << step.rank << ". HIC " << step.id << "  " << step.title << "\n";
    if (!step.difference.empty())
        out << "     " << step.difference << "\n";
    if (!step.why.empty())
        out << "     " << step.why << "\n";
    const RankedChange *c = recommendedChange(p, step.id);
    if (!c)
        return;
    if (!c->requirements.empty()) {
        out << "     Needs first:";
        for (const auto &r : c->requirements) {
            std::string status = r.status;
            std::replace(status.begin(), status.end(), '_', ' ');
            out << " HIC " << r.change << " (" << status << (r.basis == Basis::App ? ", the app's reading" : "") << ")";
        }
        out << "\n";
    }
    if (c->actions.empty())
        return;
    std::vector<std::string> features;
    std::size_t planned = 0;
    for (const auto &ac : c->actions) {
        if (std::find(features.begin(), features.end(), ac.feature) == features.end())
            features.push_back(ac.feature);
        planned += ac.planned ? 1 : 0;
    }
    out << "     Targeted actions: " << c->actions.size() << " for ";
    for (std::size_t i = 0; i < features.size(); ++i)
        out << (i == 0 ? "" : i + 1 == features.size() ? " and " : ", ") << features[i];
    out << " (" << planned << " in the plan; their texts and ids: --json)\n";
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

void printHuman(std::ostream &out, const Assessment &a, const Prioritisation &p)
{
    const AgreedPlan plan = agreedPlan(p);
    out << "Prioritised changes: " << a.area << (a.title.empty() ? "" : " - " + a.title) << " (assessment " << a.id
        << ")\n";
    out << "Framework: " << p.frameworkTitle << (p.frameworkEdition.empty() ? "" : ", " + p.frameworkEdition) << "\n";
    if (plan.adjusted)
        out << "The order the room agreed; where it differs from the method's own order, it says why.\n";
    if (plan.steps.empty())
        out << (plan.leftOut.empty() ? "\nNo change is recommended: no scored feature is short of its target.\n"
                                     : "\nNo change is in the plan the room agreed.\n");
    std::optional<Phase> phase;
    for (const auto &step : plan.steps) {
        if (phase != step.phase) {
            phase = step.phase;
            out << "\n" << label(step.phase) << "\n";
        }
        printStep(out, p, step);
    }
    if (!plan.leftOut.empty()) {
        out << "\nLeft out by the room\n";
        for (const auto &l : plan.leftOut)
            out << "  " << l.difference << "\n";
    }
    for (const auto &note : plan.notes)
        out << "  Note: " << note << "\n";
    if (!p.notRecommended.empty()) {
        out << "\nNot recommended\n";
        for (const auto &n : p.notRecommended)
            out << "  HIC " << n.id << "  " << n.title << ": " << n.why << "\n";
    }
    if (p.provisional)
        out << "\nSome recommendations rest on provisional levels (the partners' median; nothing agreed yet).\n";
    printFindings(out, p.findings);
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
