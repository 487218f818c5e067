// Internal: the room's HTTP request parser, QtHttpServer's QAbstractHttpServer (a technical preview in Qt
// 6.4, which brings QtWebSockets with it), is a module of its own, hicm-room-http.so, loaded when a room first
// opens (http.cpp, through src/modules). Every other start of the app and of each CLI command no longer loads
// those libraries (docs/performance.md, "Start-up").
//
// The module only parses: it hands each request to the program's callbacks, which answer, guard and stream
// as before (http.cpp). It uses nothing of the program but these callbacks (linked with --no-undefined).
#pragma once

#include "http.h"

#include <cstddef>
#include <functional>

class QObject;
class QTcpServer;
class QTcpSocket;

namespace hicm::room::httpmodule {

// Raised whenever Callbacks or the entry's signature changes; a module of another version refuses.
constexpr int kAbiVersion = 1;

struct Callbacks {
    int abiVersion = kAbiVersion;
    std::size_t size = sizeof(Callbacks);
    // A request read from `socket` (all but its id filled in); true when it was answered or kept.
    std::function<bool(HttpRequest &request, QTcpSocket *socket)> request;
    // A request the parser could not hand over: the program answers it (404).
    std::function<void(QTcpSocket *socket)> missing;
};

// The module's one exported symbol, resolved by name: makes the parser of `listener`'s connections (it
// adopts the listener), a child of `parent`. nullptr when `callbacks` are of another version.
constexpr const char *kEntryName = "hicm_room_http_parser";
using Entry = QObject *(*)(const Callbacks *callbacks, QTcpServer *listener, QObject *parent);

}  // namespace hicm::room::httpmodule
