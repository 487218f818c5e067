#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

namespace hicm::gui {

namespace {

// The hand-over, in lines: "hicm-assess-open 1", each path percent-encoded, then an empty line. The app
// answers one byte, 'Y'. Anything else, more than kMaxMessage bytes, or silence for kQuietMs closes the
// connection. Both ends talk only to a process of the same user (SO_PEERCRED), whoever could reach the
// socket's file.
constexpr char kTag[] = "hicm-assess-open 1";
constexpr qsizetype kMaxMessage = 1 << 20;
constexpr qsizetype kMaxFiles = 1000;
constexpr int kQuietMs = 10000;

bool socketAddress(const QString &path, sockaddr_un *address)
{
    const QByteArray name = QFile::encodeName(path);
    std::memset(address, 0, sizeof *address);
    if (name.isEmpty() || name.size() >= qsizetype(sizeof address->sun_path))
        return false;  // a runtime folder too deep for a socket's name: no single instance
    address->sun_family = AF_UNIX;
    std::memcpy(address->sun_path, name.constData(), size_t(name.size()));
    return true;
}

bool sameUser(int fd)
{
    ucred peer{};
    socklen_t size = sizeof peer;
    return ::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &peer, &size) == 0 && peer.uid == ::getuid();
}

// A blocking connection to the app listening at `path` whose sends and receives give up after
// `timeoutMs`; -1 when nobody (of this user) listens there.
int connectTo(const QString &path, int timeoutMs)
{
    sockaddr_un address;
    if (!socketAddress(path, &address))
        return -1;
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const timeval timeout{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    int connected;
    do
        connected = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address);
    while (connected != 0 && errno == EINTR);
    if (connected != 0 || !sameUser(fd)) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// One second launch's connection to the running app: reads the hand-over as it arrives, answers 'Y'
// and gives the files to `owner`; cuts off anything else.
class Connection : public QObject {
public:
    Connection(int fd, SingleInstance *owner) : QObject(owner), m_fd(fd), m_owner(owner)
    {
        m_notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &Connection::read);
        QTimer::singleShot(kQuietMs, this, &Connection::end);
    }
    ~Connection() override
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

private:
    void read()
    {
        char chunk[4096];
        bool closed = false;
        for (;;) {
            const ssize_t got = ::recv(m_fd, chunk, sizeof chunk, MSG_DONTWAIT);
            if (got > 0) {
                m_buffer.append(chunk, got);
                m_received += got;
                if (m_received > kMaxMessage)  // the whole hand-over, not only what is not yet a line
                    return end();
                continue;
            }
            if (got < 0 && errno == EINTR)
                continue;
            closed = got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);  // the other end gone, or an error
            break;
        }
        qsizetype newline;
        while ((newline = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(newline);
            m_buffer.remove(0, newline + 1);
            if (!m_tagged) {
                if (line != kTag)
                    return end();
                m_tagged = true;
            } else if (line.isEmpty()) {
                ::send(m_fd, "Y", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
                const QStringList files = m_files;
                end();
                emit m_owner->filesArrived(files);
                return;
            } else if (m_files.size() < kMaxFiles) {
                m_files.append(QUrl::fromPercentEncoding(line));
            } else {
                return end();
            }
        }
        if (closed)
            end();  // before the hand-over was complete
    }

    void end()
    {
        m_notifier->setEnabled(false);
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        deleteLater();
    }

    int m_fd;
    SingleInstance *m_owner;
    QSocketNotifier *m_notifier;
    QByteArray m_buffer;
    qint64 m_received = 0;
    QStringList m_files;
    bool m_tagged = false;
};

}  // namespace

SingleInstance::SingleInstance(QObject *parent) : QObject(parent) {}

SingleInstance::~SingleInstance()
{
    if (m_fd < 0)
        return;
    delete m_notifier;
    ::close(m_fd);
    ::unlink(QFile::encodeName(m_path).constData());
}

QString SingleInstance::serverName()
{
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtime.isEmpty())
        return QDir(runtime).filePath(QStringLiteral("hicm-assess.socket"));
    const QString user = qEnvironmentVariable("USER");
    const QByteArray hash = QCryptographicHash::hash((user + QDir::homePath()).toUtf8(), QCryptographicHash::Sha256);
    return QDir::temp().filePath(QStringLiteral("hicm-assess-") + QString::fromLatin1(hash.toHex().left(16)));
}

bool SingleInstance::handOver(const QStringList &files, int timeoutMs)
{
    const int fd = connectTo(serverName(), timeoutMs);
    if (fd < 0)
        return false;
    QByteArray message = QByteArray(kTag) + '\n';
    for (const QString &file : files)
        message += QUrl::toPercentEncoding(file) + '\n';
    message += '\n';
    bool taken = false;
    qsizetype sent = 0;
    while (sent < message.size()) {
        const ssize_t n = ::send(fd, message.constData() + sent, size_t(message.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        sent += n;
    }
    if (sent == message.size()) {
        char answer = 0;
        ssize_t n;
        do
            n = ::recv(fd, &answer, 1, 0);
        while (n < 0 && errno == EINTR);
        taken = n == 1 && answer == 'Y';
    }
    ::close(fd);
    return taken;
}

bool SingleInstance::listen()
{
    if (m_fd >= 0)
        return true;
    const QString path = serverName();
    sockaddr_un address;
    if (!socketAddress(path, &address))
        return false;
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return false;
    const auto bind = [&] { return ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0; };
    bool bound = bind();
    if (!bound && errno == EADDRINUSE) {
        // In use: by a running app (it would have taken our files, so it is gone or hung), or a file left
        // by one that crashed. Only a socket nobody answers on is removed.
        const int probe = connectTo(path, 500);
        if (probe >= 0) {
            ::close(probe);
        } else {
            ::unlink(address.sun_path);
            bound = bind();
        }
    }
    // Only this user may connect (the runtime folder is private anyway; the temporary folder is not, and
    // every connection's user is checked besides).
    if (!bound || ::chmod(address.sun_path, S_IRUSR | S_IWUSR) != 0 || ::listen(fd, 16) != 0) {
        if (bound)
            ::unlink(address.sun_path);
        ::close(fd);
        return false;
    }
    m_fd = fd;
    m_path = path;
    m_notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SingleInstance::accept);
    return true;
}

void SingleInstance::accept()
{
    for (;;) {
        const int fd = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            return;  // none left (EAGAIN), or out of descriptors: the next turn tries again
        }
        if (!sameUser(fd)) {
            ::close(fd);
            continue;
        }
        new Connection(fd, this);
    }
}

}  // namespace hicm::gui
