// Runs the declarative validation cases of tests/data/validate/*.json (format in its README).
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/model/json_codec.hpp"
#include "engine/validate/validate.hpp"

using namespace gongshi;
namespace json = boost::json;

namespace {

const std::filesystem::path kDir =
    std::filesystem::path(GONGSHI_SOURCE_DIR) / "tests/data/validate";

json::value read(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return json::parse(s.str());
}

json::value expand(const json::value& v) {
  if (const auto* o = v.if_object(); o && o->contains("repeat")) {
    std::string out;
    for (int i = 0; i < o->at("times").as_int64(); ++i) out += o->at("repeat").as_string();
    return json::string(out);
  }
  return v;
}

void run_file(const std::filesystem::path& file) {
  const json::object spec = read(file).as_object();
  const auto kind = parse_record_kind(spec.at("kind").as_string());
  BOOST_REQUIRE(kind.has_value());
  CodeOverrides overrides;
  if (const auto* o = spec.if_contains("overrides")) {
    auto loaded = CodeOverrides::from_json(*o);
    BOOST_REQUIRE_MESSAGE(loaded.ok(), file);
    overrides = std::move(loaded).value();
  }
  const ValidationContext ctx{*parse_date(spec.at("today").as_string()), &overrides};
  std::size_t count = 0;
  for (const auto& c : spec.at("cases").as_array()) {
    const auto& cs = c.as_object();
    json::object record = spec.at("base").as_object();
    if (const auto* set = cs.if_contains("set")) {
      for (const auto& [k, v] : set->as_object()) record[k] = expand(v);
    }
    if (const auto* unset = cs.if_contains("unset")) {
      for (const auto& k : unset->as_array()) record.erase(k.as_string());
    }
    std::multiset<std::string> want, got;
    for (const auto& e : cs.at("expect").as_array()) want.insert(std::string(e.as_string()));
    const Issues issues = validate(record_from_json(*kind, record), ctx);
    for (const auto& i : issues) {
      got.insert(i.field + ":" + std::string(to_string(i.code)));
      BOOST_TEST(!i.message_zh.empty());
      BOOST_TEST(!i.message_en.empty());
    }
    BOOST_TEST_CONTEXT(file.filename().string() << ": " << cs.at("name").as_string()) {
      BOOST_TEST(got == want, boost::test_tools::per_element());
    }
    ++count;
  }
  BOOST_TEST_MESSAGE(file.filename().string() << ": " << count << " cases");
  BOOST_TEST(count > 0u);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(validate_cases)

BOOST_AUTO_TEST_CASE(every_case_file) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
    if (entry.path().extension() != ".json") continue;
    run_file(entry.path());
    ++files;
  }
  BOOST_TEST(files >= 2u);
}

BOOST_AUTO_TEST_SUITE_END()
