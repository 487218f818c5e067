// bench_room: the live room under a workshop's load (issue 16). `hicm-assess-cli room` runs as its own
// process on loopback, with 40 partner organisations; each round, 40 partners POST their votes at
// once (one keep-alive connection each), and the facilitator's live view (its server-sent event stream)
// must show each vote. Figures: the time from a vote's POST to the facilitator's view showing it (p50,
// p99, max; target p99 within 100 ms), the POSTs' replies, every vote stored, and the room process's
// memory (VmRSS) idle after opening and with the 41 streams open after the rounds.
//   bench_room [ROUNDS]   rounds of 40 votes (default 8: one per feature)
#include "bench_support.h"

#include "workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <fstream>
#include <map>
#include <sstream>

using namespace hicm;
using namespace hicm::bench;
using hicm::test::TempDir;

namespace {

constexpr int kPartners = 40;

[[noreturn]] void die(const std::string &why)
{
    std::fprintf(stderr, "bench_room: %s\n", why.c_str());
    std::exit(1);
}

long rssKb(qint64 pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Waits in the event loop until `done` or `ms` pass; false on timeout.
template <typename F>
bool waitUntil(F done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

struct Link {
    QString who;
    QUrl url;
};

// One HTTP/1.1 request on a raw socket, answer read until complete (Content-Length).
QByteArray requestText(const QUrl &url, const QByteArray &method, const QString &path, const QByteArray &body)
{
    return method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: " + url.host().toUtf8() + ':' + QByteArray::number(url.port()) +
           "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

int statusOfReply(QByteArray &buffer)
{
    const int end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return 0;
    const QByteArray head = buffer.left(end);
    const int cl = head.toLower().indexOf("content-length:");
    const int length = cl < 0 ? 0 : head.mid(cl + 15, head.indexOf("\r\n", cl) - cl - 15).trimmed().toInt();
    if (buffer.size() < end + 4 + length)
        return 0;
    const int status = head.mid(9, 3).toInt();
    buffer.remove(0, end + 4 + length);
    return status;
}

int post(const QUrl &url, const QString &path, const QByteArray &body)
{
    QTcpSocket s;
    s.connectToHost(url.host(), static_cast<quint16>(url.port()));
    if (!s.waitForConnected(5000))
        die("cannot connect to the room");
    s.write(requestText(url, "POST", path, body));
    QByteArray buffer;
    int status = 0;
    while (!(status = statusOfReply(buffer))) {
        if (!s.waitForReadyRead(5000))
            die("no answer from the room");
        buffer += s.readAll();
    }
    return status;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 8;
    TempDir dir("hicm-bench-room");
    const std::string path = dir.file("room.hicmws");
    std::int64_t id = 0;
    {
        auto ws = storage::Workspace::open(path);
        if (!ws)
            die(ws.error().toString());
        storage::NewAssessment a;
        a.area = "Bench";
        for (int i = 0; i < kPartners; ++i)
            a.partners.push_back({0, "Partner " + std::to_string(i + 1), OrgType::Other, ""});
        auto created = ws->createAssessment(a, readFile(HICM_FRAMEWORK_FILE));
        if (!created)
            die(created.error().toString());
        id = *created;
    }

    QProcess room;
    room.start(QStringLiteral(HICM_CLI_EXECUTABLE),
               {"--workspace", QString::fromStdString(path), "room", QString::number(id), "--listen", "127.0.0.1:0"});
    std::vector<Link> links;
    QElapsedTimer opening;
    opening.start();
    if (!waitUntil([&] {
            while (room.canReadLine()) {
                const QString line = QString::fromUtf8(room.readLine()).trimmed();
                links.push_back({line.section('\t', 0, 0), QUrl(line.section('\t', 1))});
            }
            return links.size() == kPartners + 1 || room.state() == QProcess::NotRunning;
        }, 20000) || links.size() != kPartners + 1)
        die("the room did not print its links: " + room.readAllStandardError().toStdString());
    const double openMs = static_cast<double>(opening.elapsed());
    waitUntil([] { return false; }, 500);  // settle
    const long idleKb = rssKb(room.processId());
    const QUrl facilitator = links.front().url;

    // The facilitator's live view: voted flags per partner as they arrive.
    QTcpSocket view;
    view.connectToHost(facilitator.host(), static_cast<quint16>(facilitator.port()));
    if (!view.waitForConnected(5000))
        die("cannot connect the facilitator's view");
    view.write("GET " + facilitator.path().toUtf8() + "/events HTTP/1.1\r\nHost: " + facilitator.host().toUtf8() + ':' +
               QByteArray::number(facilitator.port()) + "\r\nAccept: text/event-stream\r\n\r\n");
    QByteArray viewBuffer;
    std::map<QString, Clock::time_point> shown;  // organisation → when the view first showed it voted
    QString viewFeature;
    QObject::connect(&view, &QTcpSocket::readyRead, [&] {
        viewBuffer += view.readAll();
        for (int at; (at = viewBuffer.indexOf("\n\n")) >= 0;) {
            const QByteArray block = viewBuffer.left(at);
            viewBuffer.remove(0, at + 2);
            const int data = block.indexOf("data: ");
            if (data < 0)
                continue;
            const QJsonObject o = QJsonDocument::fromJson(block.mid(data + 6)).object();
            viewFeature = o.value("feature").toString();
            for (const auto &p : o.value("partners").toArray())
                if (p.toObject().value("voted").toBool())
                    shown.try_emplace(viewFeature + '|' + p.toObject().value("organisation").toString(), Clock::now());
        }
    });

    // One keep-alive connection and one event stream per partner (their phones), opened before the rounds.
    std::vector<std::unique_ptr<QTcpSocket>> phones, streams;
    std::vector<QByteArray> buffers(kPartners);
    for (int i = 0; i < kPartners; ++i) {
        const QUrl &u = links[i + 1].url;
        phones.push_back(std::make_unique<QTcpSocket>());
        phones.back()->connectToHost(u.host(), static_cast<quint16>(u.port()));
        streams.push_back(std::make_unique<QTcpSocket>());
        streams.back()->connectToHost(u.host(), static_cast<quint16>(u.port()));
        if (!phones.back()->waitForConnected(5000) || !streams.back()->waitForConnected(5000))
            die("cannot connect a phone");
        streams.back()->write("GET " + u.path().toUtf8() + "/events HTTP/1.1\r\nHost: " + u.host().toUtf8() + ':' +
                              QByteArray::number(u.port()) + "\r\n\r\n");
        QObject::connect(streams.back().get(), &QTcpSocket::readyRead, streams.back().get(), [s = streams.back().get()] { s->readAll(); });
    }

    const auto features = std::vector<QString>{"B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"};
    std::vector<double> latencies, replies;
    int refused = 0;
    for (int r = 0; r < rounds; ++r) {
        const QString feature = features[r % features.size()];
        if (r > 0 && post(facilitator, facilitator.path() + "/revote", "{\"feature\":\"" + feature.toUtf8() + "\"}") != 200)
            die("re-vote refused");
        if (post(facilitator, facilitator.path() + "/feature", "{\"feature\":\"" + feature.toUtf8() + "\"}") != 200)
            die("feature refused");
        if (!waitUntil([&] { return viewFeature == feature; }, 5000))
            die("the view did not follow the feature");
        for (auto it = shown.begin(); it != shown.end();)
            it = it->first.startsWith(feature + '|') ? shown.erase(it) : std::next(it);
        std::vector<Clock::time_point> sent(kPartners);
        std::vector<int> status(kPartners, 0);
        std::vector<double> replyMs(kPartners, 0);
        for (int i = 0; i < kPartners; ++i) {
            const QByteArray body = "{\"feature\":\"" + feature.toUtf8() + "\",\"level\":" + QByteArray::number(1 + (i + r) % 3) + "}";
            sent[i] = Clock::now();
            phones[i]->write(requestText(links[i + 1].url, "POST", links[i + 1].url.path() + "/vote", body));
        }
        for (auto &p : phones)
            p->flush();
        if (!waitUntil([&] {
                bool all = true;
                for (int i = 0; i < kPartners; ++i) {
                    if (status[i] == 0) {
                        buffers[i] += phones[i]->readAll();
                        if ((status[i] = statusOfReply(buffers[i])) != 0)
                            replyMs[i] = std::chrono::duration<double, std::milli>(Clock::now() - sent[i]).count();
                    }
                    all = all && status[i] != 0 && shown.count(feature + '|' + links[i + 1].who);
                }
                return all;
            }, 20000))
            die("round " + std::to_string(r + 1) + ": not every vote was answered and shown");
        for (int i = 0; i < kPartners; ++i) {
            refused += status[i] != 200;
            replies.push_back(replyMs[i]);
            latencies.push_back(std::chrono::duration<double, std::milli>(shown[feature + '|' + links[i + 1].who] - sent[i]).count());
        }
    }
    waitUntil([] { return false; }, 300);
    const long busyKb = rssKb(room.processId());
    const int streamsOpen = kPartners + 1;
    room.terminate();
    if (!room.waitForFinished(10000) || room.exitCode() != 0)
        die("the room did not exit 0 on SIGTERM");

    // Every vote of the last round of each feature is stored.
    auto ws = storage::Workspace::open(path, {storage::OpenMode::ReadOnly});
    auto a = ws->loadAssessment(id);
    int stored = 0, expected = 0;
    for (int r = std::max(0, rounds - static_cast<int>(features.size())); r < rounds; ++r) {
        const QString feature = features[r % features.size()];
        for (const auto &f : a->features)
            if (QString::fromStdString(f.featureId) == feature)
                for (int i = 0; i < kPartners; ++i) {
                    ++expected;
                    for (const auto &pl : f.partnerLevels)
                        if (pl.partner == "Partner " + std::to_string(i + 1) && pl.level == 1 + (i + r) % 3)
                            ++stored;
                }
    }
    std::printf("[room] opened with %d partners: %.0f ms to print its links\n", kPartners, openMs);
    std::printf("[room] vote POST to the facilitator's view: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%zu votes, %d at once, "
                "target p99 <= 100 ms)\n",
                median(latencies), percentile(latencies, 99), maxOf(latencies), latencies.size(), kPartners);
    std::printf("[room] vote POST to its 200 reply: p50 %.1f ms, p99 %.1f ms (%d refused)\n", median(replies),
                percentile(replies, 99), refused);
    std::printf("[room] stored: %d of %d votes of the last round of each feature\n", stored, expected);
    std::printf("[room] memory (VmRSS): %.1f MiB idle after opening, %.1f MiB with %d event streams after the rounds\n",
                idleKb / 1024.0, busyKb / 1024.0, streamsOpen);
    return refused == 0 && stored == expected ? 0 : 1;
}
