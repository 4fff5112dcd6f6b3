#include <boost/test/unit_test.hpp>

#include "engine/model/date.hpp"

using namespace gongshi;

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(parses_both_separators_and_formats_iso) {
  BOOST_TEST(format_date(*parse_date("2024-02-08")) == "2024-02-08");
  BOOST_TEST(format_date(*parse_date("2024/2/8")) == "2024-02-08");
  BOOST_TEST(format_date(*parse_date("2024-02-29")) == "2024-02-29");
}

BOOST_AUTO_TEST_CASE(formats_every_day_with_leading_zeros_and_reads_it_back) {
  BOOST_TEST(format_date(Date{std::chrono::year{987}, std::chrono::month{1},
                              std::chrono::day{5}}) == "0987-01-05");
  for (Date d = *parse_date("2019-01-01"); d < *parse_date("2028-01-01"); d = add_days(d, 1)) {
    const std::string text = format_date(d);
    BOOST_TEST_REQUIRE(text.size() == 10u);
    BOOST_TEST_REQUIRE((parse_date(text) == d));
  }
}

BOOST_AUTO_TEST_CASE(refuses_what_is_not_one_real_date) {
  for (const char* bad : {"", "2023-02-29", "2024-13-01", "2024-00-10", "2024-02-30", "2024-2/8",
                          "24-02-08", "2024-02-08 10:00", "2024年2月8日", "20240208", "2024-02-"}) {
    BOOST_TEST(!parse_date(bad).has_value(), bad);
  }
}

BOOST_AUTO_TEST_CASE(arithmetic_and_weekends) {
  const Date d = make_date(2024, 2, 8);
  BOOST_TEST(format_date(add_days(d, 23)) == "2024-03-02");
  BOOST_TEST(days_between(d, make_date(2024, 3, 2)) == 23);
  BOOST_TEST(is_weekend(make_date(2024, 2, 18)));   // Sunday
  BOOST_TEST(!is_weekend(make_date(2024, 2, 19)));  // Monday
}

BOOST_AUTO_TEST_SUITE_END()
