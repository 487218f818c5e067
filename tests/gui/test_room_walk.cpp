// The live room from the walk (docs/room.md), offscreen, with real HTTP to 127.0.0.1: Room › Invite
// Partners opens it; three partners vote over the API; the grid says who has voted and never what until
// Reveal; the levels are then in the grid and in the workspace (logged as the room's, not on the undo
// stack); Re-vote clears the round; Next moves the walk and the room together; a level typed on the grid
// reaches the room; Close stops every link.
#include "assessment_json.h"
#include "featurepage.h"
#include "gui_test_support.h"
#include "levelcard.h"
#include "mainwindow.h"
#include "messages.h"
#include "room_handle.h"
#include "roomcontroller.h"
#include "roomlinks.h"
#include "roompanel.h"
#include "session.h"
#include "test_paths.h"
#include "textblock.h"
#include "walkpage.h"
#include "workspace.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>

using namespace hicm;
using namespace hicm::gui;

namespace {

struct Reply {
    int status = 0;
    QJsonObject json;
};

// One request to the room, waiting for its answer while the app's event loop runs (the room is in it).
Reply call(const QString &url, const QByteArray &body = {}, bool post = false)
{
    static QNetworkAccessManager nam;
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    QNetworkReply *r = post ? nam.post(request, body) : nam.get(request);
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out{r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), QJsonDocument::fromJson(r->readAll()).object()};
    r->deleteLater();
    return out;
}

Reply vote(const room::RoomLink &link, const QString &feature, int level)
{
    return call(link.url + "/vote", QJsonDocument(QJsonObject{{"feature", feature}, {"level", level}}).toJson(), true);
}

// The level column of the partner grid, row by row (partners first, then the agreed row).
QStringList levelColumn(FeaturePage *page)
{
    QStringList out;
    const QAbstractItemModel *m = page->partnerGrid()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        out << m->index(r, 1).data().toString();
    return out;
}

// Everything the page says about the partners' levels: the partners' cells in every role a view or a
// screen reader reads, the spread line and the level cards' notes ("North ICB's level").
QString everythingShown(FeaturePage *page)
{
    QStringList out;
    const QAbstractItemModel *m = page->partnerGrid()->model();
    for (int r = 0; r < m->rowCount() - 1; ++r)  // not the agreed row
        for (int c = 0; c < m->columnCount(); ++c)
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::AccessibleTextRole), int(Qt::AccessibleDescriptionRole)})
                out << m->index(r, c).data(role).toString();
    out << page->spreadWarning()->text();
    for (auto *card : page->findChildren<LevelCard *>())
        out << card->note();
    return out.join(QLatin1Char('\n'));
}

}  // namespace

