// The Compare and Trend views and the merge view, offscreen: built from a real workspace through the
// session, they show what moved, chart it, and merge a partner's file only when every conflict is
// decided.
#include "chartview.h"
#include "comparepage.h"
#include "exchange.h"
#include "exchangeactions.h"
#include "feature_edits.h"
#include "mergedialog.h"
#include "messages.h"
#include "session.h"
#include "storage_support.h"
#include "test_paths.h"
#include "trendpage.h"

#include <catch2/catch.hpp>

#include <filesystem>

#include <QComboBox>
#include <QCoreApplication>
#include <QImage>
#include <QLabel>
#include <QTableWidget>
#include <QTextBrowser>

using namespace hicm;
using namespace hicm::gui;
using namespace hicm::test;

namespace {

// Two assessments of North Shire a year apart, the second reassessing the first, and one of South Vale.
std::unique_ptr<Session> workshopSession(const TempDir &dir)
{
    std::int64_t second = 0;
    {
        // Written before the app opens the workspace, as another program would have.
        storage::Workspace ws = openWorkspace(dir.file("w.hicmws"));
        storage::NewAssessment fields;
        fields.area = "North Shire";
        fields.date = "2024-05-01";
        fields.partners = {{0, "North ICB", OrgType::Icb, ""}, {0, "<b>Acme & Sons</b>", OrgType::CareProvider, ""}};
        const auto first = *ws.createAssessment(fields, miniFrameworkJson());
        REQUIRE(ws.updateFeature(first, "B1", agreedLevelEdit(1)).ok());
        REQUIRE(ws.setMetric(first, "B1", {"B1.M1", "120", "", "", ""}).ok());
        fields.date = "2025-05-01";
        fields.previousId = first;
        second = *ws.createAssessment(fields, miniFrameworkJson());
        REQUIRE(ws.updateFeature(second, "B1", agreedLevelEdit(2, std::string("<script>one door</script>"))).ok());
        REQUIRE(ws.setMetric(second, "B1", {"B1.M1", "150", "", "", ""}).ok());
        fields.area = "South Vale";
        fields.previousId.reset();
        REQUIRE(ws.createAssessment(fields, miniFrameworkJson()).ok());
    }
    QString error;
    auto session = Session::open(QString::fromStdString(dir.file("w.hicmws")), &error);
    REQUIRE(session);
    REQUIRE(session->openAssessment(second));
    return session;
}

} // namespace

TEST_CASE("compare view: the open assessment and the one it reassesses, by default", "[gui][compare]")
{
    TempDir dir("hicm-gui-compare");
    auto session = workshopSession(dir);
    ComparePage page(session.get());
    page.resize(1200, 700);
    page.show();
    CHECK(page.beforeBox()->currentData().toLongLong() == 1);
    CHECK(page.afterBox()->currentData().toLongLong() == 2);
    const QString text = page.text()->toPlainText();
    CHECK(text.contains(
        QStringLiteral("B1 Access: up from 1 Foundational to 2 Developing. Why: <script>one door</script>")));
    CHECK(page.text()->toHtml().contains(QStringLiteral("&lt;script&gt;"))); // user text is text
    CHECK(text.contains(QStringLiteral("120")));
    CHECK(page.radar()->accessibleDescription().contains(QStringLiteral("B1 then 1, now 2")));
    QImage image(page.radar()->size(), QImage::Format_RGB32);
    page.radar()->render(&image); // paints without crashing
    page.grab().save(
        QString::fromStdString(std::filesystem::temp_directory_path().string() + "/hicm-compare-view.png"));

    page.selectPair(3, 2);
    CHECK(page.text()->toPlainText().contains(QStringLiteral("different areas")));
    page.selectPair(2, 2);
    CHECK(page.text()->toPlainText().contains(QStringLiteral("Pick two different assessments")));
}

TEST_CASE("compare view: the area's first assessment is then to the next one, never now to a later one", "[gui][compare]")
{
    // Opened on North Shire's first assessment, Compare showed "Then: 2025 → Now: 2024" with a note that
    // the earlier one was dated after the later one.
    TempDir dir("hicm-gui-compare-first");
    auto session = workshopSession(dir);
    REQUIRE(session->openAssessment(1));
    ComparePage page(session.get());
    page.resize(1200, 700);
    page.show();
    CHECK(page.beforeBox()->currentData().toLongLong() == 1);
    CHECK(page.afterBox()->currentData().toLongLong() == 2);
    CHECK_FALSE(page.text()->toPlainText().contains(QStringLiteral("is dated after")));
    // South Vale has one assessment: it is compared with another area's, said so.
    REQUIRE(session->openAssessment(3));
    ComparePage other(session.get());
    other.show();
    CHECK(other.afterBox()->currentData().toLongLong() == 3);
    CHECK(other.text()->toPlainText().contains(QStringLiteral("different areas")));
}

TEST_CASE("trend view: each feature's level and the metrics of the open assessment's area", "[gui][trend]")
{
    TempDir dir("hicm-gui-trend");
    auto session = workshopSession(dir);
    TrendPage page(session.get());
    page.resize(900, 700);
    page.show();
    CHECK(page.areaBox()->count() == 2);
    CHECK(page.areaBox()->currentText() == QStringLiteral("North Shire"));
    CHECK(page.assessmentCount() == 2);
    CHECK(
        page.levelsChart()->accessibleDescription().contains(QStringLiteral("B1 Access: 2024-05-01 1, 2025-05-01 2")));
    CHECK(page.metricsChart()->accessibleDescription().contains(QStringLiteral("120")));
    CHECK(page.levelsChart()->minimumHeight() > 100);
    QCoreApplication::processEvents(); // the layout settles on the charts' heights
    page.grab().save(QString::fromStdString(std::filesystem::temp_directory_path().string() + "/hicm-trend-view.png"));
    page.selectArea(QStringLiteral("south vale"));
    CHECK(page.assessmentCount() == 1);
    CHECK(page.notes()->text().contains(QStringLiteral("Only one assessment")));
}

