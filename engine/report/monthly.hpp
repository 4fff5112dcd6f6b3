#pragma once
// The monthly 通报 of a region (seed 003): per department and per township, the records reported in
// the month, how many late (迟报) and missing (漏报), how many qualified, and their rates; the
// totals; and the departments to escalate. Pure: built from counts the store aggregated.
//
// Definitions (docs/reports.md): a record counts in the month its received time (when it reached
// gongshi) falls in, Shanghai time; backfills (补录) and discarded drafts are left out. 合格 =
// reported on time = total − 迟报 − 漏报. 迟报率 and 合格率 are truncated to hundredths of a
// percent, and 漏报率 = 100% − 合格率 − 迟报率, so the three always add up to 100.00% — which is
// how seed 003's totals row reads (747/756 = 98.8095% is printed 98.80%, 8/756 as 1.07%). 0
// records: all 0.00%.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/lifecycle/lifecycle.hpp"
#include "engine/model/date.hpp"
#include "engine/store/report_repo.hpp"

namespace gongshi {

struct ReportUnit {  // a department or township as the report names it
  std::int64_t id = 0;
  std::string name;
  std::string kind;  // department | township
};

struct Rates {  // hundredths of a percent: 1234 = 12.34%
  int late = 0, missing = 0, qualified = 0;
};

struct MonthlyRow {
  int seq = 0;
  std::optional<std::int64_t> department_id;  // none: records without a department
  std::string name;
  std::int64_t late = 0, missing = 0, qualified = 0;
  std::int64_t licenses = 0, penalties = 0, total = 0;
  std::int64_t upheld_objections = 0;
  Rates rates;
};

// The days a report covers: a month (the monthly 通报), a quarter (the 季通报, seed 003), or any
// span of days (a what-if).
struct ReportPeriod {
  Date first{}, last{};         // Shanghai civil days, inclusive
  std::string name;             // "2024-07", "2024Q3", "2024-07-01..2024-07-20"
  std::string label() const;    // "7.1-7.31", "7.1-9.30" (with the years when it spans two)
  std::string span_zh() const;  // "2024年7月1日至9月30日"
  int year() const { return static_cast<int>(first.year()); }
};
ReportPeriod month_period(int year, unsigned month);
ReportPeriod quarter_period(int year, int quarter);
ReportPeriod day_period(Date first, Date last);
// The UTC window [from, to) of the period's Shanghai days, and what the lifecycle says a report
// leaves out (states not counted) and counts as upheld objections.
ReceivedWindow window_of(const std::string& region, const ReportPeriod& p,
                         const Lifecycle& lifecycle);

struct Escalation {
  std::int64_t department_id = 0;
  std::string name;
  std::vector<std::string> reasons_zh;  // 迟报率 35.00% 高于 20%; 漏报 3 条; 有效异议 1 件
  std::vector<std::string> reasons_en;
};

// A unit escalated in `months` consecutive months up to the report's last month: its head is due
// for 约谈 (seed 003: 连续两次以上的，由区政府领导约谈单位"一把手").
struct Summons {
  std::int64_t department_id = 0;
  std::string name;
  int months = 0;                   // the length of the run of escalated months
  std::vector<std::string> period;  // those months, oldest first ("2024-06", "2024-07")
};

struct MonthlyReport {
  std::string region, region_name;
  ReportPeriod period;
  std::vector<MonthlyRow> departments;
  MonthlyRow department_total;
  std::vector<MonthlyRow> townships;
  MonthlyRow township_total;
  std::int64_t backfills = 0;  // reported in the month as 补录, not in the tables
  int late_threshold = 2000;   // hundredths of a percent
  std::vector<Escalation> escalations;
  int summons_after = 2;         // consecutive escalated months that bring a 约谈
  std::vector<Summons> summons;  // filled by add_summons (monthly_query.hpp)

  std::string period_label() const { return period.label(); }  // "7.1-7.31"
  std::string summary_zh() const;                              // the 通报's first sentence
};

Rates rates_of(std::int64_t late, std::int64_t missing, std::int64_t total);
std::string percent_text(int hundredths);  // "12.34%"

MonthlyReport build_monthly(const std::string& region, const std::string& region_name,
                            const ReportPeriod& period, const std::vector<ReportUnit>& units,
                            const std::vector<TimelinessCount>& counts,
                            const std::map<std::int64_t, std::int64_t>& upheld,
                            std::int64_t backfills, int late_threshold);

}  // namespace gongshi
