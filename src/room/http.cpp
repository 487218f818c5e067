#include "http.h"

#include "http_module/http_parser_module.h"
#include "module_loader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace hicm::room {

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

QByteArray serialise(const HttpResponse &r)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reason(r.status) + "\r\n";
    out += "Content-Type: " + r.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    out += HttpServer::commonHeaders();
    for (const auto &[k, v] : r.extraHeaders)
        out += k + ": " + v + "\r\n";
    out += "\r\n";
    out += r.body;
    return out;
}

// Raises the soft open-file limit to the hard one (capped): a room holds a socket per phone and per
// idle or half-open connection, and the usual soft limit of 1024 would let 1,000 of those starve votes.
void raiseFileLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    const rlim_t want = limit.rlim_max == RLIM_INFINITY ? 65536 : std::min<rlim_t>(limit.rlim_max, 65536);
    if (limit.rlim_cur < want) {
        limit.rlim_cur = want;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
#endif
}

}  // namespace

HttpResponse HttpResponse::json(int status, const QByteArray &jsonBody)
{
    HttpResponse r;
    r.status = status;
    r.body = jsonBody;
    return r;
}

HttpResponse HttpResponse::error(int status, const QString &message)
{
    return json(status, QJsonDocument(QJsonObject{{QStringLiteral("error"), message}}).toJson(QJsonDocument::Compact));
}

QByteArray HttpServer::commonHeaders()
{
    return "Cache-Control: no-store\r\n"
           "X-Content-Type-Options: nosniff\r\n"
           "Referrer-Policy: no-referrer\r\n"
           "X-Frame-Options: DENY\r\n"
           "Cross-Origin-Resource-Policy: same-origin\r\n"
           "Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
           "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'\r\n";
}

// Per connection: bytes of the request being received (for the body cap) and the idle timer.
struct Guard {
    qint64 pending = 0;
    QTimer *idle = nullptr;
    bool stream = false;
    QString tag;
};

class Listener : public QTcpServer {
public:
    std::function<void(QTcpSocket *)> onSocket;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        // No Nagle: a small event must not wait for the previous one's ACK (the phone's delayed ACK).
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        onSocket(socket);  // our guard's readyRead runs before the HTTP parser's
        addPendingConnection(socket);
    }
};

struct HttpServer::Impl {
    HttpServer *q;
    Handler handler;
    Listener *listener = nullptr;
    QObject *parser = nullptr;  // the module's QAbstractHttpServer over the listener
    QHash<QTcpSocket *, Guard> guards;
    QHash<quint64, QPointer<QTcpSocket>> deferred;
    quint64 nextId = 0;
    QTimer ping;

    void attach(QTcpSocket *socket)
    {
        Guard &g = guards[socket];
        g.idle = new QTimer(socket);
        g.idle->setSingleShot(true);
        g.idle->setInterval(kIdleTimeoutMs);
        QObject::connect(g.idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
        g.idle->start();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { guard(socket); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            guards.remove(socket);
            socket->deleteLater();
        });
        QObject::connect(socket, &QObject::destroyed, q, [this, socket] { guards.remove(socket); });
    }

    // Runs before the parser sees the new bytes: refuses a body over the cap without reading it.
    void guard(QTcpSocket *socket)
    {
        auto it = guards.find(socket);
        if (it == guards.end())
            return;
        Guard &g = *it;
        if (!g.stream)
            g.idle->start();
        const qint64 available = socket->bytesAvailable();
        if (g.pending == 0) {
            const QByteArray head = socket->peek(8192).toLower();
            const int cl = head.indexOf("\r\ncontent-length:");
            if (cl >= 0) {
                const int end = head.indexOf("\r\n", cl + 2);
                if (end > 0 && head.mid(cl + 17, end - cl - 17).trimmed().toLongLong() > kMaxBody)
                    return refuse(socket, 413, QStringLiteral("the request body is over the 16 KB limit"));
            }
            if (head.contains("\r\ntransfer-encoding:"))
                return refuse(socket, 411, QStringLiteral("send the body with a Content-Length"));
            // The room speaks server-sent events, never WebSockets: QtHttpServer 6.4 would upgrade such a
            // request by itself and keep the socket in a queue nobody reads.
            if (head.contains("\r\nupgrade:"))
                return refuse(socket, 400, QStringLiteral("this room does not upgrade connections"));
        }
        g.pending += available;
        if (g.pending > kMaxBody + 8192)
            refuse(socket, 413, QStringLiteral("the request is over the 16 KB limit"));
    }

    void refuse(QTcpSocket *socket, int status, const QString &message)
    {
        socket->readAll();  // the parser sees nothing of it
        HttpResponse r = HttpResponse::error(status, message);
        r.extraHeaders.append(qMakePair(QByteArray("Connection"), QByteArray("close")));
        socket->write(serialise(r));
        socket->disconnectFromHost();
    }

