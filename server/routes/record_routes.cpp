// /api/v1/records: create (one or a batch), get, list, the caller's next events, take an event,
// history.
#include <boost/json.hpp>

#include "engine/service/rules_whatif.hpp"
#include "engine/store/record_repo.hpp"
#include "server/access.hpp"
#include "server/record_view.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

constexpr std::size_t kMaxBatch = 1000;

// A CreateRequest from one JSON item, the region and department decided by who sends it.
Result<CreateRequest> create_request(const AppContext& app, const Principal& who,
                                     const boost::json::object& o) {
  CreateRequest req;
  auto kind = string_field(o, "kind");
  if (!kind) return kind.error();
  auto k = kind_param(*kind);
  if (!k) return k.error();
  req.kind = *k;
  auto region = string_field(o, "region", false);
  if (!region) return region.error();
  req.region = region->empty() ? who.region : *region;
  auto dept = int_field(o, "department_id");
  if (!dept) return dept.error();
  req.department_id = *dept ? *dept : who.department_id;
  if (!req.department_id) {
    return bad_request("请指明 department_id（决定部门）", "department_id is required");
  }
  if (auto st = may_act_for_department(app, who, req.region, req.department_id); !st) {
    return st.error();
  }
  auto item = int_field(o, "catalog_item_id");
  if (!item) return item.error();
  req.catalog_item_id = *item;
  const auto* fields = o.if_contains("fields");
  if (fields == nullptr || !fields->is_object()) {
    Error e = bad_request("缺少 fields（标准字段，键为字段代码）",
                          "fields (the standard's fields keyed by code) must be an object");
    e.issues.push_back(Issue{"fields", IssueCode::required, e.message_zh, e.message_en, ""});
    return e;
  }
  req.fields = fields->get_object();
  if (const auto* b = o.if_contains("backfill"); b != nullptr) {
    if (!b->is_bool()) return bad_request("backfill 应为 true/false", "backfill must be a boolean");
    req.backfill = b->get_bool();
  }
  return req;
}

Actor actor_of(const Principal& who, std::string role) {
  return Actor{who.login, std::move(role)};
}

std::string creating_role(const Principal& who) {
  return who.has("filler") ? "filler" : "dept_admin";
}

HttpResponse create_one(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    if (auto st = require_any_role(*c.who, {"filler", "dept_admin"}); !st) return st.error();
    auto body = json_body(c.request);
    if (!body) return body.error();
    auto req = create_request(app, *c.who, *body);
    if (!req) return req.error();
    const std::string key = c.request.header("idempotency-key").value_or("");
    auto out = app.engine.create(*req, actor_of(*c.who, creating_role(*c.who)), key, app.now());
    if (!out) return out.error();
    auto json = record_json(out->record);
    json["created"] = out->created;
    auto res = json_response(json, out->created ? 201 : 200);
    res.headers.emplace_back("ETag", "\"" + std::to_string(out->record.version) + "\"");
    return res;
  });
}

HttpResponse create_batch(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    if (auto st = require_any_role(*c.who, {"filler", "dept_admin"}); !st) return st.error();
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
    // Items that cannot even be read are answered here; the rest go to the engine together.
    std::vector<std::optional<Error>> early(items.size());
    std::vector<BatchItem> batch;
    std::vector<std::size_t> index;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!items[i].is_object()) {
        early[i] = bad_request("第 " + std::to_string(i + 1) + " 项应为 JSON 对象",
                               "item " + std::to_string(i + 1) + " must be an object");
        continue;
      }
      auto req = create_request(app, *c.who, items[i].get_object());
      if (!req) {
        early[i] = req.error();
        continue;
      }
      auto key = string_field(items[i].get_object(), "idempotency_key", false);
      if (!key) {
        early[i] = key.error();
        continue;
      }
      batch.push_back({std::move(req).value(), *key});
      index.push_back(i);
    }
    std::vector<boost::json::value> results(items.size());
    int created = 0, repeated = 0, failed = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (early[i]) {
        results[i] = {{"status", http_status_of(early[i]->code)}, {"error", error_json(*early[i])}};
        ++failed;
      }
    }
    if (!batch.empty()) {
      auto out = app.engine.create_batch(batch, actor_of(*c.who, creating_role(*c.who)), app.now());
      if (!out) return out.error();
      for (std::size_t j = 0; j < out->size(); ++j) {
        const auto& one = (*out)[j];
        if (one) {
          const int status = one->created ? 201 : 200;
          (one->created ? created : repeated)++;
          results[index[j]] = {{"status", status}, {"record", record_json(one->record)}};
        } else {
          ++failed;
          results[index[j]] = {{"status", http_status_of(one.error().code)},
                               {"error", error_json(one.error())}};
        }
      }
    }
    boost::json::array arr(results.begin(), results.end());
    return json_response({{"created", created},
                          {"repeated", repeated},
                          {"failed", failed},
                          {"results", std::move(arr)}});
  });
}

Result<std::vector<std::string>> states_param(const AppContext& app, const HttpRequest& req) {
  std::vector<std::string> out;
  const auto text = req.param("state").value_or("");
  std::size_t start = 0;
  while (start < text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string s = text.substr(start, comma - start);
    if (app.lifecycle.state(s) == nullptr) {
      return bad_request("未知的状态：" + s, "unknown state: " + s);
    }
    out.push_back(s);
    start = comma + 1;
  }
  return out;
}

