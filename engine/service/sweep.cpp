// Engine::sweep: fire what is due. Each batch is one transaction over rows it alone has claimed.
#include <boost/json.hpp>

#include "engine/service/engine_internal.hpp"
#include "engine/store/record_repo.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {
// Applies every mark or transition due for `r` today; true when something fired.
Result<bool> Engine::fire(Tx& tx, StoredRecord& r, Date today, TimePoint now, SweepReport& report) {
  const std::string now_text = format_utc(now);
  std::vector<std::string> marks;
  const auto mark = [&](const char* flag, bool due, int& counter) {
    if (due && !r.has_flag(flag)) {
      r.add_flag(flag);
      marks.emplace_back(flag);
      ++counter;
    }
  };
  const bool decidable = !r.calendar_provisional;  // see next_due_of
  if (service::before_publication(r.state)) {
    mark("warned", r.publish_by && today >= *r.publish_by, report.warnings);
    mark("overdue_late", decidable && r.late_after && today > *r.late_after, report.overdue_late);
    mark("overdue_missing", decidable && r.missing_after && today > *r.missing_after,
         report.overdue_missing);
  } else if (r.state == "objected") {
    mark("objection_overdue", decidable && r.objection_due && today > *r.objection_due,
         report.objection_overdue);
  } else if (r.state == "repair_requested") {
    mark("repair_overdue", decidable && r.repair_due && today > *r.repair_due,
         report.repair_overdue);
  }
  const std::string from = r.state;
  const Transition* expiry = lifecycle_.find(r.state, "expire");
  const bool expire = expiry != nullptr && r.publication_end && today > *r.publication_end;
  if (expire) {
    r.state = expiry->to;
    r.closed_at = now_text;
    ++report.expired;
  }
  r.next_due = next_due_of(r);
  r.updated_at = now_text;
  const int version = r.version;
  auto updated = update_record(tx, r, version);
  if (!updated) return updated.error();
  if (!*updated) return false;  // changed under us (SQLite never; MySQL rows are locked)
  r.version = version + 1;
  for (const auto& m : marks) {
    const std::string topic = "record." + m;
    if (auto st = append_event(tx, {r.region, r.id, 0, "mark:" + m, r.state, r.state, "system",
                                    "system", now_text, "{}", r.rule_version});
        !st) {
      return st.error();
    }
    if (auto st =
            append_outbox(tx, {r.region, r.id, topic, service::outbox_payload(r, topic), now_text});
        !st) {
      return st.error();
    }
  }
  if (expire) {
    if (auto st = append_event(tx, {r.region, r.id, 0, "expire", from, r.state, "system", "system",
                                    now_text, "{}", r.rule_version});
        !st) {
      return st.error();
    }
    if (auto st = append_outbox(tx, {r.region, r.id, "record.expire",
                                     service::outbox_payload(r, "record.expire"), now_text});
        !st) {
      return st.error();
    }
  }
  return !marks.empty() || expire;
}

Result<SweepReport> Engine::sweep(TimePoint now, int batch) {
  const Date today = shanghai_date(now);
  SweepReport total;
  for (;;) {
    auto round = in_transaction<SweepReport>(*db_, [&](Tx& tx) -> Result<SweepReport> {
      SweepReport report;
      auto due = claim_due(tx, today, batch);
      if (!due) return due.error();
      report.claimed = static_cast<int>(due->size());
      for (const auto& [region, id] : *due) {
        auto found = find_record(tx, region, id, true);
        if (!found) return found.error();
        if (!*found) continue;
        StoredRecord r = **found;
        auto fired = fire(tx, r, today, now, report);
        if (!fired) return fired.error();
        report.fired += *fired ? 1 : 0;
        reach("after_sweep_row");
      }
      return report;
    });
    if (!round) return round.error();
    total.claimed += round->claimed;
    total.warnings += round->warnings;
    total.overdue_late += round->overdue_late;
    total.overdue_missing += round->overdue_missing;
    total.objection_overdue += round->objection_overdue;
    total.repair_overdue += round->repair_overdue;
    total.expired += round->expired;
    total.fired += round->fired;
    // Done when the due rows ran out, or (defensively) when a full round changed nothing.
    if (round->claimed < batch || round->fired == 0) return total;
  }
}

}  // namespace gongshi
