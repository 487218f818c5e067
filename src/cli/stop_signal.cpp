#include "stop_signal.h"

#include <QCoreApplication>
#include <QObject>

#include <csignal>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <sys/socket.h>
#include <unistd.h>
#else
#include <QTimer>

#include <atomic>
#endif

namespace hicm::cli {

#ifdef Q_OS_UNIX

// POSIX: the handler (async-signal-safe) writes a byte to a socket pair; a QSocketNotifier on the other
// end quits the event loop.
namespace {
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(signalPipe[0], &c, 1);
}
}  // namespace

struct StopSignal::Impl {
    std::unique_ptr<QSocketNotifier> notifier;
    struct sigaction oldInt {}, oldTerm {};
    bool ok = false;
};

StopSignal::StopSignal() : d(std::make_unique<Impl>())
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    d->notifier = std::make_unique<QSocketNotifier>(signalPipe[1], QSocketNotifier::Read);
    QObject::connect(d->notifier.get(), &QSocketNotifier::activated, [] { QCoreApplication::quit(); });
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, &d->oldInt);
    sigaction(SIGTERM, &sa, &d->oldTerm);
    d->ok = true;
}

StopSignal::~StopSignal()
{
    if (!d->ok)
        return;
    sigaction(SIGINT, &d->oldInt, nullptr);
    sigaction(SIGTERM, &d->oldTerm, nullptr);
    d->notifier.reset();
    ::close(signalPipe[0]);
    ::close(signalPipe[1]);
    signalPipe[0] = signalPipe[1] = -1;
}

#else

// Windows (and any other system): the handler sets a flag that a timer polls ten times a second.
namespace {
std::atomic<bool> stopAsked{false};

void onSignal(int)
{
    stopAsked = true;
}
}  // namespace

struct StopSignal::Impl {
    QTimer poll;
    void (*oldInt)(int) = nullptr;
    void (*oldTerm)(int) = nullptr;
    bool ok = false;
};

StopSignal::StopSignal() : d(std::make_unique<Impl>())
{
    stopAsked = false;
    d->oldInt = std::signal(SIGINT, onSignal);
    d->oldTerm = std::signal(SIGTERM, onSignal);
    QObject::connect(&d->poll, &QTimer::timeout, [] {
        if (stopAsked)
            QCoreApplication::quit();
    });
    d->poll.start(100);
    d->ok = true;
}

StopSignal::~StopSignal()
{
    std::signal(SIGINT, d->oldInt ? d->oldInt : SIG_DFL);
    std::signal(SIGTERM, d->oldTerm ? d->oldTerm : SIG_DFL);
}

#endif

bool StopSignal::ok() const
{
    return d->ok;
}

}  // namespace hicm::cli
