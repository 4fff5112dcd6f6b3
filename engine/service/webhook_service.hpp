#pragma once
// Webhooks: the subscriptions department systems keep (URL, events, secret), their deliveries, and
// the dispatcher's side of a delivery — fanning the outbox out, leasing what is due, recording
// each attempt with its back-off. Sending is the caller's (the server's asynchronous client).
//
// Headers a delivery carries: Content-Type: application/json; Idempotency-Key:
// gongshi-delivery-<id>; X-Gongshi-Event: <topic>; X-Gongshi-Timestamp: <unix seconds>;
// X-Gongshi-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/clock.hpp"
#include "engine/service/access.hpp"
#include "engine/service/address_policy.hpp"
#include "engine/service/audit_service.hpp"
#include "engine/store/database.hpp"
#include "engine/store/webhook_repo.hpp"

namespace gongshi {

struct HookInput {
  std::string region;                         // "": the caller's
  std::optional<std::int64_t> department_id;  // none: the caller's department, or the region
  std::string url, secret;
  std::vector<std::string> events;  // empty: all
};

struct RetryPolicy {
  int max_attempts = 8;
  std::chrono::seconds first{2};  // then doubling, at most `max`
  std::chrono::seconds max{3600};
};

// One delivery ready to send: where, what, and the headers.
struct OutgoingDelivery {
  WebhookDelivery delivery;
  std::vector<std::pair<std::string, std::string>> headers;
};

class WebhookService {
 public:
  // `targets`: where subscriptions may point (checked on create, and by the sender on delivery).
  WebhookService(std::shared_ptr<Database> db, const AccessPolicy& access, AuditTrail& audit,
                 AddressPolicy targets)
      : db_(std::move(db)), access_(access), audit_(audit), policy_(std::move(targets)) {}

  const AddressPolicy& targets() const { return policy_; }

  Result<std::vector<WebhookSubscription>> list(const Principal& who);
  Result<WebhookSubscription> create(const Principal& who, const HookInput& in, TimePoint now);
  // Stops the subscription and cancels its pending deliveries (in one transaction).
  Status deactivate(const Principal& who, std::int64_t id);
  Result<std::pair<WebhookSubscription, std::vector<WebhookDelivery>>> deliveries(
      const Principal& who, std::int64_t id);

  // Fans the outbox out and leases up to `limit` due deliveries until now + `lease`, within each
  // subscription's share of the slots.
  Result<std::vector<OutgoingDelivery>> claim(TimePoint now, std::chrono::seconds lease, int limit,
                                              const DeliveryShare& share);
  // After an attempt: delivered (2xx), or scheduled again with back-off, or given up.
  Status record(const WebhookDelivery& d, int http_status, const std::string& error, TimePoint now,
                const RetryPolicy& retry);

  Result<QueueDepths> queues();

 private:
  Result<WebhookSubscription> visible(const Principal& who, std::int64_t id);

  std::shared_ptr<Database> db_;
  const AccessPolicy& access_;
  AuditTrail& audit_;
  AddressPolicy policy_;
};

std::string webhook_signature(const std::string& secret, const std::string& timestamp,
                              const std::string& body);
// first · 2^(attempt − 1), at most `max`: the wait after failed attempt number `attempt` (1-based).
std::chrono::seconds retry_delay(int attempt, std::chrono::seconds first, std::chrono::seconds max);

}  // namespace gongshi
