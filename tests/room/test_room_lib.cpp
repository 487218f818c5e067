// The room as the app hosts it (src/room): a Room over a VoteStore of the app's own (here a fake in
// memory), its signals, the store's refusals, tokens, and the QR code of a link (decoded back with
// zbarimg when zbar-tools is installed).
#include "feature_edits.h"
#include "framework_loader.h"
#include "qr.h"
#include "room.h"
#include "test_framework.h"
#include "test_paths.h"
#include "tokens.h"
#include "workspace.h"

#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <set>

using namespace hicm;

namespace {

struct FakeStore : room::VoteStore {
    std::map<std::string, std::map<std::int64_t, int>> stored;
    std::string state;
    bool refuse = false;
    std::vector<std::string> calls;

    storage::Result<std::map<std::int64_t, int>> levels(const std::string &featureId) override { return stored[featureId]; }
    storage::Status recordVotes(const std::string &featureId, const Votes &votes) override
    {
        std::string call = featureId + ":";
        for (const auto &[partnerId, level] : votes)
            call += " " + std::to_string(partnerId) + "=" + (level ? std::to_string(*level) : "none");
        calls.push_back(call);
        if (refuse)
            return storage::StorageError{storage::StorageError::Kind::Busy, "/secret/path.hicmws", "locked"};
        for (const auto &[partnerId, level] : votes)
            if (level)
                stored[featureId][partnerId] = *level;
            else
                stored[featureId].erase(partnerId);
        return storage::Done{};
    }
    storage::Result<std::string> loadRoomState() override { return state; }
    storage::Status saveRoomState(const std::string &s) override
    {
        state = s;
        return storage::Done{};
    }
};

std::shared_ptr<const Framework> framework()
{
    return test::frameworkAt(HICM_FRAMEWORK_FILE);
}

room::RoomSetup setup()
{
    room::RoomSetup s;
    s.assessmentId = 1;
    s.title = "North";
    s.partners = {{11, "North ICB", OrgType::Icb, ""}, {12, "Trust", OrgType::Other, ""}};
    s.framework = framework();
    return s;
}

struct Reply {
    int status = 0;
    QJsonObject json;
};

Reply call(const QString &url, const QByteArray &body = {}, bool post = false)
{
    static QNetworkAccessManager nam;
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    QNetworkReply *r = post ? nam.post(request, body) : nam.get(request);
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out{r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), QJsonDocument::fromJson(r->readAll()).object()};
    r->deleteLater();
    return out;
}

}  // namespace

