// /api/v1/reports: the monthly or quarterly 通报 (JSON, CSV or XLSX), the catalog–ledger
// reconciliation and seed 000's department statistics of a region, for its 信用办 and system
// administrators (and those of the regions above).
#include <boost/json.hpp>

#include "engine/exchange/work_files.hpp"
#include "engine/exchange/xlsx_writer.hpp"
#include "engine/report/monthly_format.hpp"
#include "engine/service/deadline_board.hpp"
#include "server/record_view.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

// The region (the caller's own by default) and the month (?month=YYYY-MM) or quarter
// (?quarter=YYYYQn) asked for.
Result<MonthlyQuery> report_query(const RouteContext& c) {
  const std::string region = c.request.param("region").value_or(c.who->region);
  if (auto quarter = c.request.param("quarter"); quarter && !quarter->empty()) {
    return parse_quarter(region, *quarter);
  }
  return parse_month(region, c.request.param("month").value_or(""));
}

Result<std::optional<int>> threshold_param(const RouteContext& c) {
  auto t = c.request.param("late_threshold");
  if (!t || t->empty()) return std::optional<int>{};
  try {
    std::size_t used = 0;
    const double percent = std::stod(*t, &used);
    if (used != t->size() || percent < 0 || percent > 100) throw std::invalid_argument("range");
    return std::optional<int>{static_cast<int>(percent * 100 + 0.5)};
  } catch (const std::exception&) {
    return bad_request("late_threshold 应为 0 到 100 的百分数，如 20",
                       "late_threshold must be a percent from 0 to 100");
  }
}

HttpResponse monthly(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto q = report_query(c);
    if (!q) return q.error();
    auto threshold = threshold_param(c);
    if (!threshold) return threshold.error();
    auto r = app.s().reports.monthly(*c.who, *q, *threshold);
    if (!r) return r.error();
    const std::string format = c.request.param("format").value_or("json");
    const std::string name = r->region_name + "双公示" +
                             (q->period.name.find('Q') != std::string::npos ? "季" : "月") +
                             "通报-" + q->period.name;
    if (format == "json") return json_response(monthly_json(*r));
    if (format == "csv")
      return file_response(monthly_csv(*r), "text/csv; charset=utf-8", name + ".csv");
    if (format != "xlsx") {
      return bad_request("format 应为 json、csv 或 xlsx", "format must be json, csv or xlsx");
    }
    auto bytes = bytes_written_by(app.s().work_dir(), ".xlsx",
                                  [&](const auto& file) { return write_monthly_xlsx(*r, file); });
    if (!bytes) return bytes.error();
    return file_response(std::move(bytes).value(), kXlsxContentType, name + ".xlsx");
  });
}

HttpResponse catalog(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto q = report_query(c);
    if (!q) return q.error();
    auto r = app.s().reports.catalog(*c.who, *q);
    if (!r) return r.error();
    return json_response(reconciliation_json(*r));
  });
}

// The required from and to (YYYY-MM-DD) of a report over days.
Result<std::pair<Date, Date>> date_range(const HttpRequest& req) {
  auto from = date_param(req, "from");
  if (!from) return from.error();
  auto to = date_param(req, "to");
  if (!to) return to.error();
  if (!*from || !*to)
    return bad_request("需要 from 和 to（YYYY-MM-DD）", "from and to are required");
  return std::make_pair(**from, **to);
}

HttpResponse departments(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    const std::string region = c.request.param("region").value_or(c.who->region);
    auto range = date_range(c.request);
    if (!range) return range.error();
    const auto& [from, to] = *range;
    auto s = app.s().reports.departments(*c.who, region, from, to);
    if (!s) return s.error();
    return json_response(department_stats_json(*s));
  });
}

HttpResponse reminders(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    const std::string region = c.request.param("region").value_or(c.who->region);
    auto range = date_range(c.request);
    if (!range) return range.error();
    const auto& [from, to] = *range;
    auto rows = app.s().reports.reminders(*c.who, region, from, to);
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& r : *rows) {
      items.push_back({{"department_id", r.department_id},
                       {"reminders", r.reminders},
                       {"records", r.records},
                       {"last_at", r.last_at}});
    }
    return json_response({{"region", region},
                          {"from", format_date(from)},
                          {"to", format_date(to)},
                          {"items", std::move(items)}});
  });
}

boost::json::value optional_int(const std::optional<int>& n) {
  return n ? boost::json::value(*n) : nullptr;
}

boost::json::object board_json(AppContext& app, const DeadlineBoard& b) {
  boost::json::array departments, records;
  for (const auto& c : b.departments) {
    departments.push_back(
        {{"department_id", c.department_id ? boost::json::value(*c.department_id) : nullptr},
         {"open", c.open},
         {"due_today", c.due_today},
         {"due_soon", c.due_soon},
         {"late", c.late},
         {"missing_risk", c.missing_risk},
         {"missing", c.missing},
         {"provisional", c.provisional}});
  }
  for (const auto& r : b.records) {
    auto o = record_json(r.record);
    o["state_label"] = app.s().lifecycle.state_label(r.record.state);
    o["working_days_left"] = optional_int(r.working_days_left);
    o["days_to_missing"] = optional_int(r.days_to_missing);
    records.push_back(std::move(o));
  }
  return {{"region", b.region},
          {"today", format_date(b.today)},
          {"missing_risk_days", kMissingRiskDays},
          {"departments", std::move(departments)},
          {"records", std::move(records)},
          {"truncated", b.truncated}};
}

HttpResponse board(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto b = deadline_board(app.s(), *c.who, c.request.param("region").value_or(""), app.now());
    if (!b) return b.error();
    return json_response(board_json(app, *b));
  });
}

}  // namespace

void add_report_routes(Router& r, AppContext& app) {
  r.add("GET", "/api/v1/reports/reminders", Access::user, with_app(app, reminders));
  r.add("GET", "/api/v1/reports/board", Access::user, with_app(app, board));
  r.add("GET", "/api/v1/reports/monthly", Access::user, with_app(app, monthly));
  r.add("GET", "/api/v1/reports/catalog", Access::user, with_app(app, catalog));
  r.add("GET", "/api/v1/reports/departments", Access::user, with_app(app, departments));
}

}  // namespace gongshi::server
