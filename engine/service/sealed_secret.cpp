#include "engine/service/sealed_secret.hpp"

#include <sodium.h>

#include <vector>

namespace gongshi {
namespace {

Result<std::vector<unsigned char>> box_key(std::string_view key_text) {
  if (key_text.size() < kSealKeyMin) {
    return make_error(ErrorCode::invalid_input, "GONGSHI_UPSTREAM_KEY 至少要 32 个字节",
                      "GONGSHI_UPSTREAM_KEY must be at least 32 bytes");
  }
  if (sodium_init() < 0) {
    return make_error(ErrorCode::internal, "libsodium 初始化失败", "libsodium failed to start");
  }
  std::vector<unsigned char> key(crypto_secretbox_KEYBYTES);
  static constexpr unsigned char kContext[] = "gongshi-upstream-credential";
  crypto_generichash(key.data(), key.size(),
                     reinterpret_cast<const unsigned char*>(key_text.data()), key_text.size(),
                     kContext, sizeof kContext - 1);
  return key;
}

}  // namespace

Result<std::string> seal_secret(std::string_view key_text, std::string_view plain) {
  auto boxed = box_key(key_text);
  if (!boxed) return boxed.error();
  std::vector<unsigned char> key = std::move(boxed).value();
  std::vector<unsigned char> out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                 plain.size());
  randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                        out.data(), key.data());
  std::string text(sodium_base64_ENCODED_LEN(out.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(text.data(), text.size(), out.data(), out.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  text.resize(text.find('\0'));
  sodium_memzero(key.data(), key.size());
  return text;
}

Result<std::string> open_secret(std::string_view key_text, std::string_view sealed) {
  auto boxed = box_key(key_text);
  if (!boxed) return boxed.error();
  std::vector<unsigned char> key = std::move(boxed).value();
  const auto refused = [] {
    return make_error(ErrorCode::invalid_input,
                      "无法解开已保存的凭据：GONGSHI_UPSTREAM_KEY 与保存时不同，或数据被改动",
                      "the stored credential cannot be opened: another GONGSHI_UPSTREAM_KEY, or "
                      "the text was altered");
  };
  std::vector<unsigned char> bytes(sealed.size());
  std::size_t n = 0;
  if (sodium_base642bin(bytes.data(), bytes.size(), sealed.data(), sealed.size(), nullptr, &n,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      n < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return refused();
  }
  std::string plain(n - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  const int rc = crypto_secretbox_open_easy(
      reinterpret_cast<unsigned char*>(plain.data()), bytes.data() + crypto_secretbox_NONCEBYTES,
      n - crypto_secretbox_NONCEBYTES, bytes.data(), key.data());
  sodium_memzero(key.data(), key.size());
  if (rc != 0) return refused();
  return plain;
}

}  // namespace gongshi
