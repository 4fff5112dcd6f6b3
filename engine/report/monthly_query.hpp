#pragma once
// The monthly (or quarterly) report of a region, queried from the database (aggregates only).

#include "engine/calendar/region.hpp"
#include "engine/report/monthly.hpp"
#include "engine/store/database.hpp"

namespace gongshi {

struct MonthlyQuery {
  std::string region;
  ReportPeriod period;
  int late_threshold = 2000;  // hundredths of a percent; seed 003: 20% (the region's rules say)
  int summons_after = 2;      // seed 003: 连续两次以上 (the region's rules say)
};

// "2024-07" → that month; invalid_input otherwise.
Result<MonthlyQuery> parse_month(const std::string& region, const std::string& text);
// "2024Q3" (or "2024-Q3") → July to September; invalid_input otherwise.
Result<MonthlyQuery> parse_quarter(const std::string& region, const std::string& text);

Result<MonthlyReport> monthly_report(Database& db, const RegionRegistry& regions,
                                     const Lifecycle& lifecycle, const MonthlyQuery& q);
// The units due for 约谈: escalated in each of the last `q.summons_after` months up to the month
// the period ends in (runs are followed back at most 12 months).
Status add_summons(Database& db, const RegionRegistry& regions, const Lifecycle& lifecycle,
                   const MonthlyQuery& q, MonthlyReport& report);

}  // namespace gongshi
