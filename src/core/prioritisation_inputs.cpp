// The prioritisation engine's inputs, one per framework feature, read from the assessment, and the
// findings about them (docs/prioritisation.md, "Inputs" and "Findings"). Values the framework does not
// know are left out, and said so.
#include "prioritisation.h"

#include <algorithm>

namespace hicm {

std::optional<int> medianRoundedDown(std::vector<int> levels)
{
    if (levels.empty())
        return std::nullopt;
    std::sort(levels.begin(), levels.end());
    const std::size_t n = levels.size();
    if (n % 2 == 1)
        return levels[n / 2];
    // The mean of the two middle levels, rounded down (levels are positive, so integer division floors).
    return (levels[n / 2 - 1] + levels[n / 2]) / 2;
}

namespace {

// Reads one feature of the assessment; `ignored` collects what is left out and why.
FeatureInput readFeature(const Framework &fw, const Feature &f, const FeatureAssessment *fa,
                         std::vector<std::string> &ignored)
{
    FeatureInput in;
    in.featureId = f.id;
    in.title = f.title.text;
    in.target = fw.topLevel();
    if (!fa)
        return in;

    std::vector<int> values;
    for (const auto &pl : fa->partnerLevels) {
        if (!fw.level(pl.level)) {
            ignored.push_back(f.id + ": " + pl.partner + "'s level " + std::to_string(pl.level) +
                              " is not on the scale; left out");
            continue;
        }
        in.partnerLevels.push_back(pl);
        values.push_back(pl.level);
    }
    if (!values.empty()) {
        const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
        in.partnerSpread = *hi - *lo;
    }

    if (fa->agreedLevel && fw.level(*fa->agreedLevel)) {
        in.level = fa->agreedLevel;
    } else {
        if (fa->agreedLevel)
            ignored.push_back(f.id + ": agreed level " + std::to_string(*fa->agreedLevel) +
                              " is not on the scale; left out");
        in.level = medianRoundedDown(values);
        in.provisional = in.level.has_value();
    }

    if (fa->targetLevel) {
        if (fw.level(*fa->targetLevel))
            in.target = *fa->targetLevel;
        else
            ignored.push_back(f.id + ": target level " + std::to_string(*fa->targetLevel) +
                              " is not on the scale; the top level is used");
    }
    in.weight = std::clamp(fa->weight, 1, 3);
    if (in.weight != fa->weight)
        ignored.push_back(f.id + ": importance weight " + std::to_string(fa->weight) + " is outside 1 to 3; " +
                          std::to_string(in.weight) + " is used");
    in.confidence = fa->confidence;
    if (in.level)
        in.gap = std::max(0, in.target - *in.level);
    return in;
}

} // namespace

std::vector<FeatureInput> prioritisationInputs(const Framework &fw, const Assessment &assessment)
{
    std::vector<std::string> ignored;
    std::vector<FeatureInput> out;
    for (const auto &f : fw.features)
        out.push_back(readFeature(fw, f, assessment.feature(f.id), ignored));
    return out;
}

std::vector<std::string> prioritisationIgnored(const Framework &fw, const Assessment &assessment)
{
    std::vector<std::string> ignored;
    for (const auto &f : fw.features)
        readFeature(fw, f, assessment.feature(f.id), ignored);
    for (const auto &fa : assessment.features)
        if (!fw.feature(fa.featureId))
            ignored.push_back(fa.featureId + ": not a feature of this framework; left out");
    return ignored;
}

Findings prioritisationFindings(const Framework &fw, const Assessment &assessment,
                                const std::vector<FeatureInput> &inputs)
{
    Findings out;
    for (const auto &in : inputs) {
        if (in.partnerSpread >= 2)
            out.noSharedView.push_back(in); // partners two or more levels apart
        if (in.confidence == Confidence::Low)
            out.lowConfidence.push_back(in);
        if (!in.level)
            out.notScored.push_back(in);
        if (in.provisional)
            out.provisional.push_back(in);
    }
    out.ignored = prioritisationIgnored(fw, assessment);
    return out;
}

} // namespace hicm
