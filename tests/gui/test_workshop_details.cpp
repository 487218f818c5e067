// The smaller frictions the real workshop met (issue 13, item 14), each as the facilitator meets it: the
// import dialog opens in the folder last used; the merge view's Item column shows the whole item.
#include "exchange.h"
#include "framework_loader.h"
#include "exchangeactions.h"
#include "mergedialog.h"
#include "session.h"
#include "storage_support.h"
#include "test_paths.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <filesystem>
#include <chrono>
#include <functional>
#include <future>
#include <optional>
#include <thread>

using namespace hicm;
using namespace hicm::gui;
using namespace hicm::test;

namespace {

std::unique_ptr<Session> sessionWithAssessment(const TempDir &dir, const std::string &area = "North Shire")
{
    QString error;
    auto session = Session::open(QString::fromStdString(dir.file("w.hicmws")), &error);
    REQUIRE(session);
    storage::NewAssessment fields;
    fields.area = area;
    fields.date = "2025-05-01";
    fields.partners = {{0, "North ICB", OrgType::Icb, ""}, {0, "Shire Council", OrgType::LocalAuthority, ""}};
    const auto id = session->createAssessment(fields, miniFrameworkJson());
    REQUIRE(id.has_value());
    session->refreshSummaries();
    REQUIRE(session->openAssessment(*id));
    return session;
}

}  // namespace

namespace {

// Answers the next file dialog the code under test opens (Qt's own dialog on the offscreen platform):
// `answer` sees where it opened and accepts or rejects it.
void answerNextFileDialog(std::function<void(QFileDialog *)> answer)
{
    QTimer::singleShot(0, [answer = std::move(answer)] {
        for (int tries = 0; tries < 500; ++tries) {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *dialog = qobject_cast<QFileDialog *>(w); dialog && dialog->isVisible()) {
                    answer(dialog);
                    return;
                }
            QTest::qWait(10);
        }
    });
}

}  // namespace

TEST_CASE("the import dialog opens in the folder an exchange file was last saved to", "[gui][details]")
{
    TempDir dir("hicm-gui-folder");
    QSettings().remove(QStringLiteral("exchange/folder"));
    auto session = sessionWithAssessment(dir);
    const std::string folder = dir.file("sticks");
    std::filesystem::create_directories(folder);

    // Export through the Save dialog into another folder (a USB stick)...
    const QString saved = QString::fromStdString(folder + "/north.hicm.json");
    answerNextFileDialog([&](QFileDialog *dialog) {
        dialog->selectFile(saved);
        QMetaObject::invokeMethod(dialog, "accept");
    });
    REQUIRE(exportOpenAssessment(*session, nullptr));
    REQUIRE(std::filesystem::exists(saved.toStdString()));

    // ...then Import: its dialog opens there, not in the home or documents folder.
    QString shownFolder;
    answerNextFileDialog([&](QFileDialog *dialog) {
        shownFolder = dialog->directory().absolutePath();
        dialog->reject();
    });
    CHECK_FALSE(importExchangeFile(*session, nullptr).has_value());
    INFO(shownFolder.toStdString() << " vs " << folder);
    REQUIRE_FALSE(shownFolder.isEmpty());
    CHECK(std::filesystem::equivalent(shownFolder.toStdString(), folder));
}

TEST_CASE("the merge view's Item column shows the whole item, however long", "[gui][details]")
{
    TempDir dir("hicm-gui-merge-item");
    auto session = sessionWithAssessment(dir);
    const std::int64_t id = session->assessment().id;
    const auto icb = session->assessment().partner("North ICB")->id;
    storage::FeatureEdit oneDoor;
    oneDoor.partnerLevels.push_back({icb, 1, std::string("one door")});
    REQUIRE(session->applySteps(QStringLiteral("B1: North ICB's level"), {document::EditFeature{"B1", oneDoor}}));
    REQUIRE(session->openAssessment(id));

    Assessment theirs = session->scored(id)->assessment;
    const std::string longName = "Northern Shire Community Interest Company for Intermediate Care and Reablement";
    theirs.partners.push_back({0, longName, OrgType::Vcfse, ""});
    theirs.feature("B1")->partnerLevels = {{"North ICB", 2, "two doors"}, {longName, 3, ""}};
    const std::string path = dir.file("partner.hicm.json");
    writeFile(path, exchangeToString(theirs, *session->frameworkJson(id), exchangeTimeNow()));
    auto file = readExchangeFile(path);
    REQUIRE(file.ok());

    MergeDialog dialog(session.get(), *file.file, QString::fromStdString(path));
    dialog.resize(1000, 600);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    QTableWidget *table = dialog.table();
    QApplication::processEvents();
    const int itemWidth = table->columnWidth(0);
    int rowsChecked = 0;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem *item = table->item(row, 0);
        REQUIRE(item);
        // The whole text, wrapped at the column's width, fits the row: nothing is cut off or elided.
        const QRect need = table->fontMetrics().boundingRect(QRect(0, 0, itemWidth - 8, 10000),
                                                             Qt::TextWordWrap, item->text());
        INFO(item->text().toStdString());
        CHECK(need.height() <= table->rowHeight(row));
        ++rowsChecked;
    }
    CHECK(rowsChecked >= 3);
    // And the Item column is not the narrowest of the text columns.
    CHECK(itemWidth >= table->columnWidth(1));
}

TEST_CASE("at start-up the framework parsed by the window is shared with the workspace opened alongside, "
          "and the workspace still opens when none comes", "[gui][startup]")
{
    TempDir dir("hicm-gui-prepare");
    std::int64_t id = 0;
    {
        auto session = sessionWithAssessment(dir);
        id = session->assessment().id;
    }
    const std::string path = dir.file("w.hicmws");
    auto parsed = parseFramework(miniFrameworkJson(), "the window's copy");
    REQUIRE(parsed.ok());
    const auto known = std::make_shared<const Framework>(std::move(*parsed.framework));

    // The framework arrives while the workspace is being opened on another thread, as at start-up.
    std::promise<std::shared_ptr<const Framework>> arrives;
    auto opening = std::async(std::launch::async, [path, f = arrives.get_future().share()] { return Session::prepare(path, f); });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    arrives.set_value(known);
    QString error;
    auto session = Session::adopt(opening.get(), &error);
    REQUIRE(session);
    REQUIRE(session->openAssessment(id));
    CHECK(session->frameworkPtr().get() == known.get());  // the same object: the stored copy was not parsed again
    CHECK(session->assessment().area == "North Shire");
    session.reset();

    // None comes (the window's framework was refused): the stored copy is used.
    std::optional<std::promise<std::shared_ptr<const Framework>>> never(std::in_place);
    auto alone = std::async(std::launch::async, [path, f = never->get_future().share()] { return Session::prepare(path, f); });
    never.reset();  // broken
    auto fallback = Session::adopt(alone.get(), &error);
    REQUIRE(fallback);
    REQUIRE(fallback->openAssessment(id));
    REQUIRE(fallback->frameworkPtr());
    CHECK(fallback->frameworkPtr().get() != known.get());
    CHECK(fallback->frameworkPtr()->meta.title == known->meta.title);
}
