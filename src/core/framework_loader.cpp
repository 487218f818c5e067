#include "framework_loader.h"

#include "framework_reader.h"
#include "hash.h"
#include "json_text.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace hicm {

using framework_json::child;
using framework_json::json;
using framework_json::Reader;

namespace {

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
