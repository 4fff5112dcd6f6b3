#pragma once
// A region's working-day calendar: weekends, 法定节假日, 调休 make-up working days, and the
// region's own extra days. It covers whole years for which a State Council notice is loaded and
// refuses to guess outside them (ErrorCode::out_of_range).
//
// Convention: the decision date is day 0. "Within N working days" means the deadline is
// add_working_days(decision, N), inclusive. working_days_between(d1, d2) counts the working days
// after d1 up to and including d2, so working_days_between(d, add_working_days(d, n)) == n.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/calendar/holiday_data.hpp"
#include "engine/model/date.hpp"
#include "engine/model/result.hpp"

namespace gongshi {

class Calendar {
 public:
  // `years` must be consecutive; `region_layers` are applied in order after the national days
  // (nation → province → city → county), each only on covered dates.
  static Result<Calendar> build(std::string region, const std::vector<HolidayYear>& years,
                                const std::vector<std::vector<DayOverride>>& region_layers);

  const std::string& region() const { return region_; }
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }
  bool covers(Date d) const;

  Result<bool> is_working_day(Date d) const;
  // The n-th working day after d (n >= 0; n == 0 gives d itself).
  Result<Date> add_working_days(Date d, int n) const;
  // Working days in (d1, d2]; negative when d2 < d1 (minus the count in (d2, d1]).
  Result<int> working_days_between(Date d1, Date d2) const;
  // Working days in the calendar year.
  Result<int> working_days_in_year(int year) const;

 private:
  Calendar() = default;
  Error not_covered(Date d) const;
  std::size_t index(Date d) const;  // d must be covered

  std::string region_;
  int first_year_ = 0;
  int last_year_ = 0;
  Date first_day_{};
  std::vector<std::uint8_t> working_;  // per day from first_day_
  std::vector<int> prefix_;            // prefix_[i] = working days among the first i days
};

}  // namespace gongshi
