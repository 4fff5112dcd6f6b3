#include "engine/service/audit_service.hpp"

#include <boost/json/serialize.hpp>

#include "engine/store/time_text.hpp"

namespace gongshi {

Status AuditTrail::record(const std::string& event, const Principal* who, const std::string& region,
                          const std::string& target, boost::json::object detail,
                          const std::string& client) {
  AuditEvent e;
  e.at = format_utc(clock_.now());
  e.event = event;
  if (who != nullptr) {
    e.actor = who->login;
    if (!who->token_kind.empty()) detail["via"] = who->token_kind;
  }
  e.region = region;
  e.client = !client.empty() ? client : (who != nullptr ? who->client : "");
  e.target = target.substr(0, 200);
  e.detail = boost::json::serialize(detail);
  return in_transaction<std::monostate>(*db_, [&](Tx& tx) { return insert_audit_event(tx, e); });
}

Result<std::vector<AuditEvent>> AuditTrail::list(const Principal& who, AuditQuery q) {
  if (auto st = access_.require_any_role(who, {"sysadmin"}); !st) return st.error();
  if (!access_.covers_region(who, "000000")) {
    q.regions.clear();
    for (const auto& r : access_.regions().all()) {
      if (access_.covers_region(who, r.code)) q.regions.push_back(r.code);
    }
  }
  return in_read_transaction<std::vector<AuditEvent>>(*db_,
                                                      [&](Tx& tx) { return audit_events(tx, q); });
}

Result<std::int64_t> purge_audit_trail(Database& db, TimePoint now, int keep_days) {
  const auto days = std::max(keep_days, kMinAuditDays);
  const std::string before = format_utc(now - std::chrono::hours(24) * days);
  return in_transaction<std::int64_t>(db, [&](Tx& tx) { return purge_audit_events(tx, before); });
}

}  // namespace gongshi
