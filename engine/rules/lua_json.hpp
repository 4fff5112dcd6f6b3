#pragma once
// Internal to engine/rules: Lua values to JSON (a table with keys 1..n is an array, an empty table
// an empty array). Reads raw tables (no metamethods) and never raises a Lua error, so it may run
// outside a protected call: nesting past 32 levels (or a cycle) is a rule_error, and each level
// makes room on the Lua stack before it pushes.

#include <boost/json/value.hpp>

#include "engine/model/result.hpp"

struct lua_State;

namespace gongshi {

Result<boost::json::value> lua_to_json(lua_State* L, int idx);

}  // namespace gongshi
