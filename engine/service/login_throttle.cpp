#include "engine/service/login_throttle.hpp"

#include <algorithm>

namespace gongshi {

long LoginThrottle::wait(const std::string& address, Instant now) {
  std::lock_guard lock(mu_);
  const auto it = keys_.find(address);
  if (address.empty() || it == keys_.end() || it->second.blocked_until <= now) return 0;
  const auto left = std::chrono::ceil<std::chrono::seconds>(it->second.blocked_until - now);
  return std::max<long>(1, static_cast<long>(left.count()));
}

void LoginThrottle::failed(const std::string& address, Instant now) {
  if (address.empty()) return;
  std::lock_guard lock(mu_);
  if (keys_.size() >= s_.max_keys && !keys_.contains(address)) {
    std::erase_if(keys_, [&](const auto& kv) { return kv.second.blocked_until <= now; });
    if (keys_.size() >= s_.max_keys) keys_.clear();
  }
  Entry& e = keys_[address];
  ++e.failures;
  // The `address_free`-th failure is the last one answered at once: it blocks the next attempt.
  const int over = e.failures - s_.address_free + 1;
  if (over <= 0) return;
  const long seconds = over >= 20 ? static_cast<long>(s_.max_block.count())
                                  : std::min<long>(1L << (over - 1), s_.max_block.count());
  e.blocked_until = now + std::chrono::seconds(seconds);
}

}  // namespace gongshi
