// The live room's module (room_handle.h), for the app's window and the CLI's `room`: loaded the first
// time a room is opened (the facilitator invites partners; the command runs), then kept. Everything either
// does with the room goes through these functions, so neither maps QtNetwork until then.
#pragma once

#include "room_handle.h"

#include <QImage>
#include <QString>

#include <memory>
#include <vector>

namespace hicm::room::loader {

// The module's functions; nullptr with `error` ("the live room of this installation (FILE) cannot be
// loaded; reinstall HICM Assess …") when it cannot be loaded or is of another version.
const module::Functions *load(QString *error);

// A room over `store` telling `events` (both kept by the caller for its life); nullptr with `error`.
std::unique_ptr<RoomHandle> createRoom(RoomSetup setup, VoteStore &store, RoomEvents &events, QString *error);

// qrImage (qr.h); a null image when the module cannot be loaded (a room is open, so it has been).
QImage qrImage(const QString &text, int scale);

}  // namespace hicm::room::loader
