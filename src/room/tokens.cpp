#include "tokens.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace hicm::room {

namespace {
constexpr int kTokenBytes = 24;  // 192 bits
constexpr int kTokenChars = 32;  // base64 of 24 bytes, no padding
}  // namespace

QByteArray newToken()
{
    unsigned char bytes[kTokenBytes];
    if (RAND_bytes(bytes, kTokenBytes) != 1)
        return {};
    QByteArray raw(reinterpret_cast<const char *>(bytes), kTokenBytes);
    OPENSSL_cleanse(bytes, kTokenBytes);
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool sameToken(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
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
