// The HTTP requests: the page's files, the join page, a partner's and the facilitator's requests, each
// checked (host, origin, token in constant time, rate) before it is answered.
#include "room.h"

#include "http.h"
#include "room_internal.h"
#include "tokens.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace hicm::room {

namespace {

QByteArray resource(const QString &name)
{
    QFile f(QStringLiteral(":/hicm/room/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
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

std::optional<HttpResponse> Room::postedFeature(const HttpRequest &request, QJsonObject *body, QString *feature) const
{
    if (request.method != "POST")
        return methodNotAllowed("POST");
    Body parsed = parseBody(request.body);
    if (!parsed.error.isEmpty())
        return HttpResponse::error(400, parsed.error);
    if (!featureOf(parsed.object, feature))
        return HttpResponse::error(400, QStringLiteral("\"feature\" must be a feature id such as \"B1\""));
    if (QString e = checkFeature(*feature); !e.isEmpty())
        return HttpResponse::error(400, e);
    *body = std::move(parsed.object);
    return std::nullopt;
}

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
    QJsonObject body;
    QString feature;
    if (auto refused = postedFeature(request, &body, &feature))
        return *refused;
    if (feature != m_feature)
        return HttpResponse::error(409, QStringLiteral("%1 is not the current feature (%2 is)").arg(feature, m_feature));
    const QJsonValue lv = body.value(QStringLiteral("level"));
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
    QJsonObject body;
    QString feature;
    if (auto refused = postedFeature(request, &body, &feature))
        return *refused;
    const QString e = rest == QLatin1String("feature") ? setFeature(feature)
                      : rest == QLatin1String("reveal") ? reveal(feature)
                                                         : revote(feature);
    if (!e.isEmpty())
        return HttpResponse::error(503, e);
    return HttpResponse::json(200, facilitatorState());
}

}  // namespace hicm::room
