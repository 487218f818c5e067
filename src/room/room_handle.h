// The live room as the app's window and the CLI's `room` see it, across the boundary of the module that
// holds it. The room (room.h), QtNetwork, Nettle and libqrencode are in hicm-room.so (room_module/), loaded
// (room_loader.h) when the facilitator first invites partners or the command runs, so that no start of the
// app or of another command maps QtNetwork and its Kerberos and proxy libraries (docs/performance.md,
// "Start-up"; docs/architecture.md, "Modules"). The room's own tests use Room directly.
//
// Plain C++ interfaces, no Qt meta-object across the boundary: the app calls RoomHandle; the room's
// notifications come back through the RoomEvents the app hands it. The module uses nothing of the
// program but what it is handed (linked with --no-undefined).
#pragma once

#include "assessment.h"
#include "framework.h"
#include "votestore.h"

#include <QImage>
#include <QString>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hicm::room {

struct RoomSetup {
    std::int64_t assessmentId = 0;
    std::string title;              // shown on the pages (the assessment's area / title)
    std::vector<Partner> partners;  // the organisations that vote (ids as stored)
    std::shared_ptr<const Framework> framework;
};

struct RoomLink {
    std::int64_t partnerId = 0;  // 0 for the facilitator
    QString who;                 // "facilitator" or the organisation
    QString url;
    QString code;                // the partner's join code ("K7Q4-MX2P"); empty for the facilitator
};

// What the room tells the app, as Room's signals say it (room.h), on the app's thread.
class RoomEvents {
public:
    virtual ~RoomEvents() = default;
    virtual void voted(qint64 partnerId, const QString &featureId) = 0;  // stored; never says the level
    virtual void revealed(const QString &featureId) = 0;
    virtual void revoted(const QString &featureId) = 0;
    virtual void featureChanged(const QString &featureId) = 0;
    virtual void storeFailed(const QString &message) = 0;
};

// Room's public functions (room.h says what each does), an address given as text ("127.0.0.1").
// The events start once it is open and stop when it is closed or destroyed.
class RoomHandle {
public:
    virtual ~RoomHandle() = default;
    virtual QString open(const QString &address, quint16 port, bool newLinks) = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    virtual quint16 port() const = 0;
    virtual void setPublicHost(const QString &host) = 0;
    virtual QString facilitatorUrl() const = 0;
    virtual std::vector<RoomLink> partnerLinks() const = 0;
    virtual QString joinUrl() const = 0;
    virtual QString joinCode(std::int64_t partnerId) const = 0;
    virtual QString currentFeature() const = 0;
    virtual bool isRevealed(const QString &featureId) const = 0;
    virtual std::vector<std::int64_t> votedPartners() const = 0;
    virtual QString setFeature(const QString &featureId) = 0;
    virtual QString reveal(const QString &featureId) = 0;
    virtual QString revote(const QString &featureId) = 0;
    virtual void refresh() = 0;
};

// One of the laptop's addresses partners' phones could reach it on.
struct NetworkAddress {
    QString address;        // "192.168.1.20"
    QString interfaceName;  // as the system names it ("wlp2s0", "Hotspot")
};

namespace module {

// Raised whenever Functions, RoomHandle, RoomEvents or the types they pass change; a module of another
// version refuses.
constexpr int kAbiVersion = 1;

struct Functions {
    int abiVersion = kAbiVersion;
    std::size_t size = sizeof(Functions);
    // A room over `store` (kept by the caller for the room's life) telling `events` (likewise).
    std::unique_ptr<RoomHandle> (*create)(RoomSetup setup, VoteStore &store, RoomEvents &events) = nullptr;
    // qrImage (qr.h).
    QImage (*qrImage)(const QString &text, int scale) = nullptr;
    // The IPv4 addresses of the interfaces that are up and running, neither loopback nor link-local.
    std::vector<NetworkAddress> (*addresses)() = nullptr;
};

// The module's one exported symbol, resolved by name: its functions, or nullptr when the caller's
// `abiVersion` is not its own.
constexpr const char *kEntryName = "hicm_room_module";
using Entry = const Functions *(*)(int abiVersion);

}  // namespace module
}  // namespace hicm::room
