#include "framework_loader.h"

#include "hash.h"
#include "json_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace hicm {

using nlohmann::json;

namespace {

std::string child(const std::string &pointer, const std::string &key)
{
    return pointer + "/" + pointerToken(key);
}

std::string child(const std::string &pointer, std::size_t index)
{
    return pointer + "/" + std::to_string(index);
}

const char *typeName(const json &v)
{
    return v.type_name();
}

// Walks the JSON tree, building the model and collecting every problem on the way.
class Reader {
public:
    Reader(std::string file, std::vector<Problem> &problems) : m_file(std::move(file)), m_problems(problems) {}

    void fail(const std::string &pointer, const std::string &message)
    {
        m_problems.push_back(Problem{m_file, pointer.empty() ? "/" : pointer, 0, 0, message});
    }

    // Reports keys of `obj` that the format does not define (typos are the usual cause).
    void checkKeys(const json &obj, const std::string &pointer, std::initializer_list<const char *> allowed)
    {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            const std::string &key = it.key();
            if (!key.empty() && key[0] == '$')
                continue;  // "$schema", "$comment"
            if (std::none_of(allowed.begin(), allowed.end(), [&](const char *a) { return key == a; }))
                fail(child(pointer, key), "unknown key \"" + key + "\"");
        }
    }

    bool isObject(const json &v, const std::string &pointer)
    {
        if (v.is_object())
            return true;
        fail(pointer, std::string("expected an object, found ") + typeName(v));
        return false;
    }

