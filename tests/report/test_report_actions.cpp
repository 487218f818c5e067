// A reassessment's report, read back from the PDF: what became of last time's actions (completed,
// dropped, carried, not carried), the carried actions marked in this plan, and the Dropped status.
#include "reassessment.h"
#include "report.h"
#include "report_test_support.h"

using namespace hicm;
using namespace hicm::test;

TEST_CASE("a reassessment's report says what became of last time's actions", "[pdf][actions]")
{
    const Framework &fw = bundledFramework();
    Assessment before = sampleAssessment(fw, true); // actions 1 done, 2 and 3 in progress
    before.actions.push_back({4, "Weekend therapy rota pilot", "F", "B3", "Trust therapy lead", "2024-09-30",
                              ActionStatus::Dropped, "", std::nullopt});
    before.actions.push_back({5, "Refresh the directory of services", "E", "B1", "ICB comms", "", ActionStatus::NotStarted,
                              "", std::nullopt});
    Assessment now = sampleAssessment(fw);
    const Assessment planned = planReassessment(before, now.date, now.title);
    now.previousId = before.id;
    now.actions.clear();
    std::int64_t id = 10;
    for (const auto &carried : planned.actions)
        if (carried.text != "Refresh the directory of services") { // the room did not carry this one
            Action a = carried;
            a.id = id++;
            now.actions.push_back(a);
        }
    REQUIRE(now.actions.size() == 2);
    now.actions[0].status = ActionStatus::Done;
    now.actions.push_back({20, "Stop the spot-purchase framework", "C", "B6", "Commissioning", "2025-06-30",
                           ActionStatus::Dropped, "", std::nullopt});
    const Prioritisation p = prioritise(fw, now);
    TempDir dir("hicm-report");
    const QString path = QString::fromStdString(dir.file("report.pdf"));
    REQUIRE(report::writePdf({fw, now, p, &before, nullptr, QDate(2025, 3, 20)}, path).ok);
    const QString all = pdfPages(path).join(QLatin1Char(' '));
    const qsizetype last = all.indexOf(QStringLiteral("Last time\u2019s actions (14 March 2024)"));
    REQUIRE(last > 0);
    const qsizetype plan = all.lastIndexOf(QStringLiteral("Action plan"), last);
    REQUIRE(plan > 0);
    const QString thisPlan = all.mid(plan, last - plan), lastPlan = all.mid(last);
    INFO(thisPlan.toStdString());
    INFO(lastPlan.toStdString());
    // This plan: the carried actions marked, the dropped one said so.
    CHECK(thisPlan.contains(QStringLiteral("3 actions: 1 done, 1 in progress, 0 not started, 1 dropped.")));
    CHECK(thisPlan.contains(QStringLiteral("Two were carried from the previous plan.")));
    CHECK(thisPlan.count(QStringLiteral("Carried from 14 March 2024")) == 2);
    CHECK(thisPlan.indexOf(QStringLiteral("Dropped"), thisPlan.indexOf(QStringLiteral("Stop the spot-purchase framework"))) > 0);
    // Last time's plan: each action with what became of it.
    CHECK(lastPlan.contains(QStringLiteral("Of the five actions of the previous plan: one completed, one dropped, two "
                                           "carried into this plan, one not carried.")));
    const auto outcome = [&](const Action &a) {
        const qsizetype at = lastPlan.indexOf(QString::fromStdString(a.text));
        REQUIRE(at >= 0);
        return lastPlan.mid(at, 260);
    };
    CHECK(outcome(before.actions[0]).contains(QStringLiteral("Completed")));
    CHECK(outcome(before.actions[1]).contains(QStringLiteral("Carried into this plan (now done)")));
    CHECK(outcome(before.actions[2]).contains(QStringLiteral("Carried into this plan (now in progress)")));
    CHECK(outcome(before.actions[3]).contains(QStringLiteral("Dropped")));
    CHECK(outcome(before.actions[4]).contains(QStringLiteral("Not carried into this plan")));
}