TEST_CASE("the live room from the walk: hidden until the reveal, then in the grid and the workspace", "[gui][room]")
{
    test::TempDir dir("hicm-gui-room");
    const std::string path = dir.file("room.hicmws");
    auto window = guitest::openWindow(path);
    const auto id = window->newAssessment(QStringLiteral("North Shire"), QStringLiteral("Room workshop"));
    REQUIRE(id);
    Session &s = *window->session();
    const char *orgs[] = {"North ICB", "Shire Trust", "Shire Council"};
    for (const char *org : orgs)
        s.addPartner(Partner{0, org, OrgType::Other, ""});
    REQUIRE(s.assessment().partners.size() == 3);
    window->showWalk();
    auto *rc = window->findChild<RoomController *>();
    REQUIRE(rc);

    // Invite Partners, by its shortcut's action: the automatic answer picks "this laptop only".
    CHECK(rc->inviteAction()->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    rc->inviteAction()->trigger();
    REQUIRE(rc->isOpen());
    room::RoomHandle &room = *rc->room();
    const auto links = room.partnerLinks();
    REQUIRE(links.size() == 3);
    CHECK(links[0].url.startsWith(QStringLiteral("http://127.0.0.1:%1/r/").arg(room.port())));
    WalkPage *walk = window->walkPage();
    CHECK(window->currentScreen() == walk);
    REQUIRE(rc->panel()->isVisible());
    CHECK(rc->panel()->address().contains(QStringLiteral("127.0.0.1:%1/j").arg(room.port())));
    CHECK_FALSE(rc->panel()->qrCode()->pixmap().isNull());
    for (QAction *a : {rc->revealAction(), rc->revoteAction(), rc->nextAction(), rc->linksAction(), rc->closeAction()}) {
        auto *button = rc->panel()->findChild<QWidget *>(a->objectName() + QStringLiteral("Button"));
        REQUIRE(button);  // each of the room's actions is a button on the strip, named for a screen reader
        CHECK(button->accessibleName() == QString(a->text()).remove(QLatin1Char('&')));
    }
    // The projector never shows a partner's link or code, nor the facilitator's control link.
    {
        QStringList shown;
        for (auto *t : window->findChildren<TextBlock *>())
            if (t->isVisible())
                shown << t->text();
        for (auto *l : window->findChildren<QLabel *>())
            if (l->isVisible())
                shown << l->text();
        const QString all = shown.join('\n');
        CHECK_FALSE(all.contains(QStringLiteral("/r/")));
        CHECK_FALSE(all.contains(room.facilitatorUrl().section('/', -1)));
        for (const auto &l : links) {
            CHECK_FALSE(all.contains(l.url.section('/', -1)));
            CHECK_FALSE(all.contains(l.code));
        }
    }
    CHECK(room.currentFeature() == "B1");
    FeaturePage *b1 = walk->currentFeaturePage();
    REQUIRE(b1->featureId() == "B1");
    CHECK(levelColumn(b1).mid(0, 3) == QStringList{"Not yet", "Not yet", "Not yet"});

    // Three partners vote over HTTP; one changes their mind. Not one step on the facilitator's undo stack.
    const int undoSteps = s.undoStack()->count();
    CHECK(vote(links[0], "B1", 1).status == 200);
    CHECK(levelColumn(b1).mid(0, 3) == QStringList{"Voted", "Not yet", "Not yet"});
    CHECK(vote(links[1], "B1", 2).status == 200);
    CHECK(vote(links[1], "B1", 3).status == 200);
    CHECK(vote(links[2], "B1", 2).status == 200);
    CHECK(levelColumn(b1).mid(0, 3) == QStringList{"Voted", "Voted", "Voted"});
    CHECK(s.undoStack()->count() == undoSteps);
    CHECK(rc->panel()->round().contains(QStringLiteral("3 of 3")));
    // Never what: no level's label or number anywhere the page shows the partners, no spread, no flag.
    const Feature &f1 = *s.framework().feature("B1");
    const QString hidden = everythingShown(b1);
    for (const auto &l : f1.levels)
        CHECK_FALSE(hidden.contains(QString::fromStdString(l.label.text)));
    CHECK_FALSE(hidden.contains(QRegularExpression(QStringLiteral("[0-9]"))));
    CHECK_FALSE(hidden.contains(QStringLiteral("level")));
    CHECK_FALSE(hidden.contains(QStringLiteral("no shared view")));
    CHECK_FALSE(b1->suggestion().has_value());  // nor the median it would suggest
    CHECK_FALSE(b1->useSuggestion()->isEnabled());
    CHECK_FALSE(hidden.contains(QStringLiteral("range from")));
    CHECK_FALSE(b1->spreadWarning()->isVisible());
    // The votes are in the file already (durable before each reply), logged as the room's.
    {
        auto other = storage::Workspace::open(path);
        REQUIRE(other);
        auto a = other->loadAssessment(*id);
        REQUIRE(a);
        const FeatureAssessment *fa = a->feature("B1");
        REQUIRE(fa);
        REQUIRE(fa->partnerLevel("North ICB"));
        CHECK(fa->partnerLevel("North ICB")->level == 1);
        CHECK(fa->partnerLevel("Shire Trust")->level == 3);
        CHECK(fa->partnerLevel("Shire Council")->level == 2);
        auto log = other->changeLog(*id);
        REQUIRE(log);
        for (const char *org : orgs) {
            const std::string row = std::string("partner level B1 ") + org + " (room)";
            CHECK(std::any_of(log->begin(), log->end(), [&](const LogEntry &e) { return e.what == row; }));
        }
    }

    // Reveal (its action and shortcut): every level fills the grid at once, with the spread and the flag.
    CHECK(rc->revealAction()->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_R));
    CHECK_FALSE(rc->revealAction()->text().isEmpty());
    CHECK_FALSE(rc->revoteAction()->isEnabled());  // a re-vote comes after a reveal
    rc->revealAction()->trigger();
    CHECK(room.isRevealed("B1"));
    const QStringList revealed = levelColumn(b1);
    CHECK(revealed[0].startsWith(QStringLiteral("1 ")));
    CHECK(revealed[1].startsWith(QStringLiteral("3 ")));
    CHECK(revealed[2].startsWith(QStringLiteral("2 ")));
    CHECK(b1->spreadWarning()->text().contains(QStringLiteral("no shared view")));
    CHECK(call(links[0].url + "/state").json.value("revealed").toBool());

    // Re-vote clears the round: the grid, the file and the phones.
    REQUIRE(rc->revoteAction()->isEnabled());
    rc->revoteAction()->trigger();
    CHECK_FALSE(room.isRevealed("B1"));
    CHECK(levelColumn(b1).mid(0, 3) == QStringList{"Not yet", "Not yet", "Not yet"});
    CHECK(s.assessment().feature("B1")->partnerLevels.empty());
    CHECK(call(links[0].url + "/state").json.value("my_level").isNull());

    // Next moves everyone: the walk and the room. The walk moving moves the room; the room moving (the
    // facilitator's control link) moves the walk.
    rc->nextAction()->trigger();
    CHECK(walk->currentFeaturePage()->featureId() == "B2");
    CHECK(room.currentFeature() == "B2");
    CHECK(call(links[2].url + "/state").json.value("feature").toString() == "B2");
    walk->showFeature(3);
    CHECK(room.currentFeature() == "B4");
    CHECK(call(room.facilitatorUrl() + "/feature", R"({"feature":"B3"})", true).status == 200);
    FeaturePage *b3 = walk->currentFeaturePage();
    CHECK(b3->featureId() == "B3");
    // B1 is not the room's feature any more: nothing hidden there.
    CHECK(levelColumn(b1).mid(0, 3) == QStringList{QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("—")});

    // A level the facilitator types on the grid is that partner's vote: the room knows it, and the grid
    // still hides it until the reveal.
    auto *grid = b3->partnerGrid();
    grid->setFocus();
    grid->setCurrentIndex(grid->model()->index(1, 0));
    QTest::keyClick(grid, Qt::Key_2);
    CHECK(s.assessment().feature("B3")->partnerLevel("Shire Trust"));
    CHECK(call(links[1].url + "/state").json.value("my_level").toInt() == 2);
    CHECK(call(room.facilitatorUrl() + "/state").json.value("voted").toInt() == 1);
    CHECK(levelColumn(b3).mid(0, 3) == QStringList{"Not yet", "Voted", "Not yet"});

    // Close: the links stop working, and the strip goes.
    rc->closeAction()->trigger();
    CHECK_FALSE(rc->isOpen());
    CHECK_FALSE(rc->panel()->isVisible());
    CHECK(call(links[0].url + "/state").status == 0);
    CHECK(levelColumn(b3)[1].startsWith(QStringLiteral("2 ")));
}

