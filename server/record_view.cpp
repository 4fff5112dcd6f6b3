#include "server/record_view.hpp"

#include <boost/json.hpp>

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

// Byte lengths of the UTF-8 characters of `s`.
std::vector<std::size_t> char_sizes(const std::string& s) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    n = std::min(n, s.size() - i);
    out.push_back(n);
    i += n;
  }
  return out;
}

// Keeps the first `head` and last `tail` characters, stars in between (at least one star).
std::string keep_ends(const std::string& s, std::size_t head, std::size_t tail) {
  const auto sizes = char_sizes(s);
  if (sizes.empty()) return s;
  if (head + tail >= sizes.size()) {
    head = std::min<std::size_t>(head, sizes.size() - 1);
    tail = 0;
  }
  std::string out;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    if (i < head || i >= sizes.size() - tail) {
      out += s.substr(pos, sizes[i]);
    } else {
      out += '*';
    }
    pos += sizes[i];
  }
  return out;
}

}  // namespace

std::string mask_name(const std::string& name) {
  return keep_ends(name, 1, 0);
}

std::string mask_id_number(const std::string& id) {
  return keep_ends(id, 2, 2);
}

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
  auto fields = fields_of(r);
  const char* category = r.kind == RecordKind::license ? "XK_XDR_LB" : "CF_XDR_LB";
  const char* name = r.kind == RecordKind::license ? "XK_XDR_MC" : "CF_XDR_MC";
  const char* id = r.kind == RecordKind::license ? "XK_XDR_ZJHM" : "CF_XDR_ZJHM";
  const auto* cat = fields.if_contains(category);
  if (cat != nullptr && cat->is_string() && cat->get_string() == "自然人") {
    if (auto* v = fields.if_contains(name); v != nullptr && v->is_string()) {
      *v = mask_name(std::string(v->get_string()));
    }
    if (auto* v = fields.if_contains(id); v != nullptr && v->is_string()) {
      *v = mask_id_number(std::string(v->get_string()));
    }
  }
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
