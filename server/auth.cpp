#include "server/auth.hpp"

#include <sodium.h>

#include <stdexcept>

#include "engine/rules/sha256.hpp"
#include "engine/store/auth_repo.hpp"
#include "engine/store/directory_repo.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi::server {
namespace {

Error unauthenticated(std::string zh, std::string en) {
  return make_error(ErrorCode::unauthenticated, std::move(zh), std::move(en));
}

Principal principal_with_token(const User& u, const TokenRow& t) {
  Principal p = principal_of(u);
  p.token_kind = t.kind;
  p.token_hash = t.token_hash;
  return p;
}

}  // namespace

Principal principal_of(const User& u) {
  Principal p;
  p.user_id = u.id;
  p.login = u.login;
  p.display_name = u.display_name;
  p.region = u.region;
  p.department_id = u.department_id;
  p.roles = u.roles;
  return p;
}

std::string hash_password(const std::string& password) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("out of memory hashing a password");
  }
  return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
  if (sodium_init() < 0 || hash.empty()) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string new_token() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return std::string("gs_") + hex;
}

std::string token_hash(const std::string& token) {
  return sha256_hex(token);
}

Result<Principal> authenticate(Database& db, const HttpRequest& req, TimePoint now) {
  const auto header = req.header("authorization");
  if (!header) {
    return unauthenticated("需要登录：请在 Authorization 头中提供 Bearer 令牌",
                           "authentication required: send Authorization: Bearer TOKEN");
  }
  const std::string prefix = "Bearer ";
  if (header->size() <= prefix.size() || header->compare(0, prefix.size(), prefix) != 0) {
    return unauthenticated("Authorization 头应为「Bearer 令牌」",
                           "the Authorization header must be 'Bearer TOKEN'");
  }
  const std::string hash = token_hash(header->substr(prefix.size()));
  return in_read_transaction<Principal>(db, [&](Tx& tx) -> Result<Principal> {
    auto token = find_token(tx, hash, format_utc(now));
    if (!token) return token.error();
    if (!*token) {
      return unauthenticated("令牌无效或已过期，请重新登录", "the token is unknown or expired");
    }
    auto user = find_user_by_id(tx, (*token)->user_id);
    if (!user) return user.error();
    if (!*user || !(*user)->active) {
      return unauthenticated("该用户已停用", "the user is disabled");
    }
    return principal_with_token(**user, **token);
  });
}

Result<LoginResult> login(Database& db, const std::string& login_name, const std::string& password,
                          TimePoint now, std::chrono::seconds ttl) {
  auto user = in_read_transaction<std::optional<User>>(
      db, [&](Tx& tx) { return find_user(tx, login_name); });
  if (!user) return user.error();
  // The same answer for an unknown login and a wrong password.
  if (!*user || !(*user)->active || !verify_password((*user)->password_hash, password)) {
    return unauthenticated("用户名或密码错误", "wrong login or password");
  }
  LoginResult out;
  out.token = new_token();
  out.expires_at = format_utc(now + ttl);
  TokenRow row{token_hash(out.token), (*user)->id,   "session", "login",
               format_utc(now),       out.expires_at};
  auto st =
      in_transaction<std::monostate>(db, [&](Tx& tx) -> Status { return insert_token(tx, row); });
  if (!st) return st.error();
  out.who = principal_with_token(**user, row);
  return out;
}

Status logout(Database& db, const Principal& who) {
  return in_transaction<std::monostate>(
      db, [&](Tx& tx) -> Status { return delete_token(tx, who.token_hash); });
}

Result<std::string> issue_api_token(Database& db, std::int64_t user_id, const std::string& label,
                                    TimePoint now) {
  std::string token = new_token();
  TokenRow row{token_hash(token), user_id, "api", label, format_utc(now), ""};
  auto st =
      in_transaction<std::monostate>(db, [&](Tx& tx) -> Status { return insert_token(tx, row); });
  if (!st) return st.error();
  return token;
}

}  // namespace gongshi::server
