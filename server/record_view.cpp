#include "server/record_view.hpp"

#include <boost/json.hpp>

#include "engine/model/publication.hpp"

namespace gongshi::server {
boost::json::value date_or_null(const std::optional<Date>& d) {
  if (!d) return nullptr;
  return boost::json::value(format_date(*d));
}

boost::json::value text_or_null(const std::string& s) {
  if (s.empty()) return nullptr;
  return boost::json::value(s);
}

namespace {

boost::json::object object_of(const std::string& text) {
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) return {};
  return std::move(v.as_object());
}

boost::json::object fields_of(const StoredRecord& r) {
  return object_of(r.data);
}

}  // namespace

boost::json::object record_json(const StoredRecord& r) {
  return {{"region", r.region},
          {"id", r.id},
          {"kind", to_string(r.kind)},
          {"state", r.state},
          {"version", r.version},
          {"department_id", r.department_id ? boost::json::value(*r.department_id) : nullptr},
          {"catalog_item_id", r.catalog_item_id ? boost::json::value(*r.catalog_item_id) : nullptr},
          {"document_no", r.document_no},
          {"subject_code", r.subject_code},
          {"decision_date", format_date(r.decision_date)},
          {"received_at", r.received_at},
          {"timeliness", r.timeliness},
          {"backfill", r.backfill},
          {"scope", r.scope},
          {"flags", r.flags},
          {"deadlines",
           {{"publish_by", date_or_null(r.publish_by)},
            {"late_after", date_or_null(r.late_after)},
            {"missing_after", date_or_null(r.missing_after)},
            {"publication_end", date_or_null(r.publication_end)},
            {"objection_due", date_or_null(r.objection_due)},
            {"repair_due", date_or_null(r.repair_due)},
            {"withdraw_due", date_or_null(r.withdraw_due)},
            {"repair_from", date_or_null(r.repair_from)}}},
          {"calendar_provisional", r.calendar_provisional},
          {"rules", object_of(r.rule_notes)},
          {"submitted_at", text_or_null(r.submitted_at)},
          {"approved_at", text_or_null(r.approved_at)},
          {"published_at", text_or_null(r.published_at)},
          {"closed_at", text_or_null(r.closed_at)},
          {"rule_version", r.rule_version},
          {"updated_at", r.updated_at},
          {"fields", fields_of(r)}};
}

boost::json::object event_json(const EventRow& e) {
  boost::system::error_code ec;
  auto payload = boost::json::parse(e.payload, ec);
  if (ec) payload = boost::json::object{};
  return {{"seq", e.seq},
          {"event", e.event},
          {"from", e.from_state},
          {"to", e.to_state},
          {"actor", e.actor},
          {"actor_role", e.actor_role},
          {"at", e.at},
          {"payload", std::move(payload)},
          {"rule_version", e.rule_version}};
}

boost::json::object public_record_json(const StoredRecord& r, const std::string& state_label) {
  const auto stored = fields_of(r);
  auto fields = public_fields(r.kind, stored, is_natural_person(r.kind, stored));
  return {{"region", r.region},
          {"id", r.id},
          {"kind", to_string(r.kind)},
          {"published_at", text_or_null(r.published_at)},
          {"publication_end", date_or_null(r.publication_end)},
          {"corrected", r.has_flag("corrected")},
          {"status_label", state_label},
          {"fields", std::move(fields)}};
}

}  // namespace gongshi::server
