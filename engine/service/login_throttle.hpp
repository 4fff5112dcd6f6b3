#pragma once
// Failed logins counted per account and per client address, with back-off: a key's `free`-th
// failure blocks it for 1 s, each further one for 2, 4, … up to `max_block` (5 free failures:
// the sixth attempt in a row waits). While either key
// of a login is blocked the password is not even checked (so the right one does not help an
// attacker). A success clears the account's count, not the address's. The table is bounded: when
// full, keys no longer blocked are forgotten first, then all of them.
//
// Its time is a monotonic instant, not the business clock (whole seconds): a block of 1 s must
// last a second from the failure's answer, whatever second the request began in and however long
// argon2 took.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace gongshi {

struct LoginThrottleSettings {
  int account_free = 5;   // failures on one login answered at once; the next attempt waits
  int address_free = 20;  // from one address (an office behind one NAT)
  std::chrono::seconds max_block{900};
  std::size_t max_keys = 100'000;
};

class LoginThrottle {
 public:
  using Instant = std::chrono::steady_clock::time_point;

  explicit LoginThrottle(LoginThrottleSettings s = {}) : s_(s) {}

  // Seconds until `login` may be tried from `address` again; 0 = now.
  long wait(const std::string& login, const std::string& address, Instant now);
  void failed(const std::string& login, const std::string& address, Instant now);
  void succeeded(const std::string& login);

 private:
  struct Entry {
    int failures = 0;
    Instant blocked_until{};
  };
  long wait_locked(const std::string& key, Instant now) const;
  void fail_locked(const std::string& key, int free, Instant now);

  const LoginThrottleSettings s_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> keys_;  // "a:" + login, "ip:" + address; guarded by mu_
};

}  // namespace gongshi
