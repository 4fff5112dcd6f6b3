// /healthz and /metrics (Prometheus text format).
#include <boost/json.hpp>

#include "engine/store/record_repo.hpp"
#include "engine/store/webhook_repo.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

// Days of complete holiday data ahead of today (national calendar), or the error.
Result<int> calendar_days_ahead(AppContext& app) {
  auto national = app.rules->calendars->national();
  if (!national) return national.error();
  return (*national)->days_ahead(shanghai_date(app.now()));
}

HttpResponse healthz(AppContext& app, RouteContext&) {
  auto q = in_read_transaction<QueueDepths>(*app.db, [](Tx& tx) { return queue_depths(tx); });
  if (!q) {
    Error e = q.error();
    e.code = ErrorCode::unavailable;
    return error_response(e);
  }
  boost::json::object out{{"status", "ok"}, {"database", "ok"}};
  boost::json::array reasons;
  auto ahead = calendar_days_ahead(app);
  if (!ahead) {
    reasons.push_back({{"code", "calendar"},
                       {"message_zh", ahead.error().message_zh},
                       {"message_en", ahead.error().message_en}});
  } else {
    out["calendar_days_ahead"] = *ahead;
    if (*ahead < CalendarService::kWarnDaysAhead) {
      auto national = app.rules->calendars->national();
      const int next = (*national)->last_year() + 1;
      reasons.push_back(
          {{"code", "calendar_days_ahead"},
           {"message_zh", "工作日历只完整到 " + format_date((*national)->complete_through()) +
                              "（还有 " + std::to_string(*ahead) + " 天，少于 " +
                              std::to_string(CalendarService::kWarnDaysAhead) +
                              " 天）：请载入国务院办公厅关于" + std::to_string(next) +
                              "年部分节假日安排的通知；在此之前，期限跨入" + std::to_string(next) +
                              "年的记录按暂定期限（只计周末）保存"},
           {"message_en", "the working-day calendar is complete only through " +
                              format_date((*national)->complete_through()) + " (" +
                              std::to_string(*ahead) + " days, under " +
                              std::to_string(CalendarService::kWarnDaysAhead) +
                              "): load the State Council notice for " + std::to_string(next) +
                              "; until then deadlines reaching it are provisional"}});
    }
  }
  if (!reasons.empty()) {
    out["status"] = "degraded";  // still 200: the node serves, a person must act
    out["reasons"] = std::move(reasons);
  }
  return json_response(out);
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
  if (auto ahead = calendar_days_ahead(app)) {
    app.metrics.set_gauge("gongshi_calendar_days_ahead",
                          "Days from today through the last day with holiday data.",
                          static_cast<double>(*ahead));
  }
  if (auto n = in_read_transaction<std::int64_t>(*app.db,
                                                 [](Tx& tx) { return count_provisional(tx); })) {
    app.metrics.set_gauge("gongshi_calendar_provisional_records",
                          "Records whose deadlines reach a year without holiday data.",
                          static_cast<double>(*n));
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