HttpResponse list(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    const auto& req = c.request;
    RecordQuery q;
    q.regions = visible_regions(app, *c.who);
    if (auto region = req.param("region"); region && !region->empty()) {
      if (!covers_region(app, *c.who, *region)) {
        return forbidden("无权访问地区 " + *region + " 的数据", "no access to region " + *region);
      }
      q.regions = {*region};
    }
    auto dept = int_param(req, "department_id");
    if (!dept) return dept.error();
    q.department_id = *dept;
    if (!region_wide(*c.who)) {
      if (q.department_id && q.department_id != c.who->department_id) {
        return forbidden("只能访问本部门的数据", "only your own department's data is accessible");
      }
      q.department_id = c.who->department_id;
      if (!q.department_id) return forbidden("用户未归属部门", "the user has no department");
    }
    if (auto kind = req.param("kind"); kind && !kind->empty()) {
      auto k = kind_param(*kind);
      if (!k) return k.error();
      q.kind = *k;
    }
    auto states = states_param(app, req);
    if (!states) return states.error();
    q.states = *states;
    auto from = date_param(req, "from");
    if (!from) return from.error();
    auto to = date_param(req, "to");
    if (!to) return to.error();
    q.decided_from = *from;
    q.decided_to = *to;
    if (auto overdue = req.param("overdue"); overdue && *overdue == "true") {
      q.overdue_on = shanghai_date(app.now());
    }
    auto before = int_param(req, "before");
    if (!before) return before.error();
    q.before_id = *before;
    auto limit = int_param(req, "limit");
    if (!limit) return limit.error();
    q.limit = static_cast<int>(std::clamp<std::int64_t>(limit->value_or(50), 1, 500));
    auto rows = in_read_transaction<std::vector<StoredRecord>>(
        *app.db, [&](Tx& tx) { return list_records(tx, q); });
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& r : *rows) items.push_back(record_json(r));
    boost::json::value next = nullptr;
    if (static_cast<int>(rows->size()) == q.limit) next = rows->back().id;
    return json_response({{"items", std::move(items)}, {"next_before", next}});
  });
}

HttpResponse get_one(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto r = visible_record(app, c);
    if (!r) return r.error();
    auto res = json_response(record_json(*r));
    res.headers.emplace_back("ETag", "\"" + std::to_string(r->version) + "\"");
    return res;
  });
}

HttpResponse next_events(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto r = visible_record(app, c);
    if (!r) return r.error();
    boost::json::array events;
    for (const auto* edge : app.lifecycle.edges_from(r->state)) {
      for (const auto& role : c.who->roles) {
        if (std::find(edge->roles.begin(), edge->roles.end(), role) == edge->roles.end()) continue;
        events.push_back({{"event", edge->event},
                          {"label", edge->label_zh},
                          {"to", edge->to},
                          {"as_role", role},
                          {"needs_reason", std::find(edge->guards.begin(), edge->guards.end(),
                                                     "reason_given") != edge->guards.end()}});
        break;
      }
    }
    return json_response({{"state", r->state}, {"version", r->version}, {"events", events}});
  });
}

Result<int> expected_version(const RouteContext& c, const boost::json::object& body) {
  auto header = c.request.header("if-match");
  if (header) {
    std::string v = *header;
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    try {
      std::size_t used = 0;
      const int n = std::stoi(v, &used);
      if (used == v.size() && n > 0) return n;
    } catch (const std::exception&) {
    }
    return bad_request("If-Match 应为记录版本号（ETag）：" + *header,
                       "If-Match must be the record's version (its ETag): " + *header);
  }
  auto v = int_field(body, "version");
  if (!v) return v.error();
  if (*v) return static_cast<int>(**v);
  return bad_request("请用 If-Match 头（或 version 字段）给出记录版本，以免覆盖他人的修改",
                     "send the record's version in If-Match (or a version field)");
}

HttpResponse take_event(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto r = visible_record(app, c);
    if (!r) return r.error();
    boost::json::object body;
    if (!c.request.body.empty()) {
      auto parsed = json_body(c.request);
      if (!parsed) return parsed.error();
      body = std::move(parsed).value();
    }
    const std::string event = c.param("event");
    auto version = expected_version(c, body);
    auto role = acting_role(app, *c.who, r->state, event);
    if (!role) {
      // A caller acting on an old copy hears that first: its view of the state is out of date.
      if (version && *version != r->version) {
        return make_error(
            ErrorCode::conflict,
            "记录已被他人修改（当前版本 " + std::to_string(r->version) + "），请刷新后重试",
            "the record changed (now version " + std::to_string(r->version) +
                "): reload and retry");
      }
      return role.error();
    }
    if (!version) return version.error();
    boost::json::object payload;
    if (const auto* reason = body.if_contains("reason"); reason != nullptr) {
      if (!reason->is_string()) return bad_request("reason 应为字符串", "reason must be a string");
      payload["reason"] = reason->get_string();
    }
    auto next = app.engine.transition(r->region, r->id, event, actor_of(*c.who, *role), *version,
                                      payload, app.now());
    if (!next) return next.error();
    auto res = json_response(record_json(*next));
    res.headers.emplace_back("ETag", "\"" + std::to_string(next->version) + "\"");
    return res;
  });
}

HttpResponse history(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto r = visible_record(app, c);
    if (!r) return r.error();
    auto events = app.engine.history(r->region, r->id);
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
    auto r = visible_record(app, c);
    if (!r) return r.error();
    auto out = replay_record(*app.db, *app.rules->rules, r->region, r->id);
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
  r.add("GET", "/api/v1/records/{region}/{id}", Access::user, bind(get_one));
  r.add("GET", "/api/v1/records/{region}/{id}/transitions", Access::user, bind(next_events));
  r.add("POST", "/api/v1/records/{region}/{id}/transitions/{event}", Access::user,
        bind(take_event));
  r.add("GET", "/api/v1/records/{region}/{id}/history", Access::user, bind(history));
  r.add("GET", "/api/v1/records/{region}/{id}/replay", Access::user, bind(replay));
}

}  // namespace gongshi::server
