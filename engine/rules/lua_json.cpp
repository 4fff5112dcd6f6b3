#include "engine/rules/lua_json.hpp"

#include <lua.hpp>

namespace gongshi {
namespace {

constexpr int kMaxDepth = 32;

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
  if (depth > kMaxDepth) {
    return make_error(ErrorCode::rule_error, "表嵌套过深", "tables nested too deeply");
  }
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

void push_json(lua_State* L, const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      lua_pushnil(L);
      return;
    case boost::json::kind::bool_:
      lua_pushboolean(L, v.get_bool());
      return;
    case boost::json::kind::int64:
      lua_pushinteger(L, v.get_int64());
      return;
    case boost::json::kind::uint64:
      lua_pushinteger(L, static_cast<lua_Integer>(v.get_uint64()));
      return;
    case boost::json::kind::double_:
      lua_pushnumber(L, v.get_double());
      return;
    case boost::json::kind::string:
      lua_pushlstring(L, v.get_string().data(), v.get_string().size());
      return;
    case boost::json::kind::array: {
      const auto& a = v.get_array();
      lua_createtable(L, static_cast<int>(a.size()), 0);
      for (std::size_t i = 0; i < a.size(); ++i) {
        push_json(L, a[i]);
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
      }
      return;
    }
    case boost::json::kind::object: {
      const auto& o = v.get_object();
      lua_createtable(L, 0, static_cast<int>(o.size()));
      for (const auto& [k, item] : o) {
        push_json(L, item);
        lua_setfield(L, -2, std::string(k).c_str());
      }
      return;
    }
  }
}

}  // namespace gongshi
