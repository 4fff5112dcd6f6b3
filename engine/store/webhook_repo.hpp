#pragma once
// Webhook subscriptions and deliveries. The outbox (written in the same transaction as each
// record change) is fanned out into one delivery per matching subscription; deliveries are leased
// to one dispatcher at a time, so several server processes on one MySQL never send one twice at
// once.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/database.hpp"

namespace gongshi {

struct WebhookSubscription {
  std::int64_t id = 0;
  std::string region;
  std::optional<std::int64_t> department_id;  // none: the whole region
  std::string url;
  std::vector<std::string> events;  // topics such as "record.publish"; "*" = all
  std::string secret;
  bool active = true;
  std::string created_by, created_at;

  bool wants(std::string_view topic) const;
};

struct WebhookDelivery {
  std::int64_t id = 0, subscription_id = 0, outbox_id = 0;
  std::string region, topic, payload;
  std::string status;  // pending | delivered | failed
  int attempts = 0;
  std::string next_attempt_at;
  int last_status = 0;
  std::string last_error, delivered_at, created_at;
  std::string url, secret;  // the subscription's, filled by claim_deliveries
};

Result<std::int64_t> insert_subscription(Tx& tx, const WebhookSubscription& s);
Result<std::optional<WebhookSubscription>> find_subscription(Tx& tx, std::int64_t id);
Result<std::vector<WebhookSubscription>> subscriptions_of(Tx& tx, const std::string& region);
Result<std::vector<WebhookSubscription>> all_subscriptions(Tx& tx);
// Deactivates it and cancels its pending deliveries (status 'cancelled').
Status deactivate_subscription(Tx& tx, std::int64_t id);
inline constexpr const char* kCancelledNote = "订阅已停用，不再投递 / subscription deactivated";

// Turns up to `limit` outbox rows not yet fanned out into deliveries for the active subscriptions
// that want them, and marks the rows. Returns how many outbox rows it handled.
Result<int> fan_out_outbox(Tx& tx, const std::string& now_text, int limit);

// How many of a subscription's deliveries may be in flight at once, and how many this process
// has in flight now (subscription id -> count).
// `start` is where this process begins reading the oldest candidates on MariaDB (taken modulo their
// number, wrapping round): dispatchers on different Galera nodes cannot see each other's row
// locks, so each starting elsewhere keeps them from all leasing the same oldest rows and
// failing certification in turn.
struct DeliveryShare {
  int per_subscription = 2;
  std::map<std::int64_t, int> in_flight;
  std::uint64_t start = 0;
};

// Up to `limit` pending deliveries due at `now_text`, leased until `lease_until` (their
// next_attempt_at moves there, so no other dispatcher takes them meanwhile), from the oldest but
// no more per subscription than `share` leaves room for: a receiver that never answers holds
// its share of the slots, not all of them.
Result<std::vector<WebhookDelivery>> claim_deliveries(Tx& tx, const std::string& now_text,
                                                      const std::string& lease_until, int limit,
                                                      const DeliveryShare& share);

struct AttemptOutcome {
  bool delivered = false;
  bool give_up = false;  // failed for good (attempts exhausted)
  int http_status = 0;
  std::string error;
  std::string next_attempt_at;  // when not delivered and not given up
};
Status record_attempt(Tx& tx, std::int64_t delivery_id, const AttemptOutcome& o,
                      const std::string& now_text);

Result<std::vector<WebhookDelivery>> deliveries_of(Tx& tx, std::int64_t subscription_id, int limit);

struct QueueDepths {
  std::int64_t outbox_pending = 0;      // not yet fanned out
  std::int64_t deliveries_pending = 0;  // waiting for a (re)try
  std::int64_t deliveries_failed = 0;
};
Result<QueueDepths> queue_depths(Tx& tx);

}  // namespace gongshi
