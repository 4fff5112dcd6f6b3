#pragma once
// The holiday data files under schemas/calendar, parsed and checked.

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/date.hpp"
#include "engine/model/result.hpp"

namespace gongshi {

struct DayOverride {
  Date date{};
  bool off = true;   // true: a day off; false: a (weekend) day worked
  std::string name;  // 春节, 国庆节 …
};

struct Notice {
  std::string title;
  std::string number;
  std::string published;
  std::string url;
};

struct HolidayYear {
  int year = 0;
  std::vector<Notice> notices;
  std::vector<DayOverride> days;
};

// national/YYYY.json. Refuses: no notice, a worked day that is not a weekend, a day both off and
// worked, a date outside December of the year before through the year's end.
Result<HolidayYear> parse_holiday_year(const boost::json::value& json, std::string_view source);

// regions/CODE.json: {"region": CODE, "holidays": [...]}. The region must match `code`. A "work"
// day there may be a weekday: it cancels a day off that a parent region added.
Result<std::vector<DayOverride>> parse_region_days(const boost::json::value& json,
                                                   std::string_view code, std::string_view source);

// A year's notice as a load (`gongshi calendar load`, PUT /api/v1/calendar/{year}) checks it before
// anything is stored: parse_holiday_year's checks, "year" equal to `expected_year`, every statutory
// holiday of 《全国年节及纪念日放假办法》 named (元旦, 春节, 清明节, 劳动节, 端午节, 中秋节,
// 国庆节), and a plausible count of working days (kMinWorkingDays..kMaxWorkingDays).
inline constexpr int kMinWorkingDays = 240;
inline constexpr int kMaxWorkingDays = 256;
Result<HolidayYear> parse_notice_year(const boost::json::value& json, int expected_year,
                                      std::string_view source);
// Working days of a year from its notice alone: weekdays − weekdays off + weekend days worked.
int working_days_of(const HolidayYear& y);

// A region's own days for one year, as loaded at run time: {"region": CODE, "year": YYYY,
// "holidays": [...]} with every day inside that year.
Result<std::vector<DayOverride>> parse_region_year(const boost::json::value& json,
                                                   std::string_view code, int year,
                                                   std::string_view source);

}  // namespace gongshi
