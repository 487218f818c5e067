#include "tokens.h"

#include <nettle/memops.h>

#include <cerrno>
#include <cstring>

#include <sys/random.h>

namespace hicm::room {

namespace {
constexpr int kTokenBytes = 24;  // 192 bits
constexpr int kTokenChars = 32;  // base64 of 24 bytes, no padding
}  // namespace

QByteArray newToken()
{
    // The kernel's CSPRNG (getrandom(2): blocks only until it is seeded at boot, never after).
    unsigned char bytes[kTokenBytes];
    std::size_t filled = 0;
    while (filled < sizeof bytes) {
        const ssize_t got = ::getrandom(bytes + filled, sizeof bytes - filled, 0);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return {};
        }
        filled += static_cast<std::size_t>(got);
    }
    QByteArray raw(reinterpret_cast<const char *>(bytes), kTokenBytes);
    ::explicit_bzero(bytes, sizeof bytes);
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool sameToken(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    // In constant time (Nettle), so a guessed token's prefix cannot be timed.
    return memeql_sec(a.constData(), b.constData(), static_cast<std::size_t>(a.size())) != 0;
}

bool wellFormedToken(const QByteArray &text)
{
    if (text.size() != kTokenChars)
        return false;
    for (char c : text)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    return true;
}

}  // namespace hicm::room
