#pragma once
// Loads a region's calendar: the national years (schemas/calendar/national/YYYY.json, and any year
// loaded at run time, which replaces the file of the same year), then the days of each region on
// the way down from the nation to the region itself (schemas/calendar/regions/CODE.json, then the
// days loaded at run time for that region).

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/calendar/calendar.hpp"
#include "engine/calendar/region.hpp"

namespace gongshi {

// Holiday data loaded at run time (the database's calendar_years), laid over the files.
struct LoadedCalendar {
  std::vector<HolidayYear> national;                            // replaces the file's year
  std::map<std::string, std::vector<DayOverride>> region_days;  // region -> its days, all years
};

// Every national/YYYY.json, checked and sorted by year.
Result<std::vector<HolidayYear>> load_national_files(const std::filesystem::path& schemas_dir);

Result<Calendar> load_calendar(const std::filesystem::path& schemas_dir,
                               const RegionRegistry& regions, std::string_view region_code);
// The same from national years already read, plus what was loaded at run time.
Result<Calendar> build_calendar(const std::filesystem::path& schemas_dir,
                                const RegionRegistry& regions, std::string_view region_code,
                                const std::vector<HolidayYear>& file_years,
                                const LoadedCalendar& loaded);

// The national years in force: the files' with the loaded ones laid over them, sorted by year.
std::vector<HolidayYear> merge_years(const std::vector<HolidayYear>& file_years,
                                     const std::vector<HolidayYear>& loaded);

}  // namespace gongshi
