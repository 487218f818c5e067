#include "room.h"

#include "http.h"
#include "tokens.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QTimer>

#include <algorithm>
#include <cmath>

// The page's resources live in a static library: they must be registered (outside any namespace).
static void initRoomResources()
{
    Q_INIT_RESOURCE(room);
}

namespace hicm::room {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray resource(const QString &name)
{
    QFile f(QStringLiteral(":/hicm/room/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

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

namespace {
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
}  // namespace

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

namespace {
const char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// The 8 characters of a token's join code (no separator).
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

// What a person typed, as a code: letters upper-cased, spaces and dashes dropped, O read as 0 and I, L as 1.
QByteArray typedCode(const QString &text)
{
    QByteArray out;
    for (QChar c : text.toUpper()) {
        if (c == QLatin1Char(' ') || c == QLatin1Char('-'))
            continue;
        if (c == QLatin1Char('O'))
            c = QLatin1Char('0');
        else if (c == QLatin1Char('I') || c == QLatin1Char('L'))
            c = QLatin1Char('1');
        out.append(c.toLatin1());
        if (out.size() > 8)
            break;
    }
    return out;
}
}  // namespace

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

QString Room::checkFeature(const QString &featureId) const
{
    if (m_setup.framework->feature(featureId.toStdString()))
        return {};
    QStringList ids;
    for (const auto &f : m_setup.framework->features)
        ids << qs(f.id);
    return QStringLiteral("unknown feature \"%1\" (features are: %2)").arg(featureId.left(40), ids.join(QStringLiteral(", ")));
}

QString Room::saveState()
{
    QJsonObject partners;
    for (const auto &[id, token] : m_tokens)
        partners.insert(QString::number(id), QString::fromLatin1(token));
    QStringList revealed(m_revealed.begin(), m_revealed.end());
    revealed.sort();
    const QJsonObject o{{QStringLiteral("version"), 1},
                        {QStringLiteral("facilitator"), QString::fromLatin1(m_facilitatorToken)},
                        {QStringLiteral("partners"), partners},
                        {QStringLiteral("feature"), m_feature},
                        {QStringLiteral("revealed"), QJsonArray::fromStringList(revealed)}};
    auto status = m_store.saveRoomState(compact(o).toStdString());
    if (!status) {
        const QString message = qs(status.error().message);
        emit storeFailed(message);
        return message;
    }
    return {};
}

QString Room::loadLevels()
{
    auto levels = m_store.levels(m_feature.toStdString());
    if (!levels)
        return qs(levels.error().message);
    m_levels = *levels;
    return {};
}

void Room::refresh()
{
    if (loadLevels().isEmpty())
        announce();
}

void Room::announce()
{
    m_http->broadcast([this](const QString &tag) {
        return tag == QLatin1String("f") ? facilitatorState() : partnerState(tag.toLongLong());
    });
}

QString Room::setFeature(const QString &featureId)
{
    flushVotes();  // votes already received count before the facilitator's action
    if (QString e = checkFeature(featureId); !e.isEmpty())
        return e;
    const QString before = m_feature;
    m_feature = featureId;
    if (QString e = loadLevels(); !e.isEmpty()) {
        m_feature = before;
        return e;
    }
    if (QString e = saveState(); !e.isEmpty()) {
        m_feature = before;
        loadLevels();
        return e;
    }
    emit featureChanged(m_feature);
    announce();
    return {};
}

QString Room::reveal(const QString &featureId)
{
    flushVotes();  // votes already received count before the facilitator's action
    if (QString e = checkFeature(featureId); !e.isEmpty())
        return e;
    if (m_revealed.contains(featureId))
        return {};
    m_revealed.insert(featureId);
    if (QString e = saveState(); !e.isEmpty()) {
        m_revealed.remove(featureId);
        return e;
    }
    emit revealed(featureId);
    announce();
    return {};
}

QString Room::revote(const QString &featureId)
{
    flushVotes();  // votes already received count before the facilitator's action
    if (QString e = checkFeature(featureId); !e.isEmpty())
        return e;
    auto levels = m_store.levels(featureId.toStdString());
    if (!levels)
        return qs(levels.error().message);
    VoteStore::Votes clear;
    for (const auto &[partnerId, level] : *levels) {
        (void)level;
        if (std::any_of(m_setup.partners.begin(), m_setup.partners.end(), [&](const Partner &p) { return p.id == partnerId; }))
            clear.push_back({partnerId, std::nullopt});
    }
    if (!clear.empty())
        if (auto status = m_store.recordVotes(featureId.toStdString(), clear); !status)
            return qs(status.error().message);
    m_revealed.remove(featureId);
    QString e = saveState();
    if (featureId == m_feature)
        loadLevels();
    emit revoted(featureId);
    announce();
    return e;
}

bool Room::allow(const QString &key)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_buckets.size() > 10000) {
        for (auto it = m_buckets.begin(); it != m_buckets.end();)
            it = now - it->at > 10000 ? m_buckets.erase(it) : std::next(it);
    }
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, {double(kRateBurst), now});
    it->tokens = std::min(double(kRateBurst), it->tokens + (now - it->at) * kRatePerSecond / 1000.0);
    it->at = now;
    if (it->tokens < 1.0)
        return false;
    it->tokens -= 1.0;
    return true;
}

HttpResponse Room::handle(const HttpRequest &request)
{
    // Host: a page reached by another name (DNS rebinding) gets nothing.
    const QHostAddress listening = m_http->address();
    const QByteArray host = request.header("host");
    if (listening != QHostAddress::Any && listening != QHostAddress::AnyIPv4 && listening != QHostAddress::AnyIPv6) {
        const QByteArray p = ':' + QByteArray::number(port());
        const bool ok = host == hostFor(listening).toLatin1() + p || (!m_publicHost.isEmpty() && host == m_publicHost.toLatin1() + p) ||
                        (listening.isLoopback() && host == "localhost" + p);
        if (!ok)
            return HttpResponse::error(403, QStringLiteral("forbidden"));
    }
    const QStringList parts = request.path.split(QLatin1Char('/'));  // "", "r", TOKEN, rest
    if (request.path == QLatin1String("/static/room.js") || request.path == QLatin1String("/static/room.css") ||
        request.path == QLatin1String("/static/join.js")) {
        if (!allow(request.peer.toString() + QStringLiteral("|static")))
            return HttpResponse::error(429, QStringLiteral("too many requests; wait a moment"));
        HttpResponse r;
        r.body = resource(parts.last());
        r.contentType = request.path.endsWith(QLatin1String(".js")) ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
        return r;
    }
    if (request.path == QLatin1String("/j"))
        return joinRequest(request);
    const QByteArray token = parts.size() >= 3 && parts[1] == QLatin1String("r") ? parts[2].toLatin1() : QByteArray();
    const bool known = wellFormedToken(token);
    if (!allow(request.peer.toString() + QLatin1Char('|') + (known ? QString::fromLatin1(token) : QStringLiteral("?")))) {
        HttpResponse r = HttpResponse::error(429, QStringLiteral("too many requests; wait a moment"));
        r.extraHeaders.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
        return r;
    }
    if (!known || parts.size() > 4)
        return HttpResponse::error(404, QStringLiteral("not found"));
    const QString rest = parts.size() == 4 ? parts[3] : QString();
    if (request.method == "POST") {
        const QByteArray origin = request.header("origin");
        if (!origin.isEmpty() && origin != "http://" + host)
            return HttpResponse::error(403, QStringLiteral("forbidden"));
    }
    // Every token is compared, in constant time, so the answer's timing says nothing about which matched.
    std::int64_t partner = 0;
    bool facilitator = sameToken(token, m_facilitatorToken);
    for (const auto &[id, t] : m_tokens)
        if (sameToken(token, t))
            partner = id;
    if (facilitator)
        return facilitatorRequest(rest, request);
    if (partner != 0)
        return partnerRequest(partner, rest, request);
    return HttpResponse::error(404, QStringLiteral("not found"));
}

namespace {

struct Body {
    QJsonObject object;
    QString error;
};

Body parseBody(const QByteArray &body)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return {{}, QStringLiteral("the body is not valid JSON (%1 at byte %2)").arg(pe.errorString()).arg(pe.offset)};
    if (!doc.isObject())
        return {{}, QStringLiteral("the body must be a JSON object such as {\"feature\":\"B1\"}")};
    return {doc.object(), {}};
}

bool featureOf(const QJsonObject &o, QString *out)
{
    const QJsonValue v = o.value(QStringLiteral("feature"));
    if (!v.isString())
        return false;
    *out = v.toString();
    return true;
}

HttpResponse methodNotAllowed(const char *allowed)
{
    HttpResponse r = HttpResponse::error(405, QStringLiteral("use %1 here").arg(QLatin1String(allowed)));
    r.extraHeaders.append(qMakePair(QByteArray("Allow"), QByteArray(allowed)));
    return r;
}

}  // namespace

