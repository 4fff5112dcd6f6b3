// /api/v1/records: create (one or a batch), get, list, the caller's next events, take an event,
// history, replay. Each route decodes, calls one RecordService use case, encodes.
#include <boost/json.hpp>

#include "engine/exchange/xlsx_writer.hpp"
#include "engine/model/text.hpp"
#include "server/record_view.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

constexpr std::size_t kMaxBatch = 1000;
constexpr std::size_t kMaxExportRows = 10000;

// A record as the department's pages show it: the stored record, its state's label from the
// lifecycle and the working days left to its publish-by date.
boost::json::object view(AppContext& app, const StoredRecord& r) {
  auto out = record_json(r);
  out["state_label"] = app.s().lifecycle.state_label(r.state);
  const auto left = app.s().records.working_days_left(r, app.now());
  out["working_days_left"] = left ? boost::json::value(*left) : nullptr;
  return out;
}

// One record as the API takes it: {kind, region?, department_id?, catalog_item_id?, fields,
// backfill?, idempotency_key? (batch items)}.
Result<RecordInput> record_input(const boost::json::object& o) {
  RecordInput in;
  auto kind = string_field(o, "kind");
  if (!kind) return kind.error();
  auto k = kind_param(*kind);
  if (!k) return k.error();
  in.kind = *k;
  auto region = string_field(o, "region", false);
  if (!region) return region.error();
  in.region = *region;
  auto dept = int_field(o, "department_id");
  if (!dept) return dept.error();
  in.department_id = *dept;
  auto item = int_field(o, "catalog_item_id");
  if (!item) return item.error();
  in.catalog_item_id = *item;
  const auto* fields = o.if_contains("fields");
  if (fields == nullptr || !fields->is_object()) {
    Error e = bad_request("缺少 fields（标准字段，键为字段代码）",
                          "fields (the standard's fields keyed by code) must be an object");
    e.issues.push_back(Issue{"fields", IssueCode::required, e.message_zh, e.message_en, ""});
    return e;
  }
  in.fields = fields->get_object();
  // `severity` (失信程度) may also stand beside the fields.
  if (const auto* s = o.if_contains("severity"); s != nullptr && !in.fields.contains("severity")) {
    in.fields["severity"] = *s;
  }
  if (const auto* b = o.if_contains("backfill"); b != nullptr) {
    if (!b->is_bool()) return bad_request("backfill 应为 true/false", "backfill must be a boolean");
    in.backfill = b->get_bool();
  }
  auto key = string_field(o, "idempotency_key", false);
  if (!key) return key.error();
  in.idempotency_key = *key;
  return in;
}

HttpResponse with_etag(boost::json::object body, int version, int status = 200) {
  auto res = json_response(std::move(body), status);
  res.headers.emplace_back("ETag", "\"" + std::to_string(version) + "\"");
  return res;
}

HttpResponse create_one(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto body = json_body(c.request);
    if (!body) return body.error();
    auto in = record_input(*body);
    if (!in) return in.error();
    in.value().idempotency_key = c.request.header("idempotency-key").value_or("");
    auto out = app.s().records.create(*c.who, std::move(in).value(), app.now());
    if (!out) return out.error();
    auto json = view(app, out->record);
    json["created"] = out->created;
    return with_etag(std::move(json), out->record.version, out->created ? 201 : 200);
  });
}

// One refused item of a batch or a bulk request: its HTTP status and the error.
boost::json::object failed_item(const Error& e) {
  return {{"status", http_status_of(e.code)}, {"error", error_json(e)}};
}

HttpResponse create_batch(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto body = json_body(c.request);
    if (!body) return body.error();
    const auto* records = body->if_contains("records");
    if (records == nullptr || !records->is_array()) {
      return bad_request("请求体应为 {\"records\": [...]}",
                         "the body must be {\"records\": [...]}");
    }
    const auto& items = records->get_array();
    if (items.size() > kMaxBatch) {
      return make_error(ErrorCode::too_large, "一批最多 " + std::to_string(kMaxBatch) + " 条记录",
                        "at most " + std::to_string(kMaxBatch) + " records per batch");
    }
    std::vector<Result<RecordInput>> inputs;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!items[i].is_object()) {
        inputs.push_back(bad_request("第 " + std::to_string(i + 1) + " 项应为 JSON 对象",
                                     "item " + std::to_string(i + 1) + " must be an object"));
      } else {
        inputs.push_back(record_input(items[i].get_object()));
      }
    }
    auto out = app.s().records.create_batch(*c.who, std::move(inputs), app.now());
    if (!out) return out.error();
    boost::json::array results;
    int created = 0, repeated = 0, failed = 0;
    for (const auto& one : *out) {
      if (one) {
        (one->created ? created : repeated)++;
        results.push_back(
            {{"status", one->created ? 201 : 200}, {"record", view(app, one->record)}});
      } else {
        ++failed;
        results.push_back(failed_item(one.error()));
      }
    }
    return json_response({{"created", created},
                          {"repeated", repeated},
                          {"failed", failed},
                          {"results", std::move(results)}});
  });
}

