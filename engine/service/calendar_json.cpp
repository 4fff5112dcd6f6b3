#include "engine/service/calendar_json.hpp"

#include <boost/json.hpp>

namespace gongshi {

boost::json::object recompute_json(const RecomputeReport& r) {
  boost::json::array errors;
  for (const auto& e : r.errors) errors.push_back(boost::json::value(e));
  return {{"examined", r.examined},
          {"changed", r.changed},
          {"still_provisional", r.still_provisional},
          {"failed", r.failed},
          {"errors", std::move(errors)}};
}

boost::json::object calendar_load_json(const CalendarLoadResult& r) {
  boost::json::object o{{"region", r.region},   {"year", r.year},
                        {"version", r.version}, {"title", r.title},
                        {"number", r.number},   {"recompute", recompute_json(r.recompute)}};
  if (r.working_days > 0) o["working_days"] = r.working_days;
  return o;
}

boost::json::object calendar_status_json(const CalendarStatus& s) {
  boost::json::array years;
  for (const auto& y : s.years) {
    boost::json::array notices;
    for (const auto& n : y.notices) {
      notices.push_back(
          {{"title", n.title}, {"number", n.number}, {"published", n.published}, {"url", n.url}});
    }
    boost::json::object o{{"year", y.year},
                          {"source", y.loaded ? "loaded" : "file"},
                          {"notices", std::move(notices)},
                          {"working_days", y.working_days}};
    if (y.loaded) {
      o["loaded_by"] = y.loaded_by;
      o["loaded_at"] = y.loaded_at;
      o["version"] = y.version;
    }
    years.push_back(std::move(o));
  }
  boost::json::array loads;
  for (const auto& l : s.loads) {
    loads.push_back({{"region", l.region},
                     {"year", l.year},
                     {"version", l.version},
                     {"title", l.title},
                     {"number", l.number},
                     {"published", l.published},
                     {"loaded_by", l.loaded_by},
                     {"loaded_at", l.loaded_at},
                     {"sha256", l.body_hash}});
  }
  return {{"first_year", s.first_year},
          {"last_year", s.last_year},
          {"complete_through", format_date(s.complete_through)},
          {"days_ahead", s.days_ahead},
          {"warn_days_ahead", CalendarService::kWarnDaysAhead},
          {"provisional_records", s.provisional_records},
          {"years", std::move(years)},
          {"loads", std::move(loads)}};
}

}  // namespace gongshi
