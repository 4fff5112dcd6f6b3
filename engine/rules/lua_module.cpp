#include "engine/rules/lua_module.hpp"

#include <lua.hpp>

#include "engine/rules/lua_convert.hpp"
#include "engine/rules/lua_state.hpp"
#include "engine/rules/sha256.hpp"

namespace gongshi {

LuaModule::LuaModule(std::string region, std::string script, LuaLimits limits)
    : region_(std::move(region)),
      script_(std::move(script)),
      hash_(sha256_hex(script_)),
      limits_(limits) {}

LuaModule::~LuaModule() = default;

Result<std::shared_ptr<const LuaModule>> LuaModule::compile(std::string region, std::string script,
                                                            LuaLimits limits) {
  std::shared_ptr<LuaModule> m(new LuaModule(std::move(region), std::move(script), limits));
  auto first = LuaState::create(m->region_ + ".lua", m->script_, m->limits_);
  if (!first) return first.error();
  const auto& meta = (*first)->metadata();
  if (const auto* rule = meta.if_contains("rule"); rule && rule->is_object()) {
    const auto* declared = rule->as_object().if_contains("region");
    if (declared && (!declared->is_string() || declared->get_string() != m->region_)) {
      return make_error(ErrorCode::rule_error,
                        "脚本声明的地区与 " + m->region_ + " 不符（rule.region）",
                        "the script's rule.region does not match region " + m->region_);
    }
  }
  if (const auto* tests = meta.if_contains("tests")) m->tests_ = *tests;
  if (const auto* settings = meta.if_contains("settings")) m->settings_ = *settings;
  ReportSettings checked;
  if (auto st = m->report_settings(checked); !st) return st.error();
  for (auto [name, flag] :
       {std::pair{"validate", &m->has_validate_}, std::pair{"scope", &m->has_scope_},
        std::pair{"deadlines", &m->has_deadlines_}, std::pair{"classify", &m->has_classify_}}) {
    *flag = (*first)->push_global_function(name);
    if (*flag) lua_pop((*first)->L(), 1);
  }
  m->give_back(std::move(first).value());
  return std::shared_ptr<const LuaModule>(std::move(m));
}

Result<std::unique_ptr<LuaState>> LuaModule::lease() const {
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      auto s = std::move(idle_.back());
      idle_.pop_back();
      return s;
    }
  }
  return LuaState::create(region_ + ".lua", script_, limits_);
}

void LuaModule::give_back(std::unique_ptr<LuaState> s) const {
  if (s->broken()) return;  // a failed call may have left anything behind: drop the state
  // The host's pushes may use its reserve past the cap (lua_state.cpp); a script that holds on to
  // them would leave the next lease less than the whole reserve: such a state is dropped too.
  if (s->memory_used() > limits_.memory_bytes) {
    lua_gc(s->L(), LUA_GCCOLLECT);
    if (s->memory_used() > limits_.memory_bytes) return;
  }
  lua_settop(s->L(), 0);
  std::lock_guard lock(mu_);
  if (idle_.size() < limits_.pool_size) idle_.push_back(std::move(s));
}

std::size_t LuaModule::idle_states() const {
  std::lock_guard lock(mu_);
  return idle_.size();
}

namespace {

Error no_room() {
  return make_error(ErrorCode::rule_error, "Lua 栈空间不足", "no room on the Lua stack");
}

}  // namespace

Error LuaModule::failure(const Error& e) const {
  return make_error(ErrorCode::rule_error, "地区规则 " + region_ + " 执行失败：" + e.message_zh,
                    "rule script " + region_ + " failed: " + e.message_en);
}

// Leases a state; when the script defines `fn`, lets `body` push the arguments, call and read.
template <class Body>
Status LuaModule::with_function(const char* fn, Body&& body) const {
  auto leased = lease();
  if (!leased) return failure(leased.error());
  std::unique_ptr<LuaState> s = std::move(leased).value();
  if (!s->make_room()) return failure(no_room());
  Status st = s->push_global_function(fn) ? body(*s) : ok_status();
  give_back(std::move(s));  // dropped instead when the call broke it
  if (!st) return failure(st.error());
  return st;
}

