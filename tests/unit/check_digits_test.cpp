#include <boost/test/unit_test.hpp>

#include "engine/validate/check_digits.hpp"

using namespace gongshi;

BOOST_AUTO_TEST_SUITE(check_digits)

const Date kToday = make_date(2024, 7, 31);

BOOST_AUTO_TEST_CASE(uscc_real_valid_codes) {
  for (const char* c :
       {"91350100M000100Y43", "91230500MA1B3N1N2M", "11230500001755309F", "92141127MA0KD1Y64A"}) {
    BOOST_TEST(check_uscc(c).ok(), c);
  }
}

BOOST_AUTO_TEST_CASE(uscc_failures_say_why) {
  // A genuine early Fujian pilot code that fails the check: GB 32100 gives R, it carries 6.
  const auto pilot = check_uscc("91350211M0000XUF46");
  BOOST_TEST((pilot.status == CodeCheck::bad_check));
  BOOST_TEST(pilot.expected == 'R');
  BOOST_TEST((check_uscc("91350100M000100Y44").status == CodeCheck::bad_check));
  BOOST_TEST(check_uscc("91350100M000100Y44").expected == '3');
  BOOST_TEST((check_uscc("9135010OM000100Y43").status == CodeCheck::bad_character));  // letter O
  BOOST_TEST((check_uscc("91350100m000100Y43").status == CodeCheck::bad_character));  // lower case
  BOOST_TEST((check_uscc("91350100M000100Y4").status == CodeCheck::bad_length));
  BOOST_TEST((check_uscc("").status == CodeCheck::bad_length));
  // The 个体工商户 placeholder is not a valid code: it is accepted by the rules, not the check.
  BOOST_TEST(!check_uscc("00000000000000000X").ok());
  // A single changed character anywhere is caught.
  std::string code = "91230500MA1B3N1N2M";
  for (std::size_t i = 0; i < 17; ++i) {
    std::string changed = code;
    changed[i] = changed[i] == '1' ? '2' : '1';
    BOOST_TEST(!check_uscc(changed).ok(), changed);
  }
}

BOOST_AUTO_TEST_CASE(org_codes_inside_real_uscc) {
  BOOST_TEST(check_org_code("001755309").ok());
  BOOST_TEST(check_org_code("MA1B3N1N2").ok());
  BOOST_TEST(check_org_code("M000100Y4").ok());
  const auto bad = check_org_code("001755308");
  BOOST_TEST((bad.status == CodeCheck::bad_check));
  BOOST_TEST(bad.expected == '9');
  BOOST_TEST((check_org_code("00175530-9").status == CodeCheck::bad_length));
  BOOST_TEST((check_org_code("00175530Y").status == CodeCheck::bad_character));
}

BOOST_AUTO_TEST_CASE(id_numbers) {
  BOOST_TEST(check_id_number("11010519491231002X", kToday).ok());
  BOOST_TEST(check_id_number("410505198506121232", kToday).ok());
  BOOST_TEST(check_id_number("410122199202290044", kToday).ok());  // born on a leap day
  const auto bad = check_id_number("110105194912310021", kToday);
  BOOST_TEST((bad.status == CodeCheck::bad_check));
  BOOST_TEST(bad.expected == 'X');
  BOOST_TEST((check_id_number("410122199302290047", kToday).status == CodeCheck::bad_birth_date));
  BOOST_TEST((check_id_number("410505203001011234", kToday).status == CodeCheck::bad_birth_date));
  BOOST_TEST((check_id_number("41050519850612123A", kToday).status == CodeCheck::bad_character));
  BOOST_TEST((check_id_number("4105051985061212", kToday).status == CodeCheck::bad_length));
}

BOOST_AUTO_TEST_CASE(legacy_15_digit_numbers_are_recognised) {
  BOOST_TEST((check_id_number("410505850612123", kToday).status == CodeCheck::legacy_15));
  BOOST_TEST((check_id_number("410505851312123", kToday).status == CodeCheck::bad_birth_date));
  BOOST_TEST((check_id_number("41050585061212X", kToday).status == CodeCheck::bad_character));
}

BOOST_AUTO_TEST_SUITE_END()
