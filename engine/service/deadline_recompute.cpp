#include "engine/service/deadline_recompute.hpp"

#include "engine/service/engine_internal.hpp"
#include "engine/service/working_day_limit.hpp"
#include "engine/store/record_repo.hpp"
#include "engine/store/rule_version_repo.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {

Result<std::shared_ptr<const RuleSet>> pinned_rules(const RuleRegistry& registry, Tx& tx,
                                                    const std::string& version) {
  return registry.rules_at(version, [&tx](const std::string& region, const std::string& prefix) {
    return find_rule_script(tx, region, prefix);
  });
}

Status archive_scripts(Database& db, const RuleRegistry& registry, TimePoint now) {
  const auto scripts = registry.scripts();
  auto st = in_transaction<std::monostate>(db, [&](Tx& tx) -> Result<std::monostate> {
    for (const auto& [region, module] : scripts) {
      const RuleVersionRow row{region,      module->hash(),  module->script(),
                               "rules_lua", format_utc(now), false};
      if (auto a = archive_rule_version(tx, row); !a) return a.error();
    }
    return std::monostate{};
  });
  if (!st) return st.error();
  return ok_status();
}

DeadlineDates deadline_dates(const StoredRecord& r) {
  return {{"publish_by", r.publish_by},       {"late_after", r.late_after},
          {"missing_after", r.missing_after}, {"publication_end", r.publication_end},
          {"repair_from", r.repair_from},     {"objection_due", r.objection_due},
          {"repair_due", r.repair_due},       {"withdraw_due", r.withdraw_due}};
}

namespace {

// The day the limit set by the last event named `name` counted from (working_day_limit.hpp).
std::optional<Date> day_of_last(const std::vector<EventRow>& events, std::string_view name) {
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->event == name) return limit_start_of(*it);
  }
  return std::nullopt;
}

}  // namespace

Result<Recomputed> recompute_deadlines(const RuleSet& rules, const Calendar& calendar,
                                       const Lifecycle& lifecycle, const StoredRecord& r,
                                       const std::vector<EventRow>& events, Date today) {
  auto fields = service::stored_fields(r);
  if (!fields) return fields.error();
  Recomputed out;
  out.record = r;
  out.provisional_before = r.calendar_provisional;
  CalendarUse use;
  const RuleContext ctx{r.region, &calendar, today, &use};
  auto e = rules.deadlines(*fields, ctx);
  if (!e) return e.error();
  StoredRecord& n = out.record;
  service::apply_deadlines(n, *e);
  // The working-day limits, each from the day its event was taken.
  for (const auto& limit : kWorkingDayLimits) {
    auto& due = n.*limit.due;
    if (!due) continue;
    const auto from = day_of_last(events, limit.sla);
    if (!from) continue;  // no event to count from: left as it was
    auto days = rules.sla(limit.sla, ctx);
    if (!days) return days.error();
    auto d = calendar.add_working_days(*from, *days, &use);
    if (!d) return d.error();
    due = *d;
  }
  n.calendar_provisional = use.provisional;
  const Date received = r.received_at.size() >= 10
                            ? shanghai_date(parse_utc(r.received_at).value_or(TimePoint{}))
                            : today;
  n.timeliness = service::timeliness_on(received, n, calendar);
  n.next_due = next_due_of(n, lifecycle);
  const auto before = deadline_dates(r), after = deadline_dates(n);
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (before[i].second != after[i].second) {
      out.changes[before[i].first] = {before[i].second, after[i].second};
    }
  }
  out.evaluation = std::move(e).value();
  return out;
}

}  // namespace gongshi
