// room: hosts the live room headless (docs/room.md, docs/cli.md): the same room the app hosts, in its module
// hicm-room.so (room_loader.h), over the workspace. Prints one line per link and serves until SIGINT or
// SIGTERM. The module is loaded only here, so that no other command maps QtNetwork.
#include "assessment_commands.h"

#include "room_loader.h"
#include "votestore.h"

#include "stop_signal.h"

#include <QCoreApplication>

#include <arpa/inet.h>

#include <algorithm>

namespace hicm::cli {

namespace {

// "HOST:PORT", "[v6]:PORT" with HOST an IP address; false when it is not that. An IPv4 address has its
// four parts ("1.2.3" is not taken as 1.2.0.3); an IPv6 one may name its interface ("fe80::1%wlan0").
bool splitListen(const std::string &text, std::string *address, quint16 *port)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos)
        return false;
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    const std::string portText = text.substr(colon + 1);
    if (portText.empty() || portText.size() > 5 || portText.find_first_not_of("0123456789") != std::string::npos)
        return false;
    const int p = std::stoi(portText);
    if (p > 65535)
        return false;
    unsigned char bytes[16];
    const bool v6 = host.find(':') != std::string::npos;
    const std::string bare = v6 ? host.substr(0, host.find('%')) : host;
    if (v6 ? inet_pton(AF_INET6, bare.c_str(), bytes) != 1
           : std::count(host.begin(), host.end(), '.') != 3 || inet_pton(AF_INET, host.c_str(), bytes) != 1)
        return false;
    *address = host;
    *port = static_cast<quint16>(p);
    return true;
}

// The command only prints its links and serves: what happens in the room reaches the workspace, not a window.
class Quiet final : public room::RoomEvents {
public:
    void voted(qint64, const QString &) override {}
    void revealed(const QString &) override {}
    void revoted(const QString &) override {}
    void featureChanged(const QString &) override {}
    void storeFailed(const QString &) override {}
};

std::string oneLine(std::string s)
{
    for (char &c : s)
        if (c == '\t' || c == '\n' || c == '\r')
            c = ' ';
    return s;
}

}  // namespace

void addRoomCommands(CLI::App &app, Context &ctx)
{
    auto id = std::make_shared<std::int64_t>(0);
    auto listen = std::make_shared<std::string>("127.0.0.1:0");
    auto newLinks = std::make_shared<bool>(false);
    auto linkHost = std::make_shared<std::string>();
    auto codes = std::make_shared<bool>(false);
    auto *cmd = app.add_subcommand("room", "Host the live room: partners vote from their own browsers (docs/room.md)");
    cmd->add_option("ID", *id, "The assessment's id")->required();
    cmd->add_option("--listen", *listen, "Address and port to listen on, HOST:PORT (port 0: any free port; "
                                         "default 127.0.0.1:0)")->type_name("HOST:PORT");
    cmd->add_flag("--new-links", *newLinks, "Make new links: the old ones stop working");
    cmd->add_flag("--codes", *codes, "Add each partner's join code (typed at the join page, HOST:PORT/j) as a third "
                                     "field of its line");
    cmd->add_option("--link-host", *linkHost, "The host name or address the printed links use (default: the "
                                              "listening address; with 0.0.0.0, this machine's first network address)")
        ->type_name("HOST");
    cmd->callback([&ctx, id, listen, newLinks, linkHost, codes] {
        using namespace assessment;
        std::string address;
        quint16 port = 0;
        if (!splitListen(*listen, &address, &port))
            return fail(ctx, "--listen must be HOST:PORT with HOST an IP address, e.g. 127.0.0.1:8080 or 0.0.0.0:0 (got \"" +
                                 *listen + "\")", Usage);
        auto opened = openAssessment(ctx, *id, true);
        if (!opened)
            return;
        if (opened->assessment.status == AssessmentStatus::Final)
            return fail(ctx, "assessment " + std::to_string(*id) + " is final and locked against changes; reopen it for "
                             "editing first: hicm-assess-cli edit " + std::to_string(*id) + " --status draft");
        room::WorkspaceVoteStore store(opened->ws, *id);
        room::RoomSetup setup;
        setup.assessmentId = *id;
        setup.title = opened->assessment.area + (opened->assessment.title.empty() ? "" : ": " + opened->assessment.title);
        setup.partners = opened->assessment.partners;
        setup.framework = opened->framework;
        if (!linkHost->empty() && linkHost->find_first_of(" \t/@?#") != std::string::npos)
            return fail(ctx, "--link-host must be a host name or address, e.g. 10.42.0.1 (got \"" + *linkHost + "\")", Usage);
        Quiet quiet;
        QString error;
        const std::unique_ptr<room::RoomHandle> hosted = room::loader::createRoom(setup, store, quiet, &error);
        if (!hosted)
            return fail(ctx, error.toStdString());
        if (!linkHost->empty())
            hosted->setPublicHost(QString::fromStdString(*linkHost));
        if (const QString e = hosted->open(QString::fromStdString(address), port, *newLinks); !e.isEmpty())
            return fail(ctx, e.toStdString());
        StopSignal stop;
        if (!stop.ok())
            return fail(ctx, "cannot set up signal handling");
        ctx.out << "facilitator\t" << hosted->facilitatorUrl().toStdString() << "\n";
        for (const auto &link : hosted->partnerLinks()) {
            ctx.out << oneLine(link.who.toStdString()) << "\t" << link.url.toStdString();
            if (*codes)
                ctx.out << "\t" << link.code.toStdString();
            ctx.out << "\n";
        }
        ctx.out.flush();
        QCoreApplication::exec();
        hosted->close();
        ctx.exitCode = Ok;
    });
}

}  // namespace hicm::cli
