// Rule evaluation speed against a bare lua_pcall loop of an empty function, in the same run.
// Prints a Markdown table; scripts/bench runs it (Release build) and docs/benchmarks.md keeps the
// figures. Not a test: nothing here asserts a time.
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <functional>
#include <lua.hpp>

#include "engine/model/decode.hpp"
#include "engine/model/fields.hpp"
#include "engine/model/json_codec.hpp"
#include "engine/rules/lua_module.hpp"
#include "engine/rules/lua_state.hpp"
#include "engine/rules/rules_environment.hpp"
#include "support/source_paths.hpp"

using namespace gongshi;
using Clock = std::chrono::steady_clock;

namespace {

// Calls per second of `body`, run in batches until at least `seconds` have passed.
double rate(const std::function<void()>& body, double seconds = 1.0) {
  for (int i = 0; i < 1000; ++i) body();  // warm up
  long calls = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  while (elapsed < seconds) {
    for (int i = 0; i < 1000; ++i) body();
    calls += 1000;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  }
  return calls / elapsed;
}

// The unsandboxed reference: a plain state with all libraries, the same deadlines function as
// 410500.lua, the same record fields, and calendar helpers without any checks of the sandbox.
struct PlainLua {
  lua_State* L = luaL_newstate();
  const Calendar* cal;
  explicit PlainLua(const Calendar* c) : cal(c) {
    luaL_openlibs(L);
    lua_newtable(L);
    lua_pushlightuserdata(L, const_cast<Calendar*>(cal));
    lua_pushcclosure(
        L,
        [](lua_State* L) -> int {
          const auto* c = static_cast<const Calendar*>(lua_touserdata(L, lua_upvalueindex(1)));
          const auto d = c->add_working_days(*parse_date(lua_tostring(L, 1)), lua_tointeger(L, 2));
          lua_pushstring(L, format_date(*d).c_str());
          return 1;
        },
        1);
    lua_setfield(L, -2, "add_working_days");
    lua_setglobal(L, "cal");
    lua_newtable(L);
    lua_pushcfunction(L, [](lua_State* L) -> int {
      lua_pushstring(
          L, format_date(add_days(*parse_date(lua_tostring(L, 1)), lua_tointeger(L, 2))).c_str());
      return 1;
    });
    lua_setfield(L, -2, "add_days");
    lua_setglobal(L, "date");
    luaL_dostring(
        L,
        "settings = { publish_working_days = 5, missing_after_days = 30 }\n"
        "function deadlines(record, current, ctx)\n"
        "  local d = record.XK_JDRQ or record.CF_JDRQ\n"
        "  local publish_by = cal.add_working_days(d, settings.publish_working_days)\n"
        "  return { publish_by = publish_by, late_after = publish_by,\n"
        "           missing_after = date.add_days(publish_by, settings.missing_after_days) }\n"
        "end\n");
  }
  ~PlainLua() { lua_close(L); }
  void call(const Record& r) {
    lua_getglobal(L, "deadlines");
    const auto& fields = fields_of(kind_of(r));
    const auto texts = encode_texts(r);
    lua_createtable(L, 0, static_cast<int>(fields.size()));
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (texts[i].empty()) continue;
      lua_pushlstring(L, texts[i].data(), texts[i].size());
      lua_setfield(L, -2, std::string(fields[i].code).c_str());
    }
    lua_newtable(L);
    lua_newtable(L);
    lua_pcall(L, 3, 1, 0);
    lua_getfield(L, -1, "publish_by");
    (void)parse_date(lua_tostring(L, -1));
    lua_pop(L, 2);
  }
};

// What a rule does with patterns: a date split, a name trimmed, a code's prefix checked.
const char* const kPatternWork =
    "function work()\n"
    "  local y, m, d = ('2024-07-05'):match('(%d+)-(%d+)-(%d+)')\n"
    "  local t = ('  某某有限公司  '):gsub('^%s+', ''):gsub('%s+$', '')\n"
    "  return ('91410500MA40000000'):find('^%d%d%d%d%d%d') ~= nil\n"
    "end\n";

void call_work(lua_State* L) {
  lua_getglobal(L, "work");
  lua_pcall(L, 0, 1, 0);
  lua_pop(L, 1);
}

