#include <boost/test/unit_test.hpp>

#include "engine/calendar/region.hpp"

using namespace gongshi;

BOOST_AUTO_TEST_SUITE(region)

const std::filesystem::path kRegions =
    std::filesystem::path(GONGSHI_SOURCE_DIR) / "schemas/regions.json";

BOOST_AUTO_TEST_CASE(parent_by_code_structure) {
  BOOST_TEST(derived_parent("410505").value() == "410500");
  BOOST_TEST(derived_parent("410500").value() == "410000");
  BOOST_TEST(derived_parent("410000").value() == "000000");
  BOOST_TEST(!derived_parent("000000").has_value());
  BOOST_TEST(!derived_parent("41050").has_value());
  BOOST_TEST(!derived_parent("41O505").has_value());
}

BOOST_AUTO_TEST_CASE(the_seed_regions_are_registered) {
  auto reg = RegionRegistry::load(kRegions);
  BOOST_REQUIRE(reg.ok());
  for (const char* code : {"410505", "410500", "140400", "140600", "231100", "410122", "000000"}) {
    BOOST_TEST(reg->find(code) != nullptr, code);
  }
  BOOST_TEST(reg->find("410505")->name == "殷都区");
  const auto chain = reg->chain("410505");
  BOOST_REQUIRE(chain.ok());
  BOOST_TEST(*chain == (std::vector<std::string>{"000000", "410000", "410500", "410505"}),
             boost::test_tools::per_element());
  BOOST_TEST(*reg->chain("000000") == std::vector<std::string>{"000000"},
             boost::test_tools::per_element());
  const auto unknown = reg->chain("999999");
  BOOST_REQUIRE(!unknown.ok());
  BOOST_TEST((unknown.error().code == ErrorCode::not_found));
}

BOOST_AUTO_TEST_SUITE_END()
