#include "engine/rules/rule_set.hpp"

#include <array>

namespace gongshi {

RuleSet::RuleSet(std::string region, std::vector<std::shared_ptr<const RuleModule>> modules,
                 std::shared_ptr<const PublicationRegimes> regimes)
    : region_(std::move(region)), modules_(std::move(modules)), regimes_(std::move(regimes)) {
  version_ = region_ + "/";
  for (std::size_t i = 0; i < modules_.size(); ++i) {
    version_ += (i ? "+" : "") + modules_[i]->name() + "@" + modules_[i]->version();
  }
  if (regimes_) version_ += "+periods@" + regimes_->version();
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
  auto e = decide(r, ctx, true);
  if (!e) return e.error();
  return std::move(e->issues);
}

Result<ScopeDecision> RuleSet::scope(const Record& r, const RuleContext& ctx) const {
  return fold(ScopeDecision{},
              [&](const RuleModule& m, ScopeDecision& v) { return m.scope(r, ctx, v); });
}

Status RuleSet::start_period(const Record& r, const RuleContext& ctx, Evaluation& e) const {
  const auto* p = std::get_if<Penalty>(&r);
  if (p == nullptr) return ok_status();
  for (const auto& m : modules_) {
    if (auto st = m->classify(r, ctx, e.classification); !st) return st;
  }
  if (!regimes_ || !p->decision_date) return ok_status();
  auto period = regimes_->period_for(*p->decision_date, e.classification);
  if (!period) return period.error();
  e.period = std::move(period).value();
  const PublicationPeriod& pp = *e.period;
  e.deadlines.repair_from = pp.earliest_end;
  e.deadlines.publication_end = pp.latest_end;
  if (p->publish_until) {
    if (*p->publish_until >= pp.earliest_end && *p->publish_until <= pp.latest_end) {
      e.deadlines.publication_end = p->publish_until;
    } else {
      const std::string range = format_date(pp.earliest_end) + " 至 " + format_date(pp.latest_end);
      e.issues.push_back(make_issue("CF_GSJZQ", "公示截止期", IssueCode::out_of_period,
                                    "应在 " + range + " 之间（" + pp.regime_basis + "：最短 " +
                                        std::to_string(pp.min_months) + " 个月，最长 " +
                                        std::to_string(pp.max_months) + " 个月）",
                                    "must lie between " + format_date(pp.earliest_end) + " and " +
                                        format_date(pp.latest_end) + " (regime " + pp.regime +
                                        ": " + std::to_string(pp.min_months) + " to " +
                                        std::to_string(pp.max_months) + " months)"));
    }
  }
  return ok_status();
}

Status RuleSet::check_period(const RuleModule& m, const Evaluation& e) const {
  if (!e.period) return ok_status();
  const PublicationPeriod& p = *e.period;
  const auto& end = e.deadlines.publication_end;
  if (!end || *end > p.latest_end) {
    const std::string shown = end ? format_date(*end) : "无期限";
    return make_error(ErrorCode::rule_error,
                      "地区规则 " + m.name() + " 把公示截止日期定为" + shown + "，超过" +
                          p.regime_basis + "规定的最长公示期（" + std::to_string(p.max_months) +
                          "个月，至 " + format_date(p.latest_end) + "）",
                      "rule module " + m.name() + " sets publication_end to " +
                          (end ? format_date(*end) : "none") + ", past the national maximum (" +
                          std::to_string(p.max_months) + " months, " + format_date(p.latest_end) +
                          ")");
  }
  const auto& repair = e.deadlines.repair_from;
  if (repair && *repair < p.earliest_end) {
    return make_error(ErrorCode::rule_error,
                      "地区规则 " + m.name() + " 把可申请信用修复日期提前到" +
                          format_date(*repair) + "，早于最短公示期（" +
                          std::to_string(p.min_months) + "个月，至 " + format_date(p.earliest_end) +
                          "）",
                      "rule module " + m.name() + " sets repair_from to " + format_date(*repair) +
                          ", before the national minimum (" + format_date(p.earliest_end) + ")");
  }
  return ok_status();
}

Result<Evaluation> RuleSet::decide(const Record& r, const RuleContext& ctx, bool full) const {
  Evaluation e;
  e.rule_version = version_;
  if (auto st = start_period(r, ctx, e); !st) return st.error();
  RuleContext c = ctx;
  c.period = e.period ? &*e.period : nullptr;
  // Which deadline is provisional: a date a module set while its calendar calls counted past the
  // loaded years. A later module that sets the date again from loaded data clears it (the
  // national 7 days from 12-24 reach 2027; 安阳's 5 do not).
  const auto dates = [](const Deadlines& d) {
    return std::array{d.publish_by, d.late_after, d.missing_after, d.publication_end,
                      d.repair_from};
  };
  std::array<bool, 5> provisional{};
  // Module by module: each sees what the earlier ones decided for each question, exactly as
  // separate passes would.
  for (const auto& m : modules_) {
    CalendarUse use;
    c.calendar_use = ctx.calendar_use != nullptr ? &use : nullptr;
    const auto before = dates(e.deadlines);
    Status st =
        full ? m->evaluate(r, c, e.issues, e.scope, e.deadlines) : m->deadlines(r, c, e.deadlines);
    if (!st) return st.error();
    if (auto bounds = check_period(*m, e); !bounds) return bounds.error();
    const auto after = dates(e.deadlines);
    for (std::size_t i = 0; i < provisional.size(); ++i) {
      if (after[i] != before[i]) provisional[i] = use.provisional && after[i].has_value();
    }
  }
  for (bool p : provisional) e.calendar_provisional = e.calendar_provisional || p;
  if (ctx.calendar_use != nullptr && e.calendar_provisional) ctx.calendar_use->provisional = true;
  return e;
}

Result<Evaluation> RuleSet::evaluate(const Record& r, const RuleContext& ctx) const {
  return decide(r, ctx, true);
}

Result<Evaluation> RuleSet::deadlines(const Record& r, const RuleContext& ctx) const {
  return decide(r, ctx, false);
}

Result<ReportSettings> RuleSet::report_settings() const {
  return fold(ReportSettings{},
              [](const RuleModule& m, ReportSettings& s) { return m.report_settings(s); });
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
