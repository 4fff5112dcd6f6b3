// /api/v1/audit: the security audit trail, for the system administrator (read only: nothing in the
// API deletes an event).
#include <boost/json.hpp>

#include "engine/store/time_text.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

// Midnight of a Shanghai date, as the stored UTC text.
std::string day_start(Date d) {
  return format_utc(parse_now(format_date(d)).value_or(TimePoint{}));
}

boost::json::object audit_json(const AuditEvent& e) {
  boost::system::error_code ec;
  auto detail = boost::json::parse(e.detail, ec);
  if (ec || !detail.is_object()) detail = boost::json::object{};
  return {{"id", e.id},         {"at", e.at},
          {"event", e.event},   {"actor", e.actor},
          {"region", e.region}, {"client", e.client},
          {"target", e.target}, {"detail", std::move(detail)}};
}

// ?from=&to= (dates, Asia/Shanghai, inclusive), event= (a name, or a prefix ending in '.'),
// actor=, before= (an id: the next page), limit= (1–500, 50).
HttpResponse list_audit(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    AuditQuery q;
    auto from = date_param(c.request, "from");
    if (!from) return from.error();
    auto to = date_param(c.request, "to");
    if (!to) return to.error();
    if (*from) q.from = day_start(**from);
    if (*to) q.to = day_start(add_days(**to, 1));
    q.event = c.request.param("event").value_or("");
    q.actor = c.request.param("actor").value_or("");
    if (q.event.size() > 40 || q.actor.size() > 64) {
      return bad_request("event 最多 40 个字符，actor 最多 64 个",
                         "event: at most 40 characters, actor: at most 64");
    }
    auto before = int_param(c.request, "before");
    if (!before) return before.error();
    q.before_id = *before;
    auto limit = int_param(c.request, "limit");
    if (!limit) return limit.error();
    q.limit = static_cast<int>(std::clamp<std::int64_t>(limit->value_or(50), 1, 500));
    auto rows = app.s().audit.list(*c.who, q);
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& e : *rows) items.push_back(audit_json(e));
    boost::json::value next = nullptr;
    if (static_cast<int>(rows->size()) == q.limit) next = rows->back().id;
    return json_response({{"items", std::move(items)}, {"next_before", next}});
  });
}

}  // namespace

void add_audit_routes(Router& r, AppContext& app) {
  r.add("GET", "/api/v1/audit", Access::user, with_app(app, list_audit));
}

}  // namespace gongshi::server
