#pragma once
// Internal to engine/rules: read-only views of Lua tables, built in C. A frozen table is an empty
// proxy whose protected metatable reads from the original; writes raise "read-only"; #, pairs and
// ipairs work; pairs never hands out the original table. Nested tables are frozen in place.

struct lua_State;

namespace gongshi {

// Replaces the table at the top of the stack with its frozen view (nested tables first). Tables
// nested deeper than 32 levels (or cyclic) raise a Lua error.
void freeze_top_table(lua_State* L);
// The same as a Lua function: freeze(t) -> view (non-tables are returned as they are).
int lua_freeze(lua_State* L);

}  // namespace gongshi
