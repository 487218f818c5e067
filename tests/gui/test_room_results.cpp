// The live room's hidden round on the Results screen, which the projector shows too: while a feature's
// votes are not revealed, the heat map has no level of that feature for any partner and no
// no-shared-view flag drawn from them, and says the levels are hidden; after the reveal it shows them.
// And a whole workshop through the room from the app: eight partners, eight features, a re-vote.
#include "chartview.h"
#include "featurepage.h"
#include "gui_test_support.h"
#include "mainwindow.h"
#include "messages.h"
#include "reportdialog.h"
#include "resultspage.h"
#include "room_handle.h"
#include "roomcontroller.h"
#include "session.h"
#include "test_paths.h"
#include "walkpage.h"
#include "workspace.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QTableView>
#include <QAction>
#include <QApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

using namespace hicm;
using namespace hicm::gui;

namespace {

// One vote through the room's API, waiting for its answer while the app's event loop runs.
int vote(const room::RoomLink &link, const QString &feature, int level)
{
    static QNetworkAccessManager nam;
    QNetworkRequest request{QUrl(link.url + "/vote")};
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    QNetworkReply *r = nam.post(request, QJsonDocument(QJsonObject{{"feature", feature}, {"level", level}}).toJson());
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r->deleteLater();
    return status;
}

}  // namespace

TEST_CASE("the Results screen shows no level of the room's unrevealed feature", "[gui][room]")
{
    test::TempDir dir("hicm-gui-room-results");
    auto window = guitest::openWindow(dir.file("room.hicmws"));
    REQUIRE(window->newAssessment(QStringLiteral("North Shire"), QStringLiteral("Room workshop")));
    Session &s = *window->session();
    for (const char *org : {"North ICB", "Shire Trust", "Shire Council"})
        s.addPartner(Partner{0, org, OrgType::Other, ""});
    window->showWalk();
    auto *rc = window->findChild<RoomController *>();
    REQUIRE(rc);
    rc->inviteAction()->trigger();
    REQUIRE(rc->isOpen());
    const auto links = rc->room()->partnerLinks();
    REQUIRE(links.size() == 3);
    REQUIRE(rc->room()->currentFeature() == "B1");
    // Two levels apart: revealed, B1 would be flagged as having no shared view.
    CHECK(vote(links[0], "B1", 1) == 200);
    CHECK(vote(links[1], "B1", 3) == 200);
    CHECK(vote(links[2], "B1", 2) == 200);

    window->showResults();
    ResultsPage *results = window->resultsPage();
    REQUIRE(results->isVisible());
    CHECK(results->hiddenRound() == "B1");
    const QString hidden = results->heatMap()->accessibleDescription();
    for (const char *org : {"North ICB", "Shire Trust", "Shire Council"})
        CHECK(hidden.contains(QStringLiteral("%1: B1 none").arg(QLatin1String(org))));
    CHECK_FALSE(hidden.contains(QRegularExpression(QStringLiteral("B1 [0-9]"))));
    CHECK_FALSE(hidden.contains(QStringLiteral("Marked as")));
    CHECK(hidden.contains(QStringLiteral("hidden until the room's reveal")));
    CHECK(results->heatMap()->toolTip() == hidden);

    // Reveal: the same screen now shows every partner's level and the flag.
    rc->revealAction()->trigger();
    CHECK(results->hiddenRound().empty());
    const QString shown = results->heatMap()->accessibleDescription();
    CHECK(shown.contains(QStringLiteral("North ICB: B1 1")));
    CHECK(shown.contains(QStringLiteral("Shire Trust: B1 3")));
    CHECK(shown.contains(QStringLiteral("Shire Council: B1 2")));
    CHECK(shown.contains(QStringLiteral("Marked as")));
    CHECK_FALSE(shown.contains(QStringLiteral("hidden until")));

    rc->closeAction()->trigger();
    CHECK_FALSE(rc->isOpen());
}

