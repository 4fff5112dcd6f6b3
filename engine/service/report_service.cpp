#include "engine/service/report_service.hpp"

#include <cmath>

namespace gongshi {

Result<RegionReportSettings> region_report_settings(const RuleRegistry& rules,
                                                    const std::string& region) {
  auto set = rules.rules_for(region);
  if (!set) return set.error();
  auto s = (*set)->report_settings();
  if (!s) return s.error();
  RegionReportSettings out;
  if (s->escalation_late_rate) {
    out.late_threshold = static_cast<int>(std::lround(*s->escalation_late_rate * 10000));
  }
  if (s->summons_after_repeats) out.summons_after = *s->summons_after_repeats;
  return out;
}

Result<MonthlyReport> supervision_report(Database& db, const RuleRegistry& rules,
                                         const RegionRegistry& regions, const Lifecycle& lifecycle,
                                         MonthlyQuery q, std::optional<int> late_threshold) {
  auto settings = region_report_settings(rules, q.region);
  if (!settings) return settings.error();
  q.late_threshold = late_threshold.value_or(settings->late_threshold);
  q.summons_after = settings->summons_after;
  auto report = monthly_report(db, regions, lifecycle, q);
  if (!report) return report;
  if (auto st = add_summons(db, regions, lifecycle, q, report.value()); !st) return st.error();
  return report;
}

Result<MonthlyReport> ReportService::monthly(const Principal& who, MonthlyQuery q,
                                             std::optional<int> late_threshold) {
  if (auto st = access_.may_read_reports(who, q.region); !st) return st.error();
  return supervision_report(*db_, rules_, access_.regions(), lifecycle_, std::move(q),
                            late_threshold);
}

Result<Reconciliation> ReportService::catalog(const Principal& who, const MonthlyQuery& q) {
  if (auto st = access_.may_read_reports(who, q.region); !st) return st.error();
  return reconcile_catalog(*db_, access_.regions(), lifecycle_, q);
}

Result<DepartmentStats> ReportService::departments(const Principal& who, const std::string& region,
                                                   Date from, Date to) {
  if (auto st = access_.may_read_reports(who, region); !st) return st.error();
  return department_statistics(*db_, access_.regions(), lifecycle_, region, from, to);
}

Result<std::vector<ReminderCount>> ReportService::reminders(const Principal& who,
                                                            const std::string& region, Date from,
                                                            Date to) {
  if (auto st = access_.may_read_reports(who, region); !st) return st.error();
  if (to < from) return bad_request("to 不能早于 from", "to is before from");
  const ReceivedWindow window = window_of(region, day_period(from, to), lifecycle_);
  return in_read_transaction<std::vector<ReminderCount>>(
      *db_, [&](Tx& tx) { return reminder_counts(tx, window, "remind"); });
}

}  // namespace gongshi
