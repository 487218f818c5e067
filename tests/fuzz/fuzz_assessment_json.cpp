// Fuzzes reading an assessment from JSON: nlohmann's parser, hicm::assessmentFromJson and
// hicm::checkAssessmentAgainstFramework (against the bundled framework and the mini test framework).
// Properties checked besides "no crash, no memory error, no undefined behaviour":
//   - a refusal always says why (at least one problem), and an accepted assessment adds none;
//   - an accepted assessment survives a round trip: its JSON reads back to the same JSON;
//   - one that also passes the framework check can be prioritised, and the result written as JSON.
#include "assessment_json.h"
#include "fuzz_support.h"
#include "prioritisation.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>

using namespace hicm;
using nlohmann::json;

namespace {

void againstFramework(const Assessment &a, const Framework &fw)
{
    std::vector<Problem> problems;
    const bool ok = checkAssessmentAgainstFramework(a, fw, "fuzz.json", problems);
    if (ok != problems.empty())
        fuzz::broken("the framework check's answer and its problems disagree");
    if (!ok)
        return;
    const Prioritisation p = prioritise(fw, a);
    (void)prioritisationToJson(p).dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const json parsed = json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded())
        return 0;
    std::vector<Problem> problems;
    const auto assessment = assessmentFromJson(parsed, "fuzz.json", problems);
    if (assessment.has_value() != problems.empty())
        fuzz::broken(assessment ? "an assessment came back with problems" : "a refusal gave no problem");
    if (!assessment)
        return 0;

    const json written = assessmentToJson(*assessment);
    std::vector<Problem> again;
    const auto reread = assessmentFromJson(written, "round-trip.json", again);
    if (!reread)
        fuzz::broken("the JSON of an accepted assessment does not read back");
    if (assessmentToJson(*reread) != written)
        fuzz::broken("an assessment's JSON changes on a round trip");
    (void)written.dump(-1, ' ', false, json::error_handler_t::replace);

    againstFramework(*assessment, fuzz::bundledFramework());
    againstFramework(*assessment, fuzz::miniFramework());
    return 0;
}
