#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QUrl>

#include <memory>

namespace hicm::gui {

namespace {

// The hand-over, in lines: "hicm-assess-open 1", each path percent-encoded, then an empty line. The app
// answers one byte, 'Y'. Anything else, or more than kMaxMessage bytes, closes the connection.
constexpr char kTag[] = "hicm-assess-open 1";
constexpr qint64 kMaxMessage = 1 << 20;
constexpr qsizetype kMaxFiles = 1000;

}  // namespace

SingleInstance::SingleInstance(QObject *parent) : QObject(parent), m_server(new QLocalServer(this))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::receive);
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName()
{
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
#ifndef Q_OS_WIN
    if (!runtime.isEmpty())
        return QDir(runtime).filePath(QStringLiteral("hicm-assess.socket"));
#endif
    const QString user = qEnvironmentVariable("USERNAME", qEnvironmentVariable("USER"));
    const QByteArray hash = QCryptographicHash::hash((user + QDir::homePath()).toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("hicm-assess-") + QString::fromLatin1(hash.toHex().left(16));
}

bool SingleInstance::handOver(const QStringList &files, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(serverName());
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray message = QByteArray(kTag) + '\n';
    for (const QString &file : files)
        message += QUrl::toPercentEncoding(file) + '\n';
    socket.write(message + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (socket.bytesAvailable() < 1)
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    return socket.read(1) == "Y";
}

bool SingleInstance::listen()
{
    if (m_server->listen(serverName()))
        return true;
    if (m_server->serverError() != QAbstractSocket::AddressInUseError)
        return false;
    // In use: by a running app (it would have taken our files, so it is gone or hung), or a socket file
    // left by one that crashed. Only a socket nobody answers on is removed.
    QLocalSocket probe;
    probe.connectToServer(serverName());
    if (probe.waitForConnected(500))
        return false;
    QLocalServer::removeServer(serverName());
    return m_server->listen(serverName());
}

void SingleInstance::receive()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        auto files = std::make_shared<QStringList>();
        auto tagged = std::make_shared<bool>(false);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket, files, tagged] {
            while (socket->canReadLine()) {
                const QByteArray line = socket->readLine().chopped(1);
                if (!*tagged && line != kTag) {
                    socket->abort();
                    return;
                }
                if (!*tagged) {
                    *tagged = true;
                } else if (line.isEmpty()) {
                    socket->write("Y");
                    socket->flush();
                    socket->disconnectFromServer();
                    emit filesArrived(*files);
                    return;
                } else if (files->size() < kMaxFiles) {
                    files->append(QUrl::fromPercentEncoding(line));
                } else {
                    socket->abort();
                    return;
                }
            }
            if (socket->bytesAvailable() > kMaxMessage)
                socket->abort();
        });
    }
}

}  // namespace hicm::gui
