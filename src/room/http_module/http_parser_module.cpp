// The room's HTTP parser module (http_parser_module.h): QAbstractHttpServer over the program's listener.
#include "http_parser_module.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QTcpServer>
#include <QTcpSocket>

namespace hicm::room::httpmodule {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "OTHER";
    }
}

class Parser final : public QAbstractHttpServer {
public:
    Parser(const Callbacks &callbacks, QObject *parent) : QAbstractHttpServer(parent), m_callbacks(callbacks) {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        HttpRequest r;
        r.method = methodName(request.method());
        r.path = request.url().path();
        for (const auto &[k, v] : request.headers())
            r.headers.insert(k.toLower(), v);
        r.body = request.body();
        r.peer = request.remoteAddress();
        return m_callbacks.request(r, socket);
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *socket) override { m_callbacks.missing(socket); }

private:
    Callbacks m_callbacks;
};

}  // namespace

}  // namespace hicm::room::httpmodule

extern "C" Q_DECL_EXPORT QObject *hicm_room_http_parser(
    const hicm::room::httpmodule::Callbacks *callbacks, QTcpServer *listener, QObject *parent)
{
    using namespace hicm::room::httpmodule;
    if (!callbacks || callbacks->abiVersion != kAbiVersion || callbacks->size != sizeof(Callbacks))
        return nullptr;
    auto *parser = new Parser(*callbacks, parent);
    parser->bind(listener);
    return parser;
}
