#pragma once
// Delivers webhooks: fans the outbox out into deliveries, leases the due ones, POSTs each with an
// Idempotency-Key (stable across retries) and an HMAC-SHA256 signature, and schedules failures
// again with exponential backoff until the attempts run out.
//
// Headers sent: Content-Type: application/json; Idempotency-Key: gongshi-delivery-<id>;
// X-Gongshi-Event: <topic>; X-Gongshi-Timestamp: <unix seconds>;
// X-Gongshi-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>.

#include <chrono>
#include <string>

#include "server/app_context.hpp"

namespace gongshi::server {

struct DispatchReport {
  int fanned_out = 0, attempted = 0, delivered = 0, retrying = 0, given_up = 0;
};

Result<DispatchReport> dispatch_webhooks(AppContext& app, int limit = 50);

std::string webhook_signature(const std::string& secret, const std::string& timestamp,
                              const std::string& body);
// first · 2^(attempt − 1), at most `max`: the wait after failed attempt number `attempt` (1-based).
std::chrono::seconds retry_delay(int attempt, std::chrono::seconds first, std::chrono::seconds max);

}  // namespace gongshi::server
