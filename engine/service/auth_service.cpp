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

namespace {

// A session's last use is written at most once a minute.
constexpr auto kTouchEvery = std::chrono::seconds(60);

std::string minutes_text(std::chrono::minutes m) {
  return std::to_string(m.count()) + " 分钟";
}

}  // namespace

Result<Principal> AuthService::authenticate(const std::string& token, TimePoint now) {
  const std::string hash = token_hash(token);
  const std::string now_text = format_utc(now);
  const auto steady = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mu_);
    if (const auto it = cache_.find(hash); it != cache_.end()) {
      const Cached& c = it->second;
      const bool idle_check = c.who.token_kind == "session" && policy_.idle.count() > 0;
      const bool fresh = !idle_check || now - c.last_used < kTouchEvery;
      if (steady < c.until && (c.expires_at.empty() || now_text < c.expires_at) && fresh) {
        return c.who;
      }
      cache_.erase(it);
    }
  }
  return look_up(hash, now);
}

Result<Principal> AuthService::look_up(const std::string& hash, TimePoint now) {
  const std::string now_text = format_utc(now);
  struct Found {
    Principal who;
    TokenRow token;
  };
  auto found = in_read_transaction<Found>(*db_, [&](Tx& tx) -> Result<Found> {
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
    Principal p = principal_with_token(**user, **row);
    p.must_change_password = (*user)->must_change_password && (*row)->kind == "session";
    return Found{std::move(p), **row};
  });
  if (!found) return found.error();
  TimePoint last_used = now;
  if (found->token.kind == "session" && policy_.idle.count() > 0) {
    const auto stored = parse_utc(found->token.last_used_at.empty() ? found->token.created_at
                                                                    : found->token.last_used_at);
    last_used = stored.value_or(now);
    if (now - last_used >= policy_.idle) {
      (void)in_transaction<std::monostate>(*db_, [&](Tx& tx) { return delete_token(tx, hash); });
      return unauthenticated("会话已因 " + minutes_text(policy_.idle) + "未操作而结束，请重新登录",
                             "the session ended after " + std::to_string(policy_.idle.count()) +
                                 " minutes without use: sign in again");
    }
    if (now - last_used >= kTouchEvery) {
      auto touched = in_transaction<std::monostate>(
          *db_, [&](Tx& tx) { return touch_token(tx, hash, format_utc(now)); });
      if (!touched) return touched.error();
      last_used = now;
    }
  }
  std::lock_guard lock(mu_);
  if (cache_.size() >= kMaxCached) cache_.clear();  // bounded: start over rather than grow
  cache_[hash] = Cached{found->who, found->token.expires_at, last_used,
                        std::chrono::steady_clock::now() + cache_ttl_};
  return found->who;
}

const std::string& AuthService::decoy_hash() {
  std::call_once(decoy_once_, [this] { decoy_ = hash_password(new_token()); });
  return decoy_;
}

Error AuthService::wrong_password(const User& u, TimePoint now, const std::string& client) {
  const auto failures = in_transaction<int>(*db_, [&](Tx& tx) -> Result<int> {
    auto n = count_login_failure(tx, u.id);
    if (!n) return n.error();
    if (policy_.lockout_failures > 0 && *n >= policy_.lockout_failures) {
      if (auto st = set_user_lock(tx, u.id, format_utc(now + policy_.lockout)); !st) {
        return st.error();
      }
    }
    return n;
  });
  (void)audit_.record("login.failed", nullptr, u.region, u.login,
                      {{"failures", failures ? *failures : -1}}, client);
  if (failures && policy_.lockout_failures > 0 && *failures >= policy_.lockout_failures) {
    (void)audit_.record("login.locked", nullptr, u.region, u.login,
                        {{"minutes", policy_.lockout.count()}}, client);
    forget_user(u.id);
    Error e = make_error(ErrorCode::rate_limited,
                         "连续 " + std::to_string(*failures) + " 次密码错误，账户已锁定 " +
                             minutes_text(policy_.lockout) + "，或请系统管理员解锁",
                         std::to_string(*failures) +
                             " wrong passwords in a row: the account is "
                             "locked for " +
                             std::to_string(policy_.lockout.count()) +
                             " minutes, or until an administrator unlocks it");
    e.retry_after = static_cast<long>(std::chrono::seconds(policy_.lockout).count());
    return e;
  }
  return unauthenticated("用户名或密码错误", "wrong login or password");
}

