#pragma once
// The trusted Lua code that builds the sandbox. It runs once per state, before any rule script,
// with the full base library; it is never reachable from a script.

namespace gongshi {

// Called as prelude(max_string_bytes, cal, date, freeze, patterns); returns frozen_lib, seal.
// `freeze` is the C function of lua_freeze.hpp; `patterns` the counted matchers of lua_pattern.hpp,
// which replace Lua's own (those run unbudgeted inside one C call).
inline constexpr const char* kLuaPrelude = R"lua(
local MAX, cal, date, freeze, patterns = ...
local G = _G
local next, type, setmetatable, getmetatable = next, type, setmetatable, getmetatable
local rawget, rawset, error, tostring, tonumber = rawget, rawset, error, tostring, tonumber

local function copy(t, skip)
  local c = {}
  for k, v in next, t do
    if not (skip and skip[k]) then c[k] = v end
  end
  return c
end

local lib = {}
for _, k in next, {"assert", "error", "ipairs", "next", "pairs", "pcall", "select", "tonumber",
                   "tostring", "type", "xpcall", "rawequal", "rawlen", "rawget", "getmetatable",
                   "_VERSION"} do
  lib[k] = G[k]
end
lib.setmetatable = function(t, mt)
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
    error("__gc metamethods are not allowed in rules", 2)
  end
  return setmetatable(t, mt)
end

local s = copy(string, {dump = true})
for _, name in next, {"find", "match", "gmatch", "gsub"} do
  s[name] = patterns[name]  -- counted, and bounded in subject size, in C
end
local rep = string.rep
s.rep = function(str, n, sep)
  local count = tonumber(n) or 0
  local size = #tostring(str) * count + (sep and #tostring(sep) * count or 0)
  if size > MAX then error("string.rep: result larger than " .. MAX .. " bytes", 2) end
  return rep(str, n, sep)
end
lib.string = s
lib.table = copy(table)
lib.math = copy(math, {random = true, randomseed = true})
lib.utf8 = copy(utf8)
lib.cal = cal
lib.date = date

local frozen = freeze(lib)
local smt = getmetatable("")
smt.__index = frozen.string
smt.__metatable = false

-- After the script's top level: move its globals into a frozen store and refuse new ones.
local function seal(env)
  local store = setmetatable({}, {__index = frozen})
  local keys = {}
  for k, v in next, env do
    store[k] = freeze(v)
    keys[#keys + 1] = k
  end
  for _, k in next, keys do rawset(env, k, nil) end
  setmetatable(env, {
    __index = store, __metatable = false,
    __newindex = function(_, k)
      error("rules must not set globals when called ('" .. tostring(k) .. "'); use local variables", 2)
    end,
  })
end

return frozen, seal
)lua";

}  // namespace gongshi