    // The member `key` of `obj`, or nullptr (reported when required).
    const json *member(const json &obj, const std::string &pointer, const char *key, bool required)
    {
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (required)
                fail(pointer, std::string("missing required key \"") + key + "\"");
            return nullptr;
        }
        return &*it;
    }

    std::string string(const json &obj, const std::string &pointer, const char *key, bool required = true)
    {
        const json *v = member(obj, pointer, key, required);
        if (!v)
            return {};
        const std::string p = child(pointer, key);
        if (!v->is_string()) {
            fail(p, std::string("expected a string, found ") + typeName(*v));
            return {};
        }
        std::string s = v->get<std::string>();
        if (isBlank(s))
            fail(p, "empty text");
        return s;
    }

    std::optional<int> integer(const json &obj, const std::string &pointer, const char *key)
    {
        const json *v = member(obj, pointer, key, true);
        if (!v)
            return std::nullopt;
        if (!v->is_number_integer()) {
            fail(child(pointer, key), std::string("expected an integer, found ") + typeName(*v));
            return std::nullopt;
        }
        return v->get<int>();
    }

    static bool isBlank(const std::string &s)
    {
        return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
    }

    void setSourceIds(std::set<std::string> ids) { m_sourceIds = std::move(ids); m_checkSources = true; }

    std::vector<std::string> sourceList(const json &obj, const std::string &pointer)
    {
        std::vector<std::string> out;
        const json *v = member(obj, pointer, "sources", true);
        if (!v)
            return out;
        const std::string p = child(pointer, "sources");
        if (!v->is_array() || v->empty()) {
            fail(p, "expected a non-empty array of source ids");
            return out;
        }
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json &s = (*v)[i];
            if (!s.is_string()) {
                fail(child(p, i), "expected a source id (string)");
                continue;
            }
            const std::string id = s.get<std::string>();
            if (m_checkSources && !m_sourceIds.count(id))
                fail(child(p, i), "unknown source \"" + id + "\" (not in /meta/sources)");
            out.push_back(id);
        }
        if (std::find(out.begin(), out.end(), "app") != out.end() && out.size() > 1)
            fail(p, "a text is either the app's own (\"app\") or quoted from source texts, not both");
        return out;
    }

    SourcedText sourcedText(const json &v, const std::string &pointer)
    {
        SourcedText out;
        if (!isObject(v, pointer))
            return out;
        checkKeys(v, pointer, {"text", "sources", "variants"});
        out.text = string(v, pointer, "text");
        out.sources = sourceList(v, pointer);
        if (const json *vars = member(v, pointer, "variants", false)) {
            const std::string p = child(pointer, "variants");
            if (!vars->is_array()) {
                fail(p, "expected an array of variants");
            } else {
                for (std::size_t i = 0; i < vars->size(); ++i) {
                    const std::string vp = child(p, i);
                    const json &var = (*vars)[i];
                    if (!isObject(var, vp))
                        continue;
                    checkKeys(var, vp, {"text", "sources"});
                    out.variants.push_back(TextVariant{string(var, vp, "text"), sourceList(var, vp)});
                }
            }
        }
        return out;
    }

    std::optional<SourcedText> text(const json &obj, const std::string &pointer, const char *key, bool required = true)
    {
        const json *v = member(obj, pointer, key, required);
        if (!v)
            return std::nullopt;
        return sourcedText(*v, child(pointer, key));
    }

    SourcedText requiredText(const json &obj, const std::string &pointer, const char *key)
    {
        return text(obj, pointer, key, true).value_or(SourcedText{});
    }

    // Calls `each(element, elementPointer)` for each element of the array `key`.
    void array(const json &obj, const std::string &pointer, const char *key, bool required, bool nonEmpty,
               const std::function<void(const json &, const std::string &)> &each)
    {
        const json *v = member(obj, pointer, key, required);
        if (!v)
            return;
        const std::string p = child(pointer, key);
        if (!v->is_array()) {
            fail(p, std::string("expected an array, found ") + typeName(*v));
            return;
        }
        if (nonEmpty && v->empty())
            fail(p, "empty list");
        for (std::size_t i = 0; i < v->size(); ++i)
            each((*v)[i], child(p, i));
    }

    // A list of sourced texts; a single sourced text (an object) counts as a list of one.
    std::vector<SourcedText> texts(const json &obj, const std::string &pointer, const char *key, bool required = true)
    {
        std::vector<SourcedText> out;
        if (auto it = obj.find(key); it != obj.end() && it->is_object()) {
            out.push_back(sourcedText(*it, child(pointer, key)));
            return out;
        }
        array(obj, pointer, key, required, required,
              [&](const json &e, const std::string &p) { out.push_back(sourcedText(e, p)); });
        return out;
    }

    // Items with ids unique across the whole file (metrics, actions, ASCOF metrics).
    std::vector<Item> items(const json &obj, const std::string &pointer, const char *key, bool required,
                            std::map<std::string, std::string> &seen)
    {
        std::vector<Item> out;
        array(obj, pointer, key, required, required, [&](const json &e, const std::string &p) {
            if (!isObject(e, p))
                return;
            checkKeys(e, p, {"id", "text"});
            Item item;
            item.id = string(e, p, "id");
            item.text = requiredText(e, p, "text");
            unique(seen, item.id, child(p, "id"));
            out.push_back(std::move(item));
        });
        return out;
    }

    void unique(std::map<std::string, std::string> &seen, const std::string &id, const std::string &pointer)
    {
        if (id.empty())
            return;
        auto [it, inserted] = seen.emplace(id, pointer);
        if (!inserted)
            fail(pointer, "duplicate id \"" + id + "\" (first used at " + it->second + ")");
    }

    std::optional<Basis> basis(const json &obj, const std::string &pointer)
    {
        const std::string b = string(obj, pointer, "basis");
        if (b == "text")
            return Basis::Text;
        if (b == "app")
            return Basis::App;
        if (!b.empty())
            fail(child(pointer, "basis"), "basis must be \"text\" or \"app\", found \"" + b + "\"");
        return std::nullopt;
    }

private:
    std::string m_file;
    std::vector<Problem> &m_problems;
    std::set<std::string> m_sourceIds;
    bool m_checkSources = false;
};

void readMeta(Reader &r, const json &root, Framework &fw)
{
    const json *m = r.member(root, "", "meta", true);
    if (!m || !r.isObject(*m, "/meta"))
        return;
    const std::string p = "/meta";
    r.checkKeys(*m, p, {"id", "title", "short_title", "edition", "date", "publisher", "description", "sources"});
    std::set<std::string> ids;
    std::map<std::string, std::string> seen;
    bool sourcesOk = true;
    r.array(*m, p, "sources", true, true, [&](const json &e, const std::string &sp) {
        if (!r.isObject(e, sp)) {
            sourcesOk = false;
            return;
        }
        r.checkKeys(e, sp, {"id", "title", "file", "description"});
        Source s;
        s.id = r.string(e, sp, "id");
        s.title = r.string(e, sp, "title");
        s.file = r.string(e, sp, "file", false);
        s.description = r.string(e, sp, "description", false);
        r.unique(seen, s.id, sp + "/id");
        ids.insert(s.id);
        fw.meta.sources.push_back(std::move(s));
    });
    if (sourcesOk && !ids.empty())
        r.setSourceIds(ids);
    fw.meta.id = r.string(*m, p, "id");
    fw.meta.title = r.string(*m, p, "title");
    fw.meta.shortTitle = r.string(*m, p, "short_title", false);
    fw.meta.edition = r.string(*m, p, "edition");
    fw.meta.date = r.string(*m, p, "date");
    fw.meta.publisher = r.text(*m, p, "publisher", false).value_or(SourcedText{});
    fw.meta.description = r.text(*m, p, "description", false).value_or(SourcedText{});
}

