// hicm-room.so: the live room for the app (room_handle.h). A Room behind RoomHandle, its signals passed
// on to the app's RoomEvents; the laptop's addresses (QNetworkInterface); the links' QR codes.
#include "qr.h"
#include "room.h"
#include "room_handle.h"

#include <QNetworkInterface>

namespace hicm::room {

namespace {

class ModuleRoom final : public RoomHandle {
public:
    ModuleRoom(RoomSetup setup, VoteStore &store, RoomEvents &events) : m_room(std::move(setup), store), m_events(events) {}
    ~ModuleRoom() override { quiet(); }

    QString open(const QString &address, quint16 port, bool newLinks) override
    {
        QHostAddress host;
        if (!host.setAddress(address))
            return QStringLiteral("\"%1\" is not an IP address").arg(address);
        QString error = m_room.open(host, port, newLinks);
        if (error.isEmpty())
            tell();
        return error;
    }
    void close() override
    {
        quiet();
        m_room.close();
    }
    bool isOpen() const override { return m_room.isOpen(); }
    quint16 port() const override { return m_room.port(); }
    void setPublicHost(const QString &host) override { m_room.setPublicHost(host); }
    QString facilitatorUrl() const override { return m_room.facilitatorUrl(); }
    std::vector<RoomLink> partnerLinks() const override { return m_room.partnerLinks(); }
    QString joinUrl() const override { return m_room.joinUrl(); }
    QString joinCode(std::int64_t partnerId) const override { return m_room.joinCode(partnerId); }
    QString currentFeature() const override { return m_room.currentFeature(); }
    bool isRevealed(const QString &featureId) const override { return m_room.isRevealed(featureId); }
    std::vector<std::int64_t> votedPartners() const override { return m_room.votedPartners(); }
    QString setFeature(const QString &featureId) override { return m_room.setFeature(featureId); }
    QString reveal(const QString &featureId) override { return m_room.reveal(featureId); }
    QString revote(const QString &featureId) override { return m_room.revote(featureId); }
    void refresh() override { m_room.refresh(); }

private:
    // The room's signals, passed on while it is open (once: open may be called again).
    void tell()
    {
        quiet();
        RoomEvents *e = &m_events;
        m_told = {
            QObject::connect(&m_room, &Room::voted, &m_room, [e](qint64 partner, const QString &f) { e->voted(partner, f); }),
            QObject::connect(&m_room, &Room::revealed, &m_room, [e](const QString &f) { e->revealed(f); }),
            QObject::connect(&m_room, &Room::revoted, &m_room, [e](const QString &f) { e->revoted(f); }),
            QObject::connect(&m_room, &Room::featureChanged, &m_room, [e](const QString &f) { e->featureChanged(f); }),
            QObject::connect(&m_room, &Room::storeFailed, &m_room, [e](const QString &m) { e->storeFailed(m); }),
        };
    }
    void quiet()
    {
        for (const QMetaObject::Connection &c : m_told)
            QObject::disconnect(c);
        m_told.clear();
    }

    Room m_room;
    RoomEvents &m_events;
    std::vector<QMetaObject::Connection> m_told;
};

std::unique_ptr<RoomHandle> create(RoomSetup setup, VoteStore &store, RoomEvents &events)
{
    return std::make_unique<ModuleRoom>(std::move(setup), store, events);
}

std::vector<NetworkAddress> addresses()
{
    std::vector<NetworkAddress> out;
    for (const QNetworkInterface &i : QNetworkInterface::allInterfaces()) {
        if (!(i.flags() & QNetworkInterface::IsUp) || !(i.flags() & QNetworkInterface::IsRunning) ||
            (i.flags() & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &e : i.addressEntries())
            if (e.ip().protocol() == QAbstractSocket::IPv4Protocol && !e.ip().isLinkLocal())
                out.push_back({e.ip().toString(), i.humanReadableName()});
    }
    return out;
}

const module::Functions kFunctions = [] {
    module::Functions f;
    f.create = &create;
    f.qrImage = &qrImage;
    f.addresses = &addresses;
    return f;
}();

}  // namespace

}  // namespace hicm::room

extern "C" Q_DECL_EXPORT const hicm::room::module::Functions *hicm_room_module(int abiVersion)
{
    return abiVersion == hicm::room::module::kAbiVersion ? &hicm::room::kFunctions : nullptr;
}