TEST_CASE("the room hosted in-process tells the app who voted, never what, and stores through its VoteStore", "[room]")
{
    FakeStore store;
    room::Room r(setup(), store);
    QSignalSpy voted(&r, &room::Room::voted), revealed(&r, &room::Room::revealed), revoted(&r, &room::Room::revoted),
        changed(&r, &room::Room::featureChanged);
    REQUIRE(r.open().isEmpty());
    REQUIRE(r.isOpen());
    const auto links = r.partnerLinks();
    REQUIRE(links.size() == 2);
    CHECK(links[0].who == "North ICB");
    CHECK(links[0].url.startsWith(QStringLiteral("http://127.0.0.1:%1/r/").arg(r.port())));
    CHECK(r.currentFeature() == "B1");

    CHECK(call(links[1].url + "/vote", R"({"feature":"B1","level":3})", true).status == 200);
    REQUIRE(voted.count() == 1);
    CHECK(voted.at(0).at(0).toLongLong() == 12);
    CHECK(voted.at(0).at(1).toString() == "B1");
    CHECK(store.stored["B1"] == std::map<std::int64_t, int>{{12, 3}});
    CHECK(r.votedPartners() == std::vector<std::int64_t>{12});
    CHECK_FALSE(r.isRevealed("B1"));

    CHECK(r.reveal("B1").isEmpty());
    CHECK(revealed.count() == 1);
    CHECK(r.isRevealed("B1"));
    CHECK(call(links[0].url + "/vote", R"({"feature":"B1","level":1})", true).status == 409);
    CHECK(r.revote("B1").isEmpty());
    CHECK(revoted.count() == 1);
    CHECK(store.stored["B1"].empty());
    CHECK(store.calls.back() == "B1: 12=none");
    CHECK(r.setFeature("B4").isEmpty());
    CHECK(changed.count() == 1);
    CHECK(r.setFeature("Z9").contains("unknown feature"));
    CHECK(r.currentFeature() == "B4");

    // The app's store refuses (e.g. locked): the phone hears "not stored" (no path), the app hears why.
    QSignalSpy failed(&r, &room::Room::storeFailed);
    store.refuse = true;
    const Reply refused = call(links[0].url + "/vote", R"({"feature":"B4","level":2})", true);
    CHECK(refused.status == 503);
    CHECK(refused.json.value("error").toString() == "the vote was not stored; try again");
    CHECK(failed.count() == 1);
    CHECK(voted.count() == 1);
    store.refuse = false;

    // A keyboard edit the app made: refresh() shows it as that partner's vote.
    store.stored["B4"][11] = 2;
    r.refresh();
    CHECK(r.votedPartners() == std::vector<std::int64_t>{11});
    CHECK(call(links[0].url + "/state").json.value("my_level").toInt() == 2);

    // The same store reopens the same room with the same links, where it was.
    const QString facilitator = r.facilitatorUrl();
    r.close();
    CHECK_FALSE(r.isOpen());
    room::Room again(setup(), store);
    REQUIRE(again.open().isEmpty());
    CHECK(again.currentFeature() == "B4");
    CHECK(again.facilitatorUrl().section('/', -1) == facilitator.section('/', -1));
    CHECK(again.partnerLinks()[1].url.section('/', -1) == links[1].url.section('/', -1));
    room::Room fresh(setup(), store);
    again.close();
    REQUIRE(fresh.open(QHostAddress::LocalHost, 0, true).isEmpty());
    CHECK(fresh.partnerLinks()[1].url.section('/', -1) != links[1].url.section('/', -1));
}

TEST_CASE("the workspace's VoteStore stores votes together, logs them as the room's, keeps the room's state", "[room]")
{
    QTemporaryDir dir;
    auto ws = storage::Workspace::open(dir.filePath("w.hicmws").toStdString());
    REQUIRE(ws);
    storage::NewAssessment na;
    na.area = "North";
    na.partners = {{0, "North ICB", OrgType::Icb, ""}, {0, "Trust", OrgType::Other, ""}};
    QFile fw(QStringLiteral(HICM_FRAMEWORK_FILE));
    REQUIRE(fw.open(QIODevice::ReadOnly));
    auto id = ws->createAssessment(na, fw.readAll().toStdString());
    REQUIRE(id);
    const auto a = ws->loadAssessment(*id);
    const std::int64_t icb = a->partners[0].id, trust = a->partners[1].id;
    REQUIRE(ws->updateFeature(*id, "B2", test::partnerLevelEdit(icb, 1, std::string("typed by the facilitator"))));

    room::WorkspaceVoteStore store(*ws, *id);
    CHECK(store.loadRoomState()->empty());
    REQUIRE(store.recordVotes("B2", {{icb, 3}, {trust, 2}}));
    CHECK(*store.levels("B2") == std::map<std::int64_t, int>{{icb, 3}, {trust, 2}});
    const auto log = *ws->changeLog(*id);
    REQUIRE(log.size() >= 2);
    CHECK(log[log.size() - 2].what == "partner level B2 North ICB (room)");
    CHECK(log[log.size() - 2].from == "1");
    CHECK(log.back().what == "partner level B2 Trust (room)");
    CHECK(log[log.size() - 2].when == log.back().when);  // one transaction
    // The facilitator's note stays with the partner's level.
    const auto after = ws->loadAssessment(*id);
    for (const auto &f : after->features)
        if (f.featureId == "B2")
            for (const auto &pl : f.partnerLevels)
                if (pl.partner == "North ICB")
                    CHECK(pl.note == "typed by the facilitator");
    // All or none: an unknown partner refuses the whole batch.
    CHECK_FALSE(store.recordVotes("B2", {{icb, 1}, {999, 2}}));
    CHECK(store.levels("B2")->at(icb) == 3);
    CHECK_FALSE(store.recordVotes("B2", {{icb, 7}}));
    CHECK_FALSE(store.recordVotes("Z1", {{icb, 1}}));

    REQUIRE(store.saveRoomState(R"({"feature":"B2"})"));
    CHECK(*store.loadRoomState() == R"({"feature":"B2"})");
    REQUIRE(ws->setStatus(*id, AssessmentStatus::Final));
    const auto final = store.recordVotes("B2", {{trust, 1}});
    REQUIRE_FALSE(final);
    CHECK(final.error().kind == storage::StorageError::Kind::Final);
    CHECK(store.saveRoomState(R"({"feature":"B3"})"));  // the room's own state is not the assessment's
    CHECK_FALSE(ws->roomState(*id + 1));
}

