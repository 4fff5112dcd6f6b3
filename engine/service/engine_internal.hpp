#pragma once
// Internal to engine/service.

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

Result<RegionRules> region_rules(RuleRegistry& registry, const std::string& region, Date today);
// The record's fields back from the stored JSON.
Result<Record> stored_fields(const StoredRecord& r);
std::string json_text(const boost::json::object& o);
// invalid_input "N issues; nothing was stored", with every issue.
Error invalid_record(Issues issues);
// The 相对人代码 of the natural key: the USCC, else the ID number.
std::string subject_code_of(const Record& r);
// {"region":…, "id":…, "state":…, "version":…} for outbox payloads.
std::string outbox_payload(const StoredRecord& r, std::string_view topic);

}  // namespace gongshi::service
