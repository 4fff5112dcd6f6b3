#pragma once
// Internal to engine/rules: the records, decisions and deadlines a script sees, and reading back
// what it returns.

#include <string>

#include "engine/rules/rule_module.hpp"

struct lua_State;

namespace gongshi {

class LuaState;

void push_record(LuaState& s, const Record& r);          // frozen {XK_…="…", kind="license"}
void push_context(LuaState& s, const RuleContext& ctx);  // frozen {region=, today=}
void push_scope(lua_State* L, const ScopeDecision& d);
void push_deadlines(lua_State* L, const Deadlines& d);

// Each reads the value at the top of the stack; `who` names the script in messages.
Status read_issues(lua_State* L, const std::string& who, Issues& out);
Status read_scope(lua_State* L, const std::string& who, ScopeDecision& d);
Status read_deadlines(lua_State* L, const std::string& who, Deadlines& d);

}  // namespace gongshi