void readLevels(Reader &r, const json &root, Framework &fw)
{
    r.array(root, "", "levels", true, true, [&](const json &e, const std::string &p) {
        if (!r.isObject(e, p))
            return;
        r.checkKeys(e, p, {"id", "label", "meaning"});
        Level l;
        l.id = r.integer(e, p, "id").value_or(0);
        l.label = r.requiredText(e, p, "label");
        l.meaning = r.text(e, p, "meaning", false).value_or(SourcedText{});
        const int expected = static_cast<int>(fw.levels.size()) + 1;
        if (l.id != 0 && l.id != expected)
            r.fail(p + "/id", "level ids must run 1, 2, 3 … in order; expected " + std::to_string(expected) +
                                  ", found " + std::to_string(l.id));
        fw.levels.push_back(std::move(l));
    });
    if (fw.levels.size() == 1)
        r.fail("/levels", "a scale needs at least two levels");
}

void readContext(Reader &r, const json &root, Framework &fw)
{
    const json *c = r.member(root, "", "context", true);
    const std::string p = "/context";
    if (!c || !r.isObject(*c, p))
        return;
    r.checkKeys(*c, p, {"audience", "structure", "definition", "issues", "myths_intro", "myths", "current_position", "study",
                        "challenges_intro", "challenges", "people_said", "previous_models"});
    Context &ctx = fw.context;
    ctx.audience = r.texts(*c, p, "audience", false);
    ctx.structure = r.texts(*c, p, "structure", false);
    ctx.definition = r.texts(*c, p, "definition");
    ctx.issues = r.texts(*c, p, "issues", false);
    ctx.mythsIntro = r.texts(*c, p, "myths_intro", false);
    r.array(*c, p, "myths", false, false, [&](const json &e, const std::string &mp) {
        if (!r.isObject(e, mp))
            return;
        r.checkKeys(e, mp, {"myth", "reality"});
        ctx.myths.push_back(Myth{r.requiredText(e, mp, "myth"), r.requiredText(e, mp, "reality")});
    });
    ctx.currentPosition = r.texts(*c, p, "current_position", false);
    if (const json *s = r.member(*c, p, "study", false); s && r.isObject(*s, p + "/study")) {
        const std::string sp = p + "/study";
        r.checkKeys(*s, sp, {"intro", "findings", "conclusion"});
        ctx.study.intro = r.requiredText(*s, sp, "intro");
        ctx.study.findings = r.texts(*s, sp, "findings");
        ctx.study.conclusion = r.texts(*s, sp, "conclusion", false);
    }
    ctx.challengesIntro = r.texts(*c, p, "challenges_intro", false);
    std::map<std::string, std::string> seen;
    r.array(*c, p, "challenges", false, false, [&](const json &e, const std::string &cp) {
        if (!r.isObject(e, cp))
            return;
        r.checkKeys(e, cp, {"id", "title", "text"});
        Challenge ch;
        ch.id = r.string(e, cp, "id");
        ch.title = r.requiredText(e, cp, "title");
        ch.text = r.requiredText(e, cp, "text");
        r.unique(seen, ch.id, cp + "/id");
        ctx.challenges.push_back(std::move(ch));
    });
    if (const json *s = r.member(*c, p, "people_said", false); s && r.isObject(*s, p + "/people_said")) {
        const std::string sp = p + "/people_said";
        r.checkKeys(*s, sp, {"intro", "priorities", "conclusion"});
        ctx.peopleSaid.intro = r.texts(*s, sp, "intro", false);
        ctx.peopleSaid.priorities = r.texts(*s, sp, "priorities");
        ctx.peopleSaid.conclusion = r.texts(*s, sp, "conclusion", false);
    }
    ctx.previousModels = r.texts(*c, p, "previous_models", false);
}

