#include "engine/rules/evaluation_notes.hpp"

#include <boost/json.hpp>

namespace gongshi {

boost::json::object evaluation_notes(const Evaluation& e) {
  boost::json::object o;
  if (e.classification.tier) o["tier"] = enum_label(*e.classification.tier);
  if (!e.classification.sector.empty()) o["sector"] = e.classification.sector;
  if (!e.classification.derivation.empty()) o["derivation"] = e.classification.derivation;
  if (e.period) {
    const auto& p = *e.period;
    o["regime"] = p.regime;
    o["regime_basis"] = p.regime_basis;
    o["rule_basis"] = p.rule_basis;
    o["period_tier"] = p.tier;
    o["min_months"] = p.min_months;
    o["max_months"] = p.max_months;
    o["latest_end"] = format_date(p.latest_end);
  }
  if (e.calendar_provisional) o["calendar_provisional"] = true;
  return o;
}

}  // namespace gongshi
