#include <boost/test/unit_test.hpp>

#include "engine/model/clock.hpp"

using namespace gongshi;

BOOST_AUTO_TEST_SUITE(now_input)

BOOST_AUTO_TEST_CASE(now_is_read_as_shanghai_time) {
  BOOST_TEST(format_date(shanghai_date(*parse_now("2024-07-31"))) == "2024-07-31");
  BOOST_TEST(format_date(shanghai_date(*parse_now("2024-07-31T23:59"))) == "2024-07-31");
  // 16:30 UTC is 00:30 the next day in Shanghai.
  BOOST_TEST(format_date(shanghai_date(*parse_now("2024-07-31T16:30:00Z"))) == "2024-08-01");
  BOOST_TEST(format_date(shanghai_date(*parse_now("2024-07-31T10:00+08:00"))) == "2024-07-31");
  BOOST_TEST(format_date(shanghai_date(*parse_now("2024-07-31T20:00-05:00"))) == "2024-08-01");
  BOOST_TEST((*parse_now("2024-07-31T08:00+08:00") == *parse_now("2024-07-31T00:00Z")));
}

BOOST_AUTO_TEST_CASE(refuses_what_is_not_a_time) {
  for (const char* bad :
       {"", "yesterday", "2024-07-31T25:00", "2024-07-31T10", "2024-07-31T10:00+8", "2024-02-30",
        "2024/07/31", "2024-07-31T10:00:00+08:00x"}) {
    BOOST_TEST(!parse_now(bad).has_value(), bad);
  }
}

BOOST_AUTO_TEST_SUITE_END()
