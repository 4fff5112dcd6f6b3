#include <boost/test/unit_test.hpp>

#include "engine/model/amount.hpp"

using namespace gongshi;

BOOST_AUTO_TEST_SUITE(amount)

BOOST_AUTO_TEST_CASE(exact_decimal_in_wan_yuan) {
  // 罚款2000元 is 0.2 万元.
  BOOST_TEST(parse_amount("0.2").value->millionths == 200000);
  BOOST_TEST(parse_amount("12").value->millionths == 12000000);
  BOOST_TEST(parse_amount("0.000001").value->millionths == 1);
  BOOST_TEST(parse_amount("3.500000").value->millionths == 3500000);
  BOOST_TEST(parse_amount("3.5000000").value->millionths == 3500000);  // trailing zero only
  BOOST_TEST(format_amount(*parse_amount("3.500000").value) == "3.5");
  BOOST_TEST(format_amount(*parse_amount("0.000001").value) == "0.000001");
  BOOST_TEST(format_amount(*parse_amount("120").value) == "120");
}

BOOST_AUTO_TEST_CASE(refusals_say_why) {
  BOOST_TEST((parse_amount("0.0000001").error == AmountError::too_many_decimals));
  BOOST_TEST((parse_amount("-1").error == AmountError::negative));
  BOOST_TEST((parse_amount("1234567890123").error == AmountError::too_large));
  for (const char* bad : {"", ".", "1e3", "1,000", "0.2万", " 1", "1.2.3", "abc"}) {
    BOOST_TEST(!parse_amount(bad).value.has_value(), bad);
  }
}

BOOST_AUTO_TEST_SUITE_END()
