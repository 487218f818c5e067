// QR codes of the room's links (libqrencode), for the projector and for printed hand-outs.
#pragma once

#include <QImage>
#include <QString>

#include <vector>

namespace hicm::room {

// The QR code of `text` (error correction M, 8-bit mode) as a black-on-white image with a 4-module
// quiet zone, `scale` pixels a module; a null image if libqrencode refuses (text too long).
QImage qrImage(const QString &text, int scale = 8);
// The same as SVG text (one path, crisp at any size), empty if refused.
QString qrSvg(const QString &text, int moduleSize = 8);
// The modules alone: width × width, true = dark; empty if refused.
std::vector<std::vector<bool>> qrModules(const QString &text);

}  // namespace hicm::room
