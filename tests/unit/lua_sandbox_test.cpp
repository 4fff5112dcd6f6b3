// Hostile scripts: each is refused or stopped with a clear error, and the next call on the same
// module still works.
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "engine/rules/lua_module.hpp"
#include "rules_fixture.hpp"

using namespace gongshi;

namespace {

LuaLimits small_limits() {
  LuaLimits l;
  l.memory_bytes = 4u << 20;
  l.instructions = 200'000;
  l.max_string_bytes = 64u << 10;
  return l;
}

// The hostile body runs in validate(); deadlines() is an ordinary function for the follow-up call.
std::string script_with(const std::string& hostile) {
  return "function validate(record, ctx)\n" + hostile +
         "\nend\n"
         "function deadlines(record, current, ctx)\n"
         "  return { publish_by = cal.add_working_days(record.CF_JDRQ, 5) }\n"
         "end\n";
}

struct Sandbox {
  std::unique_ptr<RulesEnvironment> env = test::open_source_rules();
  std::shared_ptr<const Calendar> calendar = *env->calendars->get("410505");
  RuleContext ctx{"410505", calendar.get(), make_date(2024, 7, 31)};
  Record record = test::sample(*env, RecordKind::penalty);

  std::shared_ptr<const LuaModule> compile(const std::string& script) {
    auto m = LuaModule::compile("410505", script, small_limits());
    BOOST_REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().message_en));
    return *m;
  }

  // validate() must fail with a message containing `expected`; then deadlines() must work.
  void stopped(const std::string& hostile, const std::string& expected) {
    BOOST_TEST_CONTEXT(hostile) {
      const auto m = compile(script_with(hostile));
      Issues issues;
      const auto st = m->validate(record, ctx, issues);
      BOOST_REQUIRE(!st.ok());
      BOOST_TEST((st.error().code == ErrorCode::rule_error));
      BOOST_TEST(st.error().message_en.find(expected) != std::string::npos, st.error().message_en);
      BOOST_TEST(!st.error().message_zh.empty());
      Deadlines d;
      const auto next = m->deadlines(record, ctx, d);
      BOOST_REQUIRE_MESSAGE(next.ok(), (next.ok() ? "" : next.error().message_en));
      BOOST_TEST(format_date(*d.publish_by) == "2024-07-10");
      // The failed state was dropped; the healthy one went back to the pool.
      BOOST_TEST(m->idle_states() == 1u);
    }
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(lua_sandbox)

BOOST_AUTO_TEST_CASE(endless_loops_hit_the_instruction_budget) {
  Sandbox s;
  s.stopped("while true do end", "instruction budget");
  s.stopped("local function f() return f() end return f()", "");  // stack overflow or budget
  // A script's own pcall cannot swallow the stop.
  s.stopped("while true do pcall(function() while true do end end) end", "instruction budget");
}

BOOST_AUTO_TEST_CASE(memory_growth_hits_the_cap) {
  Sandbox s;
  // 60 KB a step: the 4 MiB cap comes long before the instruction budget.
  s.stopped("local t = {} for i = 1, 1000000 do t[i] = string.rep('x', 60000) .. i end",
            "memory cap");
  s.stopped("local x = 'x' while true do x = x .. x end", "");  // memory cap or budget
  s.stopped("return string.rep('x', 1000000000)", "string.rep: result larger");
  s.stopped("return ('x'):rep(100000000)", "string.rep: result larger");
}

BOOST_AUTO_TEST_CASE(no_files_processes_or_loading) {
  Sandbox s;
  const auto marker = std::filesystem::temp_directory_path() / "gongshi-sandbox-escaped";
  std::filesystem::remove(marker);
  s.stopped("io.open('/etc/passwd')", "global 'io'");
  s.stopped("os.execute('touch " + marker.string() + "')", "global 'os'");
  BOOST_TEST(!std::filesystem::exists(marker));
  s.stopped("require('os')", "global 'require'");
  s.stopped("load('return 1')()", "global 'load'");
  s.stopped("loadstring('return 1')()", "global 'loadstring'");
  s.stopped("dofile('/etc/passwd')", "global 'dofile'");
  s.stopped("loadfile('/etc/passwd')", "global 'loadfile'");
  s.stopped("string.dump(function() end)", "field 'dump'");
  s.stopped("('').dump(function() end)", "'dump'");
  s.stopped("debug.sethook(function() end, '', 1)", "global 'debug'");
  s.stopped("collectgarbage('stop')", "global 'collectgarbage'");
  s.stopped("print('x')", "global 'print'");
  s.stopped("return math.random()", "field 'random'");
}

BOOST_AUTO_TEST_CASE(no_metatable_escapes) {
  Sandbox s;
  s.stopped("setmetatable(_G, {})", "");  // _G does not exist here
  s.stopped("setmetatable(_ENV, {})", "protected metatable");
  s.stopped("getmetatable('').__index.rep = nil", "index a boolean");
  s.stopped("string.rep = nil", "read-only");
  s.stopped("setmetatable({}, {__gc = function() while true do end end})", "__gc");
  s.stopped("record.CF_JDRQ = '2099-01-01'", "read-only");
  s.stopped("rawset(record, 'CF_JDRQ', 'x')", "global 'rawset'");
  s.stopped("leaked = 1", "must not set globals");
  // pairs hands out the view, never the table behind it.
  s.stopped("local _, raw = pairs(record) raw.CF_JDRQ = 'x'", "read-only");
  s.stopped("local _, raw = pairs(string) raw.rep = nil", "read-only");
}

BOOST_AUTO_TEST_CASE(frozen_tables_still_read_like_tables) {
  Sandbox s;
  const auto m = s.compile(
      "settings = { list = { 'a', 'b', 'c' }, nested = { deep = { value = 7 } } }\n"
      "function validate(record, ctx)\n"
      "  local n = 0\n"
      "  for k, v in pairs(record) do n = n + 1 end\n"
      "  local joined = ''\n"
      "  for i, v in ipairs(settings.list) do joined = joined .. v end\n"
      "  if n < 10 or #settings.list ~= 3 or joined ~= 'abc' or settings.nested.deep.value ~= 7\n"
      "     or record.kind ~= 'penalty' or ctx.region ~= '410505' or ctx.today ~= '2024-07-31' "
      "then\n"
      "    return { { field = 'X', code = 'broken', message_zh = '读取失败' } }\n"
      "  end\n"
      "  return {}\n"
      "end\n");
  Issues issues;
  BOOST_REQUIRE(m->validate(s.record, s.ctx, issues).ok());
  BOOST_TEST(issues.empty());
}

BOOST_AUTO_TEST_CASE(settings_are_frozen_between_calls) {
  Sandbox s;
  const auto m = s.compile(
      "settings = { days = 5 }\n"
      "function validate(record, ctx) settings.days = 1 end\n"
      "function deadlines(record, current, ctx)\n"
      "  return { publish_by = cal.add_working_days(record.CF_JDRQ, settings.days) }\n"
      "end\n");
  Issues issues;
  BOOST_TEST(!m->validate(s.record, s.ctx, issues).ok());
  Deadlines d;
  BOOST_REQUIRE(m->deadlines(s.record, s.ctx, d).ok());
  BOOST_TEST(format_date(*d.publish_by) == "2024-07-10");
}

BOOST_AUTO_TEST_CASE(returned_metamethods_never_run_outside_the_budget) {
  Sandbox s;
  const auto m = s.compile(
      "function scope(record, current, ctx)\n"
      "  return setmetatable({}, {__index = function() while true do end end})\n"
      "end\n");
  ScopeDecision d;
  BOOST_TEST(m->scope(s.record, s.ctx, d).ok());  // read raw: nothing set, nothing run
  BOOST_TEST((d.scope == PublicScope::social));
}

BOOST_AUTO_TEST_CASE(bad_scripts_are_refused_at_compile) {
  for (const auto& [script, expected] : std::vector<std::pair<std::string, std::string>>{
           {"function validate(", "does not compile"},
           {"\x1bLua\x54\x00", "does not compile"},  // bytecode: text chunks only
           {"while true do end", "instruction budget"},
           {"rule = { region = '140400' }", "rule.region"}}) {
    const auto m = LuaModule::compile("410505", script, small_limits());
    BOOST_REQUIRE(!m.ok());
    BOOST_TEST(m.error().message_en.find(expected) != std::string::npos, m.error().message_en);
  }
}

BOOST_AUTO_TEST_CASE(calendar_errors_reach_the_script_and_the_caller) {
  Sandbox s;
  const auto m = s.compile(
      "function deadlines(record, current, ctx)\n"
      "  return { publish_by = cal.add_working_days('2026-12-30', 5) }\n"
      "end\n");
  Deadlines d;
  const auto st = m->deadlines(s.record, s.ctx, d);
  BOOST_REQUIRE(!st.ok());
  BOOST_TEST(st.error().message_en.find("2027") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_return_values_are_reported) {
  Sandbox s;
  Deadlines d;
  BOOST_TEST(!s.compile("function deadlines() return { publish_by = 'soon' } end")
                  ->deadlines(s.record, s.ctx, d)
                  .ok());
  Issues issues;
  BOOST_TEST(
      !s.compile("function validate() return { 'x' } end")->validate(s.record, s.ctx, issues).ok());
  std::optional<int> days;
  BOOST_TEST(!s.compile("function sla() return -1 end")->sla("object", s.ctx, days).ok());
}

// A table nested deeper than the host converts or freezes (issue 29: a tests table ~200 deep
// wrote past the Lua stack): a rule_error naming the nesting, and the process goes on.
BOOST_AUTO_TEST_CASE(deep_tables_are_refused_not_overflowed) {
  Sandbox s;
  const std::string nest = "local t = {} for i = 1, 200 do t = {t} end\n";
  for (const std::string global : {"tests", "rule", "settings"}) {
    BOOST_TEST_CONTEXT(global) {
      for (int round = 0; round < 3; ++round) {
        auto m = LuaModule::compile("410505", nest + global + " = t\n", small_limits());
        BOOST_REQUIRE(!m.ok());
        BOOST_TEST((m.error().code == ErrorCode::rule_error));
        BOOST_TEST(m.error().message_zh.find("嵌套过深") != std::string::npos,
                   m.error().message_zh);
      }
    }
  }
  // A list of deep tables, and a table that holds itself: the same answer.
  for (const std::string& script :
       {nest + "tests = {t, t, {x = t}}", std::string("tests = {} tests.self = tests")}) {
    auto m = LuaModule::compile("410505", script, small_limits());
    BOOST_REQUIRE(!m.ok());
    BOOST_TEST(m.error().message_zh.find("嵌套过深") != std::string::npos, m.error().message_zh);
  }
  // Freezing a deep global when the top level ends, and freezing one in a call.
  auto frozen = LuaModule::compile("410505", nest + "deep = t", small_limits());
  BOOST_REQUIRE(!frozen.ok());
  BOOST_TEST(frozen.error().message_en.find("nested") != std::string::npos,
             frozen.error().message_en);
  // Deep tables returned to the host are read only as deep as it looks.
  s.stopped(nest + "return {{field = t, code = t, message_zh = t}}", "");
  const auto m =
      s.compile(nest + "function scope(r, d, ctx) return {scope = '社会公开', flags = t} end\n" +
                "function deadlines(r, d, ctx) return {publish_by = t} end");
  ScopeDecision d;
  BOOST_TEST(m->scope(s.record, s.ctx, d).ok());
  Deadlines dl;
  BOOST_TEST(!m->deadlines(s.record, s.ctx, dl).ok());
}

// A call that fills its state's memory to the cap (and swallows the error) returns normally,
// holding on to its record; the state goes back to the pool full. The host's next pushes (the
// record, the context) run outside a protected call: they use the host's reserve, so the call
// fails as a rule_error or runs, never a Lua panic (abort) in the host; and a state left past
// its cap is dropped, so holding records call after call cannot use the reserve up.
BOOST_AUTO_TEST_CASE(a_full_state_fails_its_call_not_the_process) {
  Sandbox s;
  const auto m = s.compile(
      "local keep\n"
      "local held, n = {}, 0\n"
      "for i = 1, 200 do held[i] = false end  -- room made now: holding a record costs nothing\n"
      "local function big() for i = 1, 1e9 do keep = {keep, ('x'):rep(2000)} end end\n"
      "local function small() for i = 1, 1e9 do keep = {keep} end end\n"
      "function validate(r, ctx)\n"
      "  n = n + 1\n"
      "  held[n] = r\n"
      "  pcall(big)\n"
      "  pcall(small)\n"
      "  return nil\n"
      "end\n");
  // A 违法事实 of 5 000 characters: more than the garbage a collection could free.
  std::get<Penalty>(s.record).facts.clear();
  for (int i = 0; i < 5000; ++i) std::get<Penalty>(s.record).facts += "违";
  int failed = 0;
  for (int i = 0; i < 100; ++i) {
    Issues issues;
    const auto st = m->validate(s.record, s.ctx, issues);
    if (!st.ok()) {
      ++failed;
      BOOST_TEST(st.error().message_en.find("memory cap") != std::string::npos,
                 st.error().message_en);
    }
  }
  BOOST_TEST_MESSAGE(failed << " of 100 calls failed at the memory cap");
}

BOOST_AUTO_TEST_CASE(states_are_reused) {
  Sandbox s;
  const auto m = s.compile(script_with("return {}"));
  for (int i = 0; i < 50; ++i) {
    Issues issues;
    BOOST_REQUIRE(m->validate(s.record, s.ctx, issues).ok());
  }
  BOOST_TEST(m->idle_states() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
