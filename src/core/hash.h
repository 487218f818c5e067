#pragma once

#include <string>
#include <string_view>

namespace hicm {

// SHA-256 of `bytes` as lower-case hex (OpenSSL's libcrypto).
std::string sha256Hex(std::string_view bytes);

}  // namespace hicm
