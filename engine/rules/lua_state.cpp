#include "engine/rules/lua_state.hpp"

#include <cstdlib>
#include <lua.hpp>

#include "engine/rules/lua_freeze.hpp"
#include "engine/rules/lua_helpers.hpp"
#include "engine/rules/lua_json.hpp"
#include "engine/rules/lua_pattern.hpp"
#include "engine/rules/lua_prelude.hpp"

namespace gongshi {
namespace {

constexpr int kHookEvery = 1000;  // instructions between budget checks
// What the host's own work on a state (pushing a record, reading a result, the script's tests
// table) may allocate past the cap. Lua code runs only inside protected calls, under the cap
// itself; the host works outside them, where an allocation refused would be a Lua panic (abort):
// so a script that fills its memory to the cap fails its next call, never the process.
constexpr std::size_t kHostReserve = 1u << 20;

void* counting_alloc(void* ud, void* ptr, std::size_t osize, std::size_t nsize) {
  auto* a = static_cast<LuaState::Alloc*>(ud);
  const std::size_t old = ptr != nullptr ? osize : 0;
  if (nsize == 0) {
    std::free(ptr);
    a->used -= old;
    return nullptr;
  }
  const std::size_t cap = a->in_script ? a->limit : a->limit + kHostReserve;
  if (nsize > old && a->used - old + nsize > cap) return nullptr;  // refuse growth
  void* p = std::realloc(ptr, nsize);
  if (p == nullptr) return nsize <= old ? ptr : nullptr;  // never fail a shrink
  a->used = a->used - old + nsize;
  return p;
}

void count_hook(lua_State* L, lua_Debug*) {
  LuaState::of(L).count_instructions(kHookEvery);
}

void set_budget_hook(lua_State* L, int every) {
  lua_sethook(L, count_hook, LUA_MASKCOUNT, every);
}

}  // namespace

LuaState& LuaState::of(lua_State* L) {
  return **static_cast<LuaState**>(lua_getextraspace(L));
}

LuaState::LuaState(std::string chunk, const LuaLimits& limits)
    : chunk_(std::move(chunk)), limits_(limits) {
  alloc_.limit = limits.memory_bytes;
}

LuaState::~LuaState() {
  if (L_ != nullptr) lua_close(L_);
}

void LuaState::count_instructions(int n) {
  used_ += n;
  if (used_ > limits_.instructions) {
    // From now on every instruction fails, so a script's own pcall cannot swallow the stop.
    set_budget_hook(L_, 1);
    luaL_error(L_, "instruction budget of %d exceeded", static_cast<int>(limits_.instructions));
  }
}

Result<std::monostate> LuaState::protected_call(int nargs, int nresults) {
  used_ = 0;
  set_budget_hook(L_, kHookEvery);
  alloc_.in_script = true;
  const int status = lua_pcall(L_, nargs, nresults, 0);
  alloc_.in_script = false;
  lua_sethook(L_, nullptr, 0, 0);
  if (status == LUA_OK) return std::monostate{};
  std::string message =
      lua_isstring(L_, -1) ? lua_tostring(L_, -1) : "(error object is not a string)";
  lua_pop(L_, 1);
  if (status == LUA_ERRMEM) {
    message = "memory cap of " + std::to_string(limits_.memory_bytes >> 20) + " MiB exceeded";
  }
  broken_ = true;
  lua_gc(L_, LUA_GCCOLLECT);
  return make_error(ErrorCode::rule_error, chunk_ + "：" + message, chunk_ + ": " + message);
}

Result<std::unique_ptr<LuaState>> LuaState::create(std::string chunk, std::string_view script,
                                                   const LuaLimits& limits) {
  std::unique_ptr<LuaState> s(new LuaState(std::move(chunk), limits));
  lua_State* L = lua_newstate(counting_alloc, &s->alloc_);
  if (L == nullptr) {
    return make_error(ErrorCode::internal, "无法创建 Lua 状态", "cannot create a Lua state");
  }
  s->L_ = L;
  *static_cast<LuaState**>(lua_getextraspace(L)) = s.get();

  // The libraries the prelude copies from; the script never sees this global table.
  const luaL_Reg libs[] = {{LUA_GNAME, luaopen_base},
                           {LUA_STRLIBNAME, luaopen_string},
                           {LUA_TABLIBNAME, luaopen_table},
                           {LUA_MATHLIBNAME, luaopen_math},
                           {LUA_UTF8LIBNAME, luaopen_utf8}};
  for (const auto& lib : libs) {
    luaL_requiref(L, lib.name, lib.func, 1);
    lua_pop(L, 1);
  }
  if (luaL_loadbufferx(L, kLuaPrelude, std::char_traits<char>::length(kLuaPrelude), "=prelude",
                       "t") != LUA_OK) {
    return make_error(ErrorCode::internal, "沙箱初始化失败", "sandbox prelude does not compile");
  }
  lua_pushinteger(L, static_cast<lua_Integer>(limits.max_string_bytes));
  push_calendar_library(L);
  push_date_library(L);
  lua_pushcfunction(L, lua_freeze);
  push_counted_patterns(L);
  if (auto st = s->protected_call(5, 2); !st) return st.error();
  // Stack: frozen_lib, seal.
  const int seal = lua_gettop(L);

  // The script's environment: reads fall through to the frozen library.
  lua_newtable(L);  // env
  lua_newtable(L);  // its metatable while the top level runs
  lua_pushvalue(L, seal - 1);
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, -2);
  s->env_ref_ = (lua_pushvalue(L, -1), luaL_ref(L, LUA_REGISTRYINDEX));

  const std::string name = "=" + s->chunk_;
  if (luaL_loadbufferx(L, script.data(), script.size(), name.c_str(), "t") != LUA_OK) {
    std::string message = lua_tostring(L, -1);
    return make_error(ErrorCode::rule_error, "脚本编译失败：" + message,
                      "the script does not compile: " + message);
  }
  lua_pushvalue(L, -2);  // env as the chunk's _ENV
  lua_setupvalue(L, -2, 1);
  if (auto st = s->protected_call(0, 0); !st) return st.error();
  // Read what the host needs from the raw globals before they are sealed.
  for (const char* name : {"tests", "rule", "settings"}) {
    lua_getfield(L, -1, name);
    if (!lua_isnil(L, -1)) {
      auto json = lua_to_json(L, -1);
      if (!json) return json.error();
      s->metadata_[name] = std::move(json).value();
    }
    lua_pop(L, 1);
  }
  // seal(env)
  lua_pushvalue(L, seal);
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->env_ref_);
  if (auto st = s->protected_call(1, 0); !st) return st.error();
  lua_settop(L, 0);
  s->broken_ = false;
  return s;
}

void LuaState::push_global(const char* name) {
  lua_rawgeti(L_, LUA_REGISTRYINDEX, env_ref_);
  lua_getfield(L_, -1, name);  // through the sealed metatable: script globals, then the library
  lua_remove(L_, -2);
}

bool LuaState::push_global_function(const char* name) {
  push_global(name);
  if (lua_isfunction(L_, -1)) return true;
  lua_pop(L_, 1);
  return false;
}

bool LuaState::make_room() {
  return lua_checkstack(L_, LUA_MINSTACK) != 0;
}

void LuaState::freeze_top() {
  freeze_top_table(L_);
}

Result<std::monostate> LuaState::call(int nargs, int nresults, const RuleContext* ctx) {
  ctx_ = ctx;
  auto st = protected_call(nargs, nresults);
  ctx_ = nullptr;
  return st;
}

}  // namespace gongshi