void readFeatureLevels(Reader &r, const json &f, const std::string &p, const Framework &fw, Feature &feature)
{
    std::map<int, std::string> seen;
    r.array(f, p, "levels", true, true, [&](const json &e, const std::string &lp) {
        if (!r.isObject(e, lp))
            return;
        r.checkKeys(e, lp, {"level", "label", "descriptor"});
        FeatureLevel fl;
        fl.level = r.integer(e, lp, "level").value_or(0);
        fl.label = r.requiredText(e, lp, "label");
        fl.descriptor = r.requiredText(e, lp, "descriptor");
        if (fl.level != 0) {
            if (!fw.level(fl.level))
                r.fail(lp + "/level", "level " + std::to_string(fl.level) + " is not on the scale in /levels");
            else if (auto [it, inserted] = seen.emplace(fl.level, lp); !inserted)
                r.fail(lp, "a second descriptor for level " + std::to_string(fl.level) + " (first at " + it->second + ")");
        }
        feature.levels.push_back(std::move(fl));
    });
    if (f.contains("levels") && f["levels"].is_array()) {
        for (const auto &level : fw.levels)
            if (level.id > 0 && !seen.count(level.id))
                r.fail(p + "/levels", "no descriptor for level " + std::to_string(level.id) + " (" + level.label.text + ")");
    }
    std::sort(feature.levels.begin(), feature.levels.end(),
              [](const FeatureLevel &a, const FeatureLevel &b) { return a.level < b.level; });
}

void readFeatures(Reader &r, const json &root, Framework &fw, std::map<std::string, std::string> &itemIds)
{
    std::map<std::string, std::string> seen;
    r.array(root, "", "features", true, true, [&](const json &f, const std::string &p) {
        if (!r.isObject(f, p))
            return;
        r.checkKeys(f, p, {"id", "title", "delivery_model_note", "introduction", "data_to_use", "metric_framework",
                           "additional_metrics", "ascof_metrics", "levels", "actions_heading", "targeted_actions",
                           "alignment_statement", "aligns_with"});
        Feature feature;
        feature.id = r.string(f, p, "id");
        r.unique(seen, feature.id, p + "/id");
        feature.title = r.requiredText(f, p, "title");
        feature.deliveryModelNote = r.text(f, p, "delivery_model_note", false);
        feature.introduction = r.texts(f, p, "introduction");
        feature.dataToUse = r.items(f, p, "data_to_use", false, itemIds);
        r.array(f, p, "metric_framework", false, false, [&](const json &e, const std::string &mp) {
            if (!r.isObject(e, mp))
                return;
            r.checkKeys(e, mp, {"id", "label", "items"});
            MetricCategory mc;
            mc.id = r.string(e, mp, "id");
            mc.label = r.requiredText(e, mp, "label");
            mc.items = r.requiredText(e, mp, "items");
            feature.metricFramework.push_back(std::move(mc));
        });
        feature.additionalMetrics = r.text(f, p, "additional_metrics", false);
        feature.ascofMetrics = r.items(f, p, "ascof_metrics", false, itemIds);
        readFeatureLevels(r, f, p, fw, feature);
        feature.actionsHeading = r.text(f, p, "actions_heading", false);
        feature.targetedActions = r.items(f, p, "targeted_actions", false, itemIds);
        feature.alignmentStatement = r.text(f, p, "alignment_statement", false);
        r.array(f, p, "aligns_with", false, false, [&](const json &e, const std::string &ap) {
            if (!r.isObject(e, ap))
                return;
            r.checkKeys(e, ap, {"change", "basis", "weight", "note"});
            Alignment a;
            a.change = r.string(e, ap, "change");
            a.basis = r.basis(e, ap).value_or(Basis::Text);
            if (const json *w = r.member(e, ap, "weight", false)) {
                if (!w->is_number() || w->get<double>() <= 0 || w->get<double>() > 10)
                    r.fail(ap + "/weight", "weight must be a number above 0 and at most 10");
                else
                    a.weight = w->get<double>();
            }
            a.note = r.text(e, ap, "note", a.basis == Basis::App);
            feature.alignsWith.push_back(std::move(a));
        });
        fw.features.push_back(std::move(feature));
    });
}

