// Shared by the assessment commands (cmd_assessment.cpp, cmd_assessment_edit.cpp): opening the
// workspace, finding an assessment, and checking what the user typed against its framework. Each
// helper prints its own message ("hicm-assess-cli: …") and sets the exit code when it fails.
#pragma once

#include "cli.h"
#include "edit.h"
#include "workspace.h"
#include "workspace_edit.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>

namespace hicm::cli::assessment {

// The workspace path: --workspace, or the default one.
std::string workspacePath(const Context &ctx);

// Prints "hicm-assess-cli: MESSAGE" and sets the exit code (BadInput unless told otherwise).
void fail(Context &ctx, const std::string &message, int exitCode = BadInput);
// Prints the error and returns false when `status` failed.
bool check(Context &ctx, const storage::Status &status);

// Opens the workspace: for reading (read-only, never created) or writing (created if `create`).
std::optional<storage::Workspace> openWorkspace(Context &ctx, bool forWriting, bool create = false);

// An assessment ready for a command: the open workspace, the assessment and its stored framework.
struct Opened {
    storage::Workspace ws;
    Assessment assessment;
    std::shared_ptr<const Framework> framework;
};
std::optional<Opened> openAssessment(Context &ctx, std::int64_t id, bool forWriting);

// Every edit goes through the document layer, as the app's do: the same checks, the same single
// transaction and the same change-log rows. An edit of the opened assessment (its inverse through
// `inverse` when asked), or of the workspace's assessments (create, reassess, import, delete).
storage::Status applyEdit(Opened &o, const document::Edit &edit, std::optional<document::Edit> *inverse = nullptr);
document::WorkspaceApplied applyEdit(storage::Workspace &ws, const document::WorkspaceEdit &edit);

// Each returns nullptr / nullopt after printing a message that lists the valid choices.
const Feature *findFeature(Context &ctx, const Framework &fw, const std::string &featureId);
const Change *findChange(Context &ctx, const Framework &fw, const std::string &changeId);
const Partner *findPartner(Context &ctx, const Assessment &a, const std::string &organisation);
// LEVEL is 1..3 or a label ("Developing", "not yet established"); "none" clears (outer optional set,
// inner empty). nullopt when it names no level.
std::optional<std::optional<int>> parseLevelArg(Context &ctx, const Framework &fw, const std::string &text);
std::optional<Confidence> parseConfidenceArg(Context &ctx, const std::string &text);
std::optional<ActionStatus> parseActionStatusArg(Context &ctx, const std::string &text);
// "ORG=TYPE" (TYPE a name or label such as "nhs-trust", "NHS trust"); "ORG" alone is type "other".
std::optional<Partner> parsePartnerSpec(Context &ctx, const std::string &spec);
// YYYY-MM-DD, a real date.
bool checkDate(Context &ctx, const std::string &date, const char *what);

// JSON text for output: two-space indent; bytes that are not UTF-8 are replaced, never fatal.
std::string dumpJson(const nlohmann::json &json);

// Registers partner, score, target, weight, metric, action, plan, override and edit.
void addEditCommands(CLI::App &app, Context &ctx);

}  // namespace hicm::cli::assessment
