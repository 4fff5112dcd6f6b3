#pragma once
// Internal to engine/rules: one sandboxed Lua 5.4 state holding one region script.
//
// The recipe (Redis, Luau, Wikimedia LuaSandbox): a counting allocator that refuses growth past the
// cap and never fails a shrink; only base (without load/loadfile/dofile/collectgarbage/print),
// string (without dump), table, math (without random), utf8, and the date/calendar helpers; text
// chunks only; the script's globals live in its own environment, sealed read-only after the top
// level ran; a count hook enforcing an instruction budget per call; size bounds on the C helpers a
// count hook cannot interrupt (string.rep), and pattern matching that charges its steps to the
// same budget (lua_pattern.hpp).

#include <boost/json/object.hpp>
#include <memory>
#include <string>
#include <string_view>

#include "engine/model/result.hpp"
#include "engine/rules/lua_limits.hpp"
#include "engine/rules/rule_module.hpp"

struct lua_State;

namespace gongshi {

class LuaState {
 public:
  // Compiles and runs the script's top level in a new sandbox. `chunk` names it in messages.
  static Result<std::unique_ptr<LuaState>> create(std::string chunk, std::string_view script,
                                                  const LuaLimits& limits);
  ~LuaState();
  LuaState(const LuaState&) = delete;
  LuaState& operator=(const LuaState&) = delete;

  lua_State* L() const { return L_; }
  // The LuaState whose Lua state `L` is (its extra space points back at it).
  static LuaState& of(lua_State* L);
  // Pushes the script's global `name` when it is a function; false (nothing pushed) otherwise.
  bool push_global_function(const char* name);
  // Pushes the script's global `name` whatever it is (nil when absent).
  void push_global(const char* name);
  // Pushes a read-only view of the table on top of the stack, replacing it.
  void freeze_top();
  // Calls the function below `nargs` arguments with the budget; the context is what the calendar
  // helpers use. On error the message is returned and the state is marked broken.
  Result<std::monostate> call(int nargs, int nresults, const RuleContext* ctx);

  bool broken() const { return broken_; }
  // The script's `tests` and `rule` tables as they were after its top level ran (null if absent).
  const boost::json::object& metadata() const { return metadata_; }
  const RuleContext* context() const { return ctx_; }
  std::size_t memory_used() const { return alloc_.used; }
  const LuaLimits& limits() const { return limits_; }
  void count_instructions(int n);  // from the hook; raises a Lua error past the budget

  struct Alloc {
    std::size_t used = 0;
    std::size_t limit = 0;
    bool in_script = false;  // inside a protected call: the cap holds without the host's reserve
  };
  // Room on the Lua stack for the host's pushes between calls (LUA_MINSTACK slots); false when
  // the stack cannot grow.
  bool make_room();

 private:
  LuaState(std::string chunk, const LuaLimits& limits);
  Result<std::monostate> protected_call(int nargs, int nresults);

  std::string chunk_;
  LuaLimits limits_;
  Alloc alloc_;
  lua_State* L_ = nullptr;
  std::int64_t used_ = 0;
  const RuleContext* ctx_ = nullptr;
  bool broken_ = false;
  int env_ref_ = 0;
  boost::json::object metadata_;
};

}  // namespace gongshi
