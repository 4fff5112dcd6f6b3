// The Lua host, as a rule upload reaches it (POST /api/v1/rules/{region}/test): the input is a
// region script, compiled in the sandbox (small budget and memory cap) — its top level run, its
// tests/rule/settings tables converted to JSON and its globals frozen —, then its own tests run
// against a rule set holding it, and its validate, scope and deadlines called on the sample
// penalty, with the counted string matcher, the frozen views and the calendar helpers in reach.
// Seeds (tests/fuzz/seeds/lua) and the dictionary (lua.dict) hold nested table constructors.
#include <boost/json.hpp>
#include <fstream>
#include <optional>

#include "engine/calendar/holiday_data.hpp"
#include "engine/model/json_codec.hpp"
#include "engine/rules/lua_module.hpp"
#include "engine/rules/rule_tests.hpp"
#include "fuzz_support.hpp"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct World {
  gongshi::Record record;
  gongshi::SampleRecords samples;
  std::optional<gongshi::Calendar> calendar;
  World() {
    const std::string samples_dir = std::string(GONGSHI_SOURCE_DIR) + "/schemas/samples";
    const auto penalty = boost::json::parse(read_file(samples_dir + "/penalty.json"));
    record = gongshi::record_from_json(gongshi::RecordKind::penalty, penalty).record;
    samples.penalty = penalty.as_object();
    samples.license = boost::json::parse(read_file(samples_dir + "/license.json")).as_object();
    std::vector<gongshi::HolidayYear> years;
    for (int y : {2024, 2025}) {
      const std::string t = read_file(std::string(GONGSHI_SOURCE_DIR) +
                                      "/schemas/calendar/national/" + std::to_string(y) + ".json");
      auto year = gongshi::parse_holiday_year(boost::json::parse(t), "fuzz");
      if (year) years.push_back(*year);
    }
    auto cal = gongshi::Calendar::build("410505", years, {});
    if (cal) calendar.emplace(std::move(cal).value());
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const World world;
  gongshi::LuaLimits limits;
  limits.memory_bytes = 8u << 20;
  limits.instructions = 200'000;
  limits.max_string_bytes = 64u << 10;
  auto module =
      gongshi::LuaModule::compile("410505", std::string(gongshi::fuzz::text(data, size)), limits);
  if (!module) return 0;
  if (world.calendar) {
    const gongshi::RuleSet rules("410505", {*module});
    gongshi::RuleTestLimits test_limits;
    test_limits.max_cases = 20;
    (void)gongshi::run_rule_tests(rules, (*module)->tests(), *world.calendar, world.samples,
                                  test_limits);
  }
  const gongshi::RuleContext ctx{"410505", world.calendar ? &*world.calendar : nullptr,
                                 gongshi::make_date(2024, 7, 5)};
  gongshi::Issues issues;
  (void)(*module)->validate(world.record, ctx, issues);
  gongshi::ScopeDecision scope;
  (void)(*module)->scope(world.record, ctx, scope);
  gongshi::Deadlines d;
  (void)(*module)->deadlines(world.record, ctx, d);
  return 0;
}
