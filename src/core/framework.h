// The High Impact Change Model as data: what a framework file holds, once the loader has checked it.
// Qt-free. See docs/framework-format.md for the file format.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hicm {

// One wording of a text, and the source texts that contain it word for word.
struct TextVariant {
    std::string text;
    std::vector<std::string> sources;
};

// A text with its provenance; `variants` hold other sources' wording of the same thing.
struct SourcedText {
    std::string text;
    std::vector<std::string> sources;
    std::vector<TextVariant> variants;

    bool isAppOwn() const { return sources.size() == 1 && sources.front() == "app"; }
    bool empty() const { return text.empty(); }
};

enum class Basis { Text, App };
const char *basisName(Basis b);

struct Source {
    std::string id;
    std::string title;
    std::string file;  // relative to the framework file's folder; empty for the app's own
    std::string description;
};

struct Meta {
    std::string id;
    std::string title;
    std::string shortTitle;
    std::string edition;
    std::string date;
    SourcedText publisher;
    SourcedText description;
    std::vector<Source> sources;
};

struct Level {
    int id = 0;
    SourcedText label;
    SourcedText meaning;
    // Every label the texts use for this level (the main one first), e.g. "Not yet established",
    // "Foundational".
    std::vector<std::string> allLabels() const;
};

// A listed item with a stable id: a "data to use" metric, a targeted action, an ASCOF metric.
struct Item {
    std::string id;
    SourcedText text;
};

struct MetricCategory {
    std::string id;
    SourcedText label;
    SourcedText items;
};

struct FeatureLevel {
    int level = 0;
    SourcedText label;
    SourcedText descriptor;
};

struct Alignment {
    std::string change;
    Basis basis = Basis::Text;
    double weight = 1.0;
    std::optional<SourcedText> note;
};

struct Feature {
    std::string id;
    SourcedText title;
    std::optional<SourcedText> deliveryModelNote;
    std::vector<SourcedText> introduction;
    std::vector<Item> dataToUse;
    std::vector<MetricCategory> metricFramework;
    std::optional<SourcedText> additionalMetrics;
    std::vector<Item> ascofMetrics;
    std::vector<FeatureLevel> levels;
    std::optional<SourcedText> actionsHeading;
    std::vector<Item> targetedActions;
    std::optional<SourcedText> alignmentStatement;
    std::vector<Alignment> alignsWith;

    const FeatureLevel *level(int levelId) const;
    const Item *metric(const std::string &metricId) const;
    const Item *action(const std::string &actionId) const;
    bool alignsWithChange(const std::string &changeId) const;
};

struct ChallengeRef {
    std::string challenge;
    Basis basis = Basis::App;
    std::optional<SourcedText> note;
};

struct Change {
    std::string id;
    SourcedText title;
    std::vector<SourcedText> statements;
    std::vector<ChallengeRef> challenges;
    std::vector<Item> actions;  // the change's own numbered actions; ids local to the change
};

struct Prerequisite {
    std::string change;    // this change...
    std::string required;  // ...needs this one under way first
    Basis basis = Basis::Text;
    std::optional<SourcedText> note;
    std::optional<SourcedText> quote;
};

struct Challenge {
    std::string id;
    SourcedText title;
    SourcedText text;
};

struct Myth {
    SourcedText myth;
    SourcedText reality;
};

struct Study {
    SourcedText intro;
    std::vector<SourcedText> findings;
    std::vector<SourcedText> conclusion;
};

struct PeopleSaid {
    std::vector<SourcedText> intro;
    std::vector<SourcedText> priorities;
    std::vector<SourcedText> conclusion;
};

struct Context {
    std::vector<SourcedText> audience;
    std::vector<SourcedText> structure;
    std::vector<SourcedText> definition;
    std::vector<SourcedText> issues;
    std::vector<SourcedText> mythsIntro;
    std::vector<Myth> myths;
    std::vector<SourcedText> currentPosition;
    Study study;
    std::vector<SourcedText> challengesIntro;
    std::vector<Challenge> challenges;
    PeopleSaid peopleSaid;
    std::vector<SourcedText> previousModels;
};

struct PartB {
    std::vector<SourcedText> purpose;
    std::vector<SourcedText> eachFeatureIncludes;
    std::vector<SourcedText> closing;
};

struct PartC {
    std::vector<SourcedText> introduction;
    std::vector<SourcedText> interdependence;
};

class Framework {
public:
    int format = 1;
    Meta meta;
    std::vector<Level> levels;
    Context context;
    PartB partB;
    std::vector<Feature> features;
    std::vector<Change> changes;
    PartC partC;
    std::vector<Prerequisite> prerequisites;

    // SHA-256 of the file's bytes, lower-case hex: identifies the edition an assessment was scored on.
    std::string contentHash;

    const Feature *feature(const std::string &id) const;
    const Change *change(const std::string &id) const;
    const Level *level(int id) const;
    const Source *source(const std::string &id) const;
    int topLevel() const { return levels.empty() ? 0 : levels.back().id; }

    // A level given as a number ("2") or any label the texts use ("developing", "Foundational"),
    // case-insensitively. nullopt when it names no level.
    std::optional<int> parseLevel(const std::string &text) const;
    // The features aligned with a change, in framework order.
    std::vector<const Feature *> featuresAlignedWith(const std::string &changeId) const;
    // The changes `changeId` directly requires.
    std::vector<std::string> prerequisitesOf(const std::string &changeId) const;
    // One-line summary, e.g. "8 features, 6 changes, 3 levels".
    std::string summary() const;
};

}  // namespace hicm
