#include "engine/service/login_throttle.hpp"

#include <algorithm>

namespace gongshi {

long LoginThrottle::wait_locked(const std::string& key, Instant now) const {
  const auto it = keys_.find(key);
  if (it == keys_.end() || it->second.blocked_until <= now) return 0;
  const auto left = std::chrono::ceil<std::chrono::seconds>(it->second.blocked_until - now);
  return std::max<long>(1, static_cast<long>(left.count()));
}

void LoginThrottle::fail_locked(const std::string& key, int free, Instant now) {
  if (keys_.size() >= s_.max_keys && !keys_.contains(key)) {
    std::erase_if(keys_, [&](const auto& kv) { return kv.second.blocked_until <= now; });
    if (keys_.size() >= s_.max_keys) keys_.clear();
  }
  Entry& e = keys_[key];
  ++e.failures;
  // The `free`-th failure is the last one answered at once: it blocks the next attempt.
  const int over = e.failures - free + 1;
  if (over <= 0) return;
  const long seconds = over >= 20 ? static_cast<long>(s_.max_block.count())
                                  : std::min<long>(1L << (over - 1), s_.max_block.count());
  e.blocked_until = now + std::chrono::seconds(seconds);
}

long LoginThrottle::wait(const std::string& login, const std::string& address, Instant now) {
  std::lock_guard lock(mu_);
  return std::max(wait_locked("a:" + login, now), wait_locked("ip:" + address, now));
}

void LoginThrottle::failed(const std::string& login, const std::string& address, Instant now) {
  std::lock_guard lock(mu_);
  fail_locked("a:" + login, s_.account_free, now);
  if (!address.empty()) fail_locked("ip:" + address, s_.address_free, now);
}

void LoginThrottle::succeeded(const std::string& login) {
  std::lock_guard lock(mu_);
  keys_.erase("a:" + login);
}

}  // namespace gongshi