// The filters of GET /api/v1/records (and of its XLSX export): region, department_id, kind,
// state (comma-separated), from/to (decision date), overdue=true, provisional=true, before,
// order=deadline, limit.
Result<RecordList> list_query(const HttpRequest& req) {
  RecordList q;
  q.region = req.param("region").value_or("");
  auto dept = int_param(req, "department_id");
  if (!dept) return dept.error();
  q.department_id = *dept;
  if (auto kind = req.param("kind"); kind && !kind->empty()) {
    auto k = kind_param(*kind);
    if (!k) return k.error();
    q.kind = *k;
  }
  q.states = split_list(req.param("state").value_or(""));
  auto from = date_param(req, "from");
  if (!from) return from.error();
  auto to = date_param(req, "to");
  if (!to) return to.error();
  q.decided_from = *from;
  q.decided_to = *to;
  q.overdue = req.param("overdue").value_or("") == "true";
  q.provisional = req.param("provisional").value_or("") == "true";
  auto before = int_param(req, "before");
  if (!before) return before.error();
  q.before_id = *before;
  const auto order = req.param("order").value_or("");
  if (order != "" && order != "deadline" && order != "newest") {
    return bad_request("order 应为 deadline 或 newest：" + order,
                       "order must be deadline or newest: " + order);
  }
  q.by_deadline = order == "deadline";
  auto limit = int_param(req, "limit");
  if (!limit) return limit.error();
  q.limit = static_cast<int>(std::clamp<std::int64_t>(limit->value_or(50), 1, 500));
  return q;
}

HttpResponse list(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto q = list_query(c.request);
    if (!q) return q.error();
    auto rows = app.s().records.list(*c.who, *q, app.now());
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& r : *rows) items.push_back(view(app, r));
    boost::json::value next = nullptr;
    if (!q->by_deadline && static_cast<int>(rows->size()) == q->limit) next = rows->back().id;
    return json_response({{"items", std::move(items)}, {"next_before", next}});
  });
}

std::string subject_name(const StoredRecord& r) {
  boost::system::error_code ec;
  const boost::json::value data = boost::json::parse(r.data, ec);
  const auto* fields = ec ? nullptr : data.if_object();
  const auto* name =
      fields == nullptr
          ? nullptr
          : fields->if_contains(r.kind == RecordKind::license ? "XK_XDR_MC" : "CF_XDR_MC");
  return name != nullptr && name->is_string() ? std::string(name->get_string()) : "";
}

// GET /api/v1/records/export.xlsx?…: the list with the same filters, every page (at most
// kMaxExportRows rows), one row per record as the list page shows it.
HttpResponse export_xlsx(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto parsed = list_query(c.request);
    if (!parsed) return parsed.error();
    RecordList q = std::move(parsed).value();
    q.limit = 500;
    SheetData sheet{"记录",
                    {"地区", "编号", "类别", "文书号", "行政相对人名称", "决定日期", "状态",
                     "应公示日期", "剩余工作日", "接收时间（UTC）", "及时性"},
                    {},
                    {8, 8, 10, 28, 30, 12, 16, 12, 10, 22, 10}};
    while (sheet.rows.size() < kMaxExportRows) {
      auto rows = app.s().records.list(*c.who, q, app.now());
      if (!rows) return rows.error();
      for (const auto& r : *rows) {
        const auto left = app.s().records.working_days_left(r, app.now());
        sheet.rows.push_back({r.region, std::to_string(r.id), std::string(label_zh(r.kind)),
                              r.document_no, subject_name(r), format_date(r.decision_date),
                              app.s().lifecycle.state_label(r.state),
                              r.publish_by ? format_date(*r.publish_by) : "",
                              left ? std::to_string(*left) : "", r.received_at, r.timeliness});
      }
      if (static_cast<int>(rows->size()) < q.limit || q.by_deadline) break;
      q.before_id = rows->back().id;
    }
    if (sheet.rows.size() > kMaxExportRows) sheet.rows.resize(kMaxExportRows);
    auto bytes = xlsx_bytes({sheet}, app.s().work_dir());
    if (!bytes) return bytes.error();
    return file_response(std::move(bytes).value(), kXlsxContentType, "记录列表.xlsx");
  });
}

HttpResponse get_one(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto r = app.s().records.get(*c.who, c.param("region"), *id);
    if (!r) return r.error();
    return with_etag(view(app, *r), r->version);
  });
}

