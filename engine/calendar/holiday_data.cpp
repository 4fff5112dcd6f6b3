#include "engine/calendar/holiday_data.hpp"

#include <boost/json.hpp>
#include <map>

namespace gongshi {
namespace {

Error bad(std::string_view source, const std::string& zh, const std::string& en) {
  return make_error(ErrorCode::invalid_input, std::string(source) + "：" + zh,
                    std::string(source) + ": " + en);
}

std::string str(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

// "2024-02-10" or "2024-02-10/2024-02-17" (inclusive).
Result<std::vector<Date>> expand(std::string_view item, std::string_view source) {
  const auto slash = item.find('/');
  const auto from = parse_date(item.substr(0, slash));
  const auto to = slash == std::string_view::npos ? from : parse_date(item.substr(slash + 1));
  if (!from || !to || *to < *from || days_between(*from, *to) > 31) {
    return bad(source, "日期或区间「" + std::string(item) + "」无效",
               "invalid date or range '" + std::string(item) + "'");
  }
  std::vector<Date> out;
  for (Date d = *from; d <= *to; d = add_days(d, 1)) out.push_back(d);
  return out;
}

// Parses a "holidays" array into day overrides; checks each worked day is a weekend and that no
// day is both off and worked. `min`/`max` bound the dates.
// National files may only list weekend days as worked (调休); a region file may also list a weekday
// to cancel a day off its parent region gave.
Result<std::vector<DayOverride>> parse_holidays(const boost::json::value* holidays,
                                                std::string_view source, Date min, Date max,
                                                bool work_must_be_weekend) {
  if (holidays == nullptr || !holidays->is_array()) {
    return bad(source, "缺少 holidays 数组", "lacks a \"holidays\" array");
  }
  std::map<int, DayOverride> by_day;  // keyed by day number, to find contradictions
  for (const auto& h : holidays->as_array()) {
    if (!h.is_object())
      return bad(source, "holidays 的元素应为对象", "holidays items must be objects");
    const auto& obj = h.as_object();
    const std::string name = str(obj, "name");
    for (const bool off : {true, false}) {
      const auto* list = obj.if_contains(off ? "off" : "work");
      if (list == nullptr) continue;
      if (!list->is_array())
        return bad(source, name + " 的 off/work 应为数组", "off/work must be arrays");
      for (const auto& item : list->as_array()) {
        if (!item.is_string())
          return bad(source, name + " 的日期应为字符串", "dates must be strings");
        auto days = expand(item.get_string(), source);
        if (!days) return days.error();
        for (const Date d : *days) {
          const std::string ds = format_date(d);
          if (d < min || d > max) {
            return bad(source, ds + " 不在本文件适用的年份内", ds + " is outside the file's year");
          }
          if (!off && work_must_be_weekend && !is_weekend(d)) {
            return bad(source, ds + " 是工作日，不需调休上班",
                       ds + " is a weekday: only weekend days can be make-up working days");
          }
          const int key = days_between(min, d);
          if (auto it = by_day.find(key); it != by_day.end() && it->second.off != off) {
            return bad(source, ds + " 既是休息日又是调休上班日",
                       ds + " is listed both as a day off and as a working day");
          }
          by_day[key] = DayOverride{d, off, name};
        }
      }
    }
  }
  std::vector<DayOverride> out;
  for (auto& [key, day] : by_day) out.push_back(std::move(day));
  return out;
}

}  // namespace

Result<HolidayYear> parse_holiday_year(const boost::json::value& json, std::string_view source) {
  const auto* obj = json.if_object();
  if (obj == nullptr) return bad(source, "应为 JSON 对象", "must be a JSON object");
  const auto* year = obj->if_contains("year");
  if (year == nullptr || !year->is_int64()) return bad(source, "缺少 year", "lacks \"year\"");
  HolidayYear out;
  out.year = static_cast<int>(year->get_int64());
  const auto* notices = obj->if_contains("notices");
  if (notices != nullptr && notices->is_array()) {
    for (const auto& n : notices->as_array()) {
      if (!n.is_object()) continue;
      const auto& o = n.as_object();
      out.notices.push_back(
          {str(o, "title"), str(o, "number"), str(o, "published"), str(o, "url")});
    }
  }
  if (out.notices.empty() || out.notices.front().title.empty()) {
    return bad(source, "须注明所依据的国务院办公厅通知", "must name the State Council notice");
  }
  auto days = parse_holidays(obj->if_contains("holidays"), source, make_date(out.year - 1, 12, 1),
                             make_date(out.year, 12, 31), true);
  if (!days) return days.error();
  out.days = std::move(days).value();
  return out;
}

Result<std::vector<DayOverride>> parse_region_days(const boost::json::value& json,
                                                   std::string_view code, std::string_view source) {
  const auto* obj = json.if_object();
  if (obj == nullptr) return bad(source, "应为 JSON 对象", "must be a JSON object");
  if (str(*obj, "region") != code) {
    return bad(source, "region 应为 " + std::string(code),
               "\"region\" must be " + std::string(code));
  }
  return parse_holidays(obj->if_contains("holidays"), source, make_date(1900, 1, 1),
                        make_date(9999, 12, 31), false);
}

}  // namespace gongshi
