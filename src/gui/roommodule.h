// The live room's module (room_handle.h) for the app's window: loaded the first time the facilitator
// invites partners, then kept. Everything the window does with the room goes through these functions.
#pragma once

#include "room_handle.h"

#include <QImage>
#include <QString>

#include <memory>
#include <vector>

namespace hicm::gui::roommodule {

// The module's functions; nullptr with `error` ("the live room of this installation (FILE) cannot be
// loaded; reinstall HICM Assess …") when it cannot be loaded or is of another version.
const room::module::Functions *load(QString *error);

// A room over `store` telling `events` (both kept by the caller for its life); nullptr with `error`.
std::unique_ptr<room::RoomHandle> createRoom(room::RoomSetup setup, room::VoteStore &store, room::RoomEvents &events,
                                             QString *error);

// qrImage (qr.h); a null image when the module cannot be loaded (a room is open, so it has been).
QImage qrImage(const QString &text, int scale);

}  // namespace hicm::gui::roommodule
