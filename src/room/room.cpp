// The room's life (open, close), its links and join codes, and what it says of the round in progress.
// The rounds (set, reveal, re-vote, votes stored) and the state the pages read: room_rounds.cpp; the
// HTTP requests: room_requests.cpp.
#include "room.h"

#include "http.h"
#include "room_internal.h"
#include "tokens.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QNetworkInterface>

#include <algorithm>

// The page's resources live in a static library: they must be registered (outside any namespace).
static void initRoomResources()
{
    Q_INIT_RESOURCE(room);
}

namespace hicm::room {

Room::Room(RoomSetup setup, VoteStore &store, QObject *parent)
    : QObject(parent), m_setup(std::move(setup)), m_store(store)
{
    initRoomResources();
    m_http = std::make_unique<HttpServer>([this](const HttpRequest &r) { return handle(r); });
}

Room::~Room()
{
    close();
}

QString Room::open(const QHostAddress &address, quint16 port, bool newLinks)
{
    if (!m_setup.framework || m_setup.framework->features.empty())
        return QStringLiteral("the assessment's framework has no features");
    if (m_setup.partners.empty())
        return QStringLiteral("the assessment has no partners to vote; add them first");
    auto saved = m_store.loadRoomState();
    if (!saved)
        return qs(saved.error().message);
    m_tokens.clear();
    m_revealed.clear();
    m_feature.clear();
    m_facilitatorToken.clear();
    if (!saved->empty() && !newLinks) {
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(*saved)).object();
        m_facilitatorToken = o.value(QStringLiteral("facilitator")).toString().toLatin1();
        const QJsonObject partners = o.value(QStringLiteral("partners")).toObject();
        for (const auto &p : m_setup.partners) {
            const QByteArray t = partners.value(QString::number(p.id)).toString().toLatin1();
            if (wellFormedToken(t))
                m_tokens[p.id] = t;
        }
        m_feature = o.value(QStringLiteral("feature")).toString();
        for (const auto &v : o.value(QStringLiteral("revealed")).toArray())
            if (checkFeature(v.toString()).isEmpty())
                m_revealed.insert(v.toString());
    }
    if (!wellFormedToken(m_facilitatorToken))
        m_facilitatorToken = newToken();
    for (const auto &p : m_setup.partners)
        if (!m_tokens.count(p.id))
            m_tokens[p.id] = newToken();
    if (m_facilitatorToken.isEmpty() || std::any_of(m_tokens.begin(), m_tokens.end(), [](auto &t) { return t.second.isEmpty(); }))
        return QStringLiteral("the system's secure random source failed; the room was not opened");
    if (!checkFeature(m_feature).isEmpty())
        m_feature = qs(m_setup.framework->features.front().id);
    if (QString e = loadLevels(); !e.isEmpty())
        return e;
    if (QString e = saveState(); !e.isEmpty())
        return e;
    QString error;
    if (!m_http->listen(address, port, &error))
        return QStringLiteral("cannot listen on %1 port %2: %3").arg(address.toString()).arg(port).arg(error);
    return {};
}

void Room::close()
{
    flushVotes();
    if (m_http)
        m_http->close();
}

bool Room::isOpen() const
{
    return m_http->isListening();
}

quint16 Room::port() const
{
    return m_http->port();
}

void Room::setPublicHost(const QString &host)
{
    m_publicHost = host;
}

QString hostFor(const QHostAddress &a)
{
    if (a == QHostAddress::Any || a == QHostAddress::AnyIPv4 || a == QHostAddress::AnyIPv6) {
        // Listening everywhere: the links name this machine's first network address that is up
        // (setPublicHost chooses another).
        for (const QHostAddress &candidate : QNetworkInterface::allAddresses())
            if (candidate.protocol() == QAbstractSocket::IPv4Protocol && !candidate.isLoopback() && !candidate.isLinkLocal())
                return candidate.toString();
        return QStringLiteral("127.0.0.1");
    }
    if (a.protocol() == QAbstractSocket::IPv6Protocol)
        return QLatin1Char('[') + a.toString() + QLatin1Char(']');
    return a.toString();
}

QString Room::facilitatorUrl() const
{
    const QString host = m_publicHost.isEmpty() ? hostFor(m_http->address()) : m_publicHost;
    return QStringLiteral("http://%1:%2/r/%3").arg(host).arg(port()).arg(QString::fromLatin1(m_facilitatorToken));
}

std::vector<RoomLink> Room::partnerLinks() const
{
    const QString host = m_publicHost.isEmpty() ? hostFor(m_http->address()) : m_publicHost;
    std::vector<RoomLink> out;
    for (const auto &p : m_setup.partners) {
        auto it = m_tokens.find(p.id);
        out.push_back({p.id, qs(p.organisation),
                       QStringLiteral("http://%1:%2/r/%3").arg(host).arg(port()).arg(QString::fromLatin1(it->second)),
                       joinCode(p.id)});
    }
    return out;
}

QString Room::joinUrl() const
{
    const QString host = m_publicHost.isEmpty() ? hostFor(m_http->address()) : m_publicHost;
    return QStringLiteral("http://%1:%2/j").arg(host).arg(port());
}

// The join codes' alphabet: Crockford's base 32.
const char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

QByteArray codeOf(const QByteArray &token)
{
    const QByteArray h = QCryptographicHash::hash("hicm-room-join:" + token, QCryptographicHash::Sha256);
    quint64 bits = 0;
    for (int i = 0; i < 5; ++i)
        bits = (bits << 8) | static_cast<quint8>(h[i]);
    QByteArray out(8, '0');
    for (int i = 7; i >= 0; --i, bits >>= 5)
        out[i] = kCrockford[bits & 31];
    return out;
}

QString Room::joinCode(std::int64_t partnerId) const
{
    auto it = m_tokens.find(partnerId);
    if (it == m_tokens.end())
        return {};
    const QString code = QString::fromLatin1(codeOf(it->second));
    return code.left(4) + QLatin1Char('-') + code.mid(4);
}

QString Room::currentFeature() const
{
    return m_feature;
}

bool Room::isRevealed(const QString &featureId) const
{
    return m_revealed.contains(featureId);
}

std::vector<std::int64_t> Room::votedPartners() const
{
    std::vector<std::int64_t> out;
    for (const auto &p : m_setup.partners)
        if (m_levels.count(p.id))
            out.push_back(p.id);
    return out;
}

int Room::openStreams() const
{
    return m_http->streamCount();
}

int Room::openConnections() const
{
    return m_http->connectionCount();
}

}  // namespace hicm::room