void row(const char* what, double per_second, double baseline) {
  std::printf("| %s | %.0f | %.2f | %.2f |\n", what, per_second, 1e6 / per_second,
              per_second / baseline);
}

}  // namespace

int main() {
  const RulesPaths paths = test::source_paths();
  auto env = open_rules(paths);
  if (!env) {
    std::fprintf(stderr, "%s\n", env.error().message_en.c_str());
    return 1;
  }
  const auto calendar = *(*env)->calendars->get("410505");
  const RuleContext ctx{"410505", calendar.get(), make_date(2024, 7, 31)};
  const Record record =
      record_from_json(RecordKind::penalty, (*env)->rules->samples().penalty).record;

  // Baseline: a bare state, an empty function, lua_pcall in a loop.
  lua_State* L = luaL_newstate();
  luaL_dostring(L, "function f() end");
  lua_getglobal(L, "f");
  const int f = luaL_ref(L, LUA_REGISTRYINDEX);
  const double bare = rate([&] {
    lua_rawgeti(L, LUA_REGISTRYINDEX, f);
    lua_pcall(L, 0, 0, 0);
  });
  lua_close(L);

  // The host's own cost: lease a pooled sandboxed state, build the context, budgeted call, return.
  auto empty = LuaModule::compile("410505", "function sla(event, days, ctx) return nil end", {});
  std::optional<int> days;
  const double host = rate([&] { (void)(*empty)->sla("object", ctx, days); });

  const auto anyang = (*env)->rules->rules_for("410505");
  const RuleSet national("410505", {(*anyang)->modules().front()});
  const double national_only = rate([&] { (void)national.evaluate(record, ctx); });
  const double full = rate([&] { (void)(*anyang)->evaluate(record, ctx); });
  const double deadlines_only = rate([&] { (void)(*anyang)->deadlines(record, ctx); });

  // One script, three ways: unsandboxed plain state, pooled sandbox, a fresh sandbox per call.
  PlainLua plain(calendar.get());
  const double unsandboxed = rate([&] { plain.call(record); });
  const auto script = (*env)->rules->script_of("410500");
  Deadlines d;
  const double pooled = rate([&] { (void)script->deadlines(record, ctx, d); });
  const double fresh = rate(
      [&] {
        auto m = LuaModule::compile("410500", script->script(), {});
        (void)(*m)->deadlines(record, ctx, d);
      },
      0.5);

  std::printf("| what | calls/s | µs/call | ratio to bare lua_pcall |\n|---|---|---|---|\n");
  row("bare lua_pcall of an empty function (baseline)", bare, bare);
  row("host call of an empty rule function (pool, sandbox, budget)", host, bare);
  row("deadlines: national plugin + 410500 + 410505 scripts", deadlines_only, bare);
  row("full evaluate, national plugin only (validate, scope, deadlines)", national_only, bare);
  row("full evaluate: national plugin + 410500 + 410505 scripts", full, bare);
  std::printf(
      "\n| one script's deadlines (410500.lua) | calls/s | µs/call | ratio to unsandboxed |\n"
      "|---|---|---|---|\n");
  row("plain lua_State, no sandbox (reference)", unsandboxed, unsandboxed);
  row("pooled sandboxed state (what gongshi does)", pooled, unsandboxed);
  row("fresh sandboxed state per call (what pooling avoids)", fresh, unsandboxed);
  // Pattern matching: Lua's own string library against the sandbox's counted matcher.
  lua_State* own = luaL_newstate();
  luaL_openlibs(own);
  luaL_dostring(own, kPatternWork);
  const double own_patterns = rate([&] { call_work(own); });
  lua_close(own);
  auto counted = LuaState::create("bench", kPatternWork, {});
  const double counted_patterns = rate([&] {
    (*counted)->push_global_function("work");
    (void)(*counted)->call(0, 1, nullptr);
    lua_pop((*counted)->L(), 1);
  });
  std::printf(
      "\n| string.match/gsub/find as a rule uses them | calls/s | µs/call | ratio to Lua's own |\n"
      "|---|---|---|---|\n");
  row("Lua's own string library, plain state (reference)", own_patterns, own_patterns);
  row("the sandbox's counted matcher (budgeted steps)", counted_patterns, own_patterns);
  std::printf("\nrule version: %s\n", (*anyang)->version().c_str());
  return 0;
}
