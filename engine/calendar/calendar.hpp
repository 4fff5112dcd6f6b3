#pragma once
// A region's working-day calendar: weekends, 法定节假日, 调休 make-up working days, and the
// region's own extra days. It covers whole years for which a State Council notice is loaded.
//
// Convention: the decision date is day 0. "Within N working days" means the deadline is
// add_working_days(decision, N), inclusive. working_days_between(d1, d2) counts the working days
// after d1 up to and including d2, so working_days_between(d, add_working_days(d, n)) == n.
//
// Outside the loaded years the calendar never guesses silently. A call without a CalendarUse is
// refused (ErrorCode::out_of_range). A call with one counts the days after the last loaded year
// as weekdays only (no holidays, no make-up days) and sets CalendarUse::provisional, so the caller
// can store the result as provisional and compute it again once the year's notice is loaded.
// Every call is O(1) after build: a prefix count of working days and the index of every working
// day.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/calendar/holiday_data.hpp"
#include "engine/model/date.hpp"
#include "engine/model/result.hpp"

namespace gongshi {

// What a caller lends a calendar call to allow counting past the loaded years.
struct CalendarUse {
  bool provisional = false;  // set when a result depended on a day without holiday data
};

class Calendar {
 public:
  // Provisional counting reaches at most this many years past the last loaded one.
  static constexpr int kProvisionalYears = 5;

  // `years` must be consecutive; `region_layers` are applied in order after the national days
  // (nation → province → city → county), each only on covered dates.
  static Result<Calendar> build(std::string region, const std::vector<HolidayYear>& years,
                                const std::vector<std::vector<DayOverride>>& region_layers);

  const std::string& region() const { return region_; }
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }
  bool covers(Date d) const;
  // The last day with holiday data (31 December of the last loaded year).
  Date complete_through() const { return make_date(last_year_, 12, 31); }
  // Days from `today` to complete_through(); negative once today is past it.
  int days_ahead(Date today) const { return days_between(today, complete_through()); }

  Result<bool> is_working_day(Date d, CalendarUse* use = nullptr) const;
  // The n-th working day after d (n >= 0; n == 0 gives d itself).
  Result<Date> add_working_days(Date d, int n, CalendarUse* use = nullptr) const;
  // Working days in (d1, d2]; negative when d2 < d1 (minus the count in (d2, d1]).
  Result<int> working_days_between(Date d1, Date d2, CalendarUse* use = nullptr) const;
  // Working days in the calendar year (loaded years only).
  Result<int> working_days_in_year(int year) const;

 private:
  Calendar() = default;
  Error not_covered(Date d) const;
  // Whether a call may look at d: loaded, or within the provisional reach when `use` is given.
  bool reachable(Date d, const CalendarUse* use) const;
  std::size_t index(Date d) const;  // d must be covered
  // Working days from the first loaded day up to and including d (weekdays past the last year).
  std::int64_t working_up_to(Date d) const;

  std::string region_;
  int first_year_ = 0;
  int last_year_ = 0;
  Date first_day_{};
  std::vector<std::uint8_t> working_;  // per day from first_day_
  std::vector<int> prefix_;            // prefix_[i] = working days among the first i days
  std::vector<int> working_index_;     // working_index_[k] = day index of the (k+1)-th working day
};

// Weekdays (Monday to Friday) in (from, to]; negative when to < from. Pure arithmetic.
std::int64_t weekdays_between(Date from, Date to);
// The n-th weekday after d (n >= 0).
Date add_weekdays(Date d, int n);

}  // namespace gongshi
