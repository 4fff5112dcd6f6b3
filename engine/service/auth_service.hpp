#pragma once
// Passwords (libsodium's argon2id string format), login sessions and API tokens. A token is 32
// random bytes shown once; the database keeps its SHA-256.
//
// Who a token belongs to is cached in this process for a short time (`cache_ttl`, 30 s by default)
// so that a request does not spend a transaction on it. Logging out, disabling a user or changing
// a user's password or roles through this process drops the user's entries at once; another
// server process notices within `cache_ttl` (docs/server.md).

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "engine/model/clock.hpp"
#include "engine/model/result.hpp"
#include "engine/service/audit_service.hpp"
#include "engine/service/login_throttle.hpp"
#include "engine/service/password_policy.hpp"
#include "engine/service/principal.hpp"
#include "engine/store/database.hpp"
#include "engine/store/directory_repo.hpp"

namespace gongshi {

// Throws std::runtime_error only when libsodium cannot allocate the hashing memory.
std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);
std::string new_token();
std::string token_hash(const std::string& token);
// The CSRF token of a browser session: derived from the session token (which a page cannot read
// from its HttpOnly cookie), so a forged request from another site cannot know it.
std::string csrf_token_of(const std::string& token);
// Constant-time comparison of two tokens.
bool same_token(const std::string& a, const std::string& b);

// The principal a user acts as (no token: token_kind and token_hash empty).
Principal principal_of(const User& u);

struct LoginResult {
  std::string token;
  std::string expires_at;
  Principal who;  // who.must_change_password: the session may only change the password
};

class AuthService {
 public:
  static constexpr std::size_t kMaxCached = 20'000;

  AuthService(std::shared_ptr<Database> db, AuditTrail& audit, AccountPolicy policy,
              std::chrono::seconds session_ttl,
              std::chrono::seconds cache_ttl = std::chrono::seconds(30))
      : db_(std::move(db)),
        audit_(audit),
        policy_(policy),
        session_ttl_(session_ttl),
        cache_ttl_(cache_ttl) {}

  // The caller a bearer token names: unauthenticated when unknown, expired, idle past the
  // policy's time (a session) or its user disabled.
  Result<Principal> authenticate(const std::string& token, TimePoint now);
  // `client`: the caller's address, for the per-address back-off (LoginThrottle) and the audit
  // trail. An unknown login costs the same argon2 time as a wrong password, and both get the same
  // answer. Wrong passwords in a row lock the account (the policy), told as such (429 with
  // Retry-After); the right password of a disabled account is told it is disabled (403).
  Result<LoginResult> login(const std::string& login, const std::string& password, TimePoint now,
                            const std::string& client = "");
  Status logout(const Principal& who);
  // The caller's own password: the current one checked (a wrong one counts towards the lockout),
  // the new one against the policy; the user's other sessions end.
  Status change_password(const Principal& who, const std::string& current, const std::string& next,
                         TimePoint now);
  // A new API token for a department system acting as `user_id`.
  Result<std::string> issue_api_token(std::int64_t user_id, const std::string& label,
                                      TimePoint now);
  // The user's cached tokens are looked up again (disabled, password or roles changed).
  void forget_user(std::int64_t user_id);
  void set_session_ttl(std::chrono::seconds ttl) { session_ttl_ = ttl; }
  std::chrono::seconds session_ttl() const { return session_ttl_; }
  void set_cache_ttl(std::chrono::seconds ttl) { cache_ttl_ = ttl; }
  const AccountPolicy& policy() const { return policy_; }

 private:
  struct Cached {
    Principal who;
    std::string expires_at;  // the token's own expiry ("" = none)
    TimePoint last_used{};   // a session's last use as stored
    std::chrono::steady_clock::time_point until;
  };
  Result<Principal> look_up(const std::string& hash, TimePoint now);
  // A wrong password for `u`: counted, and the account locked at the policy's limit.
  Error wrong_password(const User& u, TimePoint now, const std::string& client);
  std::shared_ptr<Database> db_;
  AuditTrail& audit_;
  AccountPolicy policy_;
  std::chrono::seconds session_ttl_, cache_ttl_;
  // A hash to check an unknown login's password against, made on first need.
  const std::string& decoy_hash();

  std::mutex mu_;
  std::unordered_map<std::string, Cached> cache_;  // by token hash
  LoginThrottle throttle_;
  std::once_flag decoy_once_;
  std::string decoy_;
};

}  // namespace gongshi
