// One-field feature edits for tests, benchmarks and fault programs that write a workspace directly, as
// another program would: Workspace::updateFeature with a FeatureEdit that sets one field (the app and
// the CLI build the same FeatureEdit from a document::EditFeature).
#pragma once

#include "workspace_types.h"

#include <cstdint>
#include <optional>
#include <string>

namespace hicm::test {

// One partner's level (nullopt clears it) and, when given, their note.
inline storage::FeatureEdit partnerLevelEdit(std::int64_t partnerId, std::optional<int> level,
                                             std::optional<std::string> note = std::nullopt)
{
    storage::FeatureEdit edit;
    edit.partnerLevels.push_back({partnerId, level, std::move(note)});
    return edit;
}

// The agreed level (nullopt clears it) and, when given, its rationale.
inline storage::FeatureEdit agreedLevelEdit(std::optional<int> level, std::optional<std::string> rationale = std::nullopt)
{
    storage::FeatureEdit edit;
    edit.agreedLevel = level;
    edit.rationale = std::move(rationale);
    return edit;
}

inline storage::FeatureEdit targetEdit(std::optional<int> level)
{
    storage::FeatureEdit edit;
    edit.targetLevel = level;
    return edit;
}

inline storage::FeatureEdit confidenceEdit(Confidence confidence)
{
    storage::FeatureEdit edit;
    edit.confidence = confidence;
    return edit;
}

inline storage::FeatureEdit weightEdit(int weight)
{
    storage::FeatureEdit edit;
    edit.weight = weight;
    return edit;
}

inline storage::FeatureEdit evidenceEdit(std::string evidence)
{
    storage::FeatureEdit edit;
    edit.evidence = std::move(evidence);
    return edit;
}

}  // namespace hicm::test
