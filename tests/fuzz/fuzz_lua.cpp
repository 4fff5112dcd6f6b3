// The Lua host: the input is a region script, compiled in the sandbox (small budget and memory
// cap), then its validate, scope and deadlines called on the sample penalty, with the counted
// string matcher, the frozen views and the calendar helpers in reach.
#include <boost/json.hpp>
#include <fstream>
#include <optional>

#include "engine/calendar/holiday_data.hpp"
#include "engine/model/json_codec.hpp"
#include "engine/rules/lua_module.hpp"
#include "fuzz_support.hpp"

namespace {

struct World {
  gongshi::Record record;
  std::optional<gongshi::Calendar> calendar;
  World() {
    std::ifstream in(std::string(GONGSHI_SOURCE_DIR) + "/schemas/samples/penalty.json");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    record =
        gongshi::record_from_json(gongshi::RecordKind::penalty, boost::json::parse(text)).record;
    std::vector<gongshi::HolidayYear> years;
    for (int y : {2024, 2025}) {
      std::ifstream f(std::string(GONGSHI_SOURCE_DIR) + "/schemas/calendar/national/" +
                      std::to_string(y) + ".json");
      const std::string t((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
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