TEST_CASE("merge view: nothing changes until every conflict is decided and Merge is pressed", "[gui][merge]")
{
    TempDir dir("hicm-gui-merge");
    auto session = workshopSession(dir);
    const auto icb = session->assessment().partner("North ICB")->id;
    storage::FeatureEdit threeDoors;
    threeDoors.partnerLevels.push_back({icb, 1, std::string("three doors")});
    REQUIRE(session->applySteps(QStringLiteral("B1: North ICB's level"), {document::EditFeature{"B1", threeDoors}}));
    REQUIRE(session->openAssessment(2));
    const auto stored = [&] { return session->scored(2)->assessment; };

    // The partner's own laptop: North ICB says 2, and a new partner comes in.
    Assessment theirs = stored();
    theirs.partners.push_back({0, "Care Co", OrgType::CareProvider, ""});
    theirs.feature("B1")->partnerLevels = {{"North ICB", 2, "two doors"}, {"Care Co", 3, ""}};
    const std::string path = dir.file("partner.hicm.json");
    writeFile(path, exchangeToString(theirs, *session->frameworkJson(2), exchangeTimeNow()));
    auto file = readExchangeFile(path);
    REQUIRE(file.ok());

    MergeDialog dialog(session.get(), *file.file, QString::fromStdString(path));
    const MergePlan &plan = dialog.plan();
    CHECK(plan.conflicts() == 2); // North ICB's level and note
    CHECK(dialog.table()->rowCount() == int(plan.items.size()));
    // Partners read with their organisation type as people name it, not the file's id ("care-provider").
    bool sawCareCo = false;
    for (int i = 0; i < int(plan.items.size()); ++i)
        if (plan.items[std::size_t(i)].key == "partner/Care Co") {
            sawCareCo = true;
            CHECK(dialog.table()->item(i, 2)->text() == QStringLiteral("Care Co (Care provider)"));
        }
    CHECK(sawCareCo);
    dialog.show();
    dialog.grab().save(
        QString::fromStdString(std::filesystem::temp_directory_path().string() + "/hicm-merge-view.png"));
    CHECK_FALSE(dialog.choices().has_value());
    const std::string before = stored().updated;
    dialog.accept(); // refused: undecided
    CHECK(stored().updated == before);

    dialog.chooseAll(MergeChoice::Incoming);
    REQUIRE(dialog.choices().has_value());
    for (int i = 0; i < int(plan.items.size()); ++i)
        if (plan.items[std::size_t(i)].key == "note/B1/North ICB")
            dialog.choiceBox(i)->setCurrentIndex(dialog.choiceBox(i)->findData(int(MergeChoice::Both)));
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    const Assessment &now = session->assessment();
    CHECK(now.partner("Care Co") != nullptr);
    CHECK(now.feature("B1")->partnerLevel("North ICB")->level == 2);
    CHECK(now.feature("B1")->partnerLevel("North ICB")->note == "three doors\n\ntwo doors");
    CHECK(now.feature("B1")->partnerLevel("Care Co")->level == 3);

    // The merge is one step on the undo stack: undo puts the workshop back, redo merges again.
    session->undoStack()->undo();
    CHECK(session->assessment().partner("Care Co") == nullptr);
    CHECK(session->assessment().feature("B1")->partnerLevel("North ICB")->level == 1);
    CHECK(session->assessment().feature("B1")->partnerLevel("North ICB")->note == "three doors");
    session->undoStack()->redo();
    CHECK(session->assessment().partner("Care Co") != nullptr);
    CHECK(session->assessment().feature("B1")->partnerLevel("North ICB")->level == 2);
}

TEST_CASE("exchange: export, import (undoable) and a refused file in the app", "[gui][exchange]")
{
    TempDir dir("hicm-gui-exchange");
    auto session = workshopSession(dir);
    const QString path = QString::fromStdString(dir.file("out.hicm.json"));
    REQUIRE(exportOpenAssessment(*session, nullptr, path));
    CHECK(readExchangeFile(path.toStdString()).ok());

    const auto id = importExchangeFile(*session, nullptr, path);
    REQUIRE(id.has_value());
    CHECK(*id == 4);
    CHECK(session->summaries().size() == 4);
    session->undoStack()->undo();
    CHECK(session->summaries().size() == 3);
    session->undoStack()->redo();
    CHECK(session->summaries().size() == 4);
    CHECK(session->scored(4)->assessment.feature("B1")->agreedLevel == 2);

    Messages::clearRecorded();
    const auto broken = importExchangeFile(
        *session, nullptr, QString::fromStdString(kTestDataDir + "/exchange/broken/unknown-feature.hicm.json"));
    CHECK_FALSE(broken.has_value());
    REQUIRE(Messages::recorded().size() == 1);
    CHECK(Messages::recorded().front().contains(QStringLiteral("unknown feature")));
    CHECK(session->summaries().size() == 4);
}
