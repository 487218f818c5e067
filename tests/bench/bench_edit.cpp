// Edit latency: 2,000 partner levels, each with its note, recorded through the storage layer on a
// workspace of 200 assessments, each edit one durable transaction (WAL, synchronous=FULL, committed
// before the call returns). Prints p50, p99, mean and max per edit, and the same for evidence notes.
//   bench_edit [EDITS]   (default 2000)
#include "bench_support.h"
#include "feature_edits.h"

#include <cstdlib>

using namespace hicm;
using namespace hicm::bench;

namespace {

void report(const std::string &what, const std::vector<double> &ms)
{
    double sum = 0;
    for (double v : ms)
        sum += v;
    figure("edit", what + ", p50", percentile(ms, 50), "ms");
    figure("edit", what + ", p99", percentile(ms, 99), "ms",
           "mean " + fixed(sum / static_cast<double>(ms.size())) + " ms, max " + fixed(maxOf(ms)) + " ms, " +
               std::to_string(ms.size()) + " edits in " + fixed(sum / 1000.0) + " s");
}

}  // namespace

int main(int argc, char **argv)
{
    const int edits = argc > 1 ? std::max(100, std::atoi(argv[1])) : 2000;
    test::TempDir dir("hicm-bench-edit");
    const std::string path = dir.file("region.hicmws");
    makeWorkspace(path, 200);
    auto ws = storage::Workspace::open(path);
    if (!ws) {
        std::fprintf(stderr, "%s\n", ws.error().toString().c_str());
        return 1;
    }
    // The latest assessment with the most partners: the one a workshop would be editing.
    std::int64_t id = 0;
    Assessment assessment;
    const auto list = ws->listAssessments();
    if (!list)
        return 1;
    for (const auto &s : *list) {
        auto a = ws->loadAssessment(s.id);  // a draft: a final assessment is locked
        if (a && a->status == AssessmentStatus::Draft && a->partners.size() >= assessment.partners.size()) {
            assessment = *a;
            id = s.id;
        }
    }
    note("edit", "assessment " + std::to_string(id) + " of 200, " + std::to_string(assessment.partners.size()) +
                     " partners; every edit durable (WAL, synchronous=FULL)");

    std::vector<double> levels, notes;
    levels.reserve(static_cast<std::size_t>(edits));
    for (int i = 0; i < edits; ++i) {
        const auto &feature = assessment.features[static_cast<std::size_t>(i) % assessment.features.size()];
        const auto &partner = assessment.partners[static_cast<std::size_t>(i / 8) % assessment.partners.size()];
        const int level = 1 + (i % 3);
        const std::string text = "Note " + std::to_string(i) + ": referrals wait too long at weekends.";
        storage::Status status = storage::Done{};
        levels.push_back(timeMs([&] { status = ws->updateFeature(id, feature.featureId, test::partnerLevelEdit(partner.id, level, text)); }));
        if (!status) {
            std::fprintf(stderr, "edit %d failed: %s\n", i, status.error().toString().c_str());
            return 1;
        }
    }
    report("recorded level + note (" + std::to_string(edits) + ")", levels);
    for (int i = 0; i < edits / 4; ++i) {
        const auto &feature = assessment.features[static_cast<std::size_t>(i) % assessment.features.size()];
        storage::Status status = storage::Done{};
        notes.push_back(timeMs([&] { status = ws->updateFeature(id, feature.featureId, test::evidenceEdit("Evidence note " + std::to_string(i))); }));
        if (!status)
            return 1;
    }
    report("evidence note (" + std::to_string(notes.size()) + ")", notes);
    auto check = ws->integrityCheck();
    note("edit", "integrity after the edits: " + (check ? *check : check.error().toString()));
    return check && *check == "ok" ? 0 : 1;
}
