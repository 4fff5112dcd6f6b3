#pragma once
// The national standard's rules: field validation (engine/validate) and the national defaults for
// scope, deadlines, time limits and guards.

#include "engine/rules/rule_module.hpp"

namespace gongshi {

class NationalStandard final : public RuleModule {
 public:
  std::string name() const override { return "national_standard"; }
  std::string version() const override { return "1.1"; }
  Status validate(const Record& r, const RuleContext& ctx, Issues& issues) const override;
  Status scope(const Record& r, const RuleContext& ctx, ScopeDecision& d) const override;
  Status deadlines(const Record& r, const RuleContext& ctx, Deadlines& d) const override;
  Status sla(std::string_view event, const RuleContext& ctx,
             std::optional<int>& working_days) const override;
  Status guard(std::string_view guard, const Record& r, const GuardInput& in,
               const RuleContext& ctx, GuardDecision& d) const override;
  Status classify(const Record& r, const RuleContext& ctx, Classification& c) const override;
  Status report_settings(ReportSettings& s) const override;
};

}  // namespace gongshi
