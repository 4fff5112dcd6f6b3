#pragma once
// A region's Lua script as a rule module. States are pooled: a call leases a compiled, sealed state
// and returns it; a state whose call failed (error, budget, memory) is dropped, never reused.
//
// The script may define any of (see docs/rules.md):
//   validate(record, ctx)                 -> list of {field, code, message_zh, message_en}
//   scope(record, current, ctx)           -> {scope, reason, basis, mask, flags} or nil
//   deadlines(record, current, ctx)       -> {publish_by, late_after, missing_after,
//                                            publication_end, repair_from}
//   classify(record, current, ctx)        -> {tier, sector, reason} or nil (penalties)
//   sla(event, current_days, ctx)         -> working days or nil
//   guard(name, record, input, ctx)       -> nil | true | false, reason_zh, reason_en
// and the tables `rule` ({region = "410500", name = "安阳市"}) and `tests`.

#include <boost/json/value.hpp>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/rules/lua_limits.hpp"
#include "engine/rules/rule_module.hpp"

namespace gongshi {

class LuaState;

class LuaModule final : public RuleModule {
 public:
  // Compiles the script and runs its top level once; refuses a script whose `rule.region` names
  // another region.
  static Result<std::shared_ptr<const LuaModule>> compile(std::string region, std::string script,
                                                          LuaLimits limits);
  ~LuaModule() override;

  std::string name() const override { return region_; }
  std::string version() const override { return hash_.substr(0, 12); }
  const std::string& script() const { return script_; }
  const std::string& hash() const { return hash_; }  // SHA-256 of the script text, hex
  const boost::json::value& tests() const { return tests_; }

  Status validate(const Record& r, const RuleContext& ctx, Issues& issues) const override;
  Status scope(const Record& r, const RuleContext& ctx, ScopeDecision& d) const override;
  Status deadlines(const Record& r, const RuleContext& ctx, Deadlines& d) const override;
  Status sla(std::string_view event, const RuleContext& ctx,
             std::optional<int>& working_days) const override;
  Status guard(std::string_view guard, const Record& r, const GuardInput& in,
               const RuleContext& ctx, GuardDecision& d) const override;
  Status classify(const Record& r, const RuleContext& ctx, Classification& c) const override;
  Status report_settings(ReportSettings& s) const override;  // from `settings`
  // One leased state and one record table for all three.
  Status evaluate(const Record& r, const RuleContext& ctx, Issues& issues, ScopeDecision& scope,
                  Deadlines& d) const override;

  // Idle states in the pool (for tests and metrics).
  std::size_t idle_states() const;

 private:
  LuaModule(std::string region, std::string script, LuaLimits limits);
  Result<std::unique_ptr<LuaState>> lease() const;
  void give_back(std::unique_ptr<LuaState> s) const;
  Error failure(const Error& e) const;
  template <class Body>
  Status with_state(const Record& r, const RuleContext& ctx, Body&& body) const;
  // Each calls the script's function when it has one, with the record and the context at stack
  // indexes `rec` and `c`, and reads what it returns.
  Status run_validate(LuaState& s, int rec, int c, const RuleContext& ctx, Issues& issues) const;
  Status run_scope(LuaState& s, int rec, int c, const RuleContext& ctx, ScopeDecision& d) const;
  Status run_deadlines(LuaState& s, int rec, int c, const RuleContext& ctx, Deadlines& d) const;
  template <class Body>
  Status with_function(const char* fn, Body&& body) const;

  std::string region_;
  std::string script_;
  std::string hash_;
  LuaLimits limits_;
  boost::json::value tests_;
  boost::json::value settings_;
  // Which functions the script defines, found once at compile: calls for the others cost nothing.
  bool has_validate_ = false, has_scope_ = false, has_deadlines_ = false, has_classify_ = false;
  mutable std::mutex mu_;
  mutable std::vector<std::unique_ptr<LuaState>> idle_;
};

}  // namespace gongshi
