// /healthz and /metrics (Prometheus text format).
#include <boost/json.hpp>

#include "engine/store/webhook_repo.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

HttpResponse healthz(AppContext& app, RouteContext&) {
  auto q = in_read_transaction<QueueDepths>(*app.db, [](Tx& tx) { return queue_depths(tx); });
  if (!q) {
    Error e = q.error();
    e.code = ErrorCode::unavailable;
    return error_response(e);
  }
  return json_response({{"status", "ok"}, {"database", "ok"}});
}

HttpResponse metrics(AppContext& app, RouteContext&) {
  if (auto q = in_read_transaction<QueueDepths>(*app.db, [](Tx& tx) { return queue_depths(tx); })) {
    app.metrics.set_gauge("gongshi_outbox_pending", "Outbox rows not yet fanned out to webhooks.",
                          static_cast<double>(q->outbox_pending));
    app.metrics.set_gauge("gongshi_webhook_deliveries_pending",
                          "Webhook deliveries waiting for a (re)try.",
                          static_cast<double>(q->deliveries_pending));
    app.metrics.set_gauge("gongshi_webhook_deliveries_failed",
                          "Webhook deliveries that gave up after their last attempt.",
                          static_cast<double>(q->deliveries_failed));
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
