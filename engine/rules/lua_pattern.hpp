#pragma once
// Internal to engine/rules: string.find, string.match, string.gmatch and string.gsub for the
// sandbox, with Lua 5.4's pattern semantics but every matching step counted against the calling
// state's instruction budget.
//
// Lua's own matcher backtracks inside one C call, where the count hook never runs: ("a"):rep(2000)
// :find(".-.-b") took 15.6 s and was then accepted. These functions charge each step (and each
// byte a plain find compares) to LuaState::count_instructions, so such a pattern fails with the
// budget message within the budget's time, like any other runaway rule.

struct lua_State;

namespace gongshi {

// Pushes a table {find=, match=, gmatch=, gsub=} of the counted functions. They must only be
// called in a LuaState (its extra space points at it).
void push_counted_patterns(lua_State* L);

}  // namespace gongshi
