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

int working_days_of(const HolidayYear& y) {
  int n = 0;
  for (Date d = make_date(y.year, 1, 1); d <= make_date(y.year, 12, 31); d = add_days(d, 1)) {
    n += is_weekend(d) ? 0 : 1;
  }
  for (const auto& o : y.days) {
    if (static_cast<int>(o.date.year()) != y.year) continue;
    if (o.off && !is_weekend(o.date)) --n;
    if (!o.off && is_weekend(o.date)) ++n;
  }
  return n;
}

Result<HolidayYear> parse_notice_year(const boost::json::value& json, int expected_year,
                                      std::string_view source) {
  auto year = parse_holiday_year(json, source);
  if (!year) return year;
  if (year->year != expected_year) {
    return bad(
        source,
        "year 为 " + std::to_string(year->year) + "，与要载入的 " + std::to_string(expected_year) +
            " 年不符",
        "\"year\" is " + std::to_string(year->year) + ", not " + std::to_string(expected_year));
  }
  const Notice& notice = year->notices.front();
  if (notice.number.empty() || !parse_date(notice.published)) {
    return bad(source, "通知须注明文号（number）和发布日期（published，YYYY-MM-DD）",
               "the notice needs its number and its published date (YYYY-MM-DD)");
  }
  // 《全国年节及纪念日放假办法》: the holidays every year's notice arranges. A notice may name two
  // together ("国庆节、中秋节").
  std::string names;
  for (const auto& d : year->days) {
    if (d.off) names += d.name + "|";
  }
  std::string missing;
  for (const char* holiday : {"元旦", "春节", "清明", "劳动节", "端午", "中秋", "国庆"}) {
    if (names.find(holiday) == std::string::npos)
      missing += (missing.empty() ? "" : "、") + std::string(holiday);
  }
  if (!missing.empty()) {
    return bad(source, "不是全年的安排：缺少" + missing + "的放假日期",
               "not a whole year's arrangement: no days off named for " + missing);
  }
  const int working = working_days_of(*year);
  if (working < kMinWorkingDays || working > kMaxWorkingDays) {
    return bad(source,
               "全年工作日为 " + std::to_string(working) + " 天，不在 " +
                   std::to_string(kMinWorkingDays) + "–" + std::to_string(kMaxWorkingDays) +
                   " 天之间，请核对",
               "the year would have " + std::to_string(working) + " working days, outside " +
                   std::to_string(kMinWorkingDays) + "–" + std::to_string(kMaxWorkingDays));
  }
  return year;
}

Result<std::vector<DayOverride>> parse_region_year(const boost::json::value& json,
                                                   std::string_view code, int year,
                                                   std::string_view source) {
  const auto* obj = json.if_object();
  if (obj == nullptr) return bad(source, "应为 JSON 对象", "must be a JSON object");
  if (str(*obj, "region") != code) {
    return bad(source, "region 应为 " + std::string(code),
               "\"region\" must be " + std::string(code));
  }
  const auto* y = obj->if_contains("year");
  if (y == nullptr || !y->is_int64() || y->get_int64() != year) {
    return bad(source, "year 应为 " + std::to_string(year),
               "\"year\" must be " + std::to_string(year));
  }
  return parse_holidays(obj->if_contains("holidays"), source, make_date(year, 1, 1),
                        make_date(year, 12, 31), false);
}

}  // namespace gongshi
