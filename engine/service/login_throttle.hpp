#pragma once
// Failed logins counted per client address (an office behind one NAT is one address), with
// back-off: the `address_free`-th failure blocks the address for 1 s, each further one for 2, 4 …
// up to `max_block` (20 free failures: the 21st attempt in a row waits). While an address is
// blocked the password is not even checked (so the right one does not help an attacker). The
// account side is the lockout of the account policy (failures counted in the database, across
// server processes: AuthService). The table is bounded: when full, addresses no longer blocked are
// forgotten first, then all of them.
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
  int address_free = 20;  // failures from one address answered at once; the next attempt waits
  std::chrono::seconds max_block{900};
  std::size_t max_keys = 100'000;
};

class LoginThrottle {
 public:
  using Instant = std::chrono::steady_clock::time_point;

  explicit LoginThrottle(LoginThrottleSettings s = {}) : s_(s) {}

  // Seconds until `address` may try again; 0 = now ("" — the command line — never waits).
  long wait(const std::string& address, Instant now);
  void failed(const std::string& address, Instant now);

 private:
  struct Entry {
    int failures = 0;
    Instant blocked_until{};
  };

  const LoginThrottleSettings s_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> keys_;  // by address; guarded by mu_
};

}  // namespace gongshi
