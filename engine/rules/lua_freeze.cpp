#include "engine/rules/lua_freeze.hpp"

#include <lua.hpp>

namespace gongshi {
namespace {

constexpr const char* kFrozenMark = "__gongshi_frozen";
constexpr int kMaxDepth = 32;

int readonly(lua_State* L) {
  return luaL_error(L, "read-only: cannot set '%s'", luaL_tolstring(L, 2, nullptr));
}

// The original table behind a view: its metatable's __index (the C API ignores __metatable).
void push_store(lua_State* L, int proxy) {
  lua_getmetatable(L, proxy);
  lua_rawgetp(L, -1, reinterpret_cast<const void*>(&kFrozenMark));
  lua_remove(L, -2);
}

int frozen_len(lua_State* L) {
  push_store(L, 1);
  lua_pushinteger(L, static_cast<lua_Integer>(lua_rawlen(L, -1)));
  return 1;
}

int frozen_next(lua_State* L) {  // upvalue: the store; arguments: (view, key)
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, 2);
  if (lua_next(L, -2) == 0) {
    lua_pushnil(L);
    return 1;
  }
  return 2;
}

int frozen_pairs(lua_State* L) {
  push_store(L, 1);
  lua_pushcclosure(L, frozen_next, 1);
  lua_pushvalue(L, 1);  // the view, not the store, is the iteration state
  lua_pushnil(L);
  return 3;
}

bool is_frozen(lua_State* L, int idx) {
  if (!lua_getmetatable(L, idx)) return false;
  const bool frozen = lua_rawgetp(L, -1, reinterpret_cast<const void*>(&kFrozenMark)) == LUA_TTABLE;
  lua_pop(L, 2);
  return frozen;
}

void freeze(lua_State* L, int depth) {
  if (depth > kMaxDepth)
    luaL_error(L, "tables nested deeper than %d levels (or cyclic)", kMaxDepth);
  // One level holds the key, the value and is_frozen's metatable and mark, then the view and its
  // metatable with a field: room for them before anything is pushed (a C function is promised
  // only LUA_MINSTACK slots, fewer than 32 levels use).
  luaL_checkstack(L, 8, "tables nested too deeply");
  const int t = lua_gettop(L);
  if (is_frozen(L, t)) return;
  lua_pushnil(L);
  while (lua_next(L, t) != 0) {
    if (lua_type(L, -1) == LUA_TTABLE && !is_frozen(L, -1)) {
      freeze(L, depth + 1);  // value at the top becomes its view
      lua_pushvalue(L, -2);  // key
      lua_insert(L, -2);     // key, key, view
      lua_rawset(L, t);      // replacing an existing key's value while traversing is allowed
    } else {
      lua_pop(L, 1);
    }
  }
  lua_createtable(L, 0, 0);  // the view
  lua_createtable(L, 0, 6);  // its metatable
  lua_pushvalue(L, t);
  lua_setfield(L, -2, "__index");
  lua_pushvalue(L, t);
  lua_rawsetp(L, -2, reinterpret_cast<const void*>(&kFrozenMark));
  lua_pushcfunction(L, readonly);
  lua_setfield(L, -2, "__newindex");
  lua_pushcfunction(L, frozen_len);
  lua_setfield(L, -2, "__len");
  lua_pushcfunction(L, frozen_pairs);
  lua_setfield(L, -2, "__pairs");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_replace(L, t);
}

}  // namespace

void freeze_top_table(lua_State* L) {
  if (lua_type(L, -1) == LUA_TTABLE) freeze(L, 0);
}

int lua_freeze(lua_State* L) {
  lua_settop(L, 1);
  freeze_top_table(L);
  return 1;
}

}  // namespace gongshi
