#include <boost/test/unit_test.hpp>

#include "engine/calendar/calendar_loader.hpp"

using namespace gongshi;

namespace {

const std::filesystem::path kSchemas = std::filesystem::path(GONGSHI_SOURCE_DIR) / "schemas";

Calendar national() {
  auto regions = RegionRegistry::load(kSchemas / "regions.json");
  BOOST_REQUIRE(regions.ok());
  auto cal = load_calendar(kSchemas, *regions, "000000");
  BOOST_REQUIRE_MESSAGE(cal.ok(), (cal.ok() ? "" : cal.error().message_en));
  return std::move(cal).value();
}

Date d(int y, unsigned m, unsigned dd) {
  return make_date(y, m, dd);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(calendar)

BOOST_AUTO_TEST_CASE(covers_2019_to_2026) {
  const Calendar cal = national();
  BOOST_TEST(cal.first_year() == 2019);
  BOOST_TEST(cal.last_year() == 2026);
}

BOOST_AUTO_TEST_CASE(working_days_per_year_match_the_notices) {
  const Calendar cal = national();
  // Counts stated in standard.md and the notices' own arithmetic.
  BOOST_TEST(*cal.working_days_in_year(2024) == 251);
  BOOST_TEST(*cal.working_days_in_year(2025) == 248);
  BOOST_TEST(*cal.working_days_in_year(2026) == 248);
  // Every other year lies in the range any year of 5-day weeks and 11 holidays gives.
  for (int y = 2019; y <= 2026; ++y) {
    const int n = *cal.working_days_in_year(y);
    BOOST_TEST((n >= 246 && n <= 252), y << ": " << n);
  }
}

BOOST_AUTO_TEST_CASE(holidays_and_make_up_days) {
  const Calendar cal = national();
  BOOST_TEST(!*cal.is_working_day(d(2024, 2, 12)));  // Monday in 春节
  BOOST_TEST(*cal.is_working_day(d(2024, 2, 18)));   // Sunday worked (调休)
  BOOST_TEST(!*cal.is_working_day(d(2024, 2, 17)));  // Saturday in 春节
  BOOST_TEST(*cal.is_working_day(d(2026, 1, 4)));    // Sunday worked after 元旦 2026
  BOOST_TEST(!*cal.is_working_day(d(2020, 1, 31)));  // the 2020 extension of 春节
  BOOST_TEST(*cal.is_working_day(d(2019, 5, 5)));    // the 2019 adjustment of 劳动节
  BOOST_TEST(!*cal.is_working_day(d(2019, 5, 3)));
  BOOST_TEST(*cal.is_working_day(d(2024, 7, 31)));  // an ordinary Wednesday
  BOOST_TEST(!*cal.is_working_day(d(2024, 8, 3)));  // an ordinary Saturday
}

BOOST_AUTO_TEST_CASE(deadlines_from_the_standard) {
  const Calendar cal = national();
  // Decision day is day 0; 7 working days, inclusive.
  BOOST_TEST(format_date(*cal.add_working_days(d(2024, 2, 8), 7)) == "2024-02-23");
  BOOST_TEST(format_date(*cal.add_working_days(d(2025, 9, 30), 7)) == "2025-10-16");
  // 安阳's 5 working days for a decision of Wednesday 2024-07-03.
  BOOST_TEST(format_date(*cal.add_working_days(d(2024, 7, 3), 5)) == "2024-07-10");
  // A decision on a day off: the count starts from the next working day.
  BOOST_TEST(format_date(*cal.add_working_days(d(2024, 10, 1), 1)) == "2024-10-08");
  BOOST_TEST(format_date(*cal.add_working_days(d(2024, 7, 3), 0)) == "2024-07-03");
  BOOST_TEST(*cal.working_days_between(d(2024, 2, 8), d(2024, 2, 23)) == 7);
  BOOST_TEST(*cal.working_days_between(d(2024, 2, 23), d(2024, 2, 8)) == -7);
  BOOST_TEST(*cal.working_days_between(d(2024, 2, 10), d(2024, 2, 17)) == 0);
}

BOOST_AUTO_TEST_CASE(between_inverts_add_over_every_covered_day) {
  const Calendar cal = national();
  for (Date day = d(2019, 1, 1); day <= d(2026, 10, 31); day = add_days(day, 1)) {
    for (int n : {0, 1, 5, 7, 30}) {
      const auto deadline = cal.add_working_days(day, n);
      BOOST_REQUIRE(deadline.ok());
      BOOST_TEST(*cal.working_days_between(day, *deadline) == n);
      // The deadline itself is a working day (n > 0) and no earlier day reaches n.
      if (n > 0) {
        BOOST_TEST(*cal.is_working_day(*deadline));
        BOOST_TEST(*cal.working_days_between(day, add_days(*deadline, -1)) == n - 1);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(refuses_to_guess_without_a_notice) {
  const Calendar cal = national();
  const auto next_year = cal.is_working_day(d(2027, 1, 4));
  BOOST_REQUIRE(!next_year.ok());
  BOOST_TEST((next_year.error().code == ErrorCode::out_of_range));
  BOOST_TEST(next_year.error().message_zh.find("2027") != std::string::npos);
  // A deadline that runs into 2027 is refused, not guessed.
  const auto late = cal.add_working_days(d(2026, 12, 28), 7);
  BOOST_REQUIRE(!late.ok());
  BOOST_TEST((late.error().code == ErrorCode::out_of_range));
  BOOST_TEST(cal.add_working_days(d(2026, 12, 28), 3).ok());  // 12-29, 12-30, 12-31
  BOOST_TEST(!cal.add_working_days(d(2018, 12, 28), 1).ok());
  BOOST_TEST(!cal.working_days_between(d(2026, 12, 1), d(2027, 1, 1)).ok());
  BOOST_TEST(!cal.add_working_days(d(2024, 1, 2), -1).ok());
}

BOOST_AUTO_TEST_CASE(past_the_loaded_years_only_with_a_calendar_use_and_marked_provisional) {
  const Calendar cal = national();
  BOOST_TEST(format_date(cal.complete_through()) == "2026-12-31");
  BOOST_TEST(cal.days_ahead(d(2026, 12, 1)) == 30);
  BOOST_TEST(cal.days_ahead(d(2027, 1, 2)) == -2);
  // Inside the data a use stays clear.
  CalendarUse inside;
  BOOST_TEST(format_date(*cal.add_working_days(d(2026, 12, 24), 5, &inside)) == "2026-12-31");
  BOOST_TEST(!inside.provisional);
  // 7 working days from 2026-12-24: five in 2026, then weekdays only (2027-01-01 counts).
  CalendarUse use;
  const auto late = cal.add_working_days(d(2026, 12, 24), 7, &use);
  BOOST_REQUIRE(late.ok());
  BOOST_TEST(format_date(*late) == "2027-01-04");
  BOOST_TEST(use.provisional);
  // A decision inside the missing year itself.
  CalendarUse in_2027;
  BOOST_TEST(format_date(*cal.add_working_days(d(2027, 1, 8), 5, &in_2027)) == "2027-01-15");
  BOOST_TEST(in_2027.provisional);
  CalendarUse between;
  BOOST_TEST(*cal.working_days_between(d(2026, 12, 30), d(2027, 1, 4), &between) ==
             3);  // 12-31, 01-01, 01-04
  BOOST_TEST(between.provisional);
  CalendarUse day;
  BOOST_TEST(*cal.is_working_day(d(2027, 1, 1), &day));  // no holiday data: a Friday counts
  BOOST_TEST(day.provisional);
  // The provisional reach is bounded.
  CalendarUse far;
  BOOST_TEST(!cal.add_working_days(d(2026, 12, 24), 366 * 10, &far).ok());
  BOOST_TEST(!cal.is_working_day(d(2018, 6, 1), &far).ok());  // never before the data
}

BOOST_AUTO_TEST_CASE(weekday_arithmetic) {
  // Against a day-by-day count over every start day of two years and many n.
  for (Date start = d(2024, 1, 1); start <= d(2025, 12, 31); start = add_days(start, 1)) {
    for (int n : {0, 1, 2, 4, 5, 6, 9, 10, 23}) {
      Date walk = start;
      for (int left = n; left > 0;) {
        walk = add_days(walk, 1);
        if (!is_weekend(walk)) --left;
      }
      BOOST_TEST(format_date(add_weekdays(start, n)) == format_date(walk));
      BOOST_TEST(weekdays_between(start, walk) == n);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
