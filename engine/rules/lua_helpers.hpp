#pragma once
// Internal to engine/rules: the date and calendar functions a rule script may call, as Lua tables
// of C functions. Dates are "YYYY-MM-DD" strings, so comparing them as strings orders them.
//
//   cal.add_working_days(d, n)     the n-th working day after d in the region's calendar
//   cal.is_working_day(d)
//   cal.working_days_between(a, b) working days after a up to and including b
//   date.add_days(d, n), date.add_months(d, n), date.days_between(a, b), date.is_date(s),
//   date.weekday(d)                1 = Monday … 7 = Sunday

struct lua_State;

namespace gongshi {

void push_calendar_library(lua_State* L);
void push_date_library(lua_State* L);

}  // namespace gongshi
