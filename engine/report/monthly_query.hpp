#pragma once
// The monthly report of a region, queried from the database (aggregates only).

#include "engine/calendar/region.hpp"
#include "engine/report/monthly.hpp"
#include "engine/store/database.hpp"

namespace gongshi {

struct MonthlyQuery {
  std::string region;
  int year = 0;
  unsigned month = 0;
  int late_threshold = 2000;  // hundredths of a percent; seed 003: 20%
};

// "2024-07" → year and month; invalid_input otherwise.
Result<MonthlyQuery> parse_month(const std::string& region, const std::string& text);

Result<MonthlyReport> monthly_report(Database& db, const RegionRegistry& regions,
                                     const MonthlyQuery& q);

}  // namespace gongshi
