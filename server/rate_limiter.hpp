#pragma once
// A per-client request budget for the public routes that write or look up by code: at most
// `limit` requests per client address in each window of `window`. The table of clients is bounded;
// when it is full of clients whose window is still open, a new client is refused too (the
// server stays within its memory, a flood from many addresses is slowed as a whole).

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

#include "engine/model/clock.hpp"

namespace gongshi::server {

class RateLimiter {
 public:
  RateLimiter(int limit, std::chrono::seconds window, std::size_t max_clients = 100'000)
      : limit_(limit), window_(window), max_clients_(max_clients) {}

  // 0 when the request may go ahead (and is counted); else the seconds until the client's window
  // ends, for Retry-After.
  long admit(const std::string& client, TimePoint now);

 private:
  struct Window {
    TimePoint start;
    int used = 0;
  };
  void forget_ended(TimePoint now);

  const int limit_;
  const std::chrono::seconds window_;
  const std::size_t max_clients_;
  std::mutex mu_;
  std::unordered_map<std::string, Window> clients_;  // guarded by mu_
};

}  // namespace gongshi::server
