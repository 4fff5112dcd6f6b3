#include "engine/rules/lua_helpers.hpp"

#include <lua.hpp>

#include "engine/rules/lua_state.hpp"

namespace gongshi {
namespace {

constexpr lua_Integer kMaxDays = 366 * 20;  // bound on a count a helper accepts

Date check_date(lua_State* L, int idx) {
  std::size_t n = 0;
  const char* s = luaL_checklstring(L, idx, &n);
  const auto d = parse_date(std::string_view(s, n));
  if (!d) luaL_error(L, "not a date: '%s' (expected YYYY-MM-DD)", s);
  return *d;
}

int check_count(lua_State* L, int idx) {
  const lua_Integer n = luaL_checkinteger(L, idx);
  if (n < -kMaxDays || n > kMaxDays) luaL_error(L, "count %d out of range", static_cast<int>(n));
  return static_cast<int>(n);
}

const RuleContext& call_context(lua_State* L) {
  const RuleContext* ctx = LuaState::of(L).context();
  if (ctx == nullptr || ctx->calendar == nullptr)
    luaL_error(L, "no working-day calendar in this call");
  return *ctx;
}

void push_date(lua_State* L, Date d) {
  lua_pushstring(L, format_date(d).c_str());
}

template <class T>
T checked(lua_State* L, const Result<T>& r) {
  if (!r) luaL_error(L, "%s", r.error().message_en.c_str());
  return *r;
}

// The calendar helpers count past the loaded years exactly when the host allows it for this call
// (RuleContext::calendar_use), and mark the call provisional when they do.
int cal_add_working_days(lua_State* L) {
  const Date d = check_date(L, 1);
  const int n = check_count(L, 2);
  const RuleContext& ctx = call_context(L);
  push_date(L, checked(L, ctx.calendar->add_working_days(d, n, ctx.calendar_use)));
  return 1;
}

int cal_is_working_day(lua_State* L) {
  const RuleContext& ctx = call_context(L);
  lua_pushboolean(L, checked(L, ctx.calendar->is_working_day(check_date(L, 1), ctx.calendar_use)));
  return 1;
}

int cal_working_days_between(lua_State* L) {
  const Date a = check_date(L, 1);
  const Date b = check_date(L, 2);
  const RuleContext& ctx = call_context(L);
  lua_pushinteger(L, checked(L, ctx.calendar->working_days_between(a, b, ctx.calendar_use)));
  return 1;
}

int date_add_days(lua_State* L) {
  const Date d = check_date(L, 1);
  push_date(L, add_days(d, check_count(L, 2)));
  return 1;
}

int date_add_months(lua_State* L) {
  const Date d = check_date(L, 1);
  const lua_Integer n = luaL_checkinteger(L, 2);
  if (n < -1200 || n > 1200) luaL_error(L, "months %d out of range", static_cast<int>(n));
  push_date(L, add_months(d, static_cast<int>(n)));
  return 1;
}

int date_days_between(lua_State* L) {
  const Date a = check_date(L, 1);
  lua_pushinteger(L, days_between(a, check_date(L, 2)));
  return 1;
}

int date_is_date(lua_State* L) {
  std::size_t n = 0;
  const char* s = lua_tolstring(L, 1, &n);
  lua_pushboolean(L, s != nullptr && parse_date(std::string_view(s, n)).has_value());
  return 1;
}

int date_weekday(lua_State* L) {
  const std::chrono::weekday wd{std::chrono::sys_days{check_date(L, 1)}};
  lua_pushinteger(L, wd.iso_encoding());
  return 1;
}

}  // namespace

void push_calendar_library(lua_State* L) {
  const luaL_Reg fns[] = {{"add_working_days", cal_add_working_days},
                          {"is_working_day", cal_is_working_day},
                          {"working_days_between", cal_working_days_between},
                          {nullptr, nullptr}};
  luaL_newlib(L, fns);
}

void push_date_library(lua_State* L) {
  const luaL_Reg fns[] = {{"add_days", date_add_days},         {"add_months", date_add_months},
                          {"days_between", date_days_between}, {"is_date", date_is_date},
                          {"weekday", date_weekday},           {nullptr, nullptr}};
  luaL_newlib(L, fns);
}

}  // namespace gongshi
