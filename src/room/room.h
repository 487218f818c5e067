// The live room (docs/room.md): each partner organisation votes its level for the current feature from
// its own browser; votes stay hidden until the facilitator reveals them; a re-vote clears the round.
// The app hosts a Room in-process (its own VoteStore over the document layer) through the module
// hicm-room.so (room_handle.h); `hicm-assess-cli room` hosts the same Room headless over a
// WorkspaceVoteStore. The HTTP API is a public contract.
#pragma once

#include "room_handle.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <vector>

class QJsonObject;

namespace hicm::room {

class HttpServer;
struct HttpRequest;
struct HttpResponse;

class Room : public QObject {
    Q_OBJECT
public:
    static constexpr int kRateBurst = 30;      // requests a client may make at once …
    static constexpr double kRatePerSecond = 10.0;  // … and then per second

    Room(RoomSetup setup, VoteStore &store, QObject *parent = nullptr);
    ~Room() override;

    // Opens the room: reads its saved state (or makes new tokens: one per partner, one facilitator;
    // `newLinks` makes new ones anyway, so old links stop working) and listens on `address` only.
    // Returns an error message, empty on success.
    QString open(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0, bool newLinks = false);
    // Stops listening and drops every connection: no link works until the room opens again.
    void close();
    bool isOpen() const;
    quint16 port() const;
    // The address links are made with (the listening address; "127.0.0.1" style). setPublicHost
    // overrides it, e.g. with the hotspot's address when listening on 0.0.0.0.
    void setPublicHost(const QString &host);

    QString facilitatorUrl() const;
    std::vector<RoomLink> partnerLinks() const;  // in the partners' order
    // The short address the projector shows ("http://HOST:PORT/j"): a page where a partner types the
    // join code on their hand-out and is sent on to their own link. Without a code it learns nothing.
    QString joinUrl() const;
    // A partner's join code: 8 characters (40 bits, Crockford base 32, shown as two groups of four)
    // derived from their link's token, so new links make new codes; empty for an unknown partner.
    QString joinCode(std::int64_t partnerId) const;

    // The state, as the app shows it.
    QString currentFeature() const;
    bool isRevealed(const QString &featureId) const;
    std::vector<std::int64_t> votedPartners() const;  // who has a level for the current feature

    // The facilitator's actions (the same as POST F/feature, F/reveal, F/revote). Each returns an error
    // message, empty on success.
    QString setFeature(const QString &featureId);
    QString reveal(const QString &featureId);
    QString revote(const QString &featureId);
    // Reads the current feature's levels from the store again (after the facilitator typed one) and
    // tells the open pages.
    void refresh();

    // For tests and the benchmark.
    int openStreams() const;
    int openConnections() const;

signals:
    void voted(qint64 partnerId, const QString &featureId);  // stored; never says the level
    void revealed(const QString &featureId);
    void revoted(const QString &featureId);
    void featureChanged(const QString &featureId);
    void storeFailed(const QString &message);  // a vote or state the store refused

private:
    HttpResponse handle(const HttpRequest &request);
    HttpResponse partnerRequest(std::int64_t partnerId, const QString &rest, const HttpRequest &request);
    HttpResponse facilitatorRequest(const QString &rest, const HttpRequest &request);
    HttpResponse joinRequest(const HttpRequest &request);
    QByteArray partnerState(std::int64_t partnerId) const;
    QByteArray facilitatorState() const;
    QString saveState();
    QString loadLevels();
    void announce();
    bool allow(const QString &key);
    QString checkFeature(const QString &featureId) const;
    // A POST whose JSON body names a feature of the framework: the refusal to send (405, 400), or none
    // with the body and the feature filled in. The partner's vote and the facilitator's three actions.
    std::optional<HttpResponse> postedFeature(const HttpRequest &request, QJsonObject *body, QString *feature) const;
    void flushVotes();

    RoomSetup m_setup;
    VoteStore &m_store;
    std::unique_ptr<HttpServer> m_http;
    QString m_publicHost;
    QByteArray m_facilitatorToken;
    std::map<std::int64_t, QByteArray> m_tokens;  // partner id → token
    QString m_feature;
    QSet<QString> m_revealed;
    std::map<std::int64_t, int> m_levels;  // the current feature's stored levels
    struct Bucket {
        double tokens = 0;
        qint64 at = 0;
    };
    QHash<QString, Bucket> m_buckets;
    // Votes received and checked, stored together at the next turn of the event loop (group commit).
    struct PendingVote {
        quint64 request = 0;
        std::int64_t partnerId = 0;
        QString feature;
        int level = 0;
    };
    std::vector<PendingVote> m_pending;
};

}  // namespace hicm::room
