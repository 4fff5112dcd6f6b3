#pragma once
// The supervision reports as use cases: a month's or a quarter's 通报 with the region's own
// settings (escalation threshold, how many escalated months in a row bring a 约谈), read from its
// rules with the national defaults beneath; the 目录–台账 reconciliation; seed 000's department
// statistics. For the 信用办 and system administrators of the region and those above it.

#include <memory>
#include <optional>

#include "engine/report/department_stats.hpp"
#include "engine/report/monthly_query.hpp"
#include "engine/report/reconcile.hpp"
#include "engine/rules/rule_registry.hpp"
#include "engine/service/access.hpp"
#include "engine/store/report_repo.hpp"

namespace gongshi {

// The region's settings, in the report's units (hundredths of a percent, months).
struct RegionReportSettings {
  int late_threshold = 2000;
  int summons_after = 2;
};
Result<RegionReportSettings> region_report_settings(const RuleRegistry& rules,
                                                    const std::string& region);

// The report of q.period with the region's settings (an explicit threshold, in hundredths of a
// percent, wins) and the units due for 约谈. No caller checks: the command line and tests.
Result<MonthlyReport> supervision_report(Database& db, const RuleRegistry& rules,
                                         const RegionRegistry& regions, const Lifecycle& lifecycle,
                                         MonthlyQuery q,
                                         std::optional<int> late_threshold = std::nullopt);

class ReportService {
 public:
  ReportService(std::shared_ptr<Database> db, const RuleRegistry& rules, const AccessPolicy& access,
                const Lifecycle& lifecycle)
      : db_(std::move(db)), rules_(rules), access_(access), lifecycle_(lifecycle) {}

  Result<MonthlyReport> monthly(const Principal& who, MonthlyQuery q,
                                std::optional<int> late_threshold);
  Result<Reconciliation> catalog(const Principal& who, const MonthlyQuery& q);
  Result<DepartmentStats> departments(const Principal& who, const std::string& region, Date from,
                                      Date to);
  // 催办 per department of the region between two Shanghai dates (inclusive): what the deadline
  // board shows beside a department's overdue records.
  Result<std::vector<ReminderCount>> reminders(const Principal& who, const std::string& region,
                                               Date from, Date to);

 private:
  std::shared_ptr<Database> db_;
  const RuleRegistry& rules_;
  const AccessPolicy& access_;
  const Lifecycle& lifecycle_;
};

}  // namespace gongshi
