#include "engine/rules/lua_json.hpp"

#include <lua.hpp>

namespace gongshi {
namespace {

constexpr int kMaxDepth = 32;
// Slots one level of a table uses: the key and value of lua_next (or the element of
// lua_rawgeti), with one to spare. Lua promises a C function only LUA_MINSTACK slots, so each
// level asks for its own before it pushes anything.
constexpr int kSlotsPerLevel = 3;

Error too_deep() {
  return make_error(
      ErrorCode::rule_error, "表嵌套过深（超过 " + std::to_string(kMaxDepth) + " 层，或循环引用）",
      "tables nested too deeply (over " + std::to_string(kMaxDepth) + " levels, or cyclic)");
}

Result<boost::json::value> convert(lua_State* L, int idx, int depth) {
  idx = lua_absindex(L, idx);
  switch (lua_type(L, idx)) {
    case LUA_TNIL:
      return boost::json::value(nullptr);
    case LUA_TBOOLEAN:
      return boost::json::value(lua_toboolean(L, idx) != 0);
    case LUA_TNUMBER:
      if (lua_isinteger(L, idx)) return boost::json::value(lua_tointeger(L, idx));
      return boost::json::value(lua_tonumber(L, idx));
    case LUA_TSTRING: {
      std::size_t n = 0;
      const char* s = lua_tolstring(L, idx, &n);
      return boost::json::value(boost::json::string_view(s, n));
    }
    case LUA_TTABLE:
      break;
    default:
      return make_error(ErrorCode::rule_error,
                        "不支持的 Lua 值类型：" + std::string(luaL_typename(L, idx)),
                        "unsupported Lua value: " + std::string(luaL_typename(L, idx)));
  }
  if (depth > kMaxDepth || !lua_checkstack(L, kSlotsPerLevel)) return too_deep();
  const lua_Unsigned n = lua_rawlen(L, idx);
  std::size_t count = 0;
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    ++count;
    lua_pop(L, 1);
  }
  if (count == n) {
    boost::json::array arr;
    for (lua_Unsigned i = 1; i <= n; ++i) {
      lua_rawgeti(L, idx, static_cast<lua_Integer>(i));
      auto v = convert(L, -1, depth + 1);
      lua_pop(L, 1);
      if (!v) return v.error();
      arr.push_back(std::move(v).value());
    }
    return boost::json::value(std::move(arr));
  }
  boost::json::object obj;
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    if (lua_type(L, -2) != LUA_TSTRING) {
      lua_pop(L, 2);
      return make_error(ErrorCode::rule_error, "表的键必须是字符串或连续整数",
                        "table keys must be strings, or 1..n for a list");
    }
    auto v = convert(L, -1, depth + 1);
    if (!v) {
      lua_pop(L, 2);
      return v.error();
    }
    obj[lua_tostring(L, -2)] = std::move(v).value();
    lua_pop(L, 1);
  }
  return boost::json::value(std::move(obj));
}

}  // namespace

Result<boost::json::value> lua_to_json(lua_State* L, int idx) {
  return convert(L, idx, 0);
}

}  // namespace gongshi
