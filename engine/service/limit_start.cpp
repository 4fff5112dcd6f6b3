#include "engine/service/limit_start.hpp"

#include <boost/json/parse.hpp>

#include "engine/store/time_text.hpp"

namespace gongshi {
namespace {

std::optional<Date> received_on(const boost::json::object& payload) {
  const auto* v = payload.if_contains("received_on");
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return parse_date(std::string_view(v->get_string()));
}

}  // namespace

Result<Date> limit_start(const boost::json::object& payload, Date today) {
  if (!payload.contains("received_on")) return today;
  const auto day = received_on(payload);
  if (!day) {
    return make_error(ErrorCode::invalid_input, "received_on 应为收到日期（YYYY-MM-DD）",
                      "received_on must be the date received (YYYY-MM-DD)");
  }
  if (*day > today) {
    return make_error(ErrorCode::invalid_input,
                      "received_on 不能晚于今天（" + format_date(today) + "）",
                      "received_on cannot be after today (" + format_date(today) + ")");
  }
  return *day;
}

std::optional<Date> limit_start_of(const EventRow& event) {
  boost::system::error_code ec;
  const auto payload = boost::json::parse(event.payload, ec);
  if (!ec && payload.is_object()) {
    if (auto day = received_on(payload.as_object())) return day;
  }
  if (const auto t = parse_utc(event.at)) return shanghai_date(*t);
  return std::nullopt;
}

}  // namespace gongshi