HttpResponse next_events(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto next = app.s().records.next_events(*c.who, c.param("region"), *id);
    if (!next) return next.error();
    boost::json::array events;
    for (const auto& e : next->second) {
      events.push_back({{"event", e.edge->event},
                        {"label", e.edge->label_zh},
                        {"to", e.edge->to},
                        {"as_role", e.role},
                        {"needs_reason", e.needs_reason},
                        {"fields_required", e.edge->fields_required}});
    }
    return json_response(
        {{"state", next->first.state}, {"version", next->first.version}, {"events", events}});
  });
}

// The version the caller last saw: If-Match (the ETag), or a "version" field; nullopt when
// neither is given, an error when one is malformed.
Result<std::optional<int>> expected_version(const RouteContext& c,
                                            const boost::json::object& body) {
  if (auto header = c.request.header("if-match")) {
    std::string v = *header;
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    try {
      std::size_t used = 0;
      const int n = std::stoi(v, &used);
      if (used == v.size() && n > 0) return std::optional<int>(n);
    } catch (const std::exception&) {
    }
    return bad_request("If-Match 应为记录版本号（ETag）：" + *header,
                       "If-Match must be the record's version (its ETag): " + *header);
  }
  auto v = int_field(body, "version");
  if (!v) return v.error();
  if (*v) return std::optional<int>(static_cast<int>(**v));
  return std::optional<int>{};
}

HttpResponse take_event(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto parsed = optional_json_body(c.request);
    if (!parsed) return parsed.error();
    const boost::json::object body = std::move(parsed).value();
    auto version = expected_version(c, body);
    if (!version) return version.error();
    auto reason = optional_text(body, "reason");
    if (!reason) return reason.error();
    auto comment = optional_text(body, "comment");
    if (!comment) return comment.error();
    auto channel = optional_text(body, "channel", 16);
    if (!channel) return channel.error();
    auto received_on = optional_text(body, "received_on", 10);
    if (!received_on) return received_on.error();
    EventInput in{*reason, *comment, {}, *channel, *received_on};
    if (const auto* fields = body.if_contains("fields")) {
      if (!fields->is_object()) {
        return bad_request("fields 应为对象 {字段代码: 值或 null}",
                           "fields must be an object {CODE: value or null}");
      }
      in.fields = fields->as_object();
    }
    auto next = app.s().records.take(*c.who, c.param("region"), *id, c.param("event"), *version, in,
                                     app.now());
    if (!next) return next.error();
    return with_etag(view(app, *next), next->version);
  });
}

HttpResponse edit_fields(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto body = json_body(c.request);
    if (!body) return body.error();
    const auto* fields = body->if_contains("fields");
    if (fields == nullptr || !fields->is_object()) {
      return bad_request("请求体应为 {\"fields\": {字段代码: 值或 null}}",
                         "the body must be {\"fields\": {CODE: value or null}}");
    }
    auto comment = optional_text(*body, "comment");
    if (!comment) return comment.error();
    auto version = expected_version(c, *body);
    if (!version) return version.error();
    auto out = app.s().records.edit(*c.who, c.param("region"), *id, *version, fields->as_object(),
                                    *comment, app.now());
    if (!out) return out.error();
    return with_etag(view(app, out->record), out->record.version);
  });
}

// POST /api/v1/records/bulk-transitions {event, items: [{region, id, version}], reason?, comment?}
HttpResponse bulk_transitions(AppContext& app, RouteContext& c) {
  constexpr std::size_t kMaxItems = 500;
  return answer([&]() -> Result<HttpResponse> {
    auto body = json_body(c.request);
    if (!body) return body.error();
    const auto* event = body->if_contains("event");
    const auto* items = body->if_contains("items");
    if (event == nullptr || !event->is_string() || items == nullptr || !items->is_array()) {
      return bad_request("请求体应为 {\"event\": 操作, \"items\": [{region, id, version}]}",
                         "the body must be {\"event\": EVENT, \"items\": [{region, id, version}]}");
    }
    if (items->get_array().size() > kMaxItems) {
      return make_error(ErrorCode::too_large, "一次最多 " + std::to_string(kMaxItems) + " 条记录",
                        "at most " + std::to_string(kMaxItems) + " records per request");
    }
    auto reason = optional_text(*body, "reason");
    if (!reason) return reason.error();
    auto comment = optional_text(*body, "comment");
    if (!comment) return comment.error();
    std::vector<RecordService::BulkItem> wanted;
    std::size_t n = 0;
    for (const auto& v : items->get_array()) {
      ++n;
      const auto* o = v.if_object();
      const auto* region = o ? o->if_contains("region") : nullptr;
      const auto* id = o ? o->if_contains("id") : nullptr;
      const auto* version = o ? o->if_contains("version") : nullptr;
      if (region == nullptr || !region->is_string() || id == nullptr || !id->is_int64() ||
          version == nullptr || !version->is_int64()) {
        return bad_request("第 " + std::to_string(n) + " 项应为 {region, id, version}",
                           "item " + std::to_string(n) + " must be {region, id, version}");
      }
      wanted.push_back({std::string(region->get_string()), id->get_int64(),
                        static_cast<int>(version->get_int64())});
    }
    const auto out =
        app.s().records.take_many(*c.who, std::string(event->get_string()), wanted,
                                  EventInput{*reason, *comment, {}, {}, {}}, app.now());
    boost::json::array results;
    int done = 0, failed = 0;
    for (const auto& one : out) {
      if (one) {
        ++done;
        results.push_back({{"status", 200}, {"record", view(app, *one)}});
      } else {
        ++failed;
        results.push_back(failed_item(one.error()));
      }
    }
    return json_response({{"done", done}, {"failed", failed}, {"results", std::move(results)}});
  });
}

