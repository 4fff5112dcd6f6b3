#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "engine/validate/code_overrides.hpp"

using namespace gongshi;

BOOST_AUTO_TEST_SUITE(code_overrides)

BOOST_AUTO_TEST_CASE(an_override_must_be_justified_and_needed) {
  CodeOverrides o;
  BOOST_TEST(!o.add({"91350211M0000XUF46", "", "信用办", make_date(2024, 1, 1)}).ok());
  BOOST_TEST(!o.add({"91350211M0000XUF46", "试点", "", make_date(2024, 1, 1)}).ok());
  // A code that passes needs no exception; a malformed one cannot have one.
  const auto passing = o.add({"91350100M000100Y43", "试点", "信用办", make_date(2024, 1, 1)});
  BOOST_TEST(!passing.ok());
  BOOST_TEST((passing.error().code == ErrorCode::invalid_input));
  BOOST_TEST(!o.add({"9135021IM0000XUF46", "试点", "信用办", make_date(2024, 1, 1)}).ok());
  BOOST_TEST(o.all().empty());
  BOOST_TEST(o.add({"91350211M0000XUF46", "试点", "信用办", make_date(2024, 1, 1)}).ok());
  BOOST_TEST(o.find("91350211M0000XUF46") != nullptr);
  BOOST_TEST(o.find("91350211M0000XUF47") == nullptr);
}

BOOST_AUTO_TEST_CASE(from_json_refuses_incomplete_entries) {
  const auto good = CodeOverrides::from_json(boost::json::parse(
      R"([{"code":"91350211M0000XUF46","reason":"试点","approved_by":"信用办","approved_on":"2024-01-01"}])"));
  BOOST_REQUIRE(good.ok());
  BOOST_TEST(good->all().size() == 1u);
  BOOST_TEST(!CodeOverrides::from_json(
                  boost::json::parse(
                      R"([{"code":"91350211M0000XUF46","reason":"试点","approved_by":"信用办"}])"))
                  .ok());
  BOOST_TEST(!CodeOverrides::from_json(boost::json::parse(R"({"code":"x"})")).ok());
}

BOOST_AUTO_TEST_SUITE_END()
