#pragma once
// What the routes and background jobs share: the services (every use case), the metrics and the
// server's own settings. Built once by the server; routes get a reference.

#include <chrono>
#include <filesystem>
#include <memory>

#include "engine/service/services.hpp"
#include "server/http_types.hpp"
#include "server/metrics.hpp"
#include "server/rate_limiter.hpp"
#include "server/request_log.hpp"

namespace gongshi::server {

struct AppSettings {
  std::chrono::milliseconds sweep_interval{60'000};
  std::chrono::milliseconds dispatch_interval{1'000};
  std::chrono::milliseconds sync_interval{10'000};  // rules and holiday years from the database
  RetryPolicy webhook_retry;
  std::chrono::seconds webhook_timeout{10};
  int webhook_concurrency = 8;       // deliveries in flight at once, per process
  int webhook_per_subscription = 2;  // of those, at most this many to one subscription
  // Reporting upward: the back-off after a failed batch (doubling to an hour; never given up),
  // and the time limit of one request to the platform above.
  RetryPolicy upstream_retry{0, std::chrono::seconds{5}, std::chrono::seconds{3600}};
  std::chrono::seconds upstream_timeout{30};
  // The public routes that write or look up by query code: requests per client address per
  // window (0: unlimited).
  int public_limit = 30;
  std::chrono::seconds public_window{600};
  std::string trusted_proxy;    // a reverse proxy whose X-Forwarded-For names the client
  bool secure_cookies = false;  // the pages are served over TLS (this process's, or a proxy's)
  LogFormat log_format = LogFormat::text;  // one line per request on standard error
  int audit_days = 365;                    // the audit trail's retention (at least 180)
  std::filesystem::path backup_dir;        // the nightly backups (/healthz: the last one's age)
  std::chrono::hours backup_max_age{36};
  std::filesystem::path tls_cert;        // this process's certificate (/healthz: its expiry)
  std::filesystem::path client_ca_file;  // extra CAs the outgoing HTTPS requests trust
};

// Did the request come through the configured reverse proxy (whose X-Forwarded-* it may trust)?
inline bool via_trusted_proxy(const AppSettings& s, const HttpRequest& req) {
  return !s.trusted_proxy.empty() && req.peer == s.trusted_proxy;
}

struct AppContext {
  std::unique_ptr<Services> services;
  AppSettings settings;
  Metrics metrics;
  std::unique_ptr<RateLimiter> public_limiter;

  Services& s() { return *services; }
  TimePoint now() const { return services->now(); }
};

}  // namespace gongshi::server
