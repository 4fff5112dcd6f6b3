#pragma once
// A region's rules: an ordered list of modules (the national-standard plugin first, then each
// ancestor region's script, then the region's own). Later modules refine what earlier ones decided.
// Every result carries the version of the set that computed it.
//
// For a penalty the set also decides its publication period: every module classifies it first
// (severity tier, sector), then the national regime table (PublicationRegimes) gives the minimum
// and maximum for its decision date; publication_end starts at the maximum (or at CF_GSJZQ when
// that lies inside the allowed range, else an issue) and repair_from at the minimum. Modules may
// refine both inside the range; a module that moves either outside it fails the evaluation with
// a rule_error naming the module: a region never silently extends past the national maximum.

#include <memory>
#include <string>
#include <vector>

#include "engine/rules/publication_regimes.hpp"
#include "engine/rules/rule_module.hpp"

namespace gongshi {

struct Evaluation {
  Issues issues;
  ScopeDecision scope;
  Deadlines deadlines;
  std::string rule_version;
  Classification classification;            // penalties
  std::optional<PublicationPeriod> period;  // penalties with a decision date
  bool calendar_provisional = false;        // a deadline reached a year without holiday data
};

class RuleSet {
 public:
  RuleSet(std::string region, std::vector<std::shared_ptr<const RuleModule>> modules,
          std::shared_ptr<const PublicationRegimes> regimes = nullptr);

  const std::string& region() const { return region_; }
  // "410505/national_standard@1.0+410500@3fa9c2d1e0b4+410505@77ab01ce9d21+periods@1a2b3c4d5e6f"
  const std::string& version() const { return version_; }
  const std::vector<std::shared_ptr<const RuleModule>>& modules() const { return modules_; }
  const PublicationRegimes* regimes() const { return regimes_.get(); }

  // ctx.calendar_use, when given, allows provisional deadlines; Evaluation::calendar_provisional
  // says whether any was.
  Result<Evaluation> evaluate(const Record& r, const RuleContext& ctx) const;
  Result<Issues> validate(const Record& r, const RuleContext& ctx) const;
  Result<ScopeDecision> scope(const Record& r, const RuleContext& ctx) const;
  // Classification, period and deadlines, without validation or scope.
  Result<Evaluation> deadlines(const Record& r, const RuleContext& ctx) const;
  // The report settings, module by module (the national defaults, then each region's script).
  Result<ReportSettings> report_settings() const;
  // not_found when no module sets a limit for the event.
  Result<int> sla(std::string_view event, const RuleContext& ctx) const;
  // record_valid, scope_public and scope_restricted start from the whole set's validation and
  // scope; modules may then refine any guard. A guard no module answers refuses.
  Result<GuardDecision> guard(std::string_view guard, const Record& r, const GuardInput& in,
                              const RuleContext& ctx) const;

 private:
  template <class T, class Step>
  Result<T> fold(T value, Step step) const;
  // Classification and period into `e`, and the deadlines they start from.
  Status start_period(const Record& r, const RuleContext& ctx, Evaluation& e) const;
  // After `m` decided: the deadlines stay inside the period.
  Status check_period(const RuleModule& m, const Evaluation& e) const;
  // The shared body of evaluate (full) and deadlines (not full).
  Result<Evaluation> decide(const Record& r, const RuleContext& ctx, bool full) const;

  std::string region_;
  std::vector<std::shared_ptr<const RuleModule>> modules_;
  std::shared_ptr<const PublicationRegimes> regimes_;
  std::string version_;
};

}  // namespace gongshi
