#include "engine/rules/rule_set.hpp"

namespace gongshi {

RuleSet::RuleSet(std::string region, std::vector<std::shared_ptr<const RuleModule>> modules)
    : region_(std::move(region)), modules_(std::move(modules)) {
  version_ = region_ + "/";
  for (std::size_t i = 0; i < modules_.size(); ++i) {
    version_ += (i ? "+" : "") + modules_[i]->name() + "@" + modules_[i]->version();
  }
}

// Passes `value` through every module in order; the first failure stops it.
template <class T, class Step>
Result<T> RuleSet::fold(T value, Step step) const {
  for (const auto& m : modules_) {
    if (auto st = step(*m, value); !st) return st.error();
  }
  return value;
}

Result<Issues> RuleSet::validate(const Record& r, const RuleContext& ctx) const {
  return fold(Issues{}, [&](const RuleModule& m, Issues& v) { return m.validate(r, ctx, v); });
}

Result<ScopeDecision> RuleSet::scope(const Record& r, const RuleContext& ctx) const {
  return fold(ScopeDecision{},
              [&](const RuleModule& m, ScopeDecision& v) { return m.scope(r, ctx, v); });
}

Result<Deadlines> RuleSet::deadlines(const Record& r, const RuleContext& ctx) const {
  return fold(Deadlines{},
              [&](const RuleModule& m, Deadlines& v) { return m.deadlines(r, ctx, v); });
}

Result<Evaluation> RuleSet::evaluate(const Record& r, const RuleContext& ctx) const {
  // Module by module: each sees what the earlier ones decided for each of the three questions,
  // exactly as three separate passes would.
  Evaluation e;
  e.rule_version = version_;
  for (const auto& m : modules_) {
    if (auto st = m->evaluate(r, ctx, e.issues, e.scope, e.deadlines); !st) return st.error();
  }
  return e;
}

Result<int> RuleSet::sla(std::string_view event, const RuleContext& ctx) const {
  auto days = fold(std::optional<int>{}, [&](const RuleModule& m, std::optional<int>& v) {
    return m.sla(event, ctx, v);
  });
  if (!days) return days.error();
  if (!*days) {
    return make_error(ErrorCode::not_found,
                      "地区 " + region_ + " 的规则没有规定「" + std::string(event) + "」的办理时限",
                      "no working-day limit for '" + std::string(event) + "' in region " + region_);
  }
  return **days;
}

Result<GuardDecision> RuleSet::guard(std::string_view guard, const Record& r, const GuardInput& in,
                                     const RuleContext& ctx) const {
  GuardDecision d;
  if (guard == "record_valid") {
    auto issues = validate(r, ctx);
    if (!issues) return issues.error();
    d = {true, issues->empty(), "记录有 " + std::to_string(issues->size()) + " 个问题未改正",
         std::to_string(issues->size()) + " issues are not fixed"};
  } else if (guard == "scope_public" || guard == "scope_restricted") {
    auto sc = scope(r, ctx);
    if (!sc) return sc.error();
    const bool is_public = sc->scope == PublicScope::social;
    if (guard == "scope_public") {
      d = {true, is_public, "公开范围不是社会公开：" + sc->reason, "the scope is not public"};
    } else {
      d = {true, !is_public && !sc->basis.empty(), "不予公示须有法律法规依据",
           "withholding needs a legal basis"};
    }
  }
  for (const auto& m : modules_) {
    if (auto st = m->guard(guard, r, in, ctx, d); !st) return st.error();
  }
  if (!d.answered) {
    return GuardDecision{true, false, "没有规则对条件「" + std::string(guard) + "」作出判断",
                         "no rule answers guard '" + std::string(guard) + "'"};
  }
  if (d.allowed) d.reason_zh.clear(), d.reason_en.clear();
  return d;
}

}  // namespace gongshi