// Not run by default: the projector's view with the room open, for docs/user-guide.md and docs/room.md.
// Under xvfb-run -a -s "-screen 0 1366x768x24", HICM_SCREENSHOTS=docs/images test_gui "[screenshot]".
TEST_CASE("screenshot: the projector with the room's QR code", "[.screenshot]")
{
    const QString out = qEnvironmentVariable("HICM_SCREENSHOTS");
    REQUIRE_FALSE(out.isEmpty());
    test::TempDir dir("hicm-gui-room-shot");
    auto window = guitest::openWindow(dir.file("demo.hicmws"));
    REQUIRE(window->newAssessment(QStringLiteral("North Shire ICS"), QStringLiteral("Twelve-month reassessment")));
    Session &s = *window->session();
    const char *orgs[] = {"North Shire ICB", "Shire Community Health NHS Trust", "North Shire Council",
                          "Shire Home Care Ltd", "Carers Together (VCFSE)"};
    const OrgType types[] = {OrgType::Icb, OrgType::NhsTrust, OrgType::LocalAuthority, OrgType::CareProvider, OrgType::Vcfse};
    for (int i = 0; i < 5; ++i)
        s.addPartner(Partner{0, orgs[i], types[i], ""});
    window->showWalk();
    window->setPresentation(true);
    auto *rc = window->findChild<RoomController *>();
    REQUIRE(rc);
    // The hotspot's address as the links would name it (listening on this machine's loopback here).
    REQUIRE(rc->open(QStringLiteral("127.0.0.1"), QStringLiteral("10.42.0.1")).isEmpty());
    const auto links = rc->room()->partnerLinks();
    for (int i : {0, 2, 3}) {
        QString url = links[static_cast<std::size_t>(i)].url;
        url.replace(QStringLiteral("10.42.0.1"), QStringLiteral("127.0.0.1"));
        REQUIRE(call(url + "/vote", R"({"feature":"B1","level":2})", true).status == 200);
    }
    QTest::qWait(300);
    const QString path = out + QStringLiteral("/room-projector.png");
    REQUIRE(window->grab().save(path));
    WARN("wrote " << path.toStdString());
}

