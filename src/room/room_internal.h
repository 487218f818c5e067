// What the room's three source files share (room.cpp: open, links and codes; room_rounds.cpp: the
// rounds and their state; room_requests.cpp: the HTTP requests). Not part of hicm_room's interface.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <string>

namespace hicm::room {

inline QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

inline QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The host the links name for a listening address (an address, "[v6]", or this machine's first address
// that is up when listening everywhere).
QString hostFor(const QHostAddress &a);

// The 8 characters of a token's join code (no separator).
QByteArray codeOf(const QByteArray &token);

}  // namespace hicm::room
