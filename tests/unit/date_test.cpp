#include <boost/test/unit_test.hpp>

#include "engine/model/date.hpp"

using namespace gongshi;

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(parses_both_separators_and_formats_iso) {
  BOOST_TEST(format_date(*parse_date("2024-02-08")) == "2024-02-08");
  BOOST_TEST(format_date(*parse_date("2024/2/8")) == "2024-02-08");
  BOOST_TEST(format_date(*parse_date("2024-02-29")) == "2024-02-29");
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
