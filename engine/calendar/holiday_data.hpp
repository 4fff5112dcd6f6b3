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

}  // namespace gongshi
