#pragma once
// One built calendar per region, shared by every caller, over the files and the holiday data
// loaded at run time. Thread-safe. Installing new loaded data drops the built calendars; callers
// already holding one finish with it, the next get() builds from the new data.

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "engine/calendar/calendar_loader.hpp"

namespace gongshi {

class CalendarCache {
 public:
  CalendarCache(std::filesystem::path schemas_dir, const RegionRegistry& regions)
      : schemas_dir_(std::move(schemas_dir)), regions_(regions) {}
  Result<std::shared_ptr<const Calendar>> get(const std::string& region);
  const RegionRegistry& regions() const { return regions_; }

  // Replaces the data loaded at run time. Refused (and nothing changes) when the national years
  // would not build a calendar, e.g. a year missing between two others.
  Status install(LoadedCalendar loaded);
  // Whether `loaded` could be installed (the national years it leaves build a calendar).
  Status check(const LoadedCalendar& loaded);
  // The national years in force (files with the loaded ones over them), sorted by year.
  Result<std::vector<HolidayYear>> national_years();
  // The national calendar (000000): what "how far ahead is the calendar complete" is asked of.
  Result<std::shared_ptr<const Calendar>> national() { return get(std::string(kNationalRegion)); }

 private:
  Status read_files();  // once, under mu_

  std::filesystem::path schemas_dir_;
  const RegionRegistry& regions_;
  std::mutex mu_;
  bool files_read_ = false;
  std::vector<HolidayYear> file_years_;
  LoadedCalendar loaded_;
  std::map<std::string, std::shared_ptr<const Calendar>> built_;
};

}  // namespace gongshi
