#include "cli/record_checker.hpp"

#include "engine/validate/validate.hpp"

namespace gongshi::cli {

Result<Checker> Checker::open(const CommonOptions& common, const std::string& region) {
  Checker c;
  c.clock_ = clock_of(common);
  if (region.empty()) return c;
  auto env = open_rules(paths_of(common));
  if (!env) return env.error();
  c.env_ = std::move(env).value();
  auto rules = c.env_->rules->rules_for(region);
  if (!rules) return rules.error();
  auto cal = c.env_->rules->calendar_for(region);
  if (!cal) return cal.error();
  c.rules_ = *rules;
  c.calendar_ = *cal;
  c.region_ = region;
  return c;
}

Result<Issues> Checker::check(const DecodedRecord& d) const {
  const Date today_ = shanghai_date(clock_.now());
  if (!rules_) return validate(d, ValidationContext{today_, nullptr});
  CalendarUse use;
  auto e = rules_->evaluate(d.record, RuleContext{region_, calendar_.get(), today_, &use});
  if (!e) return e.error();
  return merge_issues(d.issues, e->issues);
}

}  // namespace gongshi::cli
