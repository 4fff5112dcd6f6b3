#include "engine/calendar/calendar.hpp"

#include <algorithm>

namespace gongshi {

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
  }
  return cal;
}

bool Calendar::covers(Date d) const {
  const int y = static_cast<int>(d.year());
  return d.ok() && y >= first_year_ && y <= last_year_;
}

std::size_t Calendar::index(Date d) const {
  return static_cast<std::size_t>(days_between(first_day_, d));
}

Error Calendar::not_covered(Date d) const {
  const std::string year = std::to_string(static_cast<int>(d.year()));
  const std::string span = std::to_string(first_year_) + "–" + std::to_string(last_year_);
  return make_error(ErrorCode::out_of_range,
                    year + "年的节假日安排尚未载入（已有 " + span +
                        " 年），不能推算工作日；国务院办公厅通知发布后请补充 schemas/calendar",
                    "no holiday data for " + year + " (loaded: " + span +
                        "); working days are not guessed: add the State Council notice to "
                        "schemas/calendar");
}

Result<bool> Calendar::is_working_day(Date d) const {
  if (!covers(d)) return not_covered(d);
  return working_[index(d)] != 0;
}

Result<Date> Calendar::add_working_days(Date d, int n) const {
  if (!covers(d)) return not_covered(d);
  if (n < 0) {
    return make_error(ErrorCode::invalid_input, "工作日数不能为负数",
                      "the number of working days must not be negative");
  }
  if (n == 0) return d;
  const int target = prefix_[index(d) + 1] + n;
  const auto it = std::lower_bound(prefix_.begin(), prefix_.end(), target);
  if (it == prefix_.end()) return not_covered(make_date(last_year_ + 1, 1, 1));
  const auto j = static_cast<int>(it - prefix_.begin());  // first j with prefix_[j] >= target
  return add_days(first_day_, j - 1);
}

Result<int> Calendar::working_days_between(Date d1, Date d2) const {
  if (!covers(d1)) return not_covered(d1);
  if (!covers(d2)) return not_covered(d2);
  return prefix_[index(d2) + 1] - prefix_[index(d1) + 1];
}

Result<int> Calendar::working_days_in_year(int year) const {
  const Date first = make_date(year, 1, 1);
  if (!covers(first)) return not_covered(first);
  return prefix_[index(make_date(year, 12, 31)) + 1] - prefix_[index(first)];
}

}  // namespace gongshi
