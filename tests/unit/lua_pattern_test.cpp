// The sandbox's counted string.find/match/gmatch/gsub against Lua 5.4's own: the same expressions
// run in a plain Lua state with the standard library (the oracle) and in a sandboxed LuaState must
// give the same values and the same error messages; runaway patterns stop at the budget.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <lua.hpp>
#include <string>
#include <vector>

#include "engine/rules/lua_module.hpp"
#include "engine/rules/lua_state.hpp"

using namespace gongshi;

namespace {

// Turns every value an expression returns (or the error it raises) into one line of text.
const char* const kShow = R"lua(
local function show(...)
  local t = table.pack(...)
  local out = {}
  for i = 1, t.n do out[i] = type(t[i]) .. ":" .. tostring(t[i]) end
  return table.concat(out, ",")
end
local function all(f)
  local ok, a = pcall(function()
    local parts = {}
    for _, step in ipairs(f()) do parts[#parts + 1] = step end
    return table.concat(parts, " | ")
  end)
  if ok then return a end
  return "error:" .. tostring(a)
end
local function one(f, ...)
  local r = table.pack(pcall(f, ...))
  if r[1] then return show(table.unpack(r, 2, r.n)) end
  return "error:" .. tostring(r[2])
end
)lua";

// Each case is a Lua function body returning a list of things to compare.
std::string program(const std::string& body) {
  return std::string(kShow) + "function run() return all(function() " + body + " end) end\n";
}

std::string in_plain_lua(const std::string& body) {
  lua_State* L = luaL_newstate();
  luaL_openlibs(L);
  std::string out;
  if (luaL_dostring(L, (program(body) + "return run()").c_str()) == LUA_OK) {
    out = lua_tostring(L, -1);
  } else {
    out = std::string("does not run: ") + lua_tostring(L, -1);
  }
  lua_close(L);
  return out;
}

std::string in_sandbox(const std::string& body, LuaLimits limits = {}) {
  auto s = LuaState::create("test", program(body), limits);
  BOOST_REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message_en));
  BOOST_REQUIRE((*s)->push_global_function("run"));
  auto st = (*s)->call(0, 1, nullptr);
  if (!st) return "stopped: " + st.error().message_en;
  return lua_tostring((*s)->L(), -1);
}

const std::vector<std::string> kCases = {
    // find: plain and with patterns, init positions, anchors, captures, position captures
    R"L(local s = "hello world" return {one(s.find, s, "o w"), one(s.find, s, "l+"),
       one(s.find, s, "l+", 5), one(s.find, s, "", 3), one(s.find, s, "", 20),
       one(s.find, s, "o", -3), one(s.find, s, "o", -100), one(s.find, s, "o", 0),
       one(s.find, s, "(h)(e)"), one(s.find, s, "()ll()"), one(s.find, s, "^h"),
       one(s.find, s, "^e"), one(s.find, s, "a.b", 1, true), one(s.find, s, "o.w", 1, true),
       one(s.find, s, "d$"), one(s.find, s, "l$"), one(s.find, s, "$"), one(s.find, s, "x*$")})L",
    R"L(return {one(string.find, "abc123def", "%d+"), one(string.find, "  _foo1 ", "[%a_][%w_]*"),
       one(string.find, "a(b(c)d)e", "%b()"), one(string.find, "xay", "%bxy"),
       one(string.find, "THE (quick) fox", "%f[%a]%a+", 5), one(string.find, "ab  cd", "[^%s]+$"),
       one(string.find, "xaay", "(a)%1"), one(string.find, "aaab", "a-b"),
       one(string.find, "b", "a?b"), one(string.find, "", "a*"), one(string.find, "a.b", "%."),
       one(string.find, "a+b", "+", 1, true), one(string.find, "a]b", "[]]"),
       one(string.find, "x^y", "[%^]"), one(string.find, "a-b", "[a-]+"),
       one(string.find, "\200\201z", "[\128-\255]+"), one(string.find, "key", "K", 1, false)})L",
    // match: captures as a rule script uses them
    R"L(return {one(string.match, "2024-07-05", "(%d+)-(%d+)-(%d+)"),
       one(string.match, "key = value", "(%w+)%s*=%s*(%w+)"), one(string.match, "[[x]]", "%[(.-)%]"),
       one(string.match, "  trim me  ", "^%s*(.-)%s*$"), one(string.match, "abc", "()", 4),
       one(string.match, "abc", "()", 5), one(string.match, "hello", ".-$"),
       one(string.match, "91410500MA40000000", "^%d%d%d%d%d%d"),
       one(string.match, "FOO bar", "%u+"), one(string.match, "FOO bar", "%U+"),
       one(string.match, "a,b;c", "[%p]"), one(string.match, "\tx", "%c"),
       one(string.match, "0x1F", "%x+", 3), one(string.match, "THE (quick) fox", "%f[%l]%a+"),
       one(string.match, "abc", "((a)(b))"), one(string.match, "aXb", "a(.)b"),
       one(string.match, "zzz", "z-"), one(string.match, "abab", "(ab)%1$")})L",
    // gmatch: every step, empty matches, init, position captures
    R"L(local function steps(s, p, i)
         local t = {} for a, b in string.gmatch(s, p, i) do t[#t + 1] = tostring(a) .. "/" .. tostring(b) end
         return table.concat(t, ";") end
       return {steps("one two  three", "%a+"), steps("a=1, b=2", "(%w+)=(%w+)"), steps("abc", ""),
               steps("baaac", "a*"), steps("abcabc", "b", 3), steps("ab", "()"),
               steps("abcabc", "b", -2), steps("abc", "x", 10), steps("^a^a", "^a")})L",
    // gsub: strings with %0-%9 and %%, tables, functions, false and nil, limits, anchors
    R"L(local s = "hello world" return {one(s.gsub, s, "o", "0"), one(s.gsub, s, "(%w+)", "<%1>"),
       one(s.gsub, s, "%w+", "%0 %0", 1), one(s.gsub, s, "", "-"),
       one(string.gsub, "a=1, b=2", "(%w+)=(%w+)", "%2=%1"),
       one(string.gsub, "$name is $v, $x", "%$(%w+)", {name = "Lua", v = false}),
       one(s.gsub, s, "%w+", function(w) return w:upper() end),
       one(s.gsub, s, "%w+", function() return nil end), one(string.gsub, "  x", "^%s+", ""),
       one(string.gsub, "abc", "x*", "-"), one(string.gsub, "ab", "()", "%1"),
       one(string.gsub, "a", "a", "%%"), one(string.gsub, "abc", "%w", "%0%0", 0),
       one(string.gsub, "abc", "b", 7), one(string.gsub, "abc", "(b)", {b = 42}),
       one(string.gsub, "abc", "^b", "x"), one(string.gsub, "aaa", "a", "b", 2.0)})L",
    // errors: Lua's messages, word for word
    R"L(return {one(string.find, "a", "[a"), one(string.find, "a", "%"), one(string.gsub, "a", "a", "%2"),
       one(string.gsub, "a", "(a)", "%9"), one(string.match, "a", "(()"), one(string.match, "a", "%1"),
       one(string.match, "a", ")"), one(string.match, "x", "%f"),
       one(string.match, "x", "%b"), one(string.match, "a", ("()"):rep(33)),
       one(string.gsub, "x", "x", function() return {} end), one(string.gsub, "a", "a", "%x"),
       one(string.match, ("a"):rep(300), ("a?"):rep(300)), one(string.find, 1, 2)})L",
};

