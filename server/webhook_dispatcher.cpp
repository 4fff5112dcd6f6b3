#include "server/webhook_dispatcher.hpp"

#include <sodium.h>

#include "engine/store/time_text.hpp"
#include "engine/store/webhook_repo.hpp"
#include "server/http_client.hpp"

namespace gongshi::server {

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

Result<DispatchReport> dispatch_webhooks(AppContext& app, int limit) {
  DispatchReport report;
  const auto now = app.now();
  const std::string now_text = format_utc(now);
  auto fanned =
      in_transaction<int>(*app.db, [&](Tx& tx) { return fan_out_outbox(tx, now_text, limit * 4); });
  if (!fanned) return fanned.error();
  report.fanned_out = *fanned;
  const std::string lease_until = format_utc(now + app.settings.webhook_timeout * 3);
  auto due = in_transaction<std::vector<WebhookDelivery>>(
      *app.db, [&](Tx& tx) { return claim_deliveries(tx, now_text, lease_until, limit); });
  if (!due) return due.error();
  for (const auto& d : *due) {
    ++report.attempted;
    const std::string timestamp = std::to_string(
        std::chrono::duration_cast<std::chrono::seconds>(app.now().time_since_epoch()).count());
    auto res =
        http_call("POST", d.url,
                  {{"Content-Type", "application/json"},
                   {"Idempotency-Key", "gongshi-delivery-" + std::to_string(d.id)},
                   {"X-Gongshi-Event", d.topic},
                   {"X-Gongshi-Timestamp", timestamp},
                   {"X-Gongshi-Signature", webhook_signature(d.secret, timestamp, d.payload)}},
                  d.payload, app.settings.webhook_timeout);
    AttemptOutcome o;
    o.delivered = res && res->status >= 200 && res->status < 300;
    o.http_status = res ? res->status : 0;
    if (!o.delivered) {
      o.error = res ? "HTTP " + std::to_string(res->status) : res.error().message_en;
      const int attempt = d.attempts + 1;
      o.give_up = attempt >= app.settings.webhook_max_attempts;
      o.next_attempt_at =
          format_utc(app.now() + retry_delay(attempt, app.settings.webhook_first_retry,
                                             app.settings.webhook_max_retry));
    }
    auto st = in_transaction<std::monostate>(
        *app.db, [&](Tx& tx) { return record_attempt(tx, d.id, o, format_utc(app.now())); });
    if (!st) return st.error();
    if (o.delivered) {
      ++report.delivered;
    } else if (o.give_up) {
      ++report.given_up;
    } else {
      ++report.retrying;
    }
  }
  return report;
}

}  // namespace gongshi::server
