#pragma once
// Internal to engine/service.

#include <string>

#include "engine/service/engine.hpp"

namespace gongshi::service {

struct RegionRules {
  std::shared_ptr<const RuleSet> rules;
  std::shared_ptr<const Calendar> calendar;
  RuleContext ctx;
};

// States before publication: the sweeper watches their publish-by, late and missing dates.
inline bool before_publication(const std::string& state) {
  return state == "draft" || state == "submitted" || state == "returned" || state == "approved";
}

Result<RegionRules> region_rules(RuleRegistry& registry, const std::string& region, Date today);
// The record's fields back from the stored JSON.
Result<Record> stored_fields(const StoredRecord& r);
std::string json_text(const boost::json::object& o);
// {"region":…, "id":…, "state":…, "version":…} for outbox payloads.
std::string outbox_payload(const StoredRecord& r, std::string_view topic);

}  // namespace gongshi::service
