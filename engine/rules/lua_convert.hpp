#pragma once
// Internal to engine/rules: the records, decisions and deadlines a script sees, and reading back
// what it returns.

#include <string>

#include "engine/rules/rule_module.hpp"

struct lua_State;

namespace gongshi {

class LuaState;

void push_record(LuaState& s, const Record& r);  // frozen {XK_…="…", kind="license"}
// frozen {region=, today=, period={regime=, tier=, sector=, min_months=, max_months=,
// earliest_end=, latest_end=} (penalties while deadlines are decided)}
void push_context(LuaState& s, const RuleContext& ctx);
void push_classification(lua_State* L, const Classification& c);  // {tier=, sector=, derivation=}
void push_scope(lua_State* L, const ScopeDecision& d);
void push_deadlines(lua_State* L, const Deadlines& d);

// Each reads the value at the top of the stack; `who` names the script in messages.
Status read_issues(lua_State* L, const std::string& who, Issues& out);
Status read_scope(lua_State* L, const std::string& who, ScopeDecision& d);
Status read_deadlines(lua_State* L, const std::string& who, Deadlines& d);
// {tier=, sector=, reason=} or nil: what a script's classify returns.
Status read_classification(lua_State* L, const std::string& who, Classification& c);

}  // namespace gongshi
