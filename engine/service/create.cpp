// Engine::create: validate, decide, store record + event + outbox in one transaction.
#include <boost/json.hpp>

#include "engine/model/json_codec.hpp"
#include "engine/rules/sha256.hpp"
#include "engine/service/engine_internal.hpp"
#include "engine/store/record_repo.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {
namespace {

Error conflict(const std::string& zh, const std::string& en) {
  return make_error(ErrorCode::conflict, zh, en);
}

}  // namespace

Result<std::optional<CreateOutcome>> Engine::existing(Tx& tx, const CreateRequest& req,
                                                      const StoredRecord& candidate,
                                                      const std::string& key,
                                                      const std::string& hash) {
  if (!key.empty()) {
    auto entry = find_idempotency(tx, req.region, key);
    if (!entry) return entry.error();
    if (*entry) {
      if ((*entry)->request_hash != hash) {
        return conflict("幂等键「" + key + "」已用于内容不同的请求",
                        "idempotency key '" + key + "' was used for a different request");
      }
      auto first = find_record(tx, req.region, (*entry)->record_id);
      if (!first) return first.error();
      if (*first) return std::optional<CreateOutcome>{CreateOutcome{**first, false}};
    }
  }
  auto same_id = find_id_by_natural_key(tx, req.region, req.kind, candidate.document_no,
                                        candidate.subject_code);
  if (!same_id) return same_id.error();
  if (!*same_id) return std::optional<CreateOutcome>{};
  auto same = find_record(tx, req.region, **same_id);  // the whole row only when there is one
  if (!same) return same.error();
  if (!*same) return std::optional<CreateOutcome>{};
  if ((*same)->data != candidate.data || (*same)->department_id != candidate.department_id) {
    // The record's id is the caller's to know only when it is of the caller's department.
    const bool own = (*same)->department_id == candidate.department_id;
    const std::string id = std::to_string((*same)->id);
    return conflict("决定书文号「" + candidate.document_no + "」的记录已存在且内容不同" +
                        (own ? "（记录 " + id + "）" : "（属于其他部门）"),
                    "a record with document number '" + candidate.document_no +
                        "' already exists with other content" +
                        (own ? " (record " + id + ")" : " (of another department)"));
  }
  return std::optional<CreateOutcome>{CreateOutcome{**same, false}};
}

Result<PreparedRecord> Engine::prepare(const CreateRequest& req, TimePoint now) {
  const Date today = shanghai_date(now);
  auto rr = service::region_rules(rules_, req.region, today);
  if (!rr) return rr.error();
  const DecodedRecord decoded = record_from_json(req.kind, req.fields);
  CalendarUse use;
  auto eval = rr->rules->evaluate(decoded.record, service::provisional_context(rr->ctx, use));
  if (!eval) return eval.error();
  Issues issues = merge_issues(decoded.issues, std::move(eval->issues));
  if (!issues.empty()) return service::invalid_record(std::move(issues));

  PreparedRecord p;
  StoredRecord& r = p.record;
  r.region = req.region;
  r.department_id = req.department_id;
  r.catalog_item_id = req.catalog_item_id;
  r.kind = req.kind;
  r.state = lifecycle_.initial();
  r.document_no = document_no_of(decoded.record);
  r.subject_code = service::subject_code_of(decoded.record);
  r.decision_date = *decision_date_of(decoded.record);
  r.received_at = format_utc(now);
  service::apply_deadlines(r, *eval);
  r.timeliness = service::timeliness_on(today, r, *rr->calendar);
  r.backfill = req.backfill;
  r.scope = std::string(enum_label(eval->scope.scope));
  r.data = service::json_text(to_json(decoded.record));
  r.updated_at = r.received_at;
  r.next_due = next_due_of(r, lifecycle_);
  p.hash = sha256_hex(r.region + "|" + std::string(to_string(r.kind)) + "|" +
                      std::to_string(r.department_id.value_or(0)) + "|" + (r.backfill ? "1" : "0") +
                      "|" + r.data);
  boost::json::object payload{
      {"backfill", r.backfill}, {"timeliness", r.timeliness}, {"scope", r.scope}};
  if (r.calendar_provisional) {
    payload["calendar_provisional"] = true;
    payload["calendar_complete_through"] = format_date(rr->calendar->complete_through());
  }
  if (!r.rule_notes.empty()) payload["rules"] = boost::json::parse(r.rule_notes);
  p.event_payload = service::json_text(payload);
  return p;
}

Result<CreateOutcome> Engine::create(const CreateRequest& req, const Actor& actor,
                                     const std::string& idempotency_key, TimePoint now) {
  auto prepared = prepare(req, now);
  if (!prepared) return prepared.error();
  const StoredRecord& r = prepared->record;
  const std::string& hash = prepared->hash;

  auto outcome = in_transaction<CreateOutcome>(*db_, [&](Tx& tx) -> Result<CreateOutcome> {
    auto before = existing(tx, req, r, idempotency_key, hash);
    if (!before) return before.error();
    if (*before) return **before;
    auto id = insert_record(tx, r);
    if (!id) return id.error();
    reach("after_record_insert");
    StoredRecord stored = r;
    stored.id = *id;
    if (auto st = append_event(tx, {r.region, *id, 1, "create", "", r.state, actor.user, actor.role,
                                    r.received_at, prepared->event_payload, r.rule_version});
        !st) {
      return st.error();
    }
    reach("after_event");
    if (auto st =
            append_outbox(tx, {r.region, *id, "record.created",
                               service::outbox_payload(stored, "record.created"), r.received_at});
        !st) {
      return st.error();
    }
    if (!idempotency_key.empty()) {
      if (auto st = insert_idempotency(tx, r.region, idempotency_key, {hash, *id}, r.received_at);
          !st) {
        return st.error();
      }
    }
    reach("before_commit");
    return CreateOutcome{stored, true};
  });
  if (!outcome && outcome.error().code == ErrorCode::conflict) {
    // A race lost on the natural key or the idempotency key: answer as the winner stored it. (For
    // a conflict of content, looking again finds the same conflict and returns it.)
    return in_transaction<CreateOutcome>(*db_, [&](Tx& tx) -> Result<CreateOutcome> {
      auto before = existing(tx, req, r, idempotency_key, hash);
      if (!before) return before.error();
      if (*before) return **before;
      return outcome.error();
    });
  }
  return outcome;
}

}  // namespace gongshi
