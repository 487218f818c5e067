// Test helper: calls back for every sourced text in a framework, with where it sits.
#pragma once

#include "framework.h"

#include <functional>
#include <string>

namespace hicm::test {

using TextVisitor = std::function<void(const SourcedText &, const std::string &where)>;

inline void visitTexts(const Framework &fw, const TextVisitor &visit)
{
    auto all = [&](const std::vector<SourcedText> &texts, const std::string &where) {
        for (std::size_t i = 0; i < texts.size(); ++i)
            visit(texts[i], where + "[" + std::to_string(i) + "]");
    };
    auto opt = [&](const std::optional<SourcedText> &t, const std::string &where) {
        if (t)
            visit(*t, where);
    };
    auto items = [&](const std::vector<Item> &list, const std::string &where) {
        for (const auto &item : list)
            visit(item.text, where + " " + item.id);
    };
    if (!fw.meta.description.text.empty())
        visit(fw.meta.description, "meta.description");
    for (const auto &l : fw.levels) {
        visit(l.label, "level " + std::to_string(l.id) + " label");
        if (!l.meaning.text.empty())
            visit(l.meaning, "level " + std::to_string(l.id) + " meaning");
    }
    const auto &c = fw.context;
    all(c.audience, "context.audience");
    all(c.structure, "context.structure");
    all(c.definition, "context.definition");
    all(c.issues, "context.issues");
    for (std::size_t i = 0; i < c.myths.size(); ++i) {
        visit(c.myths[i].myth, "myth " + std::to_string(i));
        visit(c.myths[i].reality, "reality " + std::to_string(i));
    }
    all(c.currentPosition, "context.current_position");
    if (!c.study.intro.text.empty())
        visit(c.study.intro, "study.intro");
    all(c.study.findings, "study.findings");
    all(c.study.conclusion, "study.conclusion");
    all(c.challengesIntro, "context.challenges_intro");
    for (const auto &ch : c.challenges) {
        visit(ch.title, "challenge " + ch.id + " title");
        visit(ch.text, "challenge " + ch.id + " text");
    }
    all(c.peopleSaid.intro, "people_said.intro");
    all(c.peopleSaid.priorities, "people_said.priorities");
    all(c.peopleSaid.conclusion, "people_said.conclusion");
    all(c.previousModels, "context.previous_models");
    all(fw.partB.purpose, "part_b.purpose");
    all(fw.partB.eachFeatureIncludes, "part_b.each_feature_includes");
    all(fw.partB.closing, "part_b.closing");
    for (const auto &f : fw.features) {
        visit(f.title, f.id + " title");
        opt(f.deliveryModelNote, f.id + " delivery_model_note");
        all(f.introduction, f.id + " introduction");
        items(f.dataToUse, f.id + " data_to_use");
        for (const auto &m : f.metricFramework) {
            visit(m.label, f.id + " metric_framework " + m.id + " label");
            visit(m.items, f.id + " metric_framework " + m.id + " items");
        }
        opt(f.additionalMetrics, f.id + " additional_metrics");
        items(f.ascofMetrics, f.id + " ascof_metrics");
        for (const auto &l : f.levels) {
            visit(l.label, f.id + " level " + std::to_string(l.level) + " label");
            visit(l.descriptor, f.id + " level " + std::to_string(l.level) + " descriptor");
        }
        opt(f.actionsHeading, f.id + " actions_heading");
        items(f.targetedActions, f.id + " targeted_actions");
        opt(f.alignmentStatement, f.id + " alignment_statement");
        for (const auto &a : f.alignsWith)
            opt(a.note, f.id + " aligns_with " + a.change + " note");
    }
    for (const auto &ch : fw.changes) {
        visit(ch.title, "change " + ch.id + " title");
        all(ch.statements, "change " + ch.id + " statements");
        for (const auto &r : ch.challenges)
            opt(r.note, "change " + ch.id + " challenge " + r.challenge + " note");
        items(ch.actions, "change " + ch.id + " actions");
    }
    all(fw.partC.introduction, "part_c.introduction");
    all(fw.partC.interdependence, "part_c.interdependence");
    for (const auto &p : fw.prerequisites) {
        opt(p.note, "prerequisite " + p.change + "<-" + p.required + " note");
        opt(p.quote, "prerequisite " + p.change + "<-" + p.required + " quote");
    }
}

}  // namespace hicm::test
