// Fuzzes the framework loader (hicm::parseFramework) with arbitrary bytes. Properties checked besides
// "no crash, no memory error, no undefined behaviour":
//   - a framework comes back exactly when no problem is reported, and a refusal always says why;
//   - every problem names the file and has a message;
//   - a framework the loader accepts is safe to use: its queries and the prioritisation engine run on
//     it (an assessment scored at the lowest level with every partner disagreeing), and so does the
//     engine's JSON.
#include "assessment_json.h"
#include "framework_loader.h"
#include "fuzz_support.h"
#include "prioritisation.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace hicm;

namespace {

void useFramework(const Framework &fw)
{
    (void)fw.summary();
    (void)fw.parseLevel("2");
    (void)fw.parseLevel("developing");
    for (const auto &change : fw.changes) {
        (void)fw.featuresAlignedWith(change.id);
        (void)fw.prerequisitesOf(change.id);
    }
    for (const auto &level : fw.levels)
        (void)level.allLabels();

    Assessment a;
    a.area = "Fuzz";
    a.partners = {Partner{1, "P1", OrgType::Icb, ""}, Partner{2, "P2", OrgType::Vcfse, ""}};
    const int bottom = fw.levels.empty() ? 0 : fw.levels.front().id;
    for (const auto &feature : fw.features) {
        FeatureAssessment f;
        f.featureId = feature.id;
        f.partnerLevels = {PartnerLevel{"P1", bottom, ""}, PartnerLevel{"P2", fw.topLevel(), ""}};
        if (!feature.targetedActions.empty())
            f.plannedActions.push_back(feature.targetedActions.front().id);
        a.features.push_back(std::move(f));
    }
    if (!fw.changes.empty())
        a.overrides.push_back(Override{fw.changes.back().id, OverrideKind::Pin, "fuzz"});
    std::vector<Problem> problems;
    if (!checkAssessmentAgainstFramework(a, fw, "fuzz", problems))
        fuzz::broken("an assessment built from the framework's own ids fails the framework's check");
    const Prioritisation p = prioritise(fw, a);
    (void)prioritisationToJson(p).dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    const FrameworkLoadResult result = parseFramework(bytes, "fuzz.json");
    if (result.ok() != result.problems.empty())
        fuzz::broken(result.ok() ? "a framework came back with problems" : "a refusal gave no problem");
    for (const auto &problem : result.problems) {
        if (problem.file != "fuzz.json" || problem.message.empty())
            fuzz::broken("a problem without its file or message");
        (void)problem.toString();
    }
    if (result.ok())
        useFramework(*result.framework);
    return 0;
}
