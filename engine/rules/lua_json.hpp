#pragma once
// Internal to engine/rules: Lua values to and from JSON (a table with keys 1..n is an array, an
// empty table an empty array). Reads raw tables (no metamethods).

#include <boost/json/value.hpp>

#include "engine/model/result.hpp"

struct lua_State;

namespace gongshi {

Result<boost::json::value> lua_to_json(lua_State* L, int idx);
void push_json(lua_State* L, const boost::json::value& v);

}  // namespace gongshi
