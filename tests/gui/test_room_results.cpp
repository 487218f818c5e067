// The live room's hidden round on the Results screen, which the projector shows too: while a feature's
// votes are not revealed, the heat map has no level of that feature for any partner and no
// no-shared-view flag drawn from them, and says the levels are hidden; after the reveal it shows them.
#include "chartview.h"
#include "gui_test_support.h"
#include "mainwindow.h"
#include "resultspage.h"
#include "room.h"
#include "roomcontroller.h"
#include "session.h"
#include "test_paths.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
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