HttpResponse Room::partnerRequest(std::int64_t partnerId, const QString &rest, const HttpRequest &request)
{
    if (rest.isEmpty()) {
        if (request.method != "GET")
            return methodNotAllowed("GET");
        HttpResponse r;
        r.contentType = "text/html; charset=utf-8";
        r.body = resource(QStringLiteral("room.html"));
        return r;
    }
    if (rest == QLatin1String("state")) {
        if (request.method != "GET")
            return methodNotAllowed("GET");
        return HttpResponse::json(200, partnerState(partnerId));
    }
    if (rest == QLatin1String("events")) {
        if (request.method != "GET")
            return methodNotAllowed("GET");
        HttpResponse r;
        r.eventStream = true;
        r.streamTag = QString::number(partnerId);
        r.firstEvent = partnerState(partnerId);
        return r;
    }
    if (rest != QLatin1String("vote"))
        return HttpResponse::error(404, QStringLiteral("not found"));
    if (request.method != "POST")
        return methodNotAllowed("POST");
    const Body body = parseBody(request.body);
    if (!body.error.isEmpty())
        return HttpResponse::error(400, body.error);
    QString feature;
    if (!featureOf(body.object, &feature))
        return HttpResponse::error(400, QStringLiteral("\"feature\" must be a feature id such as \"B1\""));
    if (QString e = checkFeature(feature); !e.isEmpty())
        return HttpResponse::error(400, e);
    if (feature != m_feature)
        return HttpResponse::error(409, QStringLiteral("%1 is not the current feature (%2 is)").arg(feature, m_feature));
    const QJsonValue lv = body.object.value(QStringLiteral("level"));
    const double d = lv.toDouble(-1);
    QStringList scale;
    for (const auto &l : m_setup.framework->levels)
        scale << QString::number(l.id);
    if (!lv.isDouble() || d != std::floor(d) || !m_setup.framework->level(static_cast<int>(d)))
        return HttpResponse::error(400, QStringLiteral("\"level\" must be one of %1").arg(scale.join(QStringLiteral(", "))));
    if (m_revealed.contains(feature))
        return HttpResponse::error(409, QStringLiteral("the votes on %1 are revealed; wait for a re-vote").arg(feature));
    // Stored with the other votes that arrive in the same turn of the event loop, in one transaction;
    // the reply follows once it is committed.
    if (m_pending.empty())
        QTimer::singleShot(0, this, &Room::flushVotes);
    m_pending.push_back({request.id, partnerId, feature, static_cast<int>(d)});
    HttpResponse later;
    later.deferred = true;
    return later;
}

