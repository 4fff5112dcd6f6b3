#include "server/rate_limiter.hpp"

#include <algorithm>

namespace gongshi::server {

void RateLimiter::forget_ended(TimePoint now) {
  std::erase_if(clients_, [&](const auto& kv) { return now - kv.second.start >= window_; });
}

long RateLimiter::admit(const std::string& client, TimePoint now) {
  if (limit_ <= 0) return 0;  // no budget configured: unlimited
  std::lock_guard lock(mu_);
  auto it = clients_.find(client);
  if (it == clients_.end()) {
    if (clients_.size() >= max_clients_) {
      forget_ended(now);
      if (clients_.size() >= max_clients_) return static_cast<long>(window_.count());
    }
    it = clients_.emplace(client, Window{now, 0}).first;
  }
  Window& w = it->second;
  if (now - w.start >= window_ || now < w.start) w = Window{now, 0};
  if (w.used >= limit_) {
    const auto left = std::chrono::ceil<std::chrono::seconds>(window_ - (now - w.start));
    return std::max<long>(1, static_cast<long>(left.count()));
  }
  ++w.used;
  return 0;
}

}  // namespace gongshi::server