// Leases a state, pushes the record and the context once, lets `body` use them.
template <class Body>
Status LuaModule::with_state(const Record& r, const RuleContext& ctx, Body&& body) const {
  auto leased = lease();
  if (!leased) return failure(leased.error());
  std::unique_ptr<LuaState> s = std::move(leased).value();
  if (!s->make_room()) return failure(no_room());
  push_record(*s, r);
  const int rec = lua_gettop(s->L());
  push_context(*s, ctx);
  Status st = body(*s, rec, lua_gettop(s->L()));
  give_back(std::move(s));  // dropped instead when a call broke it
  if (!st) return failure(st.error());
  return st;
}

Status LuaModule::run_validate(LuaState& s, int rec, int c, const RuleContext& ctx,
                               Issues& issues) const {
  if (!s.push_global_function("validate")) return ok_status();
  lua_pushvalue(s.L(), rec);
  lua_pushvalue(s.L(), c);
  if (auto st = s.call(2, 1, &ctx); !st) return st;
  auto st = read_issues(s.L(), region_, issues);
  lua_pop(s.L(), 1);
  return st;
}

Status LuaModule::run_scope(LuaState& s, int rec, int c, const RuleContext& ctx,
                            ScopeDecision& d) const {
  if (!s.push_global_function("scope")) return ok_status();
  lua_pushvalue(s.L(), rec);
  push_scope(s.L(), d);
  s.freeze_top();
  lua_pushvalue(s.L(), c);
  if (auto st = s.call(3, 1, &ctx); !st) return st;
  auto st = read_scope(s.L(), region_, d);
  lua_pop(s.L(), 1);
  return st;
}

Status LuaModule::run_deadlines(LuaState& s, int rec, int c, const RuleContext& ctx,
                                Deadlines& d) const {
  if (!s.push_global_function("deadlines")) return ok_status();
  lua_pushvalue(s.L(), rec);
  push_deadlines(s.L(), d);
  s.freeze_top();
  lua_pushvalue(s.L(), c);
  if (auto st = s.call(3, 1, &ctx); !st) return st;
  auto st = read_deadlines(s.L(), region_, d);
  lua_pop(s.L(), 1);
  return st;
}

Status LuaModule::validate(const Record& r, const RuleContext& ctx, Issues& issues) const {
  if (!has_validate_) return ok_status();
  return with_state(
      r, ctx, [&](LuaState& s, int rec, int c) { return run_validate(s, rec, c, ctx, issues); });
}

Status LuaModule::scope(const Record& r, const RuleContext& ctx, ScopeDecision& d) const {
  if (!has_scope_) return ok_status();
  return with_state(r, ctx,
                    [&](LuaState& s, int rec, int c) { return run_scope(s, rec, c, ctx, d); });
}

Status LuaModule::deadlines(const Record& r, const RuleContext& ctx, Deadlines& d) const {
  if (!has_deadlines_) return ok_status();
  return with_state(r, ctx,
                    [&](LuaState& s, int rec, int c) { return run_deadlines(s, rec, c, ctx, d); });
}

Status LuaModule::evaluate(const Record& r, const RuleContext& ctx, Issues& issues,
                           ScopeDecision& scope, Deadlines& d) const {
  if (!has_validate_ && !has_scope_ && !has_deadlines_) return ok_status();
  return with_state(r, ctx, [&](LuaState& s, int rec, int c) -> Status {
    if (auto st = run_validate(s, rec, c, ctx, issues); !st) return st;
    if (auto st = run_scope(s, rec, c, ctx, scope); !st) return st;
    return run_deadlines(s, rec, c, ctx, d);
  });
}

