#pragma once

#include <string>
#include <string_view>
#include <cstdint>

namespace hicm {

// SHA-256 of `bytes` as lower-case hex (Nettle).
std::string sha256Hex(std::string_view bytes);

}  // namespace hicm