TEST_CASE("a room with no partners or no framework does not open", "[room]")
{
    FakeStore store;
    auto s = setup();
    s.partners.clear();
    room::Room r(s, store);
    CHECK(r.open().contains("no partners"));
    CHECK_FALSE(r.isOpen());
}

// The HTTP parser is a module loaded when a room first opens (src/room/http_module): without it the room
// says which file it looked for and does not open; with it (from the build tree) the room opens and answers.
TEST_CASE("a room without its HTTP parser module says so and does not open; with it, it does", "[room]")
{
    FakeStore store;
    QTemporaryDir dir;
    const QByteArray missing = dir.filePath(QStringLiteral("no-such-module.so")).toLocal8Bit();
    {
        qputenv("HICM_ROOM_HTTP_MODULE", missing);
        room::Room r(setup(), store);
        const QString error = r.open();
        qunsetenv("HICM_ROOM_HTTP_MODULE");
        INFO(error.toStdString());
        CHECK(error.contains(QStringLiteral("hicm-room-http.so) cannot be loaded")));
        CHECK(error.contains(QString::fromLocal8Bit(missing)));
        CHECK_FALSE(r.isOpen());
    }
    room::Room r(setup(), store);
    REQUIRE(r.open().isEmpty());
    CHECK(call(r.partnerLinks().front().url + QStringLiteral("/state")).status == 200);
    CHECK(call(QStringLiteral("http://127.0.0.1:%1/r/not-a-token/state").arg(r.port())).status == 404);
}

TEST_CASE("tokens are 192 random bits, compared in constant time", "[room]")
{
    std::set<QByteArray> seen;
    for (int i = 0; i < 1000; ++i) {
        const QByteArray t = room::newToken();
        REQUIRE(room::wellFormedToken(t));
        CHECK(QByteArray::fromBase64(t, QByteArray::Base64UrlEncoding).size() == 24);
        seen.insert(t);
    }
    CHECK(seen.size() == 1000);
    const QByteArray t = room::newToken();
    CHECK(room::sameToken(t, QByteArray(t)));
    CHECK_FALSE(room::sameToken(t, t.left(31)));
    CHECK_FALSE(room::sameToken(QByteArray(), QByteArray()));
    CHECK_FALSE(room::wellFormedToken("short"));
    CHECK_FALSE(room::wellFormedToken(QByteArray(31, 'a') + "/"));
}

