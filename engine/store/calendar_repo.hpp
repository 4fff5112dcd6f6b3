#pragma once
// Holiday data loaded at run time: each load of a year's notice (region 000000) or of a region's
// own days for a year, kept with who loaded it. The highest version of a (region, year) is in
// force.

#include <optional>
#include <string>
#include <vector>

#include "engine/store/database.hpp"

namespace gongshi {

struct CalendarYearRow {
  std::string region;  // 000000: the State Council notice; else the region's own days
  int year = 0;
  int version = 0;   // 1, 2, … per (region, year)
  std::string body;  // the JSON as loaded
  std::string body_hash;
  std::string title, number, published;
  std::string loaded_by, loaded_at;
};

// Stores a new version of (region, year) and returns it.
Result<int> insert_calendar_year(Tx& tx, const CalendarYearRow& row);
// What is in force: the highest version of every (region, year), by region and year.
Result<std::vector<CalendarYearRow>> calendar_years_in_force(Tx& tx);
// Every load of a region's years (or of every region when `region` is empty), newest first,
// without the bodies.
Result<std::vector<CalendarYearRow>> calendar_loads(Tx& tx, const std::string& region);
// A short text that changes whenever anything is loaded: what each process compares to know it
// must install the data again.
Result<std::string> calendar_fingerprint(Tx& tx);

}  // namespace gongshi
