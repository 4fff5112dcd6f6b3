#pragma once
// See a rule change before it goes live, and defend a decision after: a candidate script evaluated
// over the stored records of a period (nothing written), and one record evaluated again under the
// rule version pinned on it.

#include <boost/json/object.hpp>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/lifecycle/lifecycle.hpp"
#include "engine/model/clock.hpp"
#include "engine/report/monthly.hpp"
#include "engine/rules/rule_registry.hpp"
#include "engine/store/database.hpp"
#include "engine/store/stored_record.hpp"

namespace gongshi {

struct ChangedValue {
  std::string what;  // publish_by, late_after, missing_after, publication_end, repair_from,
                     // scope, flags, timeliness, valid
  std::string old_value, new_value;
};

struct ChangedRecord {
  std::string region;
  std::int64_t id = 0;
  std::string document_no;
  std::optional<std::int64_t> department_id;
  std::vector<ChangedValue> changes;
};

struct WhatIfRequest {
  std::string region;  // the region whose script the candidate replaces
  std::string script;
  Date from{}, to{};  // records received (Shanghai days) from..to inclusive
  std::size_t samples = 50;
  std::chrono::milliseconds time_limit{60'000};
  std::int64_t max_records = 2'000'000;
};

struct WhatIfReport {
  std::string region;
  std::vector<std::string> regions;  // the region and those below it whose records were read
  std::string current_version, candidate_version, candidate_hash;  // of `region`'s rule set
  int test_cases = 0;
  std::vector<std::string> test_failures;  // the candidate's own tests
  ReportPeriod period;
  std::int64_t records = 0;                              // evaluated
  std::int64_t changed = 0;                              // with any change
  std::int64_t failed = 0;                               // the candidate could not evaluate them
  std::map<std::string, std::int64_t> changed_by;        // what -> records
  std::map<std::string, std::int64_t> timeliness_moves;  // "on_time→late" -> records
  std::vector<ChangedRecord> samples;                    // the first `samples` changed records
  // Each region's 通报 of the period (those with records in it): as stored, and as it would read.
  struct RegionReports {
    MonthlyReport before, after;
  };
  std::vector<RegionReports> reports;
  bool complete = true;  // false: stopped at the time or record limit
  std::string stopped_zh, stopped_en;
};

// Compares, record by record, what is stored (deadlines, scope, 迟报/漏报) and what the current
// rules decide (flags, validity) with what the candidate would decide, streaming the records page
// by page. The candidate is compiled and its own tests run, but it is never installed.
Result<WhatIfReport> rules_whatif(Database& db, const RuleRegistry& rules,
                                  const RegionRegistry& regions, const Lifecycle& lifecycle,
                                  const WhatIfRequest& req, TimePoint now);

struct ReplayReport {
  StoredRecord record;
  std::string pinned_version;
  bool rebuilt = false;      // the pinned version could be rebuilt exactly
  std::string rebuild_zh;    // why not, when it could not (then the current rules were used)
  std::string used_version;  // what the evaluation ran under
  std::vector<ChangedValue> differences;  // stored vs reproduced; empty = reproduced
  bool reproduced() const { return rebuilt && differences.empty(); }
};

// Evaluates the record again under its pinned rule version (its deadlines, limits, scope and
// timeliness) and reports every difference from what is stored. Nothing is written.
Result<ReplayReport> replay_record(Database& db, const RuleRegistry& rules,
                                   const Lifecycle& lifecycle, const std::string& region,
                                   std::int64_t id);

// As the API returns them and the command line prints them.
boost::json::object whatif_json(const WhatIfReport& r);
boost::json::object replay_json(const ReplayReport& r);

}  // namespace gongshi