void Room::flushVotes()
{
    if (m_pending.empty())
        return;
    std::vector<PendingVote> batch;
    batch.swap(m_pending);
    std::vector<PendingVote> accepted;
    VoteStore::Votes votes;
    for (const auto &v : batch) {
        // A reveal or another feature may have come between the check and now.
        if (v.feature != m_feature)
            m_http->reply(v.request, HttpResponse::error(409, QStringLiteral("%1 is not the current feature (%2 is)").arg(v.feature, m_feature)));
        else if (m_revealed.contains(v.feature))
            m_http->reply(v.request, HttpResponse::error(409, QStringLiteral("the votes on %1 are revealed; wait for a re-vote").arg(v.feature)));
        else {
            accepted.push_back(v);
            votes.push_back({v.partnerId, v.level});
        }
    }
    if (accepted.empty())
        return;
    auto status = m_store.recordVotes(m_feature.toStdString(), votes);
    if (!status) {
        emit storeFailed(qs(status.error().message));
        const bool final = status.error().kind == storage::StorageError::Kind::Final;
        const HttpResponse refused = HttpResponse::error(final ? 409 : 503, final ? QStringLiteral("the assessment is final; votes are closed")
                                                                                  : QStringLiteral("the vote was not stored; try again"));
        for (const auto &v : accepted)
            m_http->reply(v.request, refused);
        return;
    }
    for (const auto &v : accepted)
        m_levels[v.partnerId] = v.level;
    for (const auto &v : accepted)
        m_http->reply(v.request, HttpResponse::json(200, partnerState(v.partnerId)));
    announce();
    for (const auto &v : accepted)
        emit voted(v.partnerId, v.feature);
}

