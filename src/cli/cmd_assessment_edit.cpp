// partner, score, target, weight, metric, action, plan, override, edit: the editing commands. Each one
// checks what was typed against the assessment's stored framework, then makes one edit (one transaction).
#include "assessment_commands.h"

#include "document.h"
#include "framework_lists.h"

#include <functional>
#include <ostream>

namespace hicm::cli::assessment {

namespace {

using Id = std::shared_ptr<std::int64_t>;
using namespace hicm::document;

storage::Status apply(Opened &o, const Edit &edit, std::optional<Edit> *inverse = nullptr)
{
    return applyEdit(o, edit, inverse);
}

storage::FeatureEdit targetEdit(std::optional<int> level)
{
    storage::FeatureEdit e;
    e.targetLevel = level;
    return e;
}

storage::FeatureEdit weightEdit(int weight)
{
    storage::FeatureEdit e;
    e.weight = weight;
    return e;
}

Id addId(CLI::App *cmd)
{
    auto id = std::make_shared<std::int64_t>(0);
    cmd->add_option("ID", *id, "The assessment's id")->required();
    return id;
}

// Registers a subcommand whose callback gets the opened assessment (for writing). `usage`, if given, is
// checked first: a non-empty message is a usage error (exit 2) and the workspace is not opened.
template <typename F>
CLI::App *editCommand(CLI::App &app, Context &ctx, const char *name, const char *help, Id &id, F run,
                      std::function<std::string()> usage = {})
{
    auto *cmd = app.add_subcommand(name, help);
    id = addId(cmd);
    cmd->callback([&ctx, id, run, usage] {
        if (usage) {
            if (const std::string message = usage(); !message.empty())
                return fail(ctx, message, Usage);
        }
        auto opened = openAssessment(ctx, *id, true);
        if (opened && run(*opened))
            ctx.exitCode = Ok;
    });
    return cmd;
}

void addPartner(CLI::App &app, Context &ctx)
{
    auto add = std::make_shared<std::string>(), remove = std::make_shared<std::string>(),
         contact = std::make_shared<std::string>();
    auto options = std::make_shared<std::pair<CLI::Option *, CLI::Option *>>();
    Id id;
    auto *cmd = editCommand(app, ctx, "partner", "Add or remove a partner organisation", id, [&ctx, add, remove, contact](Opened &o) {
        if (!add->empty()) {
            auto p = parsePartnerSpec(ctx, *add);
            if (!p)
                return false;
            p->contact = *contact;
            return check(ctx, apply(o, AddPartner{*p}));
        }
        const Partner *p = findPartner(ctx, o.assessment, *remove);
        return p && check(ctx, apply(o, RemovePartner{p->id}));
    }, [options] {
        return options->first->count() + options->second->count() == 0 ? "partner: give --add \"ORG=TYPE\" or --remove ORG"
                                                                          : "";
    });
    auto *a = cmd->add_option("--add", *add, "The partner to add, \"ORG=TYPE\"");
    auto *r = cmd->add_option("--remove", *remove, "The organisation to remove (with its levels)");
    cmd->add_option("--contact", *contact, "A contact name, with --add")->needs(a);
    a->excludes(r);
    *options = {a, r};
}

void addScore(CLI::App &app, Context &ctx)
{
    struct Args {
        std::string feature, level, partner, confidence, note, rationale;
    };
    auto args = std::make_shared<Args>();
    Id id;
    auto *cmd = editCommand(app, ctx, "score", "Record a partner's level (--partner) or the agreed level of a feature", id,
                            [&ctx, args](Opened &o) {
        if (!findFeature(ctx, *o.framework, args->feature))
            return false;
        const auto level = parseLevelArg(ctx, *o.framework, args->level);
        if (!level)
            return false;
        storage::FeatureEdit edit;
        if (!args->confidence.empty()) {
            auto c = parseConfidenceArg(ctx, args->confidence);
            if (!c)
                return false;
            edit.confidence = *c;
        }
        if (!args->partner.empty()) {
            const Partner *p = findPartner(ctx, o.assessment, args->partner);
            if (!p)
                return false;
            std::optional<std::string> note;
            if (!args->note.empty())
                note = args->note;
            edit.partnerLevels.push_back({p->id, *level, note});
        } else {
            edit.agreedLevel = *level;
            if (!args->rationale.empty())
                edit.rationale = args->rationale;
            if (!args->note.empty())
                edit.evidence = args->note;
        }
        return check(ctx, apply(o, EditFeature{args->feature, edit}));
    });
    cmd->add_option("FEATURE", args->feature, "The feature, e.g. B3")->required();
    cmd->add_option("LEVEL", args->level, "1-3, a label such as Developing, or none")->required();
    auto *partner = cmd->add_option("--partner", args->partner, "The partner organisation whose level this is");
    cmd->add_option("--confidence", args->confidence, "low, medium or high (the feature's)");
    cmd->add_option("--note", args->note, "With --partner: the partner's note; without: the feature's evidence notes");
    cmd->add_option("--rationale", args->rationale, "Why this level was agreed (not with --partner)")->excludes(partner);
}

void addTargetWeight(CLI::App &app, Context &ctx)
{
    auto feature = std::make_shared<std::string>(), level = std::make_shared<std::string>();
    Id id;
    auto *target = editCommand(app, ctx, "target", "Set the level a feature should reach (none: the top of the scale)", id,
                               [&ctx, feature, level](Opened &o) {
        if (!findFeature(ctx, *o.framework, *feature))
            return false;
        const auto parsed = parseLevelArg(ctx, *o.framework, *level);
        return parsed && check(ctx, apply(o, EditFeature{*feature, targetEdit(*parsed)}));
    });
    target->add_option("FEATURE", *feature, "The feature, e.g. B3")->required();
    target->add_option("LEVEL", *level, "1-3, a label, or none")->required();

    auto wFeature = std::make_shared<std::string>(), weight = std::make_shared<std::string>();
    Id wId;
    auto *w = editCommand(app, ctx, "weight", "Set a feature's importance, 1 (low) to 3 (high); 2 by default", wId,
                          [&ctx, wFeature, weight](Opened &o) {
        if (!findFeature(ctx, *o.framework, *wFeature))
            return false;
        if (*weight != "1" && *weight != "2" && *weight != "3") {
            fail(ctx, "the weight \"" + *weight + "\" is not 1, 2 or 3");
            return false;
        }
        return check(ctx, apply(o, EditFeature{*wFeature, weightEdit(std::stoi(*weight))}));
    });
    w->add_option("FEATURE", *wFeature, "The feature, e.g. B3")->required();
    w->add_option("WEIGHT", *weight, "1, 2 or 3")->required();
}

void addMetric(CLI::App &app, Context &ctx)
{
    auto feature = std::make_shared<std::string>();
    auto m = std::make_shared<MetricValue>();
    Id id;
    auto *cmd = editCommand(app, ctx, "metric", "Record a value for one of a feature's \"data to use\" metrics", id,
                            [&ctx, feature, m](Opened &o) {
        const Feature *f = findFeature(ctx, *o.framework, *feature);
        if (!f)
            return false;
        if (!f->metric(m->metricId) && !isOwnMetricId(f->id, m->metricId)) {
            fail(ctx, "unknown metric \"" + m->metricId + "\" for feature " + f->id + " (its metrics are: " +
                          storage::metricList(*f) + "; the room's own are " + ownMetricId(f->id, 1) + ", " +
                          ownMetricId(f->id, 2) + " …, with --name)");
            return false;
        }
        if (isOwnMetricId(f->id, m->metricId) && m->name.empty()) {  // keep the name it has
            for (const auto &fa : o.assessment.features)
                for (const auto &v : fa.metrics)
                    if (fa.featureId == f->id && v.metricId == m->metricId)
                        m->name = v.name;
        }
        return check(ctx, apply(o, SetMetric{*feature, *m}));
    });
    cmd->add_option("FEATURE", *feature, "The feature, e.g. B1")->required();
    cmd->add_option("METRIC_ID", m->metricId, "The metric, e.g. B1.M3")->required();
    cmd->add_option("VALUE", m->value, "The value")->required();
    cmd->add_option("--unit", m->unit, "Its unit, e.g. \"days\"");
    cmd->add_option("--period", m->period, "The period it covers, e.g. 2024-25");
    cmd->add_option("--source", m->source, "Where it comes from");
    cmd->add_option("--name", m->name, "The name of the room's own metric (METRIC_ID B6.own1 …)");
}

void addAction(CLI::App &app, Context &ctx)
{
    struct Args {
        std::string add, change, feature, owner, due, status, text, notes;
        std::int64_t set = 0, remove = 0;
        CLI::Option *addOpt = nullptr, *setOpt = nullptr, *removeOpt = nullptr, *textOpt = nullptr, *changeOpt = nullptr,
                    *featureOpt = nullptr, *ownerOpt = nullptr, *dueOpt = nullptr, *notesOpt = nullptr;
    };
    auto args = std::make_shared<Args>();
    Id id;
    auto *cmd = editCommand(app, ctx, "action", "Add an action to the plan, change one (--set N) or remove one", id,
                            [&ctx, args](Opened &o) {
        const Framework &fw = *o.framework;
        if (!args->change.empty() && !findChange(ctx, fw, args->change))
            return false;
        if (!args->feature.empty() && !findFeature(ctx, fw, args->feature))
            return false;
        if (!args->due.empty() && !checkDate(ctx, args->due, "due date"))
            return false;
        std::optional<ActionStatus> status;
        if (!args->status.empty() && !(status = parseActionStatusArg(ctx, args->status)))
            return false;
        if (args->removeOpt->count() > 0)
            return check(ctx, apply(o, RemoveAction{args->remove}));
        if (args->setOpt->count() == 0) {
            Action a{0, args->add, args->change, args->feature, args->owner, args->due, status.value_or(ActionStatus::NotStarted), args->notes};
            std::optional<Edit> undo;
            if (!check(ctx, apply(o, AddAction{a}, &undo)))
                return false;
            if (const auto *removal = undo ? std::get_if<RemoveAction>(&*undo) : nullptr)
                ctx.out << removal->actionId << "\n";  // the new action's id: what undoes the addition names it
            return true;
        }
        const Action *existing = nullptr;
        for (const auto &a : o.assessment.actions)
            if (a.id == args->set)
                existing = &a;
        if (!existing) {
            std::string ids;
            for (const auto &a : o.assessment.actions)
                ids += (ids.empty() ? "" : ", ") + std::to_string(a.id);
            fail(ctx, "assessment " + std::to_string(o.assessment.id) + " has no action " + std::to_string(args->set) +
                          " (" + (ids.empty() ? "it has no actions yet" : "actions are: " + ids) + ")");
            return false;
        }
        Action a = *existing;
        const std::pair<CLI::Option *, std::pair<std::string *, const std::string *>> fields[] = {
            {args->textOpt, {&a.text, &args->text}},  {args->changeOpt, {&a.change, &args->change}},
            {args->featureOpt, {&a.feature, &args->feature}}, {args->ownerOpt, {&a.owner, &args->owner}},
            {args->dueOpt, {&a.due, &args->due}},     {args->notesOpt, {&a.notes, &args->notes}}};
        for (const auto &[opt, value] : fields)
            if (opt->count() > 0)
                *value.first = *value.second;
        if (status)
            a.status = *status;
        return check(ctx, apply(o, UpdateAction{a}));
    }, [args] {
        return args->addOpt->count() + args->setOpt->count() + args->removeOpt->count() == 0
                   ? "action: give --add TEXT, --set N or --remove N"
                   : "";
    });
    auto *add = args->addOpt = cmd->add_option("--add", args->add, "The new action's text; prints its number");
    args->setOpt = cmd->add_option("--set", args->set, "The number of the action to change");
    args->removeOpt = cmd->add_option("--remove", args->remove, "The number of the action to remove");
    args->changeOpt = cmd->add_option("--change", args->change, "The High Impact Change it serves, e.g. C");
    args->featureOpt = cmd->add_option("--feature", args->feature, "The feature it improves, e.g. B6");
    args->ownerOpt = cmd->add_option("--owner", args->owner, "Who owns it");
    args->dueOpt = cmd->add_option("--due", args->due, "Due date, YYYY-MM-DD");
    cmd->add_option("--status", args->status, "not-started, in-progress, done or dropped");
    args->textOpt = cmd->add_option("--text", args->text, "With --set: the new text")->needs(args->setOpt);
    args->notesOpt = cmd->add_option("--notes", args->notes, "Notes");
    add->excludes(args->setOpt)->excludes(args->removeOpt);
    args->setOpt->excludes(args->removeOpt);
}

void addPlanOverrideEdit(CLI::App &app, Context &ctx)
{
    auto feature = std::make_shared<std::string>(), action = std::make_shared<std::string>();
    auto remove = std::make_shared<bool>(false);
    Id id;
    auto *plan = editCommand(app, ctx, "plan", "Take a feature's targeted action into the plan (--remove: take it out)", id,
                             [&ctx, feature, action, remove](Opened &o) {
        const Feature *f = findFeature(ctx, *o.framework, *feature);
        if (!f)
            return false;
        if (!f->action(*action)) {
            fail(ctx, "unknown targeted action \"" + *action + "\" for feature " + f->id +
                          " (its targeted actions are: " + storage::targetedActionList(*f) + ")");
            return false;
        }
        return check(ctx, apply(o, SetPlanned{*feature, *action, !*remove}));
    });
    plan->add_option("FEATURE", *feature, "The feature, e.g. B1")->required();
    plan->add_option("ACTION_ID", *action, "The targeted action, e.g. B1.T2")->required();
    plan->add_flag("--remove", *remove, "Take it out of the plan");

    struct OverrideArgs {
        std::string change, reason;
        bool pin = false, exclude = false, clear = false;
    };
    auto ov = std::make_shared<OverrideArgs>();
    Id oId;
    auto *override_ = editCommand(app, ctx, "override", "Pin a change first or exclude it from the prioritisation (--clear: undo)", oId,
                                  [&ctx, ov](Opened &o) {
        if (!findChange(ctx, *o.framework, ov->change))
            return false;
        if (ov->clear)
            return check(ctx, apply(o, RemoveOverride{ov->change}));
        return check(ctx, apply(o, SetOverride{{ov->change, ov->pin ? OverrideKind::Pin : OverrideKind::Exclude, ov->reason}}));
    }, [ov] { return ov->pin || ov->exclude || ov->clear ? "" : "override: give --pin, --exclude or --clear"; });
    override_->add_option("CHANGE", ov->change, "The change, e.g. C")->required();
    auto *pin = override_->add_flag("--pin", ov->pin, "Put it first in the facilitator's sequence");
    auto *exclude = override_->add_flag("--exclude", ov->exclude, "Leave it out of the facilitator's sequence");
    auto *clear = override_->add_flag("--clear", ov->clear, "Remove the override");
    override_->add_option("--reason", ov->reason, "Why (shown beside the result)")->excludes(clear);
    pin->excludes(exclude)->excludes(clear);
    exclude->excludes(clear);

    struct EditArgs {
        std::string area, title, date, facilitator, status, previous;
    };
    auto e = std::make_shared<EditArgs>();
    Id eId;
    auto *edit = editCommand(app, ctx, "edit", "Change an assessment's area, title, date, facilitator, status or previous assessment", eId,
                             [&ctx, e](Opened &o) {
        using F = storage::AssessmentField;
        const std::int64_t id = o.assessment.id;
        std::optional<AssessmentStatus> status;
        if (!e->status.empty() && !(status = parseAssessmentStatus(e->status))) {
            fail(ctx, "unknown status \"" + e->status + "\" (statuses are: draft, final)");
            return false;
        }
        if (!e->date.empty() && !checkDate(ctx, e->date, "date"))
            return false;
        // Reopening comes first and finalising last, so that the other fields of the same command are
        // changed while the assessment is a draft.
        if (status == AssessmentStatus::Draft && !check(ctx, apply(o, SetStatus{*status})))
            return false;
        for (const auto &[field, value] : {std::pair{F::Area, &e->area}, std::pair{F::Title, &e->title},
                                           std::pair{F::Date, &e->date}, std::pair{F::Facilitator, &e->facilitator}})
            if (!value->empty() && !check(ctx, apply(o, SetDetail{field, *value})))
                return false;
        if (status == AssessmentStatus::Final && !check(ctx, apply(o, SetStatus{*status})))
            return false;
        if (!e->previous.empty()) {
            std::optional<std::int64_t> previous;
            if (e->previous != "none") {
                try {
                    previous = std::stoll(e->previous);
                } catch (const std::exception &) {
                    fail(ctx, "--previous takes an assessment id or none, not \"" + e->previous + "\"");
                    return false;
                }
            }
            return check(ctx, o.ws.setPreviousId(id, previous));
        }
        return true;
    }, [e] {
        const bool none = e->area.empty() && e->title.empty() && e->date.empty() && e->facilitator.empty() &&
                          e->status.empty() && e->previous.empty();
        return none ? "edit: give at least one of --area, --title, --date, --facilitator, --status, --previous" : "";
    });
    edit->add_option("--area", e->area, "The area or system assessed");
    edit->add_option("--title", e->title, "The title");
    edit->add_option("--date", e->date, "The workshop's date, YYYY-MM-DD");
    edit->add_option("--facilitator", e->facilitator, "Who facilitates");
    edit->add_option("--status", e->status, "draft or final");
    edit->add_option("--previous", e->previous, "The id of the assessment this one reassesses, or none");
}

}  // namespace

void addEditCommands(CLI::App &app, Context &ctx)
{
    addPartner(app, ctx);
    addScore(app, ctx);
    addTargetWeight(app, ctx);
    addMetric(app, ctx);
    addAction(app, ctx);
    addPlanOverrideEdit(app, ctx);
}

}  // namespace hicm::cli::assessment
