#include "engine/service/upstream_json.hpp"

#include <boost/json.hpp>

namespace gongshi {
namespace {

boost::json::value text_or_null(const std::string& s) {
  return s.empty() ? boost::json::value(nullptr) : boost::json::value(s);
}

boost::json::object row_json(const UpstreamReportRow& r) {
  return {{"department_id", r.department_id},
          {"department", r.department},
          {"published", r.published},
          {"acknowledged", r.acknowledged},
          {"refused", r.refused},
          {"pending", r.pending},
          {"not_sent", r.not_sent}};
}

const char* status_zh(const std::string& s) {
  if (s == "refused") return "被拒收";
  if (s == "pending") return "待报送";
  if (s == "not_sent") return "未报送";
  return "已确认";
}

}  // namespace

boost::json::object upstream_target_json(const UpstreamTarget& t) {
  boost::json::array changes;
  for (const auto& c : t.changes) changes.push_back(boost::json::value(c));
  return {{"id", t.id},
          {"region", t.region},
          {"name", t.name},
          {"format", t.format},
          {"endpoint", t.endpoint},
          {"has_credential", !t.credential.empty()},
          {"ca_file", t.ca_file},
          {"changes", std::move(changes)},
          {"batch_size", t.batch_size},
          {"active", t.active},
          {"created_by", t.created_by},
          {"created_at", t.created_at}};
}

boost::json::object upstream_change_json(const UpstreamChange& c) {
  return {{"id", c.id},
          {"target_id", c.target_id},
          {"idempotency_key", UpstreamService::idempotency_key(c)},
          {"region", c.region},
          {"record_id", c.record_id},
          {"department_id", c.department_id ? boost::json::value(*c.department_id) : nullptr},
          {"kind", c.kind},
          {"document_no", c.document_no},
          {"subject_code", c.subject_code},
          {"change", c.change_type},
          {"record_version", c.record_version},
          {"status", c.status},
          {"attempts", c.attempts},
          {"next_attempt_at", c.next_attempt_at},
          {"last_error", c.last_error},
          {"changed_at", c.changed_at},
          {"acknowledged_at", text_or_null(c.acknowledged_at)}};
}

boost::json::object upstream_report_json(const UpstreamReport& r) {
  boost::json::array rows, gaps;
  for (const auto& row : r.rows) rows.push_back(row_json(row));
  for (const auto& g : r.gaps) {
    gaps.push_back(
        boost::json::object{{"record_id", g.record_id},
                            {"department_id", g.department_id},
                            {"department", g.department},
                            {"kind", g.kind},
                            {"document_no", g.document_no},
                            {"subject_code", g.subject_code},
                            {"state", g.state},
                            {"status", g.status},
                            {"change", text_or_null(g.change_type)},
                            {"change_id", g.change_id == 0 ? boost::json::value(nullptr)
                                                           : boost::json::value(g.change_id)},
                            {"attempts", g.attempts},
                            {"reason", text_or_null(g.reason)}});
  }
  return {{"region", r.region},
          {"month", r.month},
          {"target", upstream_target_json(r.target)},
          {"rows", std::move(rows)},
          {"total", row_json(r.total)},
          {"gaps", std::move(gaps)}};
}

std::string upstream_report_text(const UpstreamReport& r) {
  std::string out = r.month + " 上报核对 · " + r.target.name + "（" + r.target.endpoint + "）\n";
  out += "部门\t本地已公示\t上级已确认\t被拒收\t待报送\t未报送\n";
  const auto line = [](const UpstreamReportRow& row) {
    return row.department + "\t" + std::to_string(row.published) + "\t" +
           std::to_string(row.acknowledged) + "\t" + std::to_string(row.refused) + "\t" +
           std::to_string(row.pending) + "\t" + std::to_string(row.not_sent) + "\n";
  };
  for (const auto& row : r.rows) out += line(row);
  out += line(r.total);
  if (!r.gaps.empty()) out += "\n差异记录：\n";
  for (const auto& g : r.gaps) {
    out += "  [" + std::string(status_zh(g.status)) + "] " + g.department + " 记录 " +
           std::to_string(g.record_id) + " " + g.document_no + " " + g.subject_code;
    if (!g.change_type.empty()) out += " 变更 " + g.change_type;
    if (!g.reason.empty()) out += " — " + g.reason;
    out += "\n";
  }
  return out;
}

}  // namespace gongshi
