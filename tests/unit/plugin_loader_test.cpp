#include <boost/test/unit_test.hpp>

#include "engine/rules/plugin_loader.hpp"

using namespace gongshi;

BOOST_AUTO_TEST_SUITE(plugin_loader)

BOOST_AUTO_TEST_CASE(loads_the_national_standard_by_name) {
  const auto p = load_rule_plugin(GONGSHI_PLUGIN_DIR, "national_standard");
  BOOST_REQUIRE_MESSAGE(p.ok(), (p.ok() ? "" : p.error().message_en));
  BOOST_TEST((*p)->name() == "national_standard");
  std::optional<int> days;
  BOOST_TEST((*p)->sla("object", RuleContext{}, days).ok());
  BOOST_TEST(days.value() == 3);
}

BOOST_AUTO_TEST_CASE(refuses_what_it_must_not_call) {
  const std::string dir = GONGSHI_TEST_PLUGIN_DIR;
  const auto abi = load_rule_plugin(dir, "wrong_abi");
  BOOST_REQUIRE(!abi.ok());
  BOOST_TEST(abi.error().message_en.find("ABI version 999") != std::string::npos,
             abi.error().message_en);
  const auto platform = load_rule_plugin(dir, "wrong_platform");
  BOOST_REQUIRE(!platform.ok());
  BOOST_TEST(platform.error().message_en.find("sparc-solaris") != std::string::npos);
  const auto no_entry = load_rule_plugin(dir, "no_entry");
  BOOST_REQUIRE(!no_entry.ok());
  BOOST_TEST(no_entry.error().message_en.find("missing symbol") != std::string::npos);
  const auto missing = load_rule_plugin(dir, "does_not_exist");
  BOOST_REQUIRE(!missing.ok());
  BOOST_TEST((missing.error().code == ErrorCode::not_found));
  BOOST_TEST(!load_rule_plugin(dir, "../etc/passwd").ok());
  BOOST_TEST(!load_rule_plugin(dir, "").ok());
}

BOOST_AUTO_TEST_SUITE_END()
