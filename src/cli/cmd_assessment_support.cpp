// Helpers of the assessment commands (assessment_commands.h): opening, finding, checking user input.
#include "assessment_commands.h"

#include "framework_lists.h"
#include "document.h"
#include "queries.h"
#include "paths.h"

#include <filesystem>
#include <ostream>

namespace hicm::cli::assessment {

std::string workspacePath(const Context &ctx)
{
    return ctx.workspace.empty() ? defaultWorkspacePath() : ctx.workspace;
}

void fail(Context &ctx, const std::string &message, int exitCode)
{
    ctx.err << "hicm-assess-cli: " << message << "\n";
    ctx.exitCode = exitCode;
}

bool check(Context &ctx, const storage::Status &status)
{
    if (status)
        return true;
    std::string message = status.error().toString();
    if (status.error().kind == storage::StorageError::Kind::Final) {
        // "… assessment 7 is final …": say how to reopen it.
        const auto at = message.find("assessment ");
        const std::string id = at == std::string::npos ? "ID" : message.substr(at + 11, message.find(' ', at + 11) - at - 11);
        message += "\nTo reopen it for editing: hicm-assess-cli edit " + id + " --status draft";
    }
    fail(ctx, message);
    return false;
}

std::optional<storage::Workspace> openWorkspace(Context &ctx, bool forWriting, bool create)
{
    const std::string path = workspacePath(ctx);
    storage::OpenOptions options;
    options.mode = forWriting ? storage::OpenMode::ReadWrite : storage::OpenMode::ReadOnly;
    options.create = forWriting && create;
    auto ws = storage::Workspace::open(path, options);
    if (!ws) {
        fail(ctx, ws.error().toString());
        return std::nullopt;
    }
    for (const auto &warning : ws->warnings())
        ctx.err << "hicm-assess-cli: warning: " << path << ": " << warning << "\n";
    if (forWriting && ws->readOnly()) {
        fail(ctx, path + ": the workspace is read-only (" + ws->readOnlyReason() + "); nothing was changed");
        return std::nullopt;
    }
    return std::move(*ws);
}

std::optional<Opened> openAssessment(Context &ctx, std::int64_t id, bool forWriting)
{
    auto ws = openWorkspace(ctx, forWriting);
    if (!ws)
        return std::nullopt;
    auto scored = document::loadScored(*ws, id);
    if (!scored) {
        fail(ctx, scored.error().toString());
        return std::nullopt;
    }
    return Opened{std::move(*ws), std::move(scored->assessment), scored->framework};
}

storage::Status applyEdit(Opened &o, const document::Edit &edit, std::optional<document::Edit> *inverse)
{
    std::string error;
    auto doc = document::Document::open(o.ws, o.assessment.id, &error);
    if (!doc)
        return storage::StorageError{storage::StorageError::Kind::NotFound, o.ws.path(), error};
    auto applied = doc->apply(edit);
    if (inverse)
        *inverse = applied.inverse;
    return applied.status;
}

document::WorkspaceApplied applyEdit(storage::Workspace &ws, const document::WorkspaceEdit &edit)
{
    return document::applyToWorkspace(ws, edit);
}

const Feature *findFeature(Context &ctx, const Framework &fw, const std::string &featureId)
{
    if (const Feature *f = fw.feature(featureId))
        return f;
    fail(ctx, "unknown feature \"" + featureId + "\" (features are: " + storage::featureList(fw) + ")");
    return nullptr;
}

const Change *findChange(Context &ctx, const Framework &fw, const std::string &changeId)
{
    if (const Change *c = fw.change(changeId))
        return c;
    fail(ctx, "unknown change \"" + changeId + "\" (changes are: " + storage::changeList(fw) + ")");
    return nullptr;
}

const Partner *findPartner(Context &ctx, const Assessment &a, const std::string &organisation)
{
    if (const Partner *p = a.partner(organisation))
        return p;
    std::string names;
    for (const auto &p : a.partners)
        names += (names.empty() ? "\"" : ", \"") + p.organisation + "\"";
    fail(ctx, "assessment " + std::to_string(a.id) + " has no partner \"" + organisation + "\" (" +
                  (names.empty() ? "it has no partners yet; add one with: partner " + std::to_string(a.id) +
                                       " --add \"ORG=TYPE\""
                                 : "partners are: " + names) +
                  ")");
    return nullptr;
}

std::optional<std::optional<int>> parseLevelArg(Context &ctx, const Framework &fw, const std::string &text)
{
    if (text == "none" || text == "None" || text == "NONE")
        return std::optional<int>();
    if (auto level = fw.parseLevel(text))
        return std::optional<int>(*level);
    fail(ctx, "unknown level \"" + text + "\" (levels are: " + storage::levelList(fw) + "; or none to clear)");
    return std::nullopt;
}

std::optional<Confidence> parseConfidenceArg(Context &ctx, const std::string &text)
{
    if (auto c = parseConfidence(text))
        return c;
    fail(ctx, "unknown confidence \"" + text + "\" (confidence is low, medium or high)");
    return std::nullopt;
}

std::optional<ActionStatus> parseActionStatusArg(Context &ctx, const std::string &text)
{
    if (auto s = parseActionStatus(text))
        return s;
    fail(ctx, "unknown action status \"" + text + "\" (statuses are: not-started, in-progress, done, dropped)");
    return std::nullopt;
}

std::optional<Partner> parsePartnerSpec(Context &ctx, const std::string &spec)
{
    Partner p;
    const auto eq = spec.rfind('=');
    if (eq == std::string::npos) {
        p.organisation = spec;
    } else {
        p.organisation = spec.substr(0, eq);
        const std::string type = spec.substr(eq + 1);
        auto parsed = parseOrgType(type);
        if (!parsed) {
            std::string types;
            for (auto t : allOrgTypes())
                types += (types.empty() ? "" : ", ") + std::string(toString(t));
            fail(ctx, "unknown organisation type \"" + type + "\" in \"" + spec + "\" (types are: " + types + ")");
            return std::nullopt;
        }
        p.type = *parsed;
    }
    if (p.organisation.find_first_not_of(" \t\r\n") == std::string::npos) {
        fail(ctx, "\"" + spec + "\" names no organisation (write ORG=TYPE)");
        return std::nullopt;
    }
    return p;
}

bool checkDate(Context &ctx, const std::string &date, const char *what)
{
    const bool shape = date.size() == 10 && date[4] == '-' && date[7] == '-';
    int y = 0, m = 0, d = 0;
    if (shape && std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 && d >= 1) {
        static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        if (d <= days[m - 1] + (m == 2 && leap ? 1 : 0))
            return true;
    }
    fail(ctx, std::string("the ") + what + " \"" + date + "\" is not a date written YYYY-MM-DD");
    return false;
}

std::string dumpJson(const nlohmann::json &json)
{
    return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace hicm::cli::assessment
