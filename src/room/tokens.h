// The room's link tokens: 192 bits from the kernel's secure random source (getrandom), as
// URL-safe base64 (32 characters), compared in constant time.
#pragma once

#include <QByteArray>

namespace hicm::room {

// A new token; empty if the system's random source failed (then no room opens).
QByteArray newToken();
// Constant-time comparison (CRYPTO_memcmp); different lengths are unequal.
bool sameToken(const QByteArray &a, const QByteArray &b);
// Whether `text` looks like one of our tokens (32 URL-safe base64 characters).
bool wellFormedToken(const QByteArray &text);

}  // namespace hicm::room
