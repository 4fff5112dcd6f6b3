// /api/v1/upstream: the platforms above a region (targets, the sysadmin's), the changes sent to
// each with the platform's answers, resending a refused change, backfilling a target; and
// /api/v1/reports/upstream, the month's reconciliation (the 信用办's).
#include <boost/json.hpp>

#include "engine/service/upstream_json.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

HttpResponse list_targets(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    const std::string region = c.request.param("region").value_or(c.who->region);
    auto rows = app.s().upstream.targets(*c.who, region);
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& t : *rows) items.push_back(upstream_target_json(t));
    return json_response({{"items", std::move(items)}});
  });
}

HttpResponse create_target(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto body = json_body(c.request);
    if (!body) return body.error();
    UpstreamTargetInput in;
    auto region = optional_text(*body, "region", 6);
    auto name = string_field(*body, "name", true, 100);
    auto format = optional_text(*body, "format", 8);
    auto endpoint = string_field(*body, "endpoint", true, 500);
    auto credential = optional_text(*body, "credential", 4096);
    auto ca_file = optional_text(*body, "ca_file", 500);
    auto changes = string_list_field(*body, "changes");
    auto batch = int_field(*body, "batch_size");
    for (const auto* r : {&region, &name, &format, &endpoint, &credential, &ca_file}) {
      if (!*r) return r->error();
    }
    if (!changes) return changes.error();
    if (!batch) return batch.error();
    in.region = region->empty() ? c.who->region : *region;
    in.name = *name;
    if (!format->empty()) in.format = *format;
    in.endpoint = *endpoint;
    in.credential = *credential;
    in.ca_file = *ca_file;
    in.changes = *changes;
    if (*batch) in.batch_size = static_cast<int>(std::clamp<std::int64_t>(**batch, 0, 100000));
    auto t = app.s().upstream.create_target(*c.who, in, app.now());
    if (!t) return t.error();
    return json_response(upstream_target_json(*t), 201);
  });
}

HttpResponse disable_target(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    if (auto st = app.s().upstream.deactivate_target(*c.who, *id); !st) return st.error();
    return no_content();
  });
}

HttpResponse list_changes(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto before = int_param(c.request, "before_id");
    auto record = int_param(c.request, "record_id");
    auto limit = int_param(c.request, "limit");
    for (const auto* p : {&before, &record, &limit}) {
      if (!*p) return p->error();
    }
    ChangeQuery q;
    q.target_id = *id;
    q.status = c.request.param("status").value_or("");
    q.before_id = *before;
    q.record_id = *record;
    if (*limit) q.limit = static_cast<int>(std::clamp<std::int64_t>(**limit, 1, 500));
    auto rows = app.s().upstream.changes(*c.who, q);
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& ch : *rows) items.push_back(upstream_change_json(ch));
    return json_response({{"items", std::move(items)}});
  });
}

HttpResponse resend_change(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto ch = app.s().upstream.resend(*c.who, *id, app.now());
    if (!ch) return ch.error();
    return json_response(upstream_change_json(*ch), 201);
  });
}

HttpResponse backfill_target(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto body = json_body(c.request);
    if (!body) return body.error();
    auto from = string_field(*body, "from", true, 10);
    auto to = string_field(*body, "to", true, 10);
    if (!from) return from.error();
    if (!to) return to.error();
    const auto f = parse_date(*from), t = parse_date(*to);
    if (!f || !t) return bad_request("from、to 应为 YYYY-MM-DD", "from and to must be YYYY-MM-DD");
    auto n = app.s().upstream.backfill(*c.who, *id, *f, *t, app.now());
    if (!n) return n.error();
    return json_response({{"queued", *n}});
  });
}

HttpResponse report(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    const std::string region = c.request.param("region").value_or(c.who->region);
    auto target = int_param(c.request, "target");
    if (!target) return target.error();
    auto reports =
        app.s().upstream.report(*c.who, region, c.request.param("month").value_or(""), *target);
    if (!reports) return reports.error();
    boost::json::array items;
    for (const auto& r : *reports) items.push_back(upstream_report_json(r));
    return json_response({{"region", region},
                          {"month", c.request.param("month").value_or("")},
                          {"targets", std::move(items)}});
  });
}

}  // namespace

void add_upstream_routes(Router& r, AppContext& app) {
  r.add("GET", "/api/v1/upstream/targets", Access::user, with_app(app, list_targets));
  r.add("POST", "/api/v1/upstream/targets", Access::user, with_app(app, create_target));
  r.add("DELETE", "/api/v1/upstream/targets/{id}", Access::user, with_app(app, disable_target));
  r.add("GET", "/api/v1/upstream/targets/{id}/changes", Access::user, with_app(app, list_changes));
  r.add("POST", "/api/v1/upstream/targets/{id}/backfill", Access::user,
        with_app(app, backfill_target));
  r.add("POST", "/api/v1/upstream/changes/{id}/resend", Access::user, with_app(app, resend_change));
  r.add("GET", "/api/v1/reports/upstream", Access::user, with_app(app, report));
}

}  // namespace gongshi::server
