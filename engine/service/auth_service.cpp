#include "engine/service/auth_service.hpp"

#include <sodium.h>

#include <stdexcept>

#include "engine/rules/sha256.hpp"
#include "engine/store/auth_repo.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {
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

std::string csrf_token_of(const std::string& token) {
  return sha256_hex("gongshi-csrf|" + token);
}

bool same_token(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Result<Principal> AuthService::authenticate(const std::string& token, TimePoint now) {
  const std::string hash = token_hash(token);
  const std::string now_text = format_utc(now);
  const auto steady = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mu_);
    if (const auto it = cache_.find(hash); it != cache_.end()) {
      const Cached& c = it->second;
      if (steady < c.until && (c.expires_at.empty() || now_text < c.expires_at)) return c.who;
      cache_.erase(it);
    }
  }
  auto found = in_read_transaction<std::pair<Principal, std::string>>(
      *db_, [&](Tx& tx) -> Result<std::pair<Principal, std::string>> {
        auto row = find_token(tx, hash, now_text);
        if (!row) return row.error();
        if (!*row) {
          return unauthenticated("令牌无效或已过期，请重新登录", "the token is unknown or expired");
        }
        auto user = find_user_by_id(tx, (*row)->user_id);
        if (!user) return user.error();
        if (!*user || !(*user)->active) {
          return unauthenticated("该用户已停用", "the user is disabled");
        }
        return std::make_pair(principal_with_token(**user, **row), (*row)->expires_at);
      });
  if (!found) return found.error();
  std::lock_guard lock(mu_);
  if (cache_.size() >= kMaxCached) cache_.clear();  // bounded: start over rather than grow
  cache_[hash] = Cached{found->first, found->second, steady + cache_ttl_};
  return found->first;
}

const std::string& AuthService::decoy_hash() {
  std::call_once(decoy_once_, [this] { decoy_ = hash_password(new_token()); });
  return decoy_;
}

Result<LoginResult> AuthService::login(const std::string& login_name, const std::string& password,
                                       TimePoint now, const std::string& client) {
  if (const long wait = throttle_.wait(login_name, client, std::chrono::steady_clock::now());
      wait > 0) {
    Error e = make_error(ErrorCode::rate_limited,
                         "登录失败次数过多，请 " + std::to_string(wait) + " 秒后再试",
                         "too many failed logins: retry in " + std::to_string(wait) + " s");
    e.retry_after = wait;
    return e;
  }
  auto user = in_read_transaction<std::optional<User>>(
      *db_, [&](Tx& tx) { return find_user(tx, login_name); });
  if (!user) return user.error();
  // The same answer, after the same argon2 work, for an unknown login and a wrong password.
  const bool known = user->has_value() && (*user)->active;
  const bool right = verify_password(known ? (*user)->password_hash : decoy_hash(), password);
  if (!known || !right) {
    throttle_.failed(login_name, client, std::chrono::steady_clock::now());  // after argon2
    return unauthenticated("用户名或密码错误", "wrong login or password");
  }
  throttle_.succeeded(login_name);
  LoginResult out;
  out.token = new_token();
  out.expires_at = format_utc(now + session_ttl_);
  TokenRow row{token_hash(out.token), (*user)->id,   "session", "login",
               format_utc(now),       out.expires_at};
  auto st = in_transaction<std::monostate>(*db_, [&](Tx& tx) { return insert_token(tx, row); });
  if (!st) return st.error();
  out.who = principal_with_token(**user, row);
  return out;
}

Status AuthService::logout(const Principal& who) {
  {
    std::lock_guard lock(mu_);
    cache_.erase(who.token_hash);
  }
  auto st = in_transaction<std::monostate>(
      *db_, [&](Tx& tx) { return delete_token(tx, who.token_hash); });
  if (!st) return st.error();
  return ok_status();
}

Result<std::string> AuthService::issue_api_token(std::int64_t user_id, const std::string& label,
                                                 TimePoint now) {
  std::string token = new_token();
  TokenRow row{token_hash(token), user_id, "api", label, format_utc(now), ""};
  auto st = in_transaction<std::monostate>(*db_, [&](Tx& tx) { return insert_token(tx, row); });
  if (!st) return st.error();
  return token;
}

void AuthService::forget_user(std::int64_t user_id) {
  std::lock_guard lock(mu_);
  std::erase_if(cache_, [&](const auto& entry) { return entry.second.who.user_id == user_id; });
}

}  // namespace gongshi
