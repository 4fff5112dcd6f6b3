// /healthz and /metrics (Prometheus text format).
#include <boost/json.hpp>

#include "server/node_checks.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

HttpResponse healthz(AppContext& app, RouteContext&) {
  const Health h = app.s().ops.health(shanghai_date(app.now()));
  if (!h.database) return error_response(h.database_error);
  boost::json::object out{{"status", "ok"}, {"database", "ok"}};
  if (h.calendar_days_ahead) out["calendar_days_ahead"] = *h.calendar_days_ahead;
  // The node's own: its certificate, its disk, its backups (what gongshi doctor also checks).
  NodeCheckInput in;
  in.tls_cert = app.settings.tls_cert;
  in.data_dir = app.s().work_dir();
  in.backup_dir = app.settings.backup_dir;
  in.backup_max_age = app.settings.backup_max_age;
  std::vector<HealthReason> reasons_of = h.reasons;
  for (const auto& c : node_checks(in, app.now())) {
    if (c.level != NodeCheck::Level::ok) reasons_of.push_back({c.name, c.zh, c.en});
  }
  if (!reasons_of.empty()) {
    boost::json::array reasons;
    for (const auto& r : reasons_of) {
      reasons.push_back(
          {{"code", r.code}, {"message_zh", r.message_zh}, {"message_en", r.message_en}});
    }
    out["status"] = "degraded";  // still 200: the node serves, a person must act
    out["reasons"] = std::move(reasons);
  }
  return json_response(std::move(out));
}

HttpResponse metrics(AppContext& app, RouteContext&) {
  const Health h = app.s().ops.health(shanghai_date(app.now()));
  if (h.database) {
    app.metrics.set_gauge("gongshi_outbox_pending", "Outbox rows not yet fanned out to webhooks.",
                          static_cast<double>(h.queues.outbox_pending));
    app.metrics.set_gauge("gongshi_webhook_deliveries_pending",
                          "Webhook deliveries waiting for a (re)try.",
                          static_cast<double>(h.queues.deliveries_pending));
    app.metrics.set_gauge("gongshi_webhook_deliveries_failed",
                          "Webhook deliveries that gave up after their last attempt.",
                          static_cast<double>(h.queues.deliveries_failed));
    app.metrics.set_gauge("gongshi_calendar_provisional_records",
                          "Records whose deadlines reach a year without holiday data.",
                          static_cast<double>(h.provisional_records));
  }
  if (h.calendar_days_ahead) {
    app.metrics.set_gauge("gongshi_calendar_days_ahead",
                          "Days from today through the last day with holiday data.",
                          static_cast<double>(*h.calendar_days_ahead));
  }
  HttpResponse res;
  res.content_type = "text/plain; version=0.0.4; charset=utf-8";
  res.body = app.metrics.render();
  return res;
}

}  // namespace

void add_ops_routes(Router& r, AppContext& app) {
  r.add("GET", "/healthz", Access::open, with_app(app, healthz));
  r.add("GET", "/metrics", Access::open, with_app(app, metrics));
}

}  // namespace gongshi::server
