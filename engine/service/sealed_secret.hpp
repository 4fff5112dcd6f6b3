#pragma once
// Secrets kept in the database sealed (libsodium secretbox: XSalsa20-Poly1305 with a random nonce)
// under a key the operator gives in the environment, so a copy of the database alone does not
// hand out the credentials of the platform above. The key text (at least 32 bytes) is hashed
// (BLAKE2b) into the box key.

#include <string>
#include <string_view>

#include "engine/model/result.hpp"

namespace gongshi {

inline constexpr std::size_t kSealKeyMin = 32;

// base64 of nonce || box.
Result<std::string> seal_secret(std::string_view key_text, std::string_view plain);
// The secret; invalid_input when the key is another or the text was altered.
Result<std::string> open_secret(std::string_view key_text, std::string_view sealed);

}  // namespace gongshi
