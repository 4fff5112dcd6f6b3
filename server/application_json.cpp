#include "server/application_json.hpp"

#include <boost/json.hpp>

#include "engine/model/date.hpp"
#include "server/record_view.hpp"

namespace gongshi::server {
namespace {

// A settled application says what became of its record (已办结：已更正并重新公示, …已撤下, …已公示
// when the objection was dismissed), in the lifecycle's words for the state its outcome led to.
std::string state_label(const ApplicationRow& a, const Lifecycle& lc) {
  const std::string& s = a.state;
  if (s == application_state::filed) return "已提交，待受理";
  if (s == application_state::accepted) return "已受理，办理中";
  if (s == application_state::refused) return "不予受理";
  if (s == application_state::closed) {
    const Transition* outcome = lc.event(a.outcome);
    return outcome == nullptr ? "已办结" : "已办结：" + lc.state_label(outcome->to);
  }
  return s;
}

// Each step the application went through, with its date: filed, then accepted or refused, then
// settled by a record event.
boost::json::array steps_of(const ApplicationRow& a, const Lifecycle& lc) {
  boost::json::array out;
  out.push_back({{"step", "filed"}, {"label", "提交申请"}, {"at", a.filed_at}});
  if (a.state == application_state::refused) {
    out.push_back(
        {{"step", "refused"}, {"label", "不予受理"}, {"at", a.decided_at}, {"reason", a.reason}});
    return out;
  }
  if (!a.decided_at.empty()) {
    out.push_back({{"step", "accepted"}, {"label", "受理"}, {"at", a.decided_at}});
  }
  if (a.state == application_state::closed) {
    out.push_back({{"step", "closed"},
                   {"label", lc.event_label(a.outcome)},
                   {"outcome", a.outcome},
                   {"at", a.closed_at},
                   {"reason", a.reason}});
  }
  return out;
}

boost::json::value due_json(const ApplicationView& v) {
  if (!v.due) return nullptr;
  boost::json::object o{{"date", format_date(*v.due)}};
  o["working_days_left"] =
      v.working_days_left ? boost::json::value(*v.working_days_left) : boost::json::value(nullptr);
  o["overdue"] = v.working_days_left.has_value() && *v.working_days_left < 0;
  return o;
}

}  // namespace

boost::json::object attachment_json(const AttachmentRow& a) {
  return {{"id", a.id},     {"file_name", a.file_name}, {"media_type", a.media_type},
          {"size", a.size}, {"sha256", a.sha256},       {"uploaded_at", a.created_at}};
}

// What both the handler and the subject see: the application's state, type, steps and limit, and
// which record it is about.
boost::json::object common_json(const ApplicationView& v, const Lifecycle& lc) {
  const ApplicationRow& a = v.application;
  const StoredRecord& r = v.record;
  return {{"number", a.number},
          {"kind", a.kind},
          {"state", a.state},
          {"state_label", state_label(a, lc)},
          {"type", text_or_null(a.type)},
          {"filed_at", a.filed_at},
          {"due", due_json(v)},
          {"steps", steps_of(a, lc)},
          {"record",
           {{"region", r.region},
            {"id", r.id},
            {"kind", to_string(r.kind)},
            {"document_no", r.document_no},
            {"state_label", lc.state_label(r.state)},
            {"corrected", r.has_flag("corrected")}}}};
}

boost::json::object application_json(const ApplicationView& v, const Lifecycle& lc) {
  const ApplicationRow& a = v.application;
  boost::json::object o = common_json(v, lc);
  boost::json::array files;
  for (const auto& f : v.attachments) {
    auto one = attachment_json(f);
    one["url"] = "/api/v1/attachments/" + f.id;
    files.push_back(std::move(one));
  }
  o["attachments"] = std::move(files);
  o["channel"] = a.channel;
  o["subject_code"] = a.subject_code;
  o["contact_name"] = a.contact_name;
  o["contact_phone"] = a.contact_phone;
  o["description"] = a.description;
  o["filed_by"] = a.filed_by;
  o["decided_at"] = text_or_null(a.decided_at);
  o["decided_by"] = text_or_null(a.decided_by);
  o["closed_at"] = text_or_null(a.closed_at);
  o["outcome"] = text_or_null(a.outcome);
  o["outcome_label"] = a.outcome.empty() ? boost::json::value(nullptr)
                                         : boost::json::value(lc.event_label(a.outcome));
  o["reason"] = text_or_null(a.reason);
  auto& record = o["record"].as_object();
  const StoredRecord& r = v.record;
  record["department_id"] =
      r.department_id ? boost::json::value(*r.department_id) : boost::json::value(nullptr);
  record["state"] = r.state;
  record["version"] = r.version;
  return o;
}

boost::json::object subject_application_json(const ApplicationView& v, const Lifecycle& lc) {
  boost::json::object o = common_json(v, lc);
  boost::json::array files;
  for (const auto& f : v.attachments) {
    files.push_back({{"file_name", f.file_name}, {"media_type", f.media_type}, {"size", f.size}});
  }
  o["attachments"] = std::move(files);
  return o;
}

}  // namespace gongshi::server
