#pragma once
// A stored record's deadlines computed again: with its pinned rule version (rebuilt from the
// scripts kept in rule_versions) or, when that cannot be had, the region's current rules — what
// loading a holiday year and a replay both need.

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/lifecycle/lifecycle.hpp"
#include "engine/model/clock.hpp"
#include "engine/rules/rule_registry.hpp"
#include "engine/store/database.hpp"
#include "engine/store/stored_record.hpp"

namespace gongshi {

// The rule set of `version`, its scripts found through `tx` when they are not loaded.
Result<std::shared_ptr<const RuleSet>> pinned_rules(const RuleRegistry& registry, Tx& tx,
                                                    const std::string& version);
// Keeps every active script in rule_versions (inactive where it was not there yet), so that the
// versions records are pinned to can be rebuilt later.
Status archive_scripts(Database& db, const RuleRegistry& registry, TimePoint now);

// Every date column of a record that a computation sets, by name, in a fixed order.
using DeadlineDates = std::vector<std::pair<std::string, std::optional<Date>>>;
DeadlineDates deadline_dates(const StoredRecord& r);

struct Recomputed {
  StoredRecord record;  // the input with its deadlines, provisional flag and notes set anew
  Evaluation evaluation;
  // name -> (old, new) of each date that moved; empty when none did
  std::map<std::string, std::pair<std::optional<Date>, std::optional<Date>>> changes;
  bool provisional_before = false;
};

// The record's deadlines under `rules` and `calendar`: publish-by, late, missing, publication end
// and repair-from from the rules; the objection, repair and withdrawal limits from the day of the
// event that set them (in `events`) and the rules' working-day limit. Timeliness follows the new
// late/missing dates; next_due too. Nothing is written.
Result<Recomputed> recompute_deadlines(const RuleSet& rules, const Calendar& calendar,
                                       const Lifecycle& lifecycle, const StoredRecord& r,
                                       const std::vector<EventRow>& events, Date today);

}  // namespace gongshi
