#include "engine/service/webhook_service.hpp"

#include <sodium.h>

#include "engine/service/department_check.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {

std::string webhook_signature(const std::string& secret, const std::string& timestamp,
                              const std::string& body) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  const std::string signed_text = timestamp + "." + body;
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(signed_text.data()),
                                signed_text.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return std::string("sha256=") + hex;
}

std::chrono::seconds retry_delay(int attempt, std::chrono::seconds first,
                                 std::chrono::seconds max) {
  auto delay = first;
  for (int i = 1; i < attempt && delay < max; ++i) delay *= 2;
  return std::min(delay, max);
}

Result<std::vector<WebhookSubscription>> WebhookService::list(const Principal& who) {
  if (auto st = access_.may_list_hooks(who); !st) return st.error();
  // Every region's, then only those the caller manages: an administrator or a city's 信用办
  // manages the regions below its own too.
  auto rows = in_read_transaction<std::vector<WebhookSubscription>>(
      *db_, [&](Tx& tx) { return all_subscriptions(tx); });
  if (!rows) return rows.error();
  std::vector<WebhookSubscription> out;
  for (auto& s : *rows) {
    if (access_.may_manage_hooks(who, s.region, s.department_id)) out.push_back(std::move(s));
  }
  return out;
}

Result<WebhookSubscription> WebhookService::create(const Principal& who, const HookInput& in,
                                                   TimePoint now) {
  WebhookSubscription s;
  s.region = in.region.empty() ? who.region : in.region;
  s.department_id = in.department_id ? in.department_id : who.department_id;
  if (auto st = access_.may_manage_hooks(who, s.region, s.department_id); !st) return st.error();
  if (auto st = check_department_in(*db_, s.region, s.department_id); !st) return st.error();
  if (auto st = check_hook_target(in.url, policy_); !st) return st.error();
  if (in.secret.size() < 16) {
    return bad_request("secret 至少 16 个字符", "secret needs at least 16 characters");
  }
  s.url = in.url;
  s.events = in.events.empty() ? std::vector<std::string>{"*"} : in.events;
  s.secret = in.secret;
  s.created_by = who.login;
  s.created_at = format_utc(now);
  auto id = in_transaction<std::int64_t>(*db_, [&](Tx& tx) { return insert_subscription(tx, s); });
  if (!id) return id.error();
  s.id = *id;
  (void)audit_.record("webhook.created", &who, s.region, "webhook " + std::to_string(s.id),
                      {{"url", s.url}});
  return s;
}

Result<WebhookSubscription> WebhookService::visible(const Principal& who, std::int64_t id) {
  auto found = in_read_transaction<std::optional<WebhookSubscription>>(
      *db_, [&](Tx& tx) { return find_subscription(tx, id); });
  if (!found) return found.error();
  if (!*found || !access_.may_manage_hooks(who, (*found)->region, (*found)->department_id)) {
    return not_found("订阅不存在", "no such subscription");
  }
  return **found;
}

Status WebhookService::deactivate(const Principal& who, std::int64_t id) {
  auto s = visible(who, id);
  if (!s) return s.error();
  auto st = in_transaction<std::monostate>(
      *db_, [&](Tx& tx) { return deactivate_subscription(tx, s->id); });
  if (st) {
    (void)audit_.record("webhook.disabled", &who, s->region, "webhook " + std::to_string(s->id),
                        {{"url", s->url}});
  }
  return st;
}

Result<std::pair<WebhookSubscription, std::vector<WebhookDelivery>>> WebhookService::deliveries(
    const Principal& who, std::int64_t id) {
  auto s = visible(who, id);
  if (!s) return s.error();
  auto rows = in_read_transaction<std::vector<WebhookDelivery>>(
      *db_, [&](Tx& tx) { return deliveries_of(tx, s->id, 200); });
  if (!rows) return rows.error();
  return std::make_pair(*s, std::move(rows).value());
}

Result<std::vector<OutgoingDelivery>> WebhookService::claim(TimePoint now,
                                                            std::chrono::seconds lease, int limit,
                                                            const DeliveryShare& share) {
  const std::string now_text = format_utc(now);
  auto fanned =
      in_transaction<int>(*db_, [&](Tx& tx) { return fan_out_outbox(tx, now_text, limit * 4); });
  if (!fanned) return fanned.error();
  auto due = in_transaction<std::vector<WebhookDelivery>>(*db_, [&](Tx& tx) {
    return claim_deliveries(tx, now_text, format_utc(now + lease), limit, share);
  });
  if (!due) return due.error();
  std::vector<OutgoingDelivery> out;
  const std::string timestamp = std::to_string(
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
  for (auto& d : *due) {
    std::vector<std::pair<std::string, std::string>> headers{
        {"Content-Type", "application/json"},
        {"Idempotency-Key", "gongshi-delivery-" + std::to_string(d.id)},
        {"X-Gongshi-Event", d.topic},
        {"X-Gongshi-Timestamp", timestamp},
        {"X-Gongshi-Signature", webhook_signature(d.secret, timestamp, d.payload)}};
    out.push_back({std::move(d), std::move(headers)});
  }
  return out;
}

Status WebhookService::record(const WebhookDelivery& d, int http_status, const std::string& error,
                              TimePoint now, const RetryPolicy& retry) {
  AttemptOutcome o;
  o.delivered = error.empty() && http_status >= 200 && http_status < 300;
  o.http_status = http_status;
  if (!o.delivered) {
    o.error = error.empty() ? "HTTP " + std::to_string(http_status) : error;
    const int attempt = d.attempts + 1;
    o.give_up = attempt >= retry.max_attempts;
    o.next_attempt_at = format_utc(now + retry_delay(attempt, retry.first, retry.max));
  }
  return in_transaction<std::monostate>(
      *db_, [&](Tx& tx) { return record_attempt(tx, d.id, o, format_utc(now)); });
}

Result<QueueDepths> WebhookService::queues() {
  return in_read_transaction<QueueDepths>(*db_, [](Tx& tx) { return queue_depths(tx); });
}

}  // namespace gongshi
