// Engine::sweep: fire what is due. Each batch is one transaction over rows it alone has claimed.
#include <boost/json.hpp>

#include "engine/service/engine_internal.hpp"
#include "engine/store/record_repo.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {
// Applies every mark or event the record's state watches for (lifecycle.json) that is due today;
// true when something fired.
Result<bool> Engine::fire(Tx& tx, StoredRecord& r, Date today, TimePoint now, SweepReport& report) {
  const std::string now_text = format_utc(now);
  const StateInfo* state = lifecycle_.state(r.state);
  if (state == nullptr) return false;
  std::vector<std::string> marks;
  const Transition* taken = nullptr;
  for (const auto& w : state->watches) {
    const auto on = fires_on(w, r);
    if (!on || today < *on) continue;
    if (!w.mark.empty()) {
      r.add_flag(w.mark);
      marks.push_back(w.mark);
      ++report.marks[w.mark];
    } else if (taken == nullptr) {
      taken = lifecycle_.find(r.state, w.event);  // checked to exist at load
      ++report.events[w.event];
    }
  }
  const std::string from = r.state;
  if (taken != nullptr) {
    r.state = taken->to;
    for (const auto& effect : taken->effects) {
      if (effect == "stamp:closed_at") r.closed_at = now_text;
    }
  }
  r.next_due = next_due_of(r, lifecycle_);
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
  if (taken != nullptr) {
    if (auto st = append_event(tx, {r.region, r.id, 0, taken->event, from, r.state, "system",
                                    "system", now_text, "{}", r.rule_version});
        !st) {
      return st.error();
    }
    const std::string topic = "record." + taken->event;
    if (auto st =
            append_outbox(tx, {r.region, r.id, topic, service::outbox_payload(r, topic), now_text});
        !st) {
      return st.error();
    }
  }
  return !marks.empty() || taken != nullptr;
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
    total.add(*round);
    // Done when the due rows ran out, or (defensively) when a full round changed nothing.
    if (round->claimed < batch || round->fired == 0) return total;
  }
}

}  // namespace gongshi