Status LuaModule::classify(const Record& r, const RuleContext& ctx, Classification& c) const {
  if (!has_classify_) return ok_status();
  return with_state(r, ctx, [&](LuaState& s, int rec, int cx) -> Status {
    if (!s.push_global_function("classify")) return ok_status();
    lua_pushvalue(s.L(), rec);
    push_classification(s.L(), c);
    s.freeze_top();
    lua_pushvalue(s.L(), cx);
    if (auto st = s.call(3, 1, &ctx); !st) return st;
    auto st = read_classification(s.L(), region_, c);
    lua_pop(s.L(), 1);
    return st;
  });
}

Status LuaModule::report_settings(ReportSettings& s) const {
  const auto* o = settings_.if_object();
  if (o == nullptr) return ok_status();
  if (const auto* v = o->if_contains("escalation_late_rate")) {
    const double rate = v->is_double()  ? v->get_double()
                        : v->is_int64() ? static_cast<double>(v->get_int64())
                                        : -1;
    if (rate < 0 || rate > 1) {
      return make_error(
          ErrorCode::rule_error,
          "地区规则 " + region_ + " 的 settings.escalation_late_rate 应为 0 到 1 之间的比例",
          "settings.escalation_late_rate of " + region_ + " must be between 0 and 1");
    }
    s.escalation_late_rate = rate;
  }
  if (const auto* v = o->if_contains("summons_after_repeats")) {
    if (!v->is_int64() || v->get_int64() < 1 || v->get_int64() > 12) {
      return make_error(ErrorCode::rule_error,
                        "地区规则 " + region_ + " 的 settings.summons_after_repeats 应为 1 到 12",
                        "settings.summons_after_repeats of " + region_ + " must be 1 to 12");
    }
    s.summons_after_repeats = static_cast<int>(v->get_int64());
  }
  return ok_status();
}

Status LuaModule::sla(std::string_view event, const RuleContext& ctx,
                      std::optional<int>& working_days) const {
  return with_function("sla", [&](LuaState& s) -> Status {
    lua_State* L = s.L();
    lua_pushlstring(L, event.data(), event.size());
    if (working_days) {
      lua_pushinteger(L, *working_days);
    } else {
      lua_pushnil(L);
    }
    push_context(s, ctx);
    if (auto st = s.call(3, 1, &ctx); !st) return st;
    if (lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 0 && lua_tointeger(L, -1) < 3660) {
      working_days = static_cast<int>(lua_tointeger(L, -1));
    } else if (!lua_isnil(L, -1)) {
      return make_error(ErrorCode::rule_error, "sla 应返回非负整数或 nil",
                        "sla must return a non-negative integer or nil");
    }
    return ok_status();
  });
}

Status LuaModule::guard(std::string_view guard, const Record& r, const GuardInput& in,
                        const RuleContext& ctx, GuardDecision& d) const {
  return with_function("guard", [&](LuaState& s) -> Status {
    lua_State* L = s.L();
    lua_pushlstring(L, guard.data(), guard.size());
    push_record(s, r);
    lua_createtable(L, 0, 3);
    lua_pushstring(L, in.event.c_str());
    lua_setfield(L, -2, "event");
    lua_pushstring(L, in.reason.c_str());
    lua_setfield(L, -2, "reason");
    push_deadlines(L, in.deadlines);
    lua_setfield(L, -2, "deadlines");
    s.freeze_top();
    push_context(s, ctx);
    if (auto st = s.call(4, 3, &ctx); !st) return st;
    if (lua_type(L, -3) == LUA_TBOOLEAN) {
      d.answered = true;
      d.allowed = lua_toboolean(L, -3) != 0;
      d.reason_zh = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "";
      d.reason_en = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : d.reason_zh;
      if (!d.allowed && d.reason_zh.empty()) d.reason_zh = "地区规则 " + region_ + " 不允许";
    } else if (!lua_isnil(L, -3)) {
      return make_error(ErrorCode::rule_error, "guard 应返回 true、false 或 nil",
                        "guard must return true, false or nil");
    }
    return ok_status();
  });
}

}  // namespace gongshi
