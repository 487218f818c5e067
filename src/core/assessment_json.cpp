#include "assessment_json.h"
#include "text.h"

#include <set>

namespace hicm {

using nlohmann::json;

namespace {

json optionalInt(const std::optional<int> &v)
{
    return v ? json(*v) : json(nullptr);
}

json emptyAsNull(const std::string &s)
{
    return s.empty() ? json(nullptr) : json(s);
}

}  // namespace

json assessmentToJson(const Assessment &a)
{
    json partners = json::array();
    for (const auto &p : a.partners)
        partners.push_back({{"id", p.id}, {"organisation", p.organisation}, {"type", toString(p.type)}, {"contact", p.contact}});

    json features = json::array();
    for (const auto &f : a.features) {
        json levels = json::array();
        for (const auto &pl : f.partnerLevels)
            levels.push_back({{"partner", pl.partner}, {"level", pl.level}, {"note", pl.note}});
        json metrics = json::array();
        for (const auto &m : f.metrics) {
            json metric{{"id", m.metricId}, {"value", m.value}, {"unit", m.unit}, {"period", m.period}, {"source", m.source}};
            if (!m.name.empty())
                metric["name"] = m.name;
            metrics.push_back(std::move(metric));
        }
        features.push_back({{"id", f.featureId},
                            {"partner_levels", levels},
                            {"agreed_level", optionalInt(f.agreedLevel)},
                            {"rationale", f.rationale},
                            {"target_level", optionalInt(f.targetLevel)},
                            {"confidence", f.confidence == Confidence::Unset ? json(nullptr) : json(toString(f.confidence))},
                            {"weight", f.weight},
                            {"evidence", f.evidence},
                            {"metrics", metrics},
                            {"planned_actions", f.plannedActions}});
    }

    json actions = json::array();
    for (const auto &ac : a.actions)
        actions.push_back({{"id", ac.id},
                           {"text", ac.text},
                           {"change", emptyAsNull(ac.change)},
                           {"feature", emptyAsNull(ac.feature)},
                           {"owner", ac.owner},
                           {"due", emptyAsNull(ac.due)},
                           {"status", toString(ac.status)},
                           {"notes", ac.notes}});
    for (std::size_t i = 0; i < a.actions.size(); ++i)  // only on a carried action
        if (a.actions[i].carriedFrom)
            actions[i]["carried_from"] = *a.actions[i].carriedFrom;

    json overrides = json::array();
    for (const auto &o : a.overrides)
        overrides.push_back({{"change", o.change}, {"kind", toString(o.kind)}, {"reason", o.reason}});

    return json{{"id", a.id},
                {"area", a.area},
                {"title", a.title},
                {"date", a.date},
                {"facilitator", a.facilitator},
                {"status", toString(a.status)},
                {"created", a.created},
                {"updated", a.updated},
                {"framework", {{"hash", a.frameworkHash}, {"title", a.frameworkTitle}, {"edition", a.frameworkEdition}}},
                {"previous_id", a.previousId ? json(*a.previousId) : json(nullptr)},
                {"partners", partners},
                {"features", features},
                {"actions", actions},
                {"overrides", overrides}};
}

namespace {

// Reads fields with type checks, recording problems against JSON pointers.
class FieldReader {
public:
    FieldReader(const std::string &file, std::vector<Problem> &problems) : m_file(file), m_problems(problems) {}

    void fail(const std::string &pointer, const std::string &message)
    {
        m_problems.push_back({m_file, pointer.empty() ? "/" : pointer, 0, 0, message});
    }

    bool object(const json &v, const std::string &p)
    {
        if (v.is_object())
            return true;
        fail(p, std::string("expected an object, found ") + v.type_name());
        return false;
    }

    // Optional string: missing or null gives "".
    std::string str(const json &o, const std::string &p, const char *key, bool required = false)
    {
        auto it = o.find(key);
        if (it == o.end() || it->is_null()) {
            if (required)
                fail(p, std::string("missing required key \"") + key + "\"");
            return {};
        }
        if (!it->is_string()) {
            fail(p + "/" + key, std::string("expected a string, found ") + it->type_name());
            return {};
        }
        return it->get<std::string>();
    }