HttpResponse Room::joinRequest(const HttpRequest &request)
{
    // The page is the same for everyone and says nothing of the room; a code is checked against every
    // partner's in constant time, and a wrong one learns nothing (404, as a wrong link).
    if (request.method == "GET") {
        if (!allow(request.peer.toString() + QStringLiteral("|static")))
            return HttpResponse::error(429, QStringLiteral("too many requests; wait a moment"));
        HttpResponse r;
        r.contentType = "text/html; charset=utf-8";
        r.body = resource(QStringLiteral("join.html"));
        return r;
    }
    if (request.method != "POST")
        return methodNotAllowed("GET, POST");
    if (!allow(request.peer.toString() + QStringLiteral("|join"))) {
        HttpResponse r = HttpResponse::error(429, QStringLiteral("too many requests; wait a moment"));
        r.extraHeaders.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
        return r;
    }
    const QByteArray origin = request.header("origin");
    if (!origin.isEmpty() && origin != "http://" + request.header("host"))
        return HttpResponse::error(403, QStringLiteral("forbidden"));
    const Body body = parseBody(request.body);
    if (!body.error.isEmpty())
        return HttpResponse::error(400, body.error);
    const QJsonValue v = body.object.value(QStringLiteral("code"));
    if (!v.isString())
        return HttpResponse::error(400, QStringLiteral("\"code\" must be the code on your hand-out, such as \"K7Q4-MX2P\""));
    const QByteArray typed = typedCode(v.toString());
    QByteArray token;
    for (const auto &[id, t] : m_tokens)
        if (sameToken(typed, codeOf(t)))
            token = t;
    if (token.isEmpty())
        return HttpResponse::error(404, QStringLiteral("not found"));
    return HttpResponse::json(200, compact(QJsonObject{{QStringLiteral("link"), QStringLiteral("/r/") + QString::fromLatin1(token)}}));
}

HttpResponse Room::facilitatorRequest(const QString &rest, const HttpRequest &request)
{
    if (rest == QLatin1String("state")) {
        if (request.method != "GET")
            return methodNotAllowed("GET");
        return HttpResponse::json(200, facilitatorState());
    }
    if (rest == QLatin1String("events")) {
        if (request.method != "GET")
            return methodNotAllowed("GET");
        HttpResponse r;
        r.eventStream = true;
        r.streamTag = QStringLiteral("f");
        r.firstEvent = facilitatorState();
        return r;
    }
    if (rest != QLatin1String("feature") && rest != QLatin1String("reveal") && rest != QLatin1String("revote"))
        return HttpResponse::error(404, QStringLiteral("not found"));
    if (request.method != "POST")
        return methodNotAllowed("POST");
    const Body body = parseBody(request.body);
    if (!body.error.isEmpty())
        return HttpResponse::error(400, body.error);
    QString feature;
    if (!featureOf(body.object, &feature))
        return HttpResponse::error(400, QStringLiteral("\"feature\" must be a feature id such as \"B1\""));
    if (QString e = checkFeature(feature); !e.isEmpty())
        return HttpResponse::error(400, e);
    const QString e = rest == QLatin1String("feature") ? setFeature(feature)
                      : rest == QLatin1String("reveal") ? reveal(feature)
                                                         : revote(feature);
    if (!e.isEmpty())
        return HttpResponse::error(503, e);
    return HttpResponse::json(200, facilitatorState());
}