Result<LoginResult> AuthService::login(const std::string& login_name, const std::string& password,
                                       TimePoint now, const std::string& client) {
  if (const long wait = throttle_.wait(client, std::chrono::steady_clock::now()); wait > 0) {
    Error e = make_error(ErrorCode::rate_limited,
                         "登录失败次数过多，请 " + std::to_string(wait) + " 秒后再试",
                         "too many failed logins: retry in " + std::to_string(wait) + " s");
    e.retry_after = wait;
    return e;
  }
  auto user = in_read_transaction<std::optional<User>>(
      *db_, [&](Tx& tx) { return find_user(tx, login_name); });
  if (!user) return user.error();
  const std::string now_text = format_utc(now);
  if (user->has_value() && !(*user)->locked_until.empty() && now_text < (*user)->locked_until) {
    const auto until = parse_utc((*user)->locked_until).value_or(now);
    const long seconds = std::max<long>(
        1,
        static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(until - now).count()));
    (void)audit_.record("login.refused_locked", nullptr, (*user)->region, login_name, {}, client);
    Error e = make_error(ErrorCode::rate_limited,
                         "账户已锁定（连续密码错误），请 " + std::to_string((seconds + 59) / 60) +
                             " 分钟后再试，或请系统管理员解锁",
                         "the account is locked after wrong passwords: retry in " +
                             std::to_string((seconds + 59) / 60) +
                             " minutes, or ask an administrator to unlock it");
    e.retry_after = seconds;
    return e;
  }
  // The same answer, after the same argon2 work, for an unknown login and a wrong password.
  const bool known = user->has_value();
  const bool right = verify_password(known ? (*user)->password_hash : decoy_hash(), password);
  if (!known || !right) {
    throttle_.failed(client, std::chrono::steady_clock::now());  // after argon2
    if (known) return wrong_password(**user, now, client);
    (void)audit_.record("login.failed", nullptr, "", login_name, {{"known", false}}, client);
    return unauthenticated("用户名或密码错误", "wrong login or password");
  }
  const User& u = **user;
  if (!u.active) {
    (void)audit_.record("login.disabled", nullptr, u.region, u.login, {}, client);
    return make_error(ErrorCode::forbidden, "该账户已停用，请联系系统管理员",
                      "the account is disabled: ask the system administrator");
  }
  LoginResult out;
  out.token = new_token();
  out.expires_at = format_utc(now + session_ttl_);
  TokenRow row{token_hash(out.token), u.id, "session", "login", now_text, out.expires_at, now_text};
  auto st = in_transaction<std::monostate>(*db_, [&](Tx& tx) -> Status {
    if (u.failed_logins > 0 || !u.locked_until.empty()) {
      if (auto cleared = set_user_lock(tx, u.id, ""); !cleared) return cleared;
    }
    return insert_token(tx, row);
  });
  if (!st) return st.error();
  out.who = principal_with_token(u, row);
  out.who.must_change_password = u.must_change_password;
  out.who.client = client;
  (void)audit_.record("login.ok", &out.who, u.region, u.login,
                      {{"must_change_password", u.must_change_password}});
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
  (void)audit_.record("logout", &who, who.region, who.login);
  return ok_status();
}

Status AuthService::change_password(const Principal& who, const std::string& current,
                                    const std::string& next, TimePoint now) {
  auto user = in_read_transaction<std::optional<User>>(
      *db_, [&](Tx& tx) { return find_user_by_id(tx, who.user_id); });
  if (!user) return user.error();
  if (!*user) return unauthenticated("用户不存在", "no such user");
  const User& u = **user;
  if (!verify_password(u.password_hash, current)) {
    Error e = wrong_password(u, now, who.client);
    if (e.code == ErrorCode::unauthenticated) {
      e = make_error(ErrorCode::invalid_input, "当前密码不正确", "the current password is wrong");
      e.issues.push_back(Issue{"current_password", IssueCode::wrong_type, "当前密码不正确",
                               "the current password is wrong", ""});
    }
    return e;
  }
  if (next == current) {
    return bad_request("新密码不能与当前密码相同", "the new password must differ from the current");
  }
  if (auto st = check_password(next, policy_.password, u.login); !st) return st;
  User changed = u;
  changed.password_hash = hash_password(next);
  changed.must_change_password = false;
  changed.password_changed_at = format_utc(now);
  changed.failed_logins = 0;
  changed.locked_until.clear();
  auto st = in_transaction<std::monostate>(*db_, [&](Tx& tx) -> Status {
    if (auto up = update_user(tx, changed); !up) return up;
    auto ended = delete_sessions_except(tx, u.id, who.token_hash);
    if (!ended) return ended.error();
    return ok_status();
  });
  if (!st) return st;
  forget_user(u.id);
  (void)audit_.record("password.changed", &who, u.region, u.login);
  return ok_status();
}

Result<std::string> AuthService::issue_api_token(std::int64_t user_id, const std::string& label,
                                                 TimePoint now) {
  std::string token = new_token();
  TokenRow row{token_hash(token), user_id, "api", label, format_utc(now), "", ""};
  auto st = in_transaction<std::monostate>(*db_, [&](Tx& tx) { return insert_token(tx, row); });
  if (!st) return st.error();
  return token;
}

void AuthService::forget_user(std::int64_t user_id) {
  std::lock_guard lock(mu_);
  std::erase_if(cache_, [&](const auto& entry) { return entry.second.who.user_id == user_id; });
}

}  // namespace gongshi
