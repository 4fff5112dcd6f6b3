// Engine::transition: lifecycle edge, role, guards, effects, optimistic version; one transaction.
#include <boost/json.hpp>

#include "engine/service/applications.hpp"
#include "engine/service/engine_internal.hpp"
#include "engine/service/working_day_limit.hpp"
#include "engine/store/record_repo.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {
namespace {

// `since`: the day the working-day limits count from (working_day_limit.hpp).
Status apply_effect(const std::string& effect, StoredRecord& r, const Record& fields,
                    const service::RegionRules& rr, const std::string& now_text, Date since) {
  if (effect == "stamp:submitted_at") r.submitted_at = now_text;
  if (effect == "stamp:approved_at") r.approved_at = now_text;
  if (effect == "stamp:published_at") r.published_at = now_text;
  if (effect == "stamp:closed_at") r.closed_at = now_text;
  if (effect == "clear:objection_due") r.objection_due.reset();
  if (effect == "clear:repair_due") r.repair_due.reset();
  if (effect.starts_with("flag:")) r.add_flag(effect.substr(5));
  if (effect == "deadline:publish_by" || effect == "deadline:publication_end") {
    CalendarUse use;
    auto e = rr.rules->deadlines(fields, service::provisional_context(rr.ctx, use));
    if (!e) return e.error();
    const Deadlines& d = e->deadlines;
    if (effect == "deadline:publish_by") {
      r.publish_by = d.publish_by;
      r.late_after = d.late_after;
      r.missing_after = d.missing_after;
      r.calendar_provisional = e->calendar_provisional;  // these are what 迟报/漏报 wait for
    } else {
      r.publication_end = d.publication_end;
      r.repair_from = d.repair_from;
      r.calendar_provisional = r.calendar_provisional || e->calendar_provisional;
    }
    r.rule_notes = service::rule_notes_of(*e);
    r.rule_version = rr.rules->version();
  }
  for (const auto& limit : kWorkingDayLimits) {
    if (effect != limit.effect) continue;
    CalendarUse use;
    auto due = working_day_limit(rr, limit.sla, since, use);
    if (!due) return due.error();
    r.*limit.due = *due;
    r.calendar_provisional = r.calendar_provisional || use.provisional;
  }
  return ok_status();
}

// The new fields an event such as `correct` carries in payload["fields"], merged and validated.
Result<service::FieldChange> corrected_fields(const StoredRecord& r, const Transition& edge,
                                              const boost::json::object& payload,
                                              const service::RegionRules& rr, Date today) {
  const auto* f = payload.if_contains("fields");
  if (f == nullptr || !f->is_object() || f->as_object().empty()) {
    return make_error(ErrorCode::invalid_input,
                      "「" + edge.label_zh + "」须给出更正后的字段值（fields）",
                      "'" + edge.event + "' needs the corrected field values (fields)");
  }
  auto change = service::merge_fields(r, f->as_object(), rr, today);
  if (!change) return change.error();
  if (change->diff.empty()) {
    return make_error(ErrorCode::invalid_input, "更正后的字段与现有内容相同，没有可更正之处",
                      "the corrected fields equal the stored ones: nothing to correct");
  }
  return change;
}

}  // namespace

Result<StoredRecord> Engine::transition(const std::string& region, std::int64_t id,
                                        const std::string& event, const Actor& actor,
                                        int expected_version, const boost::json::object& payload,
                                        TimePoint now) {
  auto current = get(region, id);
  if (!current) return current.error();
  return transition(*current, event, actor, expected_version, payload, now);
}

