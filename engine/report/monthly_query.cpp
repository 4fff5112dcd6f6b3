#include "engine/report/monthly_query.hpp"

#include <map>
#include <set>

#include "engine/store/directory_repo.hpp"

namespace gongshi {

Result<MonthlyQuery> parse_month(const std::string& region, const std::string& text) {
  const auto d = parse_date(text + "-01");
  if (text.size() != 7 || !d) {
    return make_error(ErrorCode::invalid_input, "月份应写作 YYYY-MM（如 2024-07）：" + text,
                      "month must be YYYY-MM (e.g. 2024-07): " + text);
  }
  MonthlyQuery q;
  q.region = region;
  q.period = month_period(static_cast<int>(d->year()), static_cast<unsigned>(d->month()));
  return q;
}

Result<MonthlyQuery> parse_quarter(const std::string& region, const std::string& text) {
  std::string t = text;
  if (t.size() == 7 && t[4] == '-') t.erase(4, 1);
  const bool shaped = t.size() == 6 && (t[4] == 'Q' || t[4] == 'q') && t[5] >= '1' && t[5] <= '4' &&
                      t.substr(0, 4).find_first_not_of("0123456789") == std::string::npos;
  if (!shaped) {
    return make_error(ErrorCode::invalid_input, "季度应写作 YYYYQn（如 2024Q3）：" + text,
                      "quarter must be YYYYQn (e.g. 2024Q3): " + text);
  }
  MonthlyQuery q;
  q.region = region;
  q.period = quarter_period(std::stoi(t.substr(0, 4)), t[5] - '0');
  return q;
}

Result<MonthlyReport> monthly_report(Database& db, const RegionRegistry& regions,
                                     const Lifecycle& lifecycle, const MonthlyQuery& q) {
  const auto* region = regions.find(q.region);
  if (region == nullptr) {
    return make_error(ErrorCode::not_found, "未登记的地区代码：" + q.region,
                      "unknown region code: " + q.region);
  }
  const auto window = window_of(q.region, q.period, lifecycle);
  const std::string period_start = format_date(q.period.first);
  return in_read_transaction<MonthlyReport>(db, [&](Tx& tx) -> Result<MonthlyReport> {
    auto departments = departments_of(tx, q.region);
    if (!departments) return departments.error();
    std::vector<ReportUnit> units;
    for (const auto& d : *departments) {
      if (d.kind == "county") continue;
      // A department merged away before the period began is no longer listed.
      if (d.valid_until && format_date(*d.valid_until) < period_start) continue;
      units.push_back({d.id, d.name, d.kind});
    }
    auto counts = timeliness_counts(tx, window);
    if (!counts) return counts.error();
    auto upheld = upheld_objections(tx, window);
    if (!upheld) return upheld.error();
    auto backfills = backfill_count(tx, window);
    if (!backfills) return backfills.error();
    auto report = build_monthly(q.region, region->name, q.period, units, *counts, *upheld,
                                *backfills, q.late_threshold);
    report.summons_after = q.summons_after;
    return report;
  });
}

Status add_summons(Database& db, const RegionRegistry& regions, const Lifecycle& lifecycle,
                   const MonthlyQuery& q, MonthlyReport& report) {
  report.summons.clear();
  report.summons_after = q.summons_after;
  if (q.summons_after <= 0) return ok_status();
  // Month by month back from the last month of the period, while some unit stays escalated.
  int year = static_cast<int>(q.period.last.year());
  int month = static_cast<int>(static_cast<unsigned>(q.period.last.month()));
  std::map<std::int64_t, std::vector<std::string>> runs;  // unit -> its months, newest first
  std::map<std::int64_t, std::string> names;
  std::set<std::int64_t> alive;
  for (int step = 0; step < 12; ++step) {
    MonthlyQuery m = q;
    m.period = month_period(year, static_cast<unsigned>(month));
    auto r = monthly_report(db, regions, lifecycle, m);
    if (!r) return r.error();
    std::set<std::int64_t> escalated;
    for (const auto& e : r->escalations) {
      escalated.insert(e.department_id);
      names.emplace(e.department_id, e.name);
    }
    std::set<std::int64_t> next;
    for (const auto id : escalated) {
      if (step == 0 || alive.contains(id)) {
        runs[id].push_back(m.period.name);
        next.insert(id);
      }
    }
    alive = std::move(next);
    if (alive.empty()) break;
    if (--month == 0) month = 12, --year;
  }
  for (auto& [id, months] : runs) {
    if (static_cast<int>(months.size()) < q.summons_after) continue;
    std::vector<std::string> oldest_first(months.rbegin(), months.rend());
    report.summons.push_back({id, names[id], static_cast<int>(months.size()), oldest_first});
  }
  return ok_status();
}

}  // namespace gongshi