LuaLimits small_budget() {
  LuaLimits l;
  l.instructions = 200'000;
  l.max_string_bytes = 256u << 10;
  return l;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lua_pattern)

BOOST_AUTO_TEST_CASE(the_counted_functions_answer_as_lua_does) {
  for (const auto& body : kCases) {
    BOOST_TEST_CONTEXT(body) {
      const std::string expected = in_plain_lua(body);
      BOOST_TEST(expected.find("does not run") == std::string::npos, expected);
      BOOST_TEST(in_sandbox(body) == expected);
    }
  }
}

BOOST_AUTO_TEST_CASE(wrong_arguments_are_refused) {
  // Lua names the function differently through the sandbox's wrapper, so only the kind is compared.
  for (const std::string body :
       {R"L(return {one(string.gsub, "a", "a", true)})L",
        R"L(return {one(string.find, "a", nil)})L", R"L(return {one(string.gmatch, "a")})L",
        R"L(return {one(string.match, {}, "a")})L"}) {
    BOOST_TEST_CONTEXT(body) {
      const std::string out = in_sandbox(body);
      BOOST_TEST(out.find("error:bad argument #") == 0u, out);
      BOOST_TEST(in_plain_lua(body).find("error:bad argument #") == 0u);
    }
  }
}

BOOST_AUTO_TEST_CASE(runaway_patterns_stop_at_the_budget) {
  // Each took seconds to minutes inside one call of Lua's own matcher, unseen by the count hook.
  const std::vector<std::string> hostile = {
      R"L(return {("a"):rep(2000):find(".-.-b")})L",
      R"L(return {("a"):rep(60000):find("(a*)*b")})L",
      R"L(return {("a"):rep(60000):match(".-.-.-$x")})L",
      R"L(return {select(2, ("a"):rep(60000):gsub(".-b", ""))})L",
      R"L(local n = 0 for _ in ("a"):rep(60000):gmatch("a-b") do n = n + 1 end return {n})L",
      R"L(return {("a"):rep(200000):find(("a"):rep(100000) .. "b", 1, true)})L",
      R"L(return {("(" ):rep(100000):find("%b()")})L",
  };
  for (const auto& body : hostile) {
    BOOST_TEST_CONTEXT(body) {
      const auto started = std::chrono::steady_clock::now();
      const std::string out = in_sandbox(body, small_budget());
      const auto took = std::chrono::steady_clock::now() - started;
      // The script's own pcall (in `all`) cannot swallow the stop.
      BOOST_TEST(out.find("stopped: ") == 0u, out);
      BOOST_TEST(out.find("instruction budget") != std::string::npos, out);
      // Behaviour, not a speed target: the stop comes from the budget, not from the pattern
      // finishing (each would run for seconds at least).
      BOOST_TEST(took < std::chrono::seconds(2));
    }
  }
}

BOOST_AUTO_TEST_CASE(ordinary_matching_stays_within_the_budget) {
  // A rule's usual work: a code checked, a date split, a name trimmed, a thousand times.
  const std::string body = R"L(local n = 0
    for i = 1, 1000 do
      if ("91410500MA40000000"):match("^%d%d%d%d%d%d") then n = n + 1 end
      local y, m, d = ("2024-07-05"):match("(%d+)-(%d+)-(%d+)")
      local t = ("  某某公司  "):gsub("^%s+", ""):gsub("%s+$", "")
    end
    return {n})L";
  BOOST_TEST(in_sandbox(body) == "1000");
}

BOOST_AUTO_TEST_SUITE_END()
