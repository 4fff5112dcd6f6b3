#include "engine/service/working_day_limit.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>

#include "engine/store/time_text.hpp"

namespace gongshi {
namespace {

std::optional<Date> received_on(const boost::json::object& payload) {
  const auto* v = payload.if_contains("received_on");
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return parse_date(std::string_view(v->get_string()));
}

bool sets_working_day_limit(const Transition& edge) {
  return std::any_of(edge.effects.begin(), edge.effects.end(), [](const std::string& e) {
    return std::any_of(kWorkingDayLimits.begin(), kWorkingDayLimits.end(),
                       [&](const WorkingDayLimit& l) { return l.effect == e; });
  });
}

}  // namespace

Result<Date> working_day_limit(const service::RegionRules& rr, std::string_view sla, Date since,
                               CalendarUse& use) {
  auto days = rr.rules->sla(sla, rr.ctx);
  if (!days) return days.error();
  return rr.calendar->add_working_days(since, *days, &use);
}

Result<Date> limit_start(const boost::json::object& payload, const Transition& edge,
                         const StoredRecord& r, Date today) {
  if (!payload.contains("received_on")) return today;
  if (!sets_working_day_limit(edge)) {
    return make_error(ErrorCode::invalid_input,
                      "「" + edge.label_zh + "」不计办理时限，请勿附带 received_on",
                      "'" + edge.event + "' sets no time limit: send no received_on");
  }
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
  // Nothing about a published record reaches the office before it was published.
  if (const auto published = parse_utc(r.published_at);
      published && *day < shanghai_date(*published)) {
    const std::string since = format_date(shanghai_date(*published));
    return make_error(ErrorCode::invalid_input,
                      "received_on 不能早于本条信息的公示日期（" + since + "）",
                      "received_on cannot be before the record was published (" + since + ")");
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
