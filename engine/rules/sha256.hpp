#pragma once
// SHA-256 (libsodium) as lower-case hex: the identity of a rule script's text.

#include <string>
#include <string_view>

namespace gongshi {

std::string sha256_hex(std::string_view data);

}  // namespace gongshi