TEST_CASE("eight partners vote every feature from their browsers, driven from the app's walk", "[gui][room]")
{
    test::TempDir dir("hicm-gui-room-8x8");
    const std::string path = dir.file("room.hicmws");
    auto window = guitest::openWindow(path);
    const auto id = window->newAssessment(QStringLiteral("Eight Partners"), QStringLiteral("Room workshop"));
    REQUIRE(id);
    Session &s = *window->session();
    QStringList orgs;
    for (int p = 1; p <= 8; ++p)
        orgs << QStringLiteral("Partner %1 <b>&amp;</b>").arg(p);  // names are text, never markup
    for (const QString &org : orgs)
        s.addPartner(Partner{0, org.toStdString(), OrgType::Other, ""});
    window->showWalk();
    auto *rc = window->findChild<RoomController *>();
    REQUIRE(rc);
    // Invite Partners, as the facilitator does: its shortcut, on the walk.
    QTest::keySequence(window.get(), rc->inviteAction()->shortcut());
    REQUIRE(rc->isOpen());
    const auto links = rc->room()->partnerLinks();
    REQUIRE(links.size() == 8);
    WalkPage *walk = window->walkPage();
    const auto level = [](int feature, int partner, int round) { return 1 + (feature * 3 + partner + round) % 3; };
    const int features = walk->featureCount();
    REQUIRE(features == 8);
    for (int f = 0; f < features; ++f) {
        const QString feature = QStringLiteral("B%1").arg(f + 1);
        REQUIRE(rc->room()->currentFeature() == feature);
        REQUIRE(walk->currentFeaturePage()->featureId() == feature.toStdString());
        const int rounds = f == 2 ? 2 : 1;  // B3 is discussed and re-voted
        for (int round = 0; round < rounds; ++round) {
            for (int p = 0; p < 8; ++p)
                REQUIRE(vote(links[static_cast<std::size_t>(p)], feature, level(f, p, round)) == 200);
            CHECK(window->resultsPage()->hiddenRound() == feature.toStdString());
            const QAbstractItemModel *grid = walk->currentFeaturePage()->partnerGrid()->model();
            for (int p = 0; p < 8; ++p)
                CHECK(grid->index(p, 1).data().toString() == QStringLiteral("Voted"));
            QTest::keySequence(window.get(), rc->revealAction()->shortcut());
            REQUIRE(rc->room()->isRevealed(feature));
            for (int p = 0; p < 8; ++p)  // the grid shows every level at once
                CHECK(grid->index(p, 1).data().toString().startsWith(QString::number(level(f, p, round)) + QLatin1Char(' ')));
            if (round + 1 < rounds) {
                QTest::keySequence(window.get(), rc->revoteAction()->shortcut());
                REQUIRE_FALSE(rc->room()->isRevealed(feature));
                CHECK(s.assessment().feature(feature.toStdString())->partnerLevels.empty());
            }
        }
        if (f + 1 < features)
            QTest::keySequence(window.get(), rc->nextAction()->shortcut());
    }
    const int last = 1;  // B3's second round counts
    // In the workspace, read by another connection: every partner's level of every feature.
    {
        auto other = storage::Workspace::open(path);
        REQUIRE(other);
        auto a = other->loadAssessment(*id);
        REQUIRE(a);
        for (int f = 0; f < features; ++f) {
            const FeatureAssessment *fa = a->feature("B" + std::to_string(f + 1));
            REQUIRE(fa);
            for (int p = 0; p < 8; ++p) {
                const PartnerLevel *pl = fa->partnerLevel(orgs[p].toStdString());
                REQUIRE(pl);
                CHECK(pl->level == level(f, p, f == 2 ? last : 0));
            }
        }
    }
    // On the Results screen, in the words the report's heat map uses for its text alternative.
    window->showResults();
    const QString heat = window->resultsPage()->heatMap()->accessibleDescription();
    CHECK_FALSE(heat.contains(QStringLiteral("hidden until")));
    for (int p = 0; p < 8; ++p) {
        QStringList cells;
        for (int f = 0; f < features; ++f)
            cells << QStringLiteral("B%1 %2").arg(f + 1).arg(level(f, p, f == 2 ? last : 0));
        CHECK(heat.contains(orgs[p] + QStringLiteral(": ") + cells.join(QStringLiteral(", "))));
    }
    rc->closeAction()->trigger();
    CHECK_FALSE(rc->isOpen());
}

TEST_CASE("the board report is not written from a round the room has not revealed", "[gui][room]")
{
    test::TempDir dir("hicm-gui-room-report");
    auto window = guitest::openWindow(dir.file("room.hicmws"));
    REQUIRE(window->newAssessment(QStringLiteral("North Shire"), QStringLiteral("Room workshop")));
    Session &s = *window->session();
    for (const char *org : {"North ICB", "Shire Trust"})
        s.addPartner(Partner{0, org, OrgType::Other, ""});
    window->showWalk();
    auto *rc = window->findChild<RoomController *>();
    REQUIRE(rc);
    rc->inviteAction()->trigger();
    REQUIRE(rc->isOpen());
    const auto links = rc->room()->partnerLinks();
    CHECK(vote(links[0], "B1", 3) == 200);
    CHECK(rc->hiddenFeature() == QStringLiteral("B1"));
    auto *exportReport = window->findChild<QAction *>(QStringLiteral("actionExportReport"));
    REQUIRE(exportReport);

    // Cancelled: no report dialog, the round still hidden.
    bool dialogShown = false;
    QTimer closer;
    QObject::connect(&closer, &QTimer::timeout, [&dialogShown] {
        if (auto *d = qobject_cast<ReportDialog *>(QApplication::activeModalWidget())) {
            dialogShown = true;
            d->reject();
        }
    });
    closer.start(20);
    Messages::clearRecorded();
    Messages::setAutomatic(true, QMessageBox::Cancel);
    exportReport->trigger();
    Messages::setAutomatic(true);
    CHECK_FALSE(dialogShown);
    CHECK(rc->hiddenFeature() == QStringLiteral("B1"));
    REQUIRE(Messages::recorded().size() == 1);
    CHECK(Messages::recorded().front().contains(QStringLiteral("The votes on B1 are not revealed")));

    // Agreed: the round is revealed first, then the report dialog opens.
    exportReport->trigger();
    CHECK(rc->room()->isRevealed(QStringLiteral("B1")));
    CHECK(rc->hiddenFeature().isEmpty());
    CHECK(dialogShown);
    rc->closeAction()->trigger();
}
