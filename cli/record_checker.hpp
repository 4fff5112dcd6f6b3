#pragma once
// The validation a record meets on the command line (gongshi validate, the reference receiver):
// the national standard, or a region's whole rule set (its Lua scripts and calendar) when one is
// named.

#include <memory>
#include <string>

#include "cli/cli_support.hpp"
#include "engine/model/clock.hpp"
#include "engine/model/decode.hpp"
#include "engine/rules/rules_environment.hpp"

namespace gongshi::cli {

class Checker {
 public:
  static Result<Checker> open(const CommonOptions& common, const std::string& region);
  Result<Issues> check(const DecodedRecord& d) const;

 private:
  Clock clock_ = Clock::system();  // today is the Shanghai date of each check
  std::string region_;
  std::shared_ptr<RulesEnvironment> env_;
  std::shared_ptr<const RuleSet> rules_;
  std::shared_ptr<const Calendar> calendar_;
};

}  // namespace gongshi::cli
