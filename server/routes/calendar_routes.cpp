// /api/v1/calendar: how far ahead the working-day calendar is complete, the years loaded with their
// notices, the provisional records; and PUT /api/v1/calendar/{year} to load a year's State Council
// notice (system administrator) or a region's own days for the year (?region=CODE: the system
// administrator or that region's 信用办). The body is the notice itself, in the format of
// schemas/calendar/national/YYYY.json.
#include <boost/json.hpp>

#include "engine/service/calendar_json.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

HttpResponse status(AppContext& app, RouteContext&) {
  return answer([&]() -> Result<HttpResponse> {
    auto s = app.s().calendar.status(shanghai_date(app.now()));
    if (!s) return s.error();
    return json_response(calendar_status_json(*s));
  });
}

HttpResponse load(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    CalendarLoad req;
    req.region = c.request.param("region").value_or(std::string(kNationalRegion));
    const std::string& y = c.param("year");
    if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos) {
      return bad_request("年份应为四位数字：" + y, "the year must be four digits: " + y);
    }
    req.year = std::stoi(y);
    req.body = c.request.body;
    auto r = app.s().calendar.load(*c.who, std::move(req), app.now(), app.s().access);
    if (!r) return r.error();
    return json_response(calendar_load_json(*r), r->version == 1 ? 201 : 200);
  });
}

}  // namespace

void add_calendar_routes(Router& r, AppContext& app) {
  r.add("GET", "/api/v1/calendar", Access::user, with_app(app, status));
  r.add("PUT", "/api/v1/calendar/{year}", Access::user, with_app(app, load));
}

}  // namespace gongshi::server