// POST /api/v1/reminders {region, department_id, comment?}: 催办 of a department's overdue records.
HttpResponse send_reminders(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto body = json_body(c.request);
    if (!body) return body.error();
    const auto* region = body->if_contains("region");
    const auto* dept = body->if_contains("department_id");
    if (region == nullptr || !region->is_string() || dept == nullptr || !dept->is_int64()) {
      return bad_request("请求体应为 {\"region\": 地区代码, \"department_id\": 部门编号}",
                         "the body must be {\"region\": CODE, \"department_id\": ID}");
    }
    auto comment = optional_text(*body, "comment");
    if (!comment) return comment.error();
    auto reminded = app.s().records.remind(*c.who, std::string(region->get_string()),
                                           dept->get_int64(), *comment, app.now());
    if (!reminded) return reminded.error();
    boost::json::array records;
    for (const auto& r : *reminded) {
      records.push_back({{"region", r.region},
                         {"id", r.id},
                         {"document_no", r.document_no},
                         {"state", r.state},
                         {"publish_by", r.publish_by ? format_date(*r.publish_by) : ""}});
    }
    return json_response({{"reminded", static_cast<std::int64_t>(reminded->size())},
                          {"records", std::move(records)}});
  });
}

HttpResponse add_comment(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto body = json_body(c.request);
    if (!body) return body.error();
    auto text = optional_text(*body, "comment");
    if (!text) return text.error();
    auto ev = app.s().records.comment(*c.who, c.param("region"), *id, *text, app.now());
    if (!ev) return ev.error();
    return json_response(event_json(*ev), 201);
  });
}

HttpResponse history(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto events = app.s().records.history(*c.who, c.param("region"), *id);
    if (!events) return events.error();
    boost::json::array out;
    for (const auto& e : *events) out.push_back(event_json(e));
    return json_response({{"events", std::move(out)}});
  });
}

// The record evaluated again under its pinned rule version, and what differs from the stored
// result.
HttpResponse replay(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto out = app.s().records.replay(*c.who, c.param("region"), *id);
    if (!out) return out.error();
    return json_response(replay_json(*out));
  });
}

}  // namespace

void add_record_routes(Router& r, AppContext& app) {
  const auto bind = [&app](RouteFn f) { return with_app(app, f); };
  r.add("POST", "/api/v1/records", Access::user, bind(create_one));
  r.add("POST", "/api/v1/records/batch", Access::user, bind(create_batch));
  r.add("GET", "/api/v1/records", Access::user, bind(list));
  r.add("GET", "/api/v1/records/export.xlsx", Access::user, bind(export_xlsx));
  r.add("GET", "/api/v1/records/{region}/{id}", Access::user, bind(get_one));
  r.add("PATCH", "/api/v1/records/{region}/{id}", Access::user, bind(edit_fields));
  r.add("GET", "/api/v1/records/{region}/{id}/transitions", Access::user, bind(next_events));
  r.add("POST", "/api/v1/records/{region}/{id}/transitions/{event}", Access::user,
        bind(take_event));
  r.add("GET", "/api/v1/records/{region}/{id}/history", Access::user, bind(history));
  r.add("POST", "/api/v1/records/{region}/{id}/comments", Access::user, bind(add_comment));
  r.add("POST", "/api/v1/records/bulk-transitions", Access::user, bind(bulk_transitions));
  r.add("POST", "/api/v1/reminders", Access::user, bind(send_reminders));
  r.add("GET", "/api/v1/records/{region}/{id}/replay", Access::user, bind(replay));
}

}  // namespace gongshi::server
