#include "engine/report/monthly.hpp"

#include <algorithm>
#include <chrono>

namespace gongshi {
namespace {

int floor_hundredths(std::int64_t part, std::int64_t total) {
  return static_cast<int>(part * 10000 / total);
}

void add(MonthlyRow& to, const MonthlyRow& from) {
  to.late += from.late;
  to.missing += from.missing;
  to.qualified += from.qualified;
  to.licenses += from.licenses;
  to.penalties += from.penalties;
  to.total += from.total;
  to.upheld_objections += from.upheld_objections;
}

void finish(MonthlyRow& r) {
  r.total = r.licenses + r.penalties;
  r.qualified = r.total - r.late - r.missing;
  r.rates = rates_of(r.late, r.missing, r.total);
}

}  // namespace

Rates rates_of(std::int64_t late, std::int64_t missing, std::int64_t total) {
  (void)missing;  // derived, so that the three add up to 100.00%
  if (total <= 0) return {};
  Rates r;
  r.late = floor_hundredths(late, total);
  r.qualified = floor_hundredths(total - late - missing, total);
  r.missing = 10000 - r.qualified - r.late;
  return r;
}

std::string percent_text(int hundredths) {
  const int whole = hundredths / 100, frac = hundredths % 100;
  return std::to_string(whole) + "." + (frac < 10 ? "0" : "") + std::to_string(frac) + "%";
}

ReceivedWindow month_window(const std::string& region, int year, unsigned month) {
  using namespace std::chrono;
  const auto first =
      sys_days(year_month_day{std::chrono::year(year), std::chrono::month(month), day(1)});
  const auto next = sys_days(
      year_month_day{std::chrono::year(year), std::chrono::month(month), day(1)} + months(1));
  const auto text = [](sys_days d) {
    // Shanghai midnight is 16:00 UTC the day before.
    const year_month_day utc{d - days(1)};
    return format_date(utc) + "T16:00:00Z";
  };
  return {region, text(first), text(next)};
}

namespace {
unsigned last_day(int year, unsigned month) {
  using namespace std::chrono;
  const year_month_day_last last{std::chrono::year(year),
                                 month_day_last{std::chrono::month(month)}};
  return static_cast<unsigned>(last.day());
}
}  // namespace

std::string MonthlyReport::period_label() const {
  return std::to_string(month) + ".1-" + std::to_string(month) + "." +
         std::to_string(last_day(year, month));
}

std::string MonthlyReport::summary_zh() const {
  const auto& d = department_total;
  const auto& t = township_total;
  return std::to_string(year) + "年" + std::to_string(month) + "月1日至" + std::to_string(month) +
         "月" + std::to_string(last_day(year, month)) + "日，共报送“双公示”信息" +
         std::to_string(d.total + t.total) + "条（部门" + std::to_string(d.total) + "条、乡镇" +
         std::to_string(t.total) + "条），其中迟报信息" + std::to_string(d.late + t.late) +
         "条，漏报信息" + std::to_string(d.missing + t.missing) + "条，部门质量合格率为" +
         percent_text(d.rates.qualified) + "。";
}

MonthlyReport build_monthly(const std::string& region, const std::string& region_name, int year,
                            unsigned month, const std::vector<ReportUnit>& units,
                            const std::vector<TimelinessCount>& counts,
                            const std::map<std::int64_t, std::int64_t>& upheld,
                            std::int64_t backfills, int late_threshold) {
  MonthlyReport report;
  report.region = region;
  report.region_name = region_name;
  report.year = year;
  report.month = month;
  report.backfills = backfills;
  report.late_threshold = late_threshold;
  std::map<std::int64_t, MonthlyRow> rows;
  std::map<std::int64_t, const ReportUnit*> unit_of;
  for (const auto& u : units) {
    unit_of[u.id] = &u;
    rows[u.id].department_id = u.id;
    rows[u.id].name = u.name;
  }
  MonthlyRow unassigned;
  unassigned.name = "未指定部门";
  for (const auto& c : counts) {
    MonthlyRow* row = &unassigned;
    if (c.department_id && unit_of.count(*c.department_id)) row = &rows[*c.department_id];
    (c.kind == "license" ? row->licenses : row->penalties) += c.count;
    if (c.key == "late") row->late += c.count;
    if (c.key == "missing") row->missing += c.count;
  }
  for (const auto& [dept, n] : upheld) {
    if (rows.count(dept)) rows[dept].upheld_objections += n;
  }
  report.department_total.name = "部门总计";
  report.township_total.name = "总计";
  for (const auto& u : units) {
    auto row = rows[u.id];
    finish(row);
    if (u.kind == "township") {
      add(report.township_total, row);
      report.townships.push_back(row);
    } else {
      add(report.department_total, row);
      report.departments.push_back(row);
    }
  }
  finish(unassigned);
  if (unassigned.total > 0) {
    add(report.department_total, unassigned);
    report.departments.push_back(unassigned);
  }
  finish(report.department_total);
  finish(report.township_total);
  // Departments by records reported, most first (as seed 003 lists them); townships as registered.
  std::stable_sort(report.departments.begin(), report.departments.end(),
                   [](const MonthlyRow& a, const MonthlyRow& b) { return a.total > b.total; });
  for (std::size_t i = 0; i < report.departments.size(); ++i)
    report.departments[i].seq = static_cast<int>(i + 1);
  for (std::size_t i = 0; i < report.townships.size(); ++i)
    report.townships[i].seq = static_cast<int>(i + 1);

  for (const auto* list : {&report.departments, &report.townships}) {
    for (const auto& row : *list) {
      if (!row.department_id) continue;
      Escalation e{*row.department_id, row.name, {}, {}};
      if (row.total > 0 && row.rates.late > late_threshold) {
        e.reasons_zh.push_back("迟报率" + percent_text(row.rates.late) + "，高于" +
                               percent_text(late_threshold));
        e.reasons_en.push_back("late rate " + percent_text(row.rates.late) + " above " +
                               percent_text(late_threshold));
      }
      if (row.missing > 0) {
        e.reasons_zh.push_back("漏报" + std::to_string(row.missing) + "条");
        e.reasons_en.push_back(std::to_string(row.missing) + " missing");
      }
      if (row.upheld_objections > 0) {
        e.reasons_zh.push_back("有效异议" + std::to_string(row.upheld_objections) + "件");
        e.reasons_en.push_back(std::to_string(row.upheld_objections) + " upheld objection(s)");
      }
      if (!e.reasons_zh.empty()) report.escalations.push_back(std::move(e));
    }
  }
  return report;
}

}  // namespace gongshi