TEST_CASE("the room's hand-outs are masked until shown, copied and saved; new links; a partner added while open",
          "[gui][room]")
{
    test::TempDir dir("hicm-gui-room-links");
    auto window = guitest::openWindow(dir.file("room.hicmws"));
    REQUIRE(window->newAssessment(QStringLiteral("South Vale")));
    Session &s = *window->session();
    s.addPartner(Partner{0, "South ICB", OrgType::Icb, ""});
    s.addPartner(Partner{0, "<b>Vale & Co</b>", OrgType::CareProvider, ""});
    window->showWalk();
    auto *rc = window->findChild<RoomController *>();
    REQUIRE(rc);
    REQUIRE(rc->open(QStringLiteral("127.0.0.1")).isEmpty());
    const auto links = rc->room()->partnerLinks();
    REQUIRE(links.size() == 2);

    RoomLinksDialog dialog(*rc->room(), &s, window.get());
    QTableWidget *table = dialog.table();
    REQUIRE(table->rowCount() == 2);
    // Enter with the focus in the table or on the checkbox closes the dialog: it never copies the
    // facilitator's control link (a secret) nor starts a save (no action button is the default).
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    for (QWidget *focus : {static_cast<QWidget *>(table), static_cast<QWidget *>(dialog.findChild<QCheckBox *>())}) {
        focus->setFocus();
        QApplication::processEvents();
        QPushButton *close = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close);
        REQUIRE(close);
        CHECK(close->isDefault());
        for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
            INFO(b->text().toStdString());
            CHECK(b->isDefault() == (b == close));
        }
    }
    // A button the keyboard is on still takes Enter.
    QPushButton *copyAll = nullptr;
    for (QPushButton *b : dialog.findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("&Copy All"))
            copyAll = b;
    REQUIRE(copyAll);
    copyAll->setFocus();
    QApplication::processEvents();
    CHECK(copyAll->isDefault());
    table->setFocus();
    QApplication::processEvents();
    CHECK_FALSE(copyAll->isDefault());
    CHECK(table->item(1, 0)->text() == QStringLiteral("<b>Vale & Co</b>"));
    for (int r = 0; r < 2; ++r) {  // masked: the screen may be the projector's
        CHECK(table->item(r, 1)->text() != links[static_cast<std::size_t>(r)].code);
        CHECK_FALSE(table->item(r, 2)->text().contains(QStringLiteral("/r/")));
    }
    dialog.setShown(true);
    CHECK(table->item(0, 1)->text() == links[0].code);
    CHECK(table->item(1, 2)->text() == links[1].url);
    const QString text = dialog.handoutText();
    CHECK(text.contains(QStringLiteral("South ICB\t") + links[0].code + QLatin1Char('\t') + links[0].url + QLatin1Char('\n')));
    CHECK_FALSE(text.contains(rc->room()->facilitatorUrl().section('/', -1)));  // never the control link
    const QString pdf = QString::fromStdString(dir.file("handouts.pdf"));
    QString error;
    REQUIRE(dialog.saveHandouts(pdf, &error));
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(5) == "%PDF-");
    CHECK(file.size() > 2000);

    // A partner added while the room is open: it reopens with the same links for the others, and the new
    // partner can vote.
    s.addPartner(Partner{0, "Vale Council", OrgType::LocalAuthority, ""});
    REQUIRE(rc->isOpen());
    const auto now = rc->room()->partnerLinks();
    REQUIRE(now.size() == 3);
    CHECK(now[0].url == links[0].url);
    CHECK(call(now[2].url + "/vote", R"({"feature":"B1","level":2})", true).status == 200);

    // Invite with New Links: new tokens and codes; the old links stop working.
    rc->closeAction()->trigger();
    rc->newLinksAction()->trigger();
    REQUIRE(rc->isOpen());
    const auto fresh = rc->room()->partnerLinks();
    CHECK(fresh[0].url != now[0].url);
    CHECK(fresh[0].code != now[0].code);
    CHECK(call(now[0].url + "/state").status != 200);
    CHECK(call(fresh[0].url + "/state").status == 200);
}

