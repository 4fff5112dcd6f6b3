#pragma once
// The supervision reports as use cases: a month's or a quarter's 通报 with the region's own
// settings (escalation threshold, how many escalated months in a row bring a 约谈), read from its
// rules with the national defaults beneath.

#include <optional>

#include "engine/report/monthly_query.hpp"
#include "engine/rules/rule_registry.hpp"

namespace gongshi {

// The region's settings, in the report's units (hundredths of a percent, months).
struct RegionReportSettings {
  int late_threshold = 2000;
  int summons_after = 2;
};
Result<RegionReportSettings> region_report_settings(const RuleRegistry& rules,
                                                    const std::string& region);

// The report of q.period with the region's settings (an explicit threshold, in hundredths of a
// percent, wins) and the units due for 约谈.
Result<MonthlyReport> supervision_report(Database& db, const RuleRegistry& rules,
                                         const RegionRegistry& regions, MonthlyQuery q,
                                         std::optional<int> late_threshold = std::nullopt);

}  // namespace gongshi
