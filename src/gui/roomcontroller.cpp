#include "roomcontroller.h"

#include "featurepage.h"
#include "mainwindow.h"
#include "messages.h"
#include "resultspage.h"
#include "roomlinks.h"
#include "room_loader.h"
#include "roompanel.h"
#include "roomvotestore.h"
#include "session.h"
#include "walkpage.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QSettings>
#include <QStatusBar>


namespace hicm::gui {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QAction *makeAction(QObject *parent, const char *name, const QString &text, const QString &tip, const QKeySequence &key)
{
    auto *a = new QAction(text, parent);
    a->setObjectName(QLatin1String(name));
    a->setToolTip(tip);
    a->setStatusTip(tip);
    if (!key.isEmpty())
        a->setShortcut(key);
    return a;
}

}  // namespace

RoomController::RoomController(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("roomController"));
    m_invite = makeAction(this, "actionInvitePartners", tr("&Invite Partners…"),
                          tr("Open the live room: each partner votes from their own phone, hidden until the reveal"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_newLinks = makeAction(this, "actionInviteNewLinks", tr("Invite with Ne&w Links…"),
                            tr("Open the room with new links and codes: the old links and hand-outs stop working"),
                            QKeySequence());
    m_links = makeAction(this, "actionRoomLinks", tr("Partners' &Hand-outs…"),
                         tr("Each organisation's code and own link, to copy or to save for printing"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_reveal = makeAction(this, "actionRevealVotes", tr("&Reveal Votes"),
                          tr("Show every partner's vote on this feature, here and on every phone"), QKeySequence(Qt::CTRL | Qt::Key_R));
    m_revote = makeAction(this, "actionRevote", tr("Re-&vote"),
                          tr("Clear this feature's votes and hide them again, for a new round after discussion"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_next = makeAction(this, "actionRoomNext", tr("&Next Feature for Everyone"),
                        tr("Move the walk and every phone to the next feature"),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_PageDown));
    m_close = makeAction(this, "actionCloseRoom", tr("&Close the Room"),
                         tr("Stop the room: no link works until it is opened again"), QKeySequence());
    // The panel's buttons read these names: short, and the same for a screen reader.
    m_reveal->setIconText(tr("Reveal"));
    m_revote->setIconText(tr("Re-vote"));
    m_next->setIconText(tr("Next"));
    m_links->setIconText(tr("Hand-outs…"));
    m_close->setIconText(tr("Close Room"));
    // No mnemonic: every letter of "Room" is taken on some screen (Alt+R is the rationale, Alt+O Open and
    // Profile, Alt+M the room's own metric); F10 (or Alt+F) and the arrow keys reach it, and its actions have
    // their shortcuts.
    auto *menu = new QMenu(tr("Room"), window);
    menu->setObjectName(QStringLiteral("menuRoom"));
    for (QAction *a : {m_invite, m_newLinks, m_links})
        menu->addAction(a);
    menu->addSeparator();
    for (QAction *a : {m_reveal, m_revote, m_next})
        menu->addAction(a);
    menu->addSeparator();
    menu->addAction(m_close);
    const auto bar = window->menuBar()->actions();
    window->menuBar()->insertMenu(bar.isEmpty() ? nullptr : bar.last(), menu);  // before Help
    for (QAction *a : {m_invite, m_links, m_reveal, m_revote, m_next, m_close})
        window->addAction(a);  // shortcuts work wherever the focus is in the window

    connect(m_invite, &QAction::triggered, this, [this] { invite(false); });
    connect(m_newLinks, &QAction::triggered, this, [this] { invite(true); });
    connect(m_links, &QAction::triggered, this, &RoomController::showLinks);
    connect(m_reveal, &QAction::triggered, this, &RoomController::reveal);
    connect(m_revote, &QAction::triggered, this, &RoomController::revote);
    connect(m_next, &QAction::triggered, this, &RoomController::next);
    connect(m_close, &QAction::triggered, this, [this] {
        close();
        m_window->statusBar()->showMessage(tr("The room is closed: the links no longer work."), 8000);
    });
    connect(menu, &QMenu::aboutToShow, this, &RoomController::update);
    update();
}

RoomController::~RoomController()
{
    m_room.reset();  // before the store it uses; it tells nothing more
}

bool RoomController::isOpen() const
{
    return m_room && m_room->isOpen();
}

namespace {
// Why the room cannot open for what `session` has open; empty when it can.
QString cannotOpen(Session *session)
{
    if (!session || !session->hasAssessment())
        return RoomController::tr("Open an assessment first: the room is for the assessment on the walk.");
    if (session->readOnly())
        return RoomController::tr("This workspace is open read-only (%1): votes could not be stored.").arg(session->readOnlyReason());
    if (session->assessment().status == AssessmentStatus::Final)
        return RoomController::tr("This assessment is final and locked: unlock it for editing before the partners vote.");
    if (session->assessment().partners.empty())
        return RoomController::tr("The assessment has no partners yet: add them on Set-up, then invite them.");
    return {};
}
}  // namespace

QString RoomController::open(const QString &address, const QString &publicHost, quint16 port, bool newLinks)
{
    Session *session = m_window->session();
    if (QString why = cannotOpen(session); !why.isEmpty())
        return why;
    close();
    const Assessment &a = session->assessment();
    m_session = session;
    m_assessmentId = a.id;
    m_store = std::make_unique<DocumentVoteStore>(*session, a.id);
    room::RoomSetup setup;
    setup.assessmentId = a.id;
    setup.title = a.area + (a.title.empty() ? "" : ": " + a.title);
    setup.partners = a.partners;
    setup.framework = session->frameworkPtr();
    // A room opened before (its state saved) resumes where it was, and the walk follows it; a new one
    // starts on the feature the walk is on.
    const auto saved = m_store->loadRoomState();
    const bool resuming = saved && !saved->empty() && !newLinks;
    QString error;
    m_room = room::loader::createRoom(std::move(setup), *m_store, *this, &error);
    if (m_room) {
        if (!publicHost.isEmpty())
            m_room->setPublicHost(publicHost);
        // 8080 when it is free: the same short address each workshop. Any free port otherwise.
        error = m_room->open(address, port == 0 ? 8080 : port, newLinks);
        if (!error.isEmpty() && port == 0)
            error = m_room->open(address, 0, newLinks);
    }
    if (!error.isEmpty()) {
        m_room.reset();
        m_store.reset();
        m_session.clear();
        update();
        return error;
    }
    m_address = address;
    m_publicHost = publicHost;
    watch(session);

    WalkPage *walk = m_window->walkPage();
    if (!m_panel) {
        m_panel = new RoomPanel(walk);
        for (QAction *a : {m_reveal, m_revote, m_next, m_links, m_close})
            m_panel->addAction(a);
        walk->setRoomBar(m_panel);
        connect(walk, &WalkPage::featureShown, this, &RoomController::followWalk);
    }
    m_panel->setJoinUrl(m_room->joinUrl());
    m_panel->show();
    m_window->showWalk();
    const FeaturePage *page = walk->currentFeaturePage();
    if (resuming || !page)
        followRoom(m_room->currentFeature());
    else
        followWalk(qs(page->featureId()));
    update();
    return {};
}

void RoomController::watch(Session *session)
{
    connect(session, &Session::featureChanged, this, &RoomController::levelsChanged);
    connect(session, &Session::reloaded, this, [this] {
        if (m_room)
            m_room->refresh();
        update();
    });
    connect(session, &Session::partnersChanged, this, &RoomController::reopenForPartners);
    connect(session, &Session::opened, this, [this] {
        // Another assessment (or none): the room was this one's.
        if (m_room && (!m_session || !m_session->hasAssessment() || m_session->assessment().id != m_assessmentId))
            close();
    });
    connect(session, &QObject::destroyed, this, [this] { close(); });
}

void RoomController::close()
{
    if (m_room)
        m_room->close();  // it tells nothing more
    m_room.reset();
    m_store.reset();
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session.clear();
    if (m_panel)
        m_panel->hide();
    update();
}

void RoomController::invite(bool newLinks)
{
    if (isOpen()) {  // already open: the walk with its strip
        m_window->showWalk();
        return;
    }
    if (const QString why = cannotOpen(m_window->session()); !why.isEmpty()) {
        Messages::error(m_window, tr("The room did not open"), why);
        return;
    }
    const std::optional<QString> address = chooseRoomAddress(m_window);
    if (!address)
        return;
    if (const QString error = open(*address, {}, 0, newLinks); !error.isEmpty()) {
        Messages::error(m_window, tr("The room did not open"), error);
        return;
    }
    QSettings().setValue(QStringLiteral("room/address"), *address);
    m_window->statusBar()->showMessage(tr("The room is open. Partners' hand-outs: Room › Partners' Hand-outs (Ctrl+Shift+L)."),
                                       10000);
}

void RoomController::showLinks()
{
    if (!isOpen())
        return;
    RoomLinksDialog dialog(*m_room, m_window->session(), m_window);
    dialog.exec();
}

void RoomController::reveal()
{
    if (!isOpen())
        return;
    const QString feature = m_room->currentFeature();
    if (const QString e = m_room->reveal(feature); !e.isEmpty()) {
        failed(e);
        update();
        return;
    }
    update();
    if (FeaturePage *page = m_window->walkPage()->featurePage(feature.toStdString()))
        page->showWholeGrid();  // the votes, now in the grid, are what the room looks at
}

void RoomController::revote()
{
    if (!isOpen() || !m_room->isRevealed(m_room->currentFeature()))
        return;
    if (const QString e = m_room->revote(m_room->currentFeature()); !e.isEmpty())
        failed(e);
    update();
}

void RoomController::next()
{
    if (!isOpen())
        return;
    m_window->showWalk();
    m_window->walkPage()->next();  // the room follows the walk (followWalk)
}

void RoomController::followWalk(const QString &featureId)
{
    if (!isOpen() || featureId.isEmpty() || m_room->currentFeature() == featureId)
        return update();
    if (const QString e = m_room->setFeature(featureId); !e.isEmpty())
        failed(e);
    update();
}

void RoomController::followRoom(const QString &featureId)
{
    // The room moved (the facilitator's control link, or a resumed room): the walk shows that feature.
    WalkPage *walk = m_window->walkPage();
    if (m_session && m_session->hasAssessment()) {
        const auto &features = m_session->framework().features;  // the walk's pages, in order
        for (std::size_t i = 0; i < features.size(); ++i)
            if (qs(features[i].id) == featureId && walk->currentIndex() != static_cast<int>(i))
                walk->showFeature(static_cast<int>(i));
    }
    update();
}

void RoomController::levelsChanged(const QString &featureId)
{
    // A level typed by the facilitator (or undone) on the room's feature: the room shows what is stored.
    // The room's own votes are already known to it.
    if (isOpen() && featureId == m_room->currentFeature() && !m_store->recording())
        m_room->refresh();
    update();
}

void RoomController::reopenForPartners()
{
    // The room's partners are fixed when it opens: added, renamed or removed partners reopen it on the same
    // address and port, with the same links for those who were there.
    if (!isOpen())
        return update();
    const QString address = m_address;
    const QString host = m_publicHost;
    const quint16 port = m_room->port();
    if (const QString e = open(address, host, port); !e.isEmpty())
        Messages::error(m_window, tr("The room was closed"), e);
}

void RoomController::voted(qint64, const QString &)
{
    update();
}

void RoomController::revealed(const QString &)
{
    update();
}

void RoomController::revoted(const QString &)
{
    update();
}

void RoomController::featureChanged(const QString &featureId)
{
    followRoom(featureId);
}

void RoomController::storeFailed(const QString &message)
{
    failed(message);
}

void RoomController::failed(const QString &message)
{
    m_window->statusBar()->showMessage(tr("The room: %1").arg(message), 10000);
}

QString RoomController::hiddenFeature() const
{
    if (!isOpen())
        return {};
    const QString feature = m_room->currentFeature();
    return m_room->isRevealed(feature) ? QString() : feature;
}

void RoomController::update()
{
    const bool open = isOpen();
    const QString feature = open ? m_room->currentFeature() : QString();
    const bool revealed = open && m_room->isRevealed(feature);
    m_newLinks->setEnabled(!open);
    m_links->setEnabled(open);
    m_close->setEnabled(open);
    m_reveal->setEnabled(open && !revealed);
    m_revote->setEnabled(open && revealed);
    WalkPage *walk = open ? m_window->walkPage() : nullptr;
    m_next->setEnabled(open && walk->currentIndex() + 1 < walk->featureCount());

    // The hidden round: the room's feature, until it is revealed, says who has voted and never what.
    FeaturePage *hide = open && !revealed ? walk->featurePage(feature.toStdString()) : nullptr;
    if (m_hidden && m_hidden != hide)
        m_hidden->setHiddenRound(false);
    m_hidden = hide;
    // The Results screen (on the projector too) hides the same round's levels.
    if (open || m_window->hasResultsPage())
        m_window->resultsPage()->setHiddenRound(open && !revealed ? feature.toStdString() : std::string());
    if (!open)
        return;
    // Who has voted is who has a level stored (a level typed by the facilitator is that partner's vote),
    // read from the document, which every vote and every typed level reaches before its views are told.
    QSet<qint64> voted;
    const Assessment &a = m_session->assessment();
    if (const FeatureAssessment *f = a.feature(feature.toStdString()))
        for (const Partner &p : a.partners)
            if (f->partnerLevel(p.organisation))
                voted.insert(p.id);
    if (hide)
        hide->setHiddenRound(true, voted);
    const int partners = static_cast<int>(a.partners.size());
    m_panel->setRound(revealed ? tr("%1: the votes are revealed. Re-vote (Ctrl+Shift+R) for a new round; Next (Ctrl+Shift+Page Down) moves everyone on.")
                                     .arg(feature)
                               : tr("%1: %2 of %3 partners have voted. The votes stay hidden until the reveal (Ctrl+R).")
                                     .arg(feature)
                                     .arg(voted.size())
                                     .arg(partners));
    emit stateChanged();
}

}  // namespace hicm::gui
