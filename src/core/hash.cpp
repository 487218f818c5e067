#include "hash.h"

#include <nettle/sha2.h>

namespace hicm {

// SHA-256 by Nettle (GnuTLS's own crypto library): no provider start-up and one small library, where
// OpenSSL's EVP cost the app's start 2-4 ms in loading and initialising libcrypto (docs/performance.md).
std::string sha256Hex(std::string_view bytes)
{
    sha256_ctx context;
    sha256_init(&context);
    sha256_update(&context, bytes.size(), reinterpret_cast<const std::uint8_t *>(bytes.data()));
    std::uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&context, SHA256_DIGEST_SIZE, digest);
    static const char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(SHA256_DIGEST_SIZE * 2);
    for (std::uint8_t b : digest) {
        out += hex[b >> 4];
        out += hex[b & 0x0F];
    }
    return out;
}

}  // namespace hicm