    std::optional<std::int64_t> integer(const json &o, const std::string &p, const char *key, bool required = false)
    {
        auto it = o.find(key);
        if (it == o.end() || it->is_null()) {
            if (required)
                fail(p, std::string("missing required key \"") + key + "\"");
            return std::nullopt;
        }
        if (!it->is_number_integer()) {
            fail(p + "/" + key, std::string("expected an integer, found ") + it->type_name());
            return std::nullopt;
        }
        return it->get<std::int64_t>();
    }

    template <typename F>
    void array(const json &o, const std::string &p, const char *key, F each)
    {
        auto it = o.find(key);
        if (it == o.end() || it->is_null())
            return;
        if (!it->is_array()) {
            fail(p + "/" + key, std::string("expected an array, found ") + it->type_name());
            return;
        }
        for (std::size_t i = 0; i < it->size(); ++i)
            each((*it)[i], p + "/" + key + "/" + std::to_string(i));
    }

    template <typename E>
    E enumValue(const json &o, const std::string &p, const char *key, std::optional<E> (*parse)(const std::string &),
                E fallback, const char *valid)
    {
        const std::string s = str(o, p, key);
        if (s.empty())
            return fallback;
        if (auto v = parse(s))
            return *v;
        fail(p + "/" + key, "\"" + s + "\" is not one of " + valid);
        return fallback;
    }

private:
    const std::string &m_file;
    std::vector<Problem> &m_problems;
};

std::optional<int> smallInt(FieldReader &r, const json &o, const std::string &p, const char *key)
{
    auto v = r.integer(o, p, key);
    if (!v)
        return std::nullopt;
    if (*v < -1000 || *v > 1000) {
        r.fail(p + "/" + key, "value out of range");
        return std::nullopt;
    }
    return static_cast<int>(*v);
}

void readFeature(FieldReader &r, const json &fj, const std::string &fp, FeatureAssessment &f)
{
    f.featureId = r.str(fj, fp, "id", true);
    r.array(fj, fp, "partner_levels", [&](const json &e, const std::string &p) {
        if (!r.object(e, p))
            return;
        PartnerLevel pl;
        pl.partner = r.str(e, p, "partner", true);
        pl.level = smallInt(r, e, p, "level").value_or(0);
        if (!e.contains("level"))
            r.fail(p, "missing required key \"level\"");
        pl.note = r.str(e, p, "note");
        f.partnerLevels.push_back(std::move(pl));
    });
    f.agreedLevel = smallInt(r, fj, fp, "agreed_level");
    f.rationale = r.str(fj, fp, "rationale");
    f.targetLevel = smallInt(r, fj, fp, "target_level");
    f.confidence = r.enumValue(fj, fp, "confidence", parseConfidence, Confidence::Unset, "low, medium, high");
    if (auto w = smallInt(r, fj, fp, "weight")) {
        if (*w < 1 || *w > 3)
            r.fail(fp + "/weight", "importance weight must be 1, 2 or 3, found " + std::to_string(*w));
        else
            f.weight = *w;
    }
    f.evidence = r.str(fj, fp, "evidence");
    r.array(fj, fp, "metrics", [&](const json &e, const std::string &p) {
        if (!r.object(e, p))
            return;
        MetricValue m;
        m.metricId = r.str(e, p, "id", true);
        m.name = r.str(e, p, "name");
        m.value = r.str(e, p, "value");
        m.unit = r.str(e, p, "unit");
        m.period = r.str(e, p, "period");
        m.source = r.str(e, p, "source");
        f.metrics.push_back(std::move(m));
    });
    r.array(fj, fp, "planned_actions", [&](const json &e, const std::string &p) {
        if (!e.is_string())
            r.fail(p, "expected a targeted action id (string)");
        else
            f.plannedActions.push_back(e.get<std::string>());
    });
}

}  // namespace

std::optional<Assessment> assessmentFromJson(const json &j, const std::string &file, std::vector<Problem> &problems,
                                             const std::string &pointer)
{
    const std::size_t before = problems.size();
    FieldReader r(file, problems);
    if (!r.object(j, pointer))
        return std::nullopt;
    Assessment a;
    a.id = r.integer(j, pointer, "id").value_or(0);
    a.area = r.str(j, pointer, "area", true);
    a.title = r.str(j, pointer, "title");
    a.date = r.str(j, pointer, "date");
    a.facilitator = r.str(j, pointer, "facilitator");
    a.status = r.enumValue(j, pointer, "status", parseAssessmentStatus, AssessmentStatus::Draft, "draft, final");
    a.created = r.str(j, pointer, "created");
    a.updated = r.str(j, pointer, "updated");
    if (auto it = j.find("framework"); it != j.end() && !it->is_null()) {
        const std::string fp = pointer + "/framework";
        if (r.object(*it, fp)) {
            a.frameworkHash = r.str(*it, fp, "hash");
            a.frameworkTitle = r.str(*it, fp, "title");
            a.frameworkEdition = r.str(*it, fp, "edition");
        }
    }
    a.previousId = r.integer(j, pointer, "previous_id");
    r.array(j, pointer, "partners", [&](const json &e, const std::string &p) {
        if (!r.object(e, p))
            return;
        Partner partner;
        partner.id = r.integer(e, p, "id").value_or(0);
        partner.organisation = r.str(e, p, "organisation", true);
        partner.type = r.enumValue(e, p, "type", parseOrgType, OrgType::Other,
                                   "icb, nhs-trust, local-authority, care-provider, vcfse, primary-care, "
                                   "lived-experience, other");
        partner.contact = r.str(e, p, "contact");
        a.partners.push_back(std::move(partner));
    });
    r.array(j, pointer, "features", [&](const json &e, const std::string &p) {
        if (!r.object(e, p))
            return;
        FeatureAssessment f;
        readFeature(r, e, p, f);
        a.features.push_back(std::move(f));
    });
    r.array(j, pointer, "actions", [&](const json &e, const std::string &p) {
        if (!r.object(e, p))
            return;
        Action ac;
        ac.id = r.integer(e, p, "id").value_or(0);
        ac.text = r.str(e, p, "text", true);
        ac.change = r.str(e, p, "change");
        ac.feature = r.str(e, p, "feature");
        ac.owner = r.str(e, p, "owner");
        ac.due = r.str(e, p, "due");
        ac.status = r.enumValue(e, p, "status", parseActionStatus, ActionStatus::NotStarted,
                                "not-started, in-progress, done, dropped");
        ac.notes = r.str(e, p, "notes");
        ac.carriedFrom = r.integer(e, p, "carried_from");
        a.actions.push_back(std::move(ac));
    });
    r.array(j, pointer, "overrides", [&](const json &e, const std::string &p) {
        if (!r.object(e, p))
            return;
        Override o;
        o.change = r.str(e, p, "change", true);
        o.kind = r.enumValue(e, p, "kind", parseOverrideKind, OverrideKind::Pin, "pin, exclude");
        o.reason = r.str(e, p, "reason");
        a.overrides.push_back(std::move(o));
    });
    if (problems.size() != before)
        return std::nullopt;
    return a;
}

bool checkAssessmentAgainstFramework(const Assessment &a, const Framework &fw, const std::string &file,
                                     std::vector<Problem> &problems, const std::string &pointer)
{
    const std::size_t before = problems.size();
    auto fail = [&](const std::string &p, const std::string &message) {
        problems.push_back({file, p, 0, 0, message});
    };
    auto levelOk = [&](int level) { return fw.level(level) != nullptr; };
    const std::string scale = "1 to " + std::to_string(fw.topLevel());

    std::set<std::string> partners, names;
    for (std::size_t i = 0; i < a.partners.size(); ++i)
        if (partners.insert(a.partners[i].organisation), !names.insert(folded(a.partners[i].organisation)).second)
            fail(pointer + "/partners/" + std::to_string(i) + "/organisation",
                 "duplicate partner \"" + a.partners[i].organisation + "\" (names that differ only in case or "
                 "spacing are the same organisation)");

    std::set<std::string> seenFeatures;
    for (std::size_t i = 0; i < a.features.size(); ++i) {
        const auto &f = a.features[i];
        const std::string fp = pointer + "/features/" + std::to_string(i);
        const Feature *feature = fw.feature(f.featureId);
        if (!feature) {
            std::string valid;
            for (const auto &ff : fw.features)
                valid += (valid.empty() ? "" : ", ") + ff.id;
            fail(fp + "/id", "unknown feature \"" + f.featureId + "\" (features are: " + valid + ")");
            continue;
        }
        if (!seenFeatures.insert(f.featureId).second)
            fail(fp + "/id", "feature " + f.featureId + " appears twice");
        std::set<std::string> levelPartners;
        for (std::size_t j = 0; j < f.partnerLevels.size(); ++j) {
            const auto &pl = f.partnerLevels[j];
            const std::string pp = fp + "/partner_levels/" + std::to_string(j);
            if (!partners.count(pl.partner))
                fail(pp + "/partner", "\"" + pl.partner + "\" is not one of this assessment's partners");
            else if (!levelPartners.insert(pl.partner).second)
                fail(pp + "/partner", "a second level from \"" + pl.partner + "\" for " + f.featureId);
            if (!levelOk(pl.level))
                fail(pp + "/level", "level " + std::to_string(pl.level) + " is not on the scale (" + scale + ")");
        }
        if (f.agreedLevel && !levelOk(*f.agreedLevel))
            fail(fp + "/agreed_level", "level " + std::to_string(*f.agreedLevel) + " is not on the scale (" + scale + ")");
        if (f.targetLevel && !levelOk(*f.targetLevel))
            fail(fp + "/target_level", "level " + std::to_string(*f.targetLevel) + " is not on the scale (" + scale + ")");
        for (std::size_t j = 0; j < f.metrics.size(); ++j) {
            const MetricValue &m = f.metrics[j];
            const std::string mp = fp + "/metrics/" + std::to_string(j);
            if (isOwnMetricId(f.featureId, m.metricId)) {
                if (m.name.find_first_not_of(" \t\r\n") == std::string::npos)
                    fail(mp + "/name", "the room's own metric \"" + m.metricId + "\" needs a name");
            } else if (!feature->metric(m.metricId)) {
                fail(mp + "/id", "\"" + m.metricId + "\" is not a data item of " + f.featureId + " (nor the room's own, " +
                                     ownMetricId(f.featureId, 1) + " …)");
            }
        }
        for (std::size_t j = 0; j < f.plannedActions.size(); ++j)
            if (!feature->action(f.plannedActions[j]))
                fail(fp + "/planned_actions/" + std::to_string(j),
                     "\"" + f.plannedActions[j] + "\" is not a targeted action of " + f.featureId);
    }
    for (std::size_t i = 0; i < a.actions.size(); ++i) {
        const auto &ac = a.actions[i];
        const std::string ap = pointer + "/actions/" + std::to_string(i);
        if (!ac.change.empty() && !fw.change(ac.change))
            fail(ap + "/change", "unknown change \"" + ac.change + "\"");
        if (!ac.feature.empty() && !fw.feature(ac.feature))
            fail(ap + "/feature", "unknown feature \"" + ac.feature + "\"");
    }
    for (std::size_t i = 0; i < a.overrides.size(); ++i)
        if (!fw.change(a.overrides[i].change))
            fail(pointer + "/overrides/" + std::to_string(i) + "/change",
                 "unknown change \"" + a.overrides[i].change + "\"");
    return problems.size() == before;
}

}  // namespace hicm
