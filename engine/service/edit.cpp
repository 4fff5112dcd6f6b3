// Engine::edit and Engine::comment: new field values for a record still with its department
// (draft, returned), validated whole again and kept field by field in its event; a comment.
// merge_fields is also what a correction (an event with "fields") runs.
#include <boost/json.hpp>

#include "engine/model/json_codec.hpp"
#include "engine/service/engine_internal.hpp"
#include "engine/store/record_repo.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {
namespace {

// {CODE: {"from": old | null, "to": new | null}} for every field whose value differs.
boost::json::object field_diff(const boost::json::object& before,
                               const boost::json::object& after) {
  boost::json::object diff;
  const auto add = [&](boost::json::string_view code) {
    const auto* a = before.if_contains(code);
    const auto* b = after.if_contains(code);
    const boost::json::value from = a ? *a : nullptr, to = b ? *b : nullptr;
    if (from != to) diff[code] = {{"from", from}, {"to", to}};
  };
  for (const auto& kv : before) add(kv.key());
  for (const auto& kv : after) {
    if (!before.contains(kv.key())) add(kv.key());
  }
  return diff;
}

}  // namespace

namespace service {

Result<FieldChange> merge_fields(const StoredRecord& current, const boost::json::object& changes,
                                 const RegionRules& rr, Date today) {
  // A JSON merge over the stored fields: a value sets the field, null clears it.
  boost::system::error_code ec;
  boost::json::value stored = boost::json::parse(current.data, ec);
  if (ec || !stored.is_object()) {
    return make_error(ErrorCode::internal, "记录的字段数据已损坏", "the stored fields are corrupt");
  }
  const boost::json::object before = std::move(stored.as_object());
  boost::json::object merged = before;
  for (const auto& [code, value] : changes) {
    if (value.is_null()) {
      merged.erase(code);
    } else {
      merged[code] = value;
    }
  }
  const DecodedRecord decoded = record_from_json(current.kind, merged);
  CalendarUse use;
  auto eval = rr.rules->evaluate(decoded.record, provisional_context(rr.ctx, use));
  if (!eval) return eval.error();
  Issues issues = merge_issues(decoded.issues, std::move(eval->issues));
  if (!issues.empty()) return invalid_record(std::move(issues));

  FieldChange out{current, {}, false};
  const boost::json::object after = to_json(decoded.record);
  out.diff = field_diff(before, after);
  if (out.diff.empty()) return out;

  StoredRecord& r = out.record;
  const std::string document_no = document_no_of(decoded.record);
  const std::string subject = subject_code_of(decoded.record);
  out.key_changed = document_no != r.document_no || subject != r.subject_code;
  if (out.key_changed && !r.submitted_at.empty()) {
    return make_error(
        ErrorCode::conflict,
        "记录已提交过，决定书文号和相对人代码不能再改；如确有错误，请作废（或撤下）后重新录入",
        "the record was submitted before: its document number and subject code can "
        "no longer change (discard or withdraw it and enter it again)");
  }
  const Date decision = *decision_date_of(decoded.record);
  if (decision != r.decision_date) {  // the deadlines hang on the decision date
    r.decision_date = decision;
    apply_deadlines(r, *eval);
    const auto received = parse_utc(r.received_at);
    r.timeliness = timeliness_on(received ? shanghai_date(*received) : today, r, *rr.calendar);
  }
  r.document_no = document_no;
  r.subject_code = subject;
  r.scope = std::string(enum_label(eval->scope.scope));
  r.data = json_text(after);
  return out;
}

Status natural_key_free(Tx& tx, const StoredRecord& r) {
  auto other = find_id_by_natural_key(tx, r.region, r.kind, r.document_no, r.subject_code);
  if (!other) return other.error();
  if (*other && **other != r.id) {
    return make_error(
        ErrorCode::conflict, "已有决定书文号「" + r.document_no + "」、相对人代码相同的记录",
        "another record has document number '" + r.document_no + "' and this subject code");
  }
  return ok_status();
}

}  // namespace service

Result<EditOutcome> Engine::edit(const StoredRecord& current, const boost::json::object& changes,
                                 const Actor& actor, int expected_version,
                                 const std::string& comment, TimePoint now) {
  if (current.version != expected_version)
    return service::stale_version(current.version, expected_version);
  const Date today = shanghai_date(now);
  auto rr = service::region_rules(rules_, current.region, today);
  if (!rr) return rr.error();
  auto merged = service::merge_fields(current, changes, *rr, today);
  if (!merged) return merged.error();
  service::FieldChange change = std::move(merged).value();
  if (change.diff.empty()) return EditOutcome{current, false};

  StoredRecord& r = change.record;
  const std::string now_text = format_utc(now);
  r.updated_at = now_text;
  r.next_due = next_due_of(r, lifecycle_);
  boost::json::object payload{{"changes", std::move(change.diff)}};
  if (!comment.empty()) payload["comment"] = comment;
  const EventRow ev =
      service::event_row(r, "edit", r.state, actor, now_text, payload, rr->rules->version());
  return in_transaction<EditOutcome>(*db_, [&](Tx& tx) -> Result<EditOutcome> {
    if (change.key_changed) {
      if (auto st = service::natural_key_free(tx, r); !st) return st.error();
    }
    auto out = store_change(tx, r, expected_version, ev, "record.edit");
    if (!out) return out.error();
    return EditOutcome{std::move(out).value(), true};
  });
}

namespace {

// An event on a stored record that changes neither its state nor its version, and its outbox row.
Status annotate(Tx& tx, const StoredRecord& current, const std::string& event,
                const std::string& topic, const Actor& actor, const boost::json::object& payload,
                const std::string& now_text) {
  auto stored = get_record(tx, current.region, current.id);  // still there, in this state
  if (!stored) return stored.error();
  if (auto st = append_event(tx, service::event_row(*stored, event, stored->state, actor, now_text,
                                                    payload, stored->rule_version));
      !st) {
    return st;
  }
  return append_outbox(
      tx, {stored->region, stored->id, topic, service::outbox_payload(*stored, topic), now_text});
}

}  // namespace

Result<EventRow> Engine::comment(const StoredRecord& current, const Actor& actor,
                                 const std::string& text, TimePoint now) {
  if (text.empty()) {
    return make_error(ErrorCode::invalid_input, "意见不能为空", "the comment is empty");
  }
  const std::string now_text = format_utc(now);
  return in_transaction<EventRow>(*db_, [&](Tx& tx) -> Result<EventRow> {
    if (auto st = annotate(tx, current, "comment", "record.comment", actor, {{"comment", text}},
                           now_text);
        !st) {
      return st.error();
    }
    auto events = events_of(tx, current.region, current.id);
    if (!events) return events.error();
    return events->back();
  });
}

Result<int> Engine::remind(const std::vector<StoredRecord>& records, const Actor& actor,
                           const std::string& text, TimePoint now) {
  const std::string now_text = format_utc(now);
  boost::json::object payload;
  if (!text.empty()) payload["comment"] = text;
  return in_transaction<int>(*db_, [&](Tx& tx) -> Result<int> {
    for (const auto& r : records) {
      if (auto st = annotate(tx, r, "remind", "record.reminded", actor, payload, now_text); !st) {
        return st.error();
      }
    }
    return static_cast<int>(records.size());
  });
}

}  // namespace gongshi
