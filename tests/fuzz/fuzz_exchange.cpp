// Fuzzes the exchange-file reader (hicm::parseExchange), the import path of files from other laptops.
// Properties checked besides "no crash, no memory error, no undefined behaviour":
//   - a file comes back exactly when no problem is reported, and every problem names the file;
//   - what the reader accepts is what it promises: the assessment fits the framework carried with it,
//     and after assessmentForImport() it is still accepted by the same check storage makes;
//   - writing an accepted file out again gives a file the reader accepts;
//   - the accepted assessment can be mapped onto the bundled framework, compared and prioritised.
#include "assessment_json.h"
#include "compare.h"
#include "exchange.h"
#include "fuzz_support.h"
#include "prioritisation.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace hicm;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    const ExchangeReadResult result = parseExchange(bytes, "fuzz.hicm.json");
    if (result.ok() != result.problems.empty())
        fuzz::broken(result.ok() ? "a file came back with problems" : "a refusal gave no problem");
    for (const auto &problem : result.problems)
        if (problem.file != "fuzz.hicm.json" || problem.message.empty())
            fuzz::broken("a problem without its file or message");
    if (!result.ok())
        return 0;

    const ExchangeFile &file = *result.file;
    if (!file.framework)
        fuzz::broken("an accepted file without its framework");
    const Framework &fw = *file.framework;
    const Assessment imported = assessmentForImport(file);
    std::vector<Problem> problems;
    if (!checkAssessmentAgainstFramework(imported, fw, "import", problems))
        fuzz::broken("an accepted file's assessment does not fit its own framework");

    const std::string again = exchangeToString(file.assessment, file.frameworkJson, file.exported);
    const ExchangeReadResult reread = parseExchange(again, "again.hicm.json");
    if (!reread.ok())
        fuzz::broken("an accepted file, written out again, is refused");

    std::vector<std::string> notes;
    const Framework &bundled = fuzz::bundledFramework();
    const Assessment mapped = mapAssessmentToFramework(imported, fw, bundled, notes);
    problems.clear();
    if (!checkAssessmentAgainstFramework(mapped, bundled, "mapped", problems))
        fuzz::broken("an assessment mapped onto the bundled framework does not fit it");
    (void)prioritisationToJson(prioritise(bundled, mapped)).dump();
    (void)compareToJson(compareAssessments(fw, imported, bundled, mapped)).dump();
    return 0;
}
