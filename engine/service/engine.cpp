#include "engine/service/engine.hpp"

#include <boost/json.hpp>

#include "engine/model/json_codec.hpp"
#include "engine/rules/evaluation_notes.hpp"
#include "engine/service/engine_internal.hpp"
#include "engine/store/record_repo.hpp"

namespace gongshi {
namespace service {

Result<RegionRules> region_rules(const RuleRegistry& registry, const std::string& region,
                                 Date today) {
  auto rules = registry.rules_for(region);
  if (!rules) return rules.error();
  auto calendar = registry.calendar_for(region);
  if (!calendar) return calendar.error();
  RegionRules out{*rules, *calendar, {}};
  out.ctx = RuleContext{region, out.calendar.get(), today};
  return out;
}

Result<Record> stored_fields(const StoredRecord& r) {
  boost::system::error_code ec;
  const auto json = boost::json::parse(r.data, ec);
  if (ec) {
    return make_error(ErrorCode::internal, "存储的记录数据已损坏", "stored record data is corrupt");
  }
  auto decoded = record_from_json(r.kind, json);
  if (!decoded.issues.empty()) {
    return make_error(ErrorCode::internal, "存储的记录数据无法解读",
                      "stored record data does not decode");
  }
  return std::move(decoded.record);
}

std::string json_text(const boost::json::object& o) {
  return boost::json::serialize(o);
}

std::string timeliness_on(Date received, const StoredRecord& r, const Calendar& calendar) {
  if (r.calendar_provisional && received > calendar.complete_through()) return "pending";
  return timeliness_of(received, r.late_after, r.missing_after);
}

std::string rule_notes_of(const Evaluation& e) {
  const auto notes = evaluation_notes(e);
  return notes.empty() ? std::string() : json_text(notes);
}

EventRow event_row(const StoredRecord& r, const std::string& event, const std::string& from,
                   const Actor& actor, const std::string& at, const boost::json::object& payload,
                   const std::string& rule_version) {
  return EventRow{r.region,    r.id,       0,          event, from,
                  r.state,     actor.user, actor.role, at,    json_text(payload),
                  rule_version};
}

Error stale_version(int stored, int expected) {
  return make_error(ErrorCode::conflict,
                    "记录已被他人修改（当前版本 " + std::to_string(stored) + "，提交的版本 " +
                        std::to_string(expected) + "），请刷新后重试",
                    "the record changed (version " + std::to_string(stored) + ", expected " +
                        std::to_string(expected) + "): reload and retry");
}

Status update_at_version(Tx& tx, const StoredRecord& r, int expected) {
  auto updated = update_record(tx, r, expected);
  if (!updated) return updated.error();
  if (*updated) return ok_status();
  auto now_stored = get_record(tx, r.region, r.id);  // changed since it was read: say to what
  if (!now_stored) return now_stored.error();
  return stale_version(now_stored->version, expected);
}

Error invalid_record(Issues issues) {
  Error e = make_error(ErrorCode::invalid_input,
                       "记录有 " + std::to_string(issues.size()) + " 个问题，未保存",
                       std::to_string(issues.size()) + " issues; nothing was stored");
  e.issues = std::move(issues);
  return e;
}

std::string subject_code_of(const Record& r) {
  const Subject& s = subject_of(r);
  return !s.codes.uscc.empty() ? s.codes.uscc : s.id_no;
}

void apply_deadlines(StoredRecord& r, const Evaluation& e) {
  r.publish_by = e.deadlines.publish_by;
  r.late_after = e.deadlines.late_after;
  r.missing_after = e.deadlines.missing_after;
  r.publication_end = e.deadlines.publication_end;
  r.repair_from = e.deadlines.repair_from;
  r.calendar_provisional = e.calendar_provisional;
  r.rule_notes = rule_notes_of(e);
  r.rule_version = e.rule_version;
}

std::string outbox_payload(const StoredRecord& r, std::string_view topic) {
  return json_text({{"topic", topic},
                    {"region", r.region},
                    {"id", r.id},
                    {"state", r.state},
                    {"version", r.version},
                    {"kind", to_string(r.kind)},
                    {"document_no", r.document_no}});
}

}  // namespace service

Engine::Engine(std::shared_ptr<Database> db, RuleRegistry& rules, const Lifecycle& lifecycle)
    : db_(std::move(db)), rules_(rules), lifecycle_(lifecycle) {}

Result<StoredRecord> Engine::get(const std::string& region, std::int64_t id) {
  return in_read_transaction<StoredRecord>(*db_,
                                           [&](Tx& tx) { return get_record(tx, region, id); });
}

Result<std::vector<EventRow>> Engine::history(const std::string& region, std::int64_t id) {
  return in_read_transaction<std::vector<EventRow>>(
      *db_, [&](Tx& tx) { return events_of(tx, region, id); });
}

}  // namespace gongshi