Result<StoredRecord> Engine::transition(const StoredRecord& current, const std::string& event,
                                        const Actor& actor, int expected_version,
                                        const boost::json::object& payload, TimePoint now,
                                        const TxStep& extra) {
  // Everything is decided from `current` before the write transaction: the edge, the guards
  // (which may run Lua) and the effects. The write then only stores the result, on condition
  // that the record is still at `expected_version`; so SQLite's one writer holds its lock for
  // the three statements, not for the rules.
  if (current.version != expected_version) {
    return service::stale_version(current.version, expected_version);
  }
  auto rr = service::region_rules(rules_, current.region, shanghai_date(now));
  if (!rr) return rr.error();
  const std::string now_text = format_utc(now);
  std::string reason;
  if (const auto* v = payload.if_contains("reason"); v != nullptr && v->is_string()) {
    reason = std::string(v->get_string());
  }
  StoredRecord r = current;
  auto edge = lifecycle_.allowed(r.state, event, actor.role);
  if (!edge) return edge.error();
  boost::json::object stored_payload = payload;
  bool key_changed = false;
  if ((*edge)->fields_required) {
    auto corrected = corrected_fields(r, **edge, payload, *rr, shanghai_date(now));
    if (!corrected) return corrected.error();
    service::FieldChange change = std::move(corrected).value();
    key_changed = change.key_changed;
    stored_payload.erase("fields");
    stored_payload["changes"] = std::move(change.diff);
    r = std::move(change.record);
  }
  auto fields = service::stored_fields(r);
  if (!fields) return fields.error();
  const GuardInput in{event, reason, service::deadlines_of(r)};
  for (const auto& guard : (*edge)->guards) {
    CalendarUse use;  // a guard that evaluates the record may meet a provisional deadline
    auto g = rr->rules->guard(guard, *fields, in, service::provisional_context(rr->ctx, use));
    if (!g) return g.error();
    if (!g->allowed) {
      return make_error(ErrorCode::invalid_input,
                        "不能执行「" + (*edge)->label_zh + "」：" + g->reason_zh,
                        "cannot take '" + event + "': " + g->reason_en);
    }
  }
  auto since = limit_start(payload, **edge, r, shanghai_date(now));
  if (!since) return since.error();
  const std::string from = r.state;
  for (const auto& effect : (*edge)->effects) {
    if (auto st = apply_effect(effect, r, *fields, *rr, now_text, *since); !st) return st.error();
  }
  r.state = (*edge)->to;
  r.updated_at = now_text;
  r.next_due = next_due_of(r, lifecycle_);
  const EventRow ev =
      service::event_row(r, event, from, actor, now_text, stored_payload, rr->rules->version());
  const StateInfo* left = lifecycle_.state(from);
  const std::string settles = left != nullptr && r.state != from ? left->application : "";
  return in_transaction<StoredRecord>(*db_, [&](Tx& tx) -> Result<StoredRecord> {
    if (key_changed) {
      if (auto st = service::natural_key_free(tx, r); !st) return st.error();
    }
    auto out = store_change(tx, r, expected_version, ev, "record." + event);
    if (!out) return out.error();
    if (!settles.empty()) {
      std::string why = reason;
      if (why.empty()) {
        if (const auto* c = payload.if_contains("comment"); c != nullptr && c->is_string()) {
          why = std::string(c->get_string());
        }
      }
      if (auto st = settle_applications(tx, *out, settles, event, why, actor.user, now_text); !st) {
        return st.error();
      }
    }
    if (extra) {
      if (auto st = extra(tx, *out); !st) return st.error();
    }
    return out;
  });
}

Result<StoredRecord> Engine::store_change(Tx& tx, const StoredRecord& r, int expected,
                                          const EventRow& ev, const std::string& topic) {
  if (auto st = service::update_at_version(tx, r, expected); !st) return st.error();
  StoredRecord out = r;
  out.version = expected + 1;
  reach("after_record_update");
  if (auto st = append_event(tx, ev); !st) return st.error();
  if (auto st = append_outbox(
          tx, {out.region, out.id, topic, service::outbox_payload(out, topic), ev.at});
      !st) {
    return st.error();
  }
  return out;
}

}  // namespace gongshi