void readChanges(Reader &r, const json &root, Framework &fw)
{
    std::map<std::string, std::string> seen;
    r.array(root, "", "changes", true, true, [&](const json &c, const std::string &p) {
        if (!r.isObject(c, p))
            return;
        r.checkKeys(c, p, {"id", "title", "statements", "challenges", "actions"});
        Change change;
        change.id = r.string(c, p, "id");
        r.unique(seen, change.id, p + "/id");
        change.title = r.requiredText(c, p, "title");
        change.statements = r.texts(c, p, "statements", false);
        r.array(c, p, "challenges", false, false, [&](const json &e, const std::string &cp) {
            if (!r.isObject(e, cp))
                return;
            r.checkKeys(e, cp, {"challenge", "basis", "note"});
            ChallengeRef ref;
            ref.challenge = r.string(e, cp, "challenge");
            ref.basis = r.basis(e, cp).value_or(Basis::App);
            ref.note = r.text(e, cp, "note", false);
            change.challenges.push_back(std::move(ref));
        });
        std::map<std::string, std::string> actionIds;  // local to the change
        change.actions = r.items(c, p, "actions", false, actionIds);
        fw.changes.push_back(std::move(change));
    });
}

void readPrerequisites(Reader &r, const json &root, Framework &fw)
{
    r.array(root, "", "prerequisites", false, false, [&](const json &e, const std::string &p) {
        if (!r.isObject(e, p))
            return;
        r.checkKeys(e, p, {"change", "requires", "basis", "note", "quote"});
        Prerequisite pre;
        pre.change = r.string(e, p, "change");
        pre.required = r.string(e, p, "requires");
        pre.basis = r.basis(e, p).value_or(Basis::Text);
        pre.note = r.text(e, p, "note", true);
        pre.quote = r.text(e, p, "quote", false);
        fw.prerequisites.push_back(std::move(pre));
    });
}

void readParts(Reader &r, const json &root, Framework &fw)
{
    if (const json *b = r.member(root, "", "part_b", false); b && r.isObject(*b, "/part_b")) {
        r.checkKeys(*b, "/part_b", {"purpose", "each_feature_includes", "closing"});
        fw.partB.purpose = r.texts(*b, "/part_b", "purpose", false);
        fw.partB.eachFeatureIncludes = r.texts(*b, "/part_b", "each_feature_includes", false);
        fw.partB.closing = r.texts(*b, "/part_b", "closing", false);
    }
    if (const json *c = r.member(root, "", "part_c", false); c && r.isObject(*c, "/part_c")) {
        r.checkKeys(*c, "/part_c", {"introduction", "interdependence"});
        fw.partC.introduction = r.texts(*c, "/part_c", "introduction", false);
        fw.partC.interdependence = r.texts(*c, "/part_c", "interdependence", false);
    }
}

