#include "qr.h"

#include <qrencode.h>

#include <algorithm>

namespace hicm::room {

namespace {
constexpr int kQuietZone = 4;
}

std::vector<std::vector<bool>> qrModules(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QRcode *code = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code)
        return {};
    std::vector<std::vector<bool>> out(static_cast<size_t>(code->width), std::vector<bool>(static_cast<size_t>(code->width)));
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            out[static_cast<size_t>(y)][static_cast<size_t>(x)] = code->data[y * code->width + x] & 1;
    QRcode_free(code);
    return out;
}

QImage qrImage(const QString &text, int scale)
{
    const auto modules = qrModules(text);
    if (modules.empty() || scale < 1)
        return {};
    const int width = static_cast<int>(modules.size());
    const int side = (width + 2 * kQuietZone) * scale;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    for (int y = 0; y < width; ++y)
        for (int x = 0; x < width; ++x)
            if (modules[static_cast<size_t>(y)][static_cast<size_t>(x)])
                for (int dy = 0; dy < scale; ++dy) {
                    uchar *line = image.scanLine((y + kQuietZone) * scale + dy);
                    std::fill_n(line + (x + kQuietZone) * scale, scale, uchar(0));
                }
    return image;
}

QString qrSvg(const QString &text, int moduleSize)
{
    const auto modules = qrModules(text);
    if (modules.empty() || moduleSize < 1)
        return {};
    const int width = static_cast<int>(modules.size());
    const int side = width + 2 * kQuietZone;
    QString path;
    for (int y = 0; y < width; ++y)
        for (int x = 0; x < width; ++x)
            if (modules[static_cast<size_t>(y)][static_cast<size_t>(x)])
                path += QStringLiteral("M%1 %2h1v1h-1z").arg(x + kQuietZone).arg(y + kQuietZone);
    return QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%1\" viewBox=\"0 0 %2 %2\" "
                          "shape-rendering=\"crispEdges\" role=\"img\"><title>QR code</title>"
                          "<rect width=\"%2\" height=\"%2\" fill=\"#fff\"/><path fill=\"#000\" d=\"%3\"/></svg>\n")
        .arg(side * moduleSize)
        .arg(side)
        .arg(path);
}

}  // namespace hicm::room
