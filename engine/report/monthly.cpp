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

namespace {

// "YYYY-MM-DDT16:00:00Z" of the day before: Shanghai midnight of `d` in UTC.
std::string shanghai_midnight(Date d) {
  return format_date(add_days(d, -1)) + "T16:00:00Z";
}

Date last_of_month(int year, unsigned month) {
  using namespace std::chrono;
  const year_month_day_last last{std::chrono::year(year),
                                 month_day_last{std::chrono::month(month)}};
  return Date{last};
}

std::string month_day(Date d) {
  return std::to_string(static_cast<unsigned>(d.month())) + "." +
         std::to_string(static_cast<unsigned>(d.day()));
}

}  // namespace

ReportPeriod month_period(int year, unsigned month) {
  char name[8];
  std::snprintf(name, sizeof name, "%04d-%02u", year, month);
  return {make_date(year, month, 1), last_of_month(year, month), name};
}

ReportPeriod quarter_period(int year, int quarter) {
  const auto first = static_cast<unsigned>(quarter * 3 - 2);
  return {make_date(year, first, 1), last_of_month(year, first + 2),
          std::to_string(year) + "Q" + std::to_string(quarter)};
}

ReportPeriod day_period(Date first, Date last) {
  return {first, last, format_date(first) + ".." + format_date(last)};
}

ReceivedWindow window_of(const std::string& region, const ReportPeriod& p,
                         const Lifecycle& lifecycle) {
  return {region, shanghai_midnight(p.first), shanghai_midnight(add_days(p.last, 1)),
          lifecycle.states_where([](const StateInfo& s) { return !s.counted; }),
          lifecycle.events_where([](const Transition& t) { return t.upheld_objection; })};
}

std::string ReportPeriod::label() const {
  if (first.year() == last.year()) return month_day(first) + "-" + month_day(last);
  return std::to_string(static_cast<int>(first.year())) + "." + month_day(first) + "-" +
         std::to_string(static_cast<int>(last.year())) + "." + month_day(last);
}

std::string ReportPeriod::span_zh() const {
  const auto md = [](Date d) {
    return std::to_string(static_cast<unsigned>(d.month())) + "月" +
           std::to_string(static_cast<unsigned>(d.day())) + "日";
  };
  const std::string y1 = std::to_string(static_cast<int>(first.year())) + "年";
  const std::string y2 =
      first.year() == last.year() ? "" : std::to_string(static_cast<int>(last.year())) + "年";
  return y1 + md(first) + "至" + y2 + md(last);
}

std::string MonthlyReport::summary_zh() const {
  const auto& d = department_total;
  const auto& t = township_total;
  return period.span_zh() + "，共报送“双公示”信息" + std::to_string(d.total + t.total) +
         "条（部门" + std::to_string(d.total) + "条、乡镇" + std::to_string(t.total) +
         "条），其中迟报信息" + std::to_string(d.late + t.late) + "条，漏报信息" +
         std::to_string(d.missing + t.missing) + "条，部门质量合格率为" +
         percent_text(d.rates.qualified) + "。";
}

MonthlyReport build_monthly(const std::string& region, const std::string& region_name,
                            const ReportPeriod& period, const std::vector<ReportUnit>& units,
                            const std::vector<TimelinessCount>& counts,
                            const std::map<std::int64_t, std::int64_t>& upheld,
                            std::int64_t backfills, int late_threshold) {
  MonthlyReport report;
  report.region = region;
  report.region_name = region_name;
  report.period = period;
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
