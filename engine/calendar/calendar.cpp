#include "engine/calendar/calendar.hpp"

#include <algorithm>

namespace gongshi {
namespace {

// 1900-01-01 was a Monday: weekdays are counted from there.
const Date kMonday = make_date(1900, 1, 1);

// Weekdays in [kMonday, d].
std::int64_t weekdays_up_to(Date d) {
  const std::int64_t k = days_between(kMonday, d) + 1;  // days in [kMonday, d]
  const std::int64_t weeks = k >= 0 ? k / 7 : -((-k + 6) / 7);
  const std::int64_t rest = k - weeks * 7;  // 0..6
  return weeks * 5 + std::min<std::int64_t>(rest, 5);
}

unsigned iso_weekday(Date d) {
  return std::chrono::weekday{std::chrono::sys_days{d}}.iso_encoding();  // Monday 1 … Sunday 7
}

}  // namespace

std::int64_t weekdays_between(Date from, Date to) {
  return weekdays_up_to(to) - weekdays_up_to(from);
}

Date add_weekdays(Date d, int n) {
  if (n <= 0) return d;
  const unsigned wd = iso_weekday(d);
  if (wd > 5) d = add_days(d, -static_cast<int>(wd - 5));  // a weekend counts from its Friday
  const int p = static_cast<int>(iso_weekday(d)) - 1;      // 0 = Monday … 4 = Friday
  const int total = p + n;
  return add_days(d, -p + (total / 5) * 7 + total % 5);
}

Result<Calendar> Calendar::build(std::string region, const std::vector<HolidayYear>& years,
                                 const std::vector<std::vector<DayOverride>>& region_layers) {
  if (years.empty()) {
    return make_error(ErrorCode::not_found, "没有任何年份的节假日数据",
                      "no holiday data for any year");
  }
  std::vector<int> ys;
  for (const auto& y : years) ys.push_back(y.year);
  std::sort(ys.begin(), ys.end());
  for (std::size_t i = 1; i < ys.size(); ++i) {
    if (ys[i] == ys[i - 1]) {
      return make_error(ErrorCode::invalid_input, std::to_string(ys[i]) + "年的节假日数据重复",
                        "holiday data for " + std::to_string(ys[i]) + " is given twice");
    }
    if (ys[i] != ys[i - 1] + 1) {
      return make_error(ErrorCode::invalid_input,
                        "缺少" + std::to_string(ys[i - 1] + 1) + "年的节假日数据",
                        "holiday data for " + std::to_string(ys[i - 1] + 1) + " is missing");
    }
  }
  Calendar cal;
  cal.region_ = std::move(region);
  cal.first_year_ = ys.front();
  cal.last_year_ = ys.back();
  cal.first_day_ = make_date(cal.first_year_, 1, 1);
  const int days = days_between(cal.first_day_, make_date(cal.last_year_, 12, 31)) + 1;
  cal.working_.resize(static_cast<std::size_t>(days));
  for (int i = 0; i < days; ++i) {
    cal.working_[static_cast<std::size_t>(i)] = is_weekend(add_days(cal.first_day_, i)) ? 0 : 1;
  }
  const auto apply = [&cal](const std::vector<DayOverride>& overrides) {
    for (const auto& o : overrides) {
      if (cal.covers(o.date)) cal.working_[cal.index(o.date)] = o.off ? 0 : 1;
    }
  };
  for (const auto& y : years) apply(y.days);
  for (const auto& layer : region_layers) apply(layer);
  cal.prefix_.resize(cal.working_.size() + 1);
  cal.prefix_[0] = 0;
  for (std::size_t i = 0; i < cal.working_.size(); ++i) {
    cal.prefix_[i + 1] = cal.prefix_[i] + cal.working_[i];
    if (cal.working_[i] != 0) cal.working_index_.push_back(static_cast<int>(i));
  }
  return cal;
}

bool Calendar::covers(Date d) const {
  const int y = static_cast<int>(d.year());
  return d.ok() && y >= first_year_ && y <= last_year_;
}

bool Calendar::reachable(Date d, const CalendarUse* use) const {
  const int y = static_cast<int>(d.year());
  if (!d.ok() || y < first_year_) return false;
  return y <= last_year_ || (use != nullptr && y <= last_year_ + kProvisionalYears);
}

std::size_t Calendar::index(Date d) const {
  return static_cast<std::size_t>(days_between(first_day_, d));
}

std::int64_t Calendar::working_up_to(Date d) const {
  if (covers(d)) return prefix_[index(d) + 1];
  return static_cast<std::int64_t>(working_index_.size()) + weekdays_between(complete_through(), d);
}

Error Calendar::not_covered(Date d) const {
  const std::string year = std::to_string(static_cast<int>(d.year()));
  const std::string span = std::to_string(first_year_) + "–" + std::to_string(last_year_);
  return make_error(ErrorCode::out_of_range,
                    year + "年的节假日安排尚未载入（已有 " + span +
                        " 年），不能推算工作日；国务院办公厅通知发布后请用 gongshi calendar load "
                        "或 PUT /api/v1/calendar/" +
                        year + " 载入",
                    "no holiday data for " + year + " (loaded: " + span +
                        "); working days are not guessed: load the State Council notice with "
                        "`gongshi calendar load` or PUT /api/v1/calendar/" +
                        year);
}

Result<bool> Calendar::is_working_day(Date d, CalendarUse* use) const {
  if (!reachable(d, use)) return not_covered(d);
  if (covers(d)) return working_[index(d)] != 0;
  use->provisional = true;
  return !is_weekend(d);
}

Result<Date> Calendar::add_working_days(Date d, int n, CalendarUse* use) const {
  if (!reachable(d, use)) return not_covered(d);
  if (n < 0) {
    return make_error(ErrorCode::invalid_input, "工作日数不能为负数",
                      "the number of working days must not be negative");
  }
  if (n == 0) return d;
  Date result{};
  if (covers(d)) {
    const std::int64_t target = prefix_[index(d) + 1] + static_cast<std::int64_t>(n);
    const auto total = static_cast<std::int64_t>(working_index_.size());
    if (target <= total) {
      return add_days(first_day_, working_index_[static_cast<std::size_t>(target - 1)]);
    }
    if (use == nullptr) return not_covered(make_date(last_year_ + 1, 1, 1));
    result = add_weekdays(complete_through(), static_cast<int>(target - total));
  } else {
    result = add_weekdays(d, n);
  }
  if (!reachable(result, use)) return not_covered(result);
  use->provisional = true;
  return result;
}

Result<int> Calendar::working_days_between(Date d1, Date d2, CalendarUse* use) const {
  if (!reachable(d1, use)) return not_covered(d1);
  if (!reachable(d2, use)) return not_covered(d2);
  if (!covers(d1) || !covers(d2)) use->provisional = true;
  return static_cast<int>(working_up_to(d2) - working_up_to(d1));
}

Result<int> Calendar::working_days_in_year(int year) const {
  const Date first = make_date(year, 1, 1);
  if (!covers(first)) return not_covered(first);
  return prefix_[index(make_date(year, 12, 31)) + 1] - prefix_[index(first)];
}

}  // namespace gongshi