    bool request(HttpRequest &r, QTcpSocket *socket)
    {
        auto it = guards.find(socket);
        if (it != guards.end())
            it->pending = 0;
        r.id = ++nextId;
        HttpResponse answer = handler(r);
        if (answer.deferred) {
            deferred.insert(r.id, socket);
            return true;
        }
        if (!answer.eventStream || it == guards.end()) {
            socket->write(serialise(answer));
            return true;
        }
        it->stream = true;
        it->tag = answer.streamTag;
        it->idle->stop();
        QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                          "Connection: keep-alive\r\n" + HttpServer::commonHeaders() + "\r\nretry: 1000\n\n";
        if (!answer.firstEvent.isEmpty())
            head += "data: " + answer.firstEvent + "\n\n";
        socket->write(head);
        return true;
    }
};

HttpServer::HttpServer(Handler handler, QObject *parent) : QObject(parent), d(std::make_unique<Impl>())
{
    d->q = this;
    d->handler = std::move(handler);
    d->ping.setInterval(kStreamPingMs);
    connect(&d->ping, &QTimer::timeout, this, [this] {
        for (auto it = d->guards.begin(); it != d->guards.end(); ++it)
            if (it->stream)
                it.key()->write(": ping\n\n");
    });
}

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    close();
    // The parser first: without its module no port is opened at all.
    QString failure;
    const auto makeParser = reinterpret_cast<httpmodule::Entry>(
        modules::resolve(QStringLiteral("hicm-room-http.so"), "HICM_ROOM_HTTP_MODULE", httpmodule::kEntryName,
                         QStringLiteral("the live room's HTTP parser"), &failure));
    if (!makeParser) {
        if (error)
            *error = failure;
        return false;
    }
    raiseFileLimit();
    d->listener = new Listener;
    d->listener->setParent(this);
    d->listener->setMaxPendingConnections(1024);
    d->listener->setListenBacklogSize(1024);  // (Qt's default of 50 makes a burst of phones wait for SYN retries)
    d->listener->onSocket = [this](QTcpSocket *s) { d->attach(s); };
    if (!d->listener->listen(address, port)) {
        if (error)
            *error = d->listener->errorString();
        delete d->listener;
        d->listener = nullptr;
        return false;
    }
    httpmodule::Callbacks callbacks;
    callbacks.request = [this](HttpRequest &r, QTcpSocket *s) { return d->request(r, s); };
    callbacks.missing = [](QTcpSocket *s) { s->write(serialise(HttpResponse::error(404, QStringLiteral("not found")))); };
    d->parser = makeParser(&callbacks, d->listener, this);
    if (!d->parser) {
        if (error)
            *error = QStringLiteral("the live room's HTTP parser (hicm-room-http.so) is of another version; "
                                    "reinstall HICM Assess");
        delete d->listener;
        d->listener = nullptr;
        return false;
    }
    d->ping.start();
    return true;
}

void HttpServer::close()
{
    d->ping.stop();
    if (d->listener)
        d->listener->close();
    const auto sockets = d->guards.keys();
    d->guards.clear();
    d->deferred.clear();
    for (QTcpSocket *s : sockets)
        s->abort();
    // QAbstractHttpServer::bind() adopts the listener (and so its sockets): deleting the parser
    // deletes them; delete the listener ourselves only if it was not adopted.
    QPointer<QTcpServer> listener = d->listener;
    delete d->parser;
    d->parser = nullptr;
    delete listener.data();
    d->listener = nullptr;
}

bool HttpServer::isListening() const
{
    return d->listener && d->listener->isListening();
}

quint16 HttpServer::port() const
{
    return d->listener ? d->listener->serverPort() : 0;
}

QHostAddress HttpServer::address() const
{
    return d->listener ? d->listener->serverAddress() : QHostAddress();
}

void HttpServer::broadcast(const std::function<QByteArray(const QString &tag)> &make)
{
    QHash<QString, QByteArray> made;
    for (auto it = d->guards.begin(); it != d->guards.end(); ++it) {
        if (!it->stream)
            continue;
        auto m = made.find(it->tag);
        if (m == made.end())
            m = made.insert(it->tag, make(it->tag));
        if (!m->isEmpty())
            it.key()->write("data: " + *m + "\n\n");
    }
}

void HttpServer::reply(quint64 requestId, const HttpResponse &response)
{
    const QPointer<QTcpSocket> socket = d->deferred.take(requestId);
    if (socket && socket->state() == QAbstractSocket::ConnectedState)
        socket->write(serialise(response));
}

int HttpServer::streamCount() const
{
    int n = 0;
    for (const auto &g : d->guards)
        n += g.stream ? 1 : 0;
    return n;
}

int HttpServer::connectionCount() const
{
    return static_cast<int>(d->guards.size());
}

}  // namespace hicm::room
