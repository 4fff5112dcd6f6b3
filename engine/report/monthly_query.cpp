#include "engine/report/monthly_query.hpp"

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
  q.year = static_cast<int>(d->year());
  q.month = static_cast<unsigned>(d->month());
  return q;
}

Result<MonthlyReport> monthly_report(Database& db, const RegionRegistry& regions,
                                     const MonthlyQuery& q) {
  const auto* region = regions.find(q.region);
  if (region == nullptr) {
    return make_error(ErrorCode::not_found, "未登记的地区代码：" + q.region,
                      "unknown region code: " + q.region);
  }
  const auto window = month_window(q.region, q.year, q.month);
  const std::string month_start = format_date(make_date(q.year, q.month, 1));
  return in_read_transaction<MonthlyReport>(db, [&](Tx& tx) -> Result<MonthlyReport> {
    auto departments = departments_of(tx, q.region);
    if (!departments) return departments.error();
    std::vector<ReportUnit> units;
    for (const auto& d : *departments) {
      if (d.kind == "county") continue;
      // A department merged away before the month began is no longer listed.
      if (d.valid_until && format_date(*d.valid_until) < month_start) continue;
      units.push_back({d.id, d.name, d.kind});
    }
    auto counts = timeliness_counts(tx, window);
    if (!counts) return counts.error();
    auto upheld = upheld_objections(tx, window);
    if (!upheld) return upheld.error();
    auto backfills = backfill_count(tx, window);
    if (!backfills) return backfills.error();
    return build_monthly(q.region, region->name, q.year, q.month, units, *counts, *upheld,
                         *backfills, q.late_threshold);
  });
}

}  // namespace gongshi
