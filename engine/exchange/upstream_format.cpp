#include "engine/exchange/upstream_format.hpp"

#include <boost/json.hpp>

#include "engine/exchange/csv_writer.hpp"
#include "engine/exchange/table_reader.hpp"
#include "engine/exchange/xlsx_writer.hpp"
#include "engine/model/enums.hpp"
#include "engine/model/header_codec.hpp"
#include "engine/model/json_codec.hpp"

namespace gongshi {
namespace {

const std::string kChangeHeader = std::string(kStatusColumnPrefix) + "变更类型";
const std::string kKeyHeader = std::string(kStatusColumnPrefix) + "幂等键";
const std::string kChangedAtHeader = std::string(kStatusColumnPrefix) + "变更时间";

Error bad_body(const std::string& zh, const std::string& en) {
  return make_error(ErrorCode::invalid_input, "上报内容无法读取：" + zh,
                    "the upstream request cannot be read: " + en);
}

std::string text_of(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::vector<std::string> row_of(const OutgoingChange& c) {
  boost::system::error_code ec;
  const auto json = boost::json::parse(c.record_json, ec);
  auto cells = encode_texts(record_from_json(c.kind, json).record);
  cells.push_back(c.change_type);
  cells.push_back(c.idem_key);
  cells.push_back(c.changed_at);
  return cells;
}

}  // namespace

std::string upstream_json_body(const std::string& sender, const std::vector<OutgoingChange>& cs) {
  boost::json::array changes;
  for (const auto& c : cs) {
    boost::system::error_code ec;
    auto record = boost::json::parse(c.record_json, ec);
    if (ec) record = boost::json::object{};
    changes.push_back(boost::json::object{
        {"idempotency_key", c.idem_key},
        {"change", c.change_type},
        {"kind", to_string(c.kind)},
        {"changed_at", c.changed_at},
        {"natural_key",
         {{"region", c.region}, {"document_no", c.document_no}, {"subject_code", c.subject_code}}},
        {"record", std::move(record)}});
  }
  return boost::json::serialize(boost::json::object{
      {"format", kUpstreamFormat}, {"sender", sender}, {"changes", std::move(changes)}});
}

std::vector<std::string> upstream_file_headers(RecordKind kind) {
  auto headers = template_headers(kind);
  headers.push_back(kChangeHeader);
  headers.push_back(kKeyHeader);
  headers.push_back(kChangedAtHeader);
  return headers;
}

std::string upstream_csv_body(RecordKind kind, const std::vector<OutgoingChange>& cs) {
  std::string out = kUtf8Bom + csv_line(upstream_file_headers(kind));
  for (const auto& c : cs) out += csv_line(row_of(c));
  return out;
}

Result<std::string> upstream_xlsx_body(RecordKind kind, const std::vector<OutgoingChange>& cs,
                                       const std::filesystem::path& work_dir) {
  SheetData sheet{std::string(label_zh(kind)), upstream_file_headers(kind), {}, {}};
  for (const auto& c : cs) sheet.rows.push_back(row_of(c));
  return xlsx_bytes({sheet}, work_dir);
}

Result<std::map<std::string, Acknowledgement>> parse_acknowledgements(std::string_view body) {
  boost::system::error_code ec;
  const auto json = boost::json::parse(body, ec);
  const auto* o = json.if_object();
  const auto* results = o != nullptr ? o->if_contains("results") : nullptr;
  if (ec || results == nullptr || !results->is_array()) {
    return make_error(ErrorCode::invalid_input, "上级平台的应答不是逐条确认（results）",
                      "the platform's answer is not a list of results");
  }
  std::map<std::string, Acknowledgement> out;
  for (const auto& r : results->as_array()) {
    const auto* ro = r.if_object();
    if (ro == nullptr) continue;
    Acknowledgement a{text_of(*ro, "status"), text_of(*ro, "reason_zh"), text_of(*ro, "reason_en")};
    const std::string key = text_of(*ro, "idempotency_key");
    if (key.empty()) continue;
    if (a.status != "accepted" && a.status != "duplicate" && a.status != "refused") continue;
    out[key] = std::move(a);
  }
  return out;
}

Result<IncomingBatch> parse_upstream_json(std::string_view body) {
  boost::system::error_code ec;
  const auto json = boost::json::parse(body, ec);
  const auto* o = json.if_object();
  if (ec || o == nullptr) return bad_body("不是 JSON 对象", "not a JSON object");
  if (text_of(*o, "format") != kUpstreamFormat) {
    return bad_body(std::string("format 应为 ") + kUpstreamFormat,
                    std::string("format must be ") + kUpstreamFormat);
  }
  IncomingBatch batch;
  batch.sender = text_of(*o, "sender");
  const auto* changes = o->if_contains("changes");
  if (changes == nullptr || !changes->is_array()) return bad_body("缺少 changes", "lacks changes");
  if (changes->as_array().size() > kUpstreamMaxChanges) {
    return make_error(ErrorCode::too_large, "一次最多上报 1000 条变更",
                      "at most 1000 changes per request");
  }
  for (const auto& v : changes->as_array()) {
    IncomingChange c;
    const auto* co = v.if_object();
    if (co == nullptr) return bad_body("changes 的元素应为对象", "changes must be objects");
    c.idem_key = text_of(*co, "idempotency_key");
    c.change_type = text_of(*co, "change");
    c.changed_at = text_of(*co, "changed_at");
    const auto kind = parse_record_kind(text_of(*co, "kind"));
    const auto* record = co->if_contains("record");
    if (c.idem_key.empty() || c.idem_key.size() > 200) {
      return bad_body("每条变更都要有幂等键（idempotency_key，不超过 200 字符）",
                      "every change needs an idempotency_key of at most 200 characters");
    }
    if (!kind || record == nullptr || !record->is_object()) {
      c.problem_zh = "缺少 kind 或 record";
      c.problem_en = "lacks kind or record";
    } else {
      c.kind = *kind;
      c.record = record_from_json(*kind, *record);
      c.record_json = boost::json::serialize(*record);
    }
    batch.changes.push_back(std::move(c));
  }
  return batch;
}

Result<IncomingBatch> parse_upstream_file(RecordKind kind, const std::filesystem::path& file,
                                          const std::string& sender) {
  auto reader = open_table(file);
  if (!reader) return reader.error();
  std::vector<std::string> headers;
  auto got = (*reader)->next(headers);
  if (!got) return got.error();
  if (!*got) return bad_body("文件是空的", "the file is empty");
  const auto column = [&](const std::string& name) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < headers.size(); ++i) {
      if (headers[i] == name) return i;
    }
    return std::nullopt;
  };
  const auto change_col = column(kChangeHeader), key_col = column(kKeyHeader),
             at_col = column(kChangedAtHeader);
  if (!change_col || !key_col) {
    return bad_body("缺少「" + kChangeHeader + "」或「" + kKeyHeader + "」列",
                    "lacks the change type or idempotency key column");
  }
  const auto mapping = map_headers(kind, headers);
  if (!mapping.issues.empty()) {
    return bad_body(
        "表头与" + std::string(label_zh(kind)) + "模板不符：" + mapping.issues.front().message_zh,
        "the headers do not match the template: " + mapping.issues.front().message_en);
  }
  IncomingBatch batch;
  batch.sender = sender;
  std::vector<std::string> cells;
  while (true) {
    auto more = (*reader)->next(cells);
    if (!more) return more.error();
    if (!*more) break;
    if (batch.changes.size() >= kUpstreamMaxChanges) {
      return make_error(ErrorCode::too_large, "一次最多上报 1000 条变更",
                        "at most 1000 changes per request");
    }
    const auto cell = [&](std::optional<std::size_t> i) {
      return i && *i < cells.size() ? cells[*i] : std::string();
    };
    IncomingChange c;
    c.kind = kind;
    c.idem_key = cell(key_col);
    c.change_type = cell(change_col);
    c.changed_at = cell(at_col);
    if (c.idem_key.empty() || c.idem_key.size() > 200) {
      return bad_body(
          "第 " + std::to_string((*reader)->row_number()) + " 行缺少幂等键",
          "row " + std::to_string((*reader)->row_number()) + " lacks its idempotency key");
    }
    c.record = record_from_row(mapping.columns, cells);
    c.record_json = boost::json::serialize(to_json(c.record.record));
    batch.changes.push_back(std::move(c));
  }
  return batch;
}

std::string acknowledgements_json(const std::vector<ResultLine>& lines) {
  boost::json::array results;
  for (const auto& l : lines) {
    boost::json::object r{{"idempotency_key", l.idem_key}, {"status", l.status}};
    if (!l.reason_zh.empty()) {
      r["reason_zh"] = l.reason_zh;
      r["reason_en"] = l.reason_en;
    }
    if (!l.issues.empty()) r["issues"] = issues_json(l.issues);
    results.push_back(std::move(r));
  }
  return boost::json::serialize(boost::json::object{{"results", std::move(results)}});
}

}  // namespace gongshi