TEST_CASE("the QR code of a link decodes back to the link", "[room][qr]")
{
    const QString url = QStringLiteral("http://10.42.0.1:8080/r/") + QString::fromLatin1(room::newToken());
    const auto modules = room::qrModules(url);
    REQUIRE_FALSE(modules.empty());
    const int width = static_cast<int>(modules.size());
    CHECK((width - 17) % 4 == 0);  // version v is 17 + 4v modules wide
    // The three finder patterns: a dark 7x7 ring around a light ring around a dark 3x3 centre.
    for (auto [x0, y0] : {std::pair{0, 0}, std::pair{width - 7, 0}, std::pair{0, width - 7}})
        for (int y = 0; y < 7; ++y)
            for (int x = 0; x < 7; ++x) {
                const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
                const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
                CHECK(modules[y0 + y][x0 + x] == (ring || centre));
            }
    const QImage image = room::qrImage(url, 6);
    CHECK(image.width() == (width + 8) * 6);
    CHECK(image.pixelColor(0, 0) == QColor(Qt::white));       // the quiet zone
    CHECK(image.pixelColor(4 * 6, 4 * 6) == QColor(Qt::black));  // the first finder's corner
    const QString svg = room::qrSvg(url);
    QXmlStreamReader xml(svg);
    int paths = 0;
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("path"))
            ++paths;
    CHECK_FALSE(xml.hasError());
    CHECK(paths == 1);
    CHECK(room::qrImage(QString(8000, 'x')).isNull());  // too long for any QR code

    const QString zbarimg = QStandardPaths::findExecutable("zbarimg");
    if (zbarimg.isEmpty()) {
        WARN("zbarimg (zbar-tools) is not installed: the code was checked by its structure only");
        return;
    }
    QTemporaryDir dir;
    const QString png = dir.filePath("qr.png");
    REQUIRE(image.save(png));
    QProcess p;
    p.start(zbarimg, {"--raw", "-q", png});
    REQUIRE(p.waitForFinished(20000));
    CHECK(QString::fromUtf8(p.readAllStandardOutput()).trimmed() == url);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}

TEST_CASE("the join page sends a partner who types their hand-out's code to their own link, and no one else", "[room][join]")
{
    FakeStore store;
    room::Room r(setup(), store);
    REQUIRE(r.open().isEmpty());
    const auto links = r.partnerLinks();
    CHECK(r.joinUrl() == QStringLiteral("http://127.0.0.1:%1/j").arg(r.port()));
    std::set<QString> codes;
    for (const auto &l : links) {
        CHECK(QRegularExpression(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")).match(l.code).hasMatch());
        CHECK(l.code == r.joinCode(l.partnerId));
        codes.insert(l.code);
    }
    CHECK(codes.size() == links.size());
    // Typed as a person would: lower case, no dash, spaces, O for 0 and I or L for 1.
    QString typed = links[1].code.toLower().remove(QLatin1Char('-'));
    typed.replace(QLatin1Char('0'), QLatin1Char('o')).replace(QLatin1Char('1'), QLatin1Char('l'));
    typed.insert(4, QLatin1Char(' '));
    const Reply joined = call(r.joinUrl(), QJsonDocument(QJsonObject{{"code", typed}}).toJson(), true);
    CHECK(joined.status == 200);
    CHECK(QStringLiteral("http://127.0.0.1:%1").arg(r.port()) + joined.json.value("link").toString() == links[1].url);
    // A wrong code learns nothing: no link, no name.
    QString wrong = links[0].code;
    wrong[0] = wrong[0] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    const Reply refused = call(r.joinUrl(), QJsonDocument(QJsonObject{{"code", wrong}}).toJson(), true);
    CHECK(refused.status == 404);
    CHECK(refused.json == QJsonObject{{"error", "not found"}});
    CHECK(call(r.joinUrl(), R"({"code": 7})", true).status == 400);
    CHECK(call(r.joinUrl(), R"(not json)", true).status == 400);
    // New links make new codes; the old ones stop working.
    r.close();
    REQUIRE(r.open(QHostAddress::LocalHost, 0, true).isEmpty());
    CHECK(r.partnerLinks()[1].code != links[1].code);
    CHECK(call(r.joinUrl(), QJsonDocument(QJsonObject{{"code", links[1].code}}).toJson(), true).status == 404);
    // Closed: nothing answers.
    r.close();
    CHECK(call(r.joinUrl(), QJsonDocument(QJsonObject{{"code", links[1].code}}).toJson(), true).status == 0);
}
