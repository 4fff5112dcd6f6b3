#pragma once
// Internal to engine/service.

#include <boost/json/object.hpp>
#include <string>

#include "engine/service/engine.hpp"

namespace gongshi::service {

struct RegionRules {
  std::shared_ptr<const RuleSet> rules;
  std::shared_ptr<const Calendar> calendar;
  RuleContext ctx;  // calendar_use is null: a computation that may be provisional lends its own
};

// `ctx` with `use` lent: deadlines past the loaded holiday years are counted on weekdays only.
inline RuleContext provisional_context(const RuleContext& ctx, CalendarUse& use) {
  RuleContext c = ctx;
  c.calendar_use = &use;
  return c;
}

// on_time | late | missing, or pending while the deadline is provisional and the day received is
// past the loaded holiday data (the real deadline cannot be known yet).
std::string timeliness_on(Date received, const StoredRecord& r, const Calendar& calendar);
// What the rules decided beside the deadlines (tier, derivation, regime, period), as JSON text.
std::string rule_notes_of(const Evaluation& e);
// The record's stored deadlines, as guards are asked about them.
inline Deadlines deadlines_of(const StoredRecord& r) {
  return Deadlines{r.publish_by, r.late_after, r.missing_after, r.publication_end, r.repair_from};
}
// Sets the record's deadlines from an evaluation (publish_by … repair_from), with its flags.
void apply_deadlines(StoredRecord& r, const Evaluation& e);

Result<RegionRules> region_rules(const RuleRegistry& registry, const std::string& region,
                                 Date today);
// The record's fields back from the stored JSON.
Result<Record> stored_fields(const StoredRecord& r);
std::string json_text(const boost::json::object& o);
// The event `event` taken on `r` (now in its new state) from state `from`, with its payload.
EventRow event_row(const StoredRecord& r, const std::string& event, const std::string& from,
                   const Actor& actor, const std::string& at, const boost::json::object& payload,
                   const std::string& rule_version);
// conflict: the record is at version `stored`, not the `expected` the caller sent.
Error stale_version(int stored, int expected);
// Stores `r` on condition that the stored record is still at `expected` (stale_version if not).
Status update_at_version(Tx& tx, const StoredRecord& r, int expected);
// invalid_input "N issues; nothing was stored", with every issue.
Error invalid_record(Issues issues);
// The 相对人代码 of the natural key: the USCC, else the ID number.
std::string subject_code_of(const Record& r);
// New field values merged over `current` (a value sets, null clears), the whole record validated
// again with the region's rules (every issue back: invalid_record), deadlines recomputed when the
// decision date changed; a conflict when the natural key would change on a record submitted
// before. `diff`: {CODE: {"from", "to"}} for each changed field (empty: nothing changed).
struct FieldChange {
  StoredRecord record;
  boost::json::object diff;
  bool key_changed = false;
};
Result<FieldChange> merge_fields(const StoredRecord& current, const boost::json::object& changes,
                                 const RegionRules& rr, Date today);
// conflict when another record already has `r`'s natural key.
Status natural_key_free(Tx& tx, const StoredRecord& r);
// {"region":…, "id":…, "state":…, "version":…} for outbox payloads.
std::string outbox_payload(const StoredRecord& r, std::string_view topic);

}  // namespace gongshi::service
