// Our small HTTP adapter over QtHttpServer 6.4 (a technical preview: nothing else in the room includes
// it). It parses requests with QAbstractHttpServer and answers with our own HttpResponse; it keeps
// server-sent event streams open; and it guards the listener: request bodies over the cap are refused
// (413) before they are read whole, idle and half-open connections are closed after a timeout, and the
// process's open-file limit is raised so that many idle connections cannot starve new ones.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace hicm::room {

struct HttpRequest {
    QByteArray method;  // "GET", "POST", …
    QString path;       // decoded path, e.g. "/r/TOKEN/state"
    QHash<QByteArray, QByteArray> headers;  // names in lower case
    QByteArray body;
    QHostAddress peer;
    quint64 id = 0;  // for a deferred reply (HttpServer::reply)

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    // Open a server-sent event stream instead (body ignored); the stream is known by this tag.
    bool eventStream = false;
    QString streamTag;
    QByteArray firstEvent;  // sent as soon as the stream opens
    // Answer later, with HttpServer::reply(request.id, …) (e.g. once a batch of votes is stored).
    bool deferred = false;

    static HttpResponse json(int status, const QByteArray &jsonBody);
    static HttpResponse error(int status, const QString &message);  // {"error": message}
};

class HttpServer : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kMaxBody = 16 * 1024;
    static constexpr int kIdleTimeoutMs = 10000;   // a connection with no request this long is closed
    static constexpr int kStreamPingMs = 15000;    // a comment line keeps event streams alive

    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit HttpServer(Handler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    // Listens on `address` only (port 0: any free port). False with `error` set if it cannot.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void close();  // stops listening and drops every connection
    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const;

    // Sends one event to every open stream: `make(tag)` gives the event's data (one line of JSON) for
    // a stream's tag, or empty to send nothing to it. Called once per distinct tag.
    void broadcast(const std::function<QByteArray(const QString &tag)> &make);
    // The answer to a request whose handler deferred it; dropped if the client has gone.
    void reply(quint64 requestId, const HttpResponse &response);
    int streamCount() const;
    int connectionCount() const;

    // The full header block sent with every answer (security headers; docs/room.md).
    static QByteArray commonHeaders();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace hicm::room