// Cross-references: alignments, prerequisites and challenge references resolve; no cycle.
void checkReferences(Reader &r, const Framework &fw)
{
    auto changeList = [&] {
        std::string s;
        for (const auto &c : fw.changes)
            s += (s.empty() ? "" : ", ") + c.id;
        return s;
    };
    for (std::size_t i = 0; i < fw.features.size(); ++i) {
        const auto &f = fw.features[i];
        std::set<std::string> aligned;
        for (std::size_t j = 0; j < f.alignsWith.size(); ++j) {
            const auto &a = f.alignsWith[j];
            const std::string p = "/features/" + std::to_string(i) + "/aligns_with/" + std::to_string(j) + "/change";
            if (!a.change.empty() && !fw.change(a.change))
                r.fail(p, "unknown change \"" + a.change + "\" (changes are: " + changeList() + ")");
            else if (!aligned.insert(a.change).second)
                r.fail(p, "feature " + f.id + " is aligned with change " + a.change + " twice");
        }
    }
    std::set<std::string> challengeIds;
    for (const auto &c : fw.context.challenges)
        challengeIds.insert(c.id);
    for (std::size_t i = 0; i < fw.changes.size(); ++i)
        for (std::size_t j = 0; j < fw.changes[i].challenges.size(); ++j) {
            const auto &id = fw.changes[i].challenges[j].challenge;
            if (!id.empty() && !challengeIds.count(id))
                r.fail("/changes/" + std::to_string(i) + "/challenges/" + std::to_string(j) + "/challenge",
                       "unknown challenge \"" + id + "\" (not in /context/challenges)");
        }
    bool resolved = true;
    for (std::size_t i = 0; i < fw.prerequisites.size(); ++i) {
        const auto &pre = fw.prerequisites[i];
        const std::string p = "/prerequisites/" + std::to_string(i);
        for (const auto &[key, id] : {std::pair{"change", pre.change}, std::pair{"requires", pre.required}}) {
            if (!id.empty() && !fw.change(id)) {
                r.fail(p + "/" + key, "unknown change \"" + id + "\" (changes are: " + changeList() + ")");
                resolved = false;
            }
        }
        if (!pre.change.empty() && pre.change == pre.required)
            r.fail(p, "change " + pre.change + " cannot be its own prerequisite");
    }
    if (!resolved)
        return;
    // Depth-first search for a cycle; names it, e.g. "A → B → C → A".
    std::map<std::string, int> state;  // 0 unvisited, 1 on the stack, 2 done
    std::vector<std::string> stack;
    std::function<bool(const std::string &)> visit = [&](const std::string &id) {
        state[id] = 1;
        stack.push_back(id);
        for (const auto &next : fw.prerequisitesOf(id)) {
            if (next == id)
                continue;  // reported above
            if (state[next] == 1) {
                std::string cycle;
                auto from = std::find(stack.begin(), stack.end(), next);
                for (auto it = from; it != stack.end(); ++it)
                    cycle += *it + " \u2192 ";
                r.fail("/prerequisites", "the prerequisites form a cycle: " + cycle + next);
                return true;
            }
            if (state[next] == 0 && visit(next))
                return true;
        }
        stack.pop_back();
        state[id] = 2;
        return false;
    };
    for (const auto &c : fw.changes)
        if (state[c.id] == 0 && visit(c.id))
            break;
}

}  // namespace

FrameworkLoadResult parseFramework(std::string_view bytes, const std::string &fileName)
{
    FrameworkLoadResult result;
    if (bytes.size() > kMaxFrameworkBytes) {
        result.problems.push_back({fileName, "", 0, 0,
                                   "file is too large for a framework (" + std::to_string(bytes.size()) +
                                       " bytes; the limit is " + std::to_string(kMaxFrameworkBytes) + ")"});
        return result;
    }
    json root;
    if (auto p = parseJsonText(bytes, fileName, root)) {
        p->message = "not valid JSON: " + p->message;
        result.problems.push_back(std::move(*p));
        return result;
    }

    Framework fw;
    Reader r(fileName, result.problems);
    if (!root.is_object()) {
        r.fail("", std::string("a framework file holds a JSON object, found ") + root.type_name());
        return result;
    }
    r.checkKeys(root, "", {"format", "meta", "levels", "context", "part_b", "features", "changes", "part_c",
                           "prerequisites"});
    const auto format = r.integer(root, "", "format");
    if (format && *format != 1) {
        r.fail("/format", "format " + std::to_string(*format) + " is not supported (this version reads format 1)");
        return result;
    }
    readMeta(r, root, fw);
    readLevels(r, root, fw);
    readContext(r, root, fw);
    readParts(r, root, fw);
    std::map<std::string, std::string> itemIds;
    readFeatures(r, root, fw, itemIds);
    readChanges(r, root, fw);
    readPrerequisites(r, root, fw);
    checkReferences(r, fw);

    if (result.problems.empty()) {
        fw.contentHash = sha256Hex(bytes);
        result.framework = std::move(fw);
    }
    return result;
}

FrameworkLoadResult loadFrameworkFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        FrameworkLoadResult result;
        result.problems.push_back({path, "", 0, 0, "cannot open the file for reading"});
        return result;
    }
    // Refused by its size before it is read: a huge file is never loaded into memory.
    std::error_code ec;
    if (const auto size = std::filesystem::file_size(path, ec); !ec && size > kMaxFrameworkBytes) {
        FrameworkLoadResult result;
        result.problems.push_back({path, "", 0, 0,
                                   "the file is too large for a framework file (" + std::to_string(size) +
                                       " bytes; the limit is " + std::to_string(kMaxFrameworkBytes) + ")"});
        return result;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parseFramework(buffer.str(), path);
}

}  // namespace hicm