TEST_CASE("Without its room module the app says so when the facilitator invites partners, and nothing else changes",
          "[gui][room]")
{
    // The room is in hicm-room.so, loaded by the first invitation; an installation without it (or with one
    // of another version) must say which files it looked for, not crash or hang, and leave the assessment.
    test::TempDir dir("hicm-gui-room-missing");
    qputenv("HICM_ROOM_MODULE", QByteArray::fromStdString(dir.file("no-such-room.so")));
    auto window = guitest::openWindow(dir.file("room.hicmws"));
    REQUIRE(window->newAssessment(QStringLiteral("South Vale")));
    Session &s = *window->session();
    s.addPartner(Partner{0, "South ICB", OrgType::Icb, ""});
    const std::string before = assessmentToJson(s.assessment()).dump();
    window->showWalk();
    auto *rc = window->findChild<RoomController *>();
    REQUIRE(rc);
    const QString error = rc->open(QStringLiteral("127.0.0.1"));
    CHECK(error.contains(QStringLiteral("cannot be loaded")));
    CHECK(error.contains(QStringLiteral("no-such-room.so")));
    CHECK_FALSE(rc->isOpen());
    CHECK_FALSE(rc->linksAction()->isEnabled());

    // From the menu: the message says the same, and the walk is as it was.
    Messages::clearRecorded();
    rc->inviteAction()->trigger();
    REQUIRE(Messages::recorded().size() == 1);
    CHECK(Messages::recorded().front().contains(QStringLiteral("no-such-room.so")));
    CHECK_FALSE(rc->isOpen());
    CHECK(assessmentToJson(window->session()->assessment()).dump() == before);
    qunsetenv("HICM_ROOM_MODULE");
}
