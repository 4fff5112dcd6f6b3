#pragma once
// Runs a region script's own table-driven tests (its `tests` table) against a rule set.
//
// A case: {name=, kind="license"|"penalty", record={FIELD="…"}, today="YYYY-MM-DD", reason="…",
//          expect={publish_by=, late_after=, missing_after=, publication_end=, repair_from= (a date
//                  or false), provisional=true (a deadline reached a year without holiday data),
//                  tier="严重", sector="消防", regime="ndrc-order-2023-58",
//                  scope="社会公开", mask=true, flags={…}, issues={"FIELD:code", …},
//                  sla={object=3}, guards={repair_eligible=false},
//                  error="2027" (the evaluation must be refused, naming this)}}
// The record is laid over a valid sample record of its kind (schemas/samples), so a case names only
// the fields it is about. `today` defaults to the decision date. Only the keys in `expect` are
// compared; flags and issues must match exactly.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/rules/rule_set.hpp"

namespace gongshi {

struct SampleRecords {
  boost::json::object license;
  boost::json::object penalty;
  static Result<SampleRecords> load(const std::filesystem::path& schemas_dir);
};

struct RuleTestReport {
  std::string rule_version;
  int cases = 0;
  std::vector<std::string> failures;  // one line per failed expectation
  bool ok() const { return failures.empty(); }
};

// What one run of a script's tests may take: an upload names its cases, so their number and the
// time they take together are bounded (each call is bounded by the Lua budget already).
struct RuleTestLimits {
  int max_cases = 500;
  std::chrono::milliseconds time_limit{10'000};
};

RuleTestReport run_rule_tests(const RuleSet& rules, const boost::json::value& tests,
                              const Calendar& calendar, const SampleRecords& samples,
                              const RuleTestLimits& limits = {});

}  // namespace gongshi