QByteArray Room::partnerState(std::int64_t partnerId) const
{
    const Framework &fw = *m_setup.framework;
    const Feature *f = fw.feature(m_feature.toStdString());
    QJsonObject o;
    o.insert(QStringLiteral("room"), qs(m_setup.title));
    for (const auto &p : m_setup.partners)
        if (p.id == partnerId)
            o.insert(QStringLiteral("organisation"), qs(p.organisation));
    o.insert(QStringLiteral("feature"), m_feature);
    o.insert(QStringLiteral("feature_title"), f ? qs(f->title.text) : QString());
    QJsonArray choices;
    for (const auto &l : fw.levels) {
        const FeatureLevel *fl = f ? f->level(l.id) : nullptr;
        choices.append(QJsonObject{{QStringLiteral("level"), l.id},
                                   {QStringLiteral("label"), qs(fl && !fl->label.text.empty() ? fl->label.text : l.label.text)},
                                   {QStringLiteral("descriptor"), fl ? qs(fl->descriptor.text) : QString()}});
    }
    o.insert(QStringLiteral("choices"), choices);
    const bool shown = m_revealed.contains(m_feature);
    o.insert(QStringLiteral("revealed"), shown);
    auto mine = m_levels.find(partnerId);
    o.insert(QStringLiteral("my_level"), mine == m_levels.end() ? QJsonValue(QJsonValue::Null) : QJsonValue(mine->second));
    int voted = 0;
    for (const auto &p : m_setup.partners)
        voted += m_levels.count(p.id) ? 1 : 0;
    o.insert(QStringLiteral("voted"), voted);
    o.insert(QStringLiteral("partners"), static_cast<int>(m_setup.partners.size()));
    if (shown) {
        // Only after the reveal does anything a partner can fetch carry another partner's level.
        QJsonArray levels;
        int lo = 99, hi = -1;
        for (const auto &p : m_setup.partners) {
            auto it = m_levels.find(p.id);
            levels.append(QJsonObject{{QStringLiteral("organisation"), qs(p.organisation)},
                                      {QStringLiteral("level"), it == m_levels.end() ? QJsonValue(QJsonValue::Null) : QJsonValue(it->second)}});
            if (it != m_levels.end()) {
                lo = std::min(lo, it->second);
                hi = std::max(hi, it->second);
            }
        }
        o.insert(QStringLiteral("levels"), levels);
        if (hi >= 0)
            o.insert(QStringLiteral("spread"), QJsonObject{{QStringLiteral("lowest"), lo},
                                                           {QStringLiteral("highest"), hi},
                                                           {QStringLiteral("no_shared_view"), hi - lo >= 2}});
    }
    return compact(o);
}

QByteArray Room::facilitatorState() const
{
    QJsonObject o;
    o.insert(QStringLiteral("room"), qs(m_setup.title));
    o.insert(QStringLiteral("feature"), m_feature);
    const bool shown = m_revealed.contains(m_feature);
    o.insert(QStringLiteral("revealed"), shown);
    QJsonArray partners;
    int voted = 0;
    for (const auto &p : m_setup.partners) {
        auto it = m_levels.find(p.id);
        QJsonObject e{{QStringLiteral("organisation"), qs(p.organisation)}, {QStringLiteral("voted"), it != m_levels.end()}};
        if (shown)
            e.insert(QStringLiteral("level"), it == m_levels.end() ? QJsonValue(QJsonValue::Null) : QJsonValue(it->second));
        voted += it != m_levels.end() ? 1 : 0;
        partners.append(e);
    }
    o.insert(QStringLiteral("partners"), partners);
    o.insert(QStringLiteral("voted"), voted);
    QJsonArray features;
    for (const auto &f : m_setup.framework->features)
        features.append(qs(f.id));
    o.insert(QStringLiteral("features"), features);
    QStringList revealedIds(m_revealed.begin(), m_revealed.end());
    revealedIds.sort();
    o.insert(QStringLiteral("revealed_features"), QJsonArray::fromStringList(revealedIds));
    return compact(o);
}

}  // namespace hicm::room
