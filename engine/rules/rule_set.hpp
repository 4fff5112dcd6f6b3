#pragma once
// A region's rules: an ordered list of modules (the national-standard plugin first, then each
// ancestor region's script, then the region's own). Later modules refine what earlier ones decided.
// Every result carries the version of the set that computed it.

#include <memory>
#include <string>
#include <vector>

#include "engine/rules/rule_module.hpp"

namespace gongshi {

struct Evaluation {
  Issues issues;
  ScopeDecision scope;
  Deadlines deadlines;
  std::string rule_version;
};

class RuleSet {
 public:
  RuleSet(std::string region, std::vector<std::shared_ptr<const RuleModule>> modules);

  const std::string& region() const { return region_; }
  // "410505/national_standard@1.0+410500@3fa9c2d1e0b4+410505@77ab01ce9d21"
  const std::string& version() const { return version_; }
  const std::vector<std::shared_ptr<const RuleModule>>& modules() const { return modules_; }

  Result<Evaluation> evaluate(const Record& r, const RuleContext& ctx) const;
  Result<Issues> validate(const Record& r, const RuleContext& ctx) const;
  Result<ScopeDecision> scope(const Record& r, const RuleContext& ctx) const;
  Result<Deadlines> deadlines(const Record& r, const RuleContext& ctx) const;
  // not_found when no module sets a limit for the event.
  Result<int> sla(std::string_view event, const RuleContext& ctx) const;
  // record_valid, scope_public and scope_restricted start from the whole set's validation and
  // scope; modules may then refine any guard. A guard no module answers refuses.
  Result<GuardDecision> guard(std::string_view guard, const Record& r, const GuardInput& in,
                              const RuleContext& ctx) const;

 private:
  template <class T, class Step>
  Result<T> fold(T value, Step step) const;

  std::string region_;
  std::vector<std::shared_ptr<const RuleModule>> modules_;
  std::string version_;
};

}  // namespace gongshi
