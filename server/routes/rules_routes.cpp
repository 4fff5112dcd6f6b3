// /api/v1/rules/{region}: a region's script versions, upload a new version (compiled, tested
// against its own tests, then hot-swapped and recorded; refused with the failures otherwise), and
// test a script without activating it. The body of an upload is the Lua text itself.
#include <boost/json.hpp>

#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

boost::json::object install_json(const InstallResult& r) {
  boost::json::array failures;
  for (const auto& f : r.tests.failures) failures.push_back(boost::json::value(f));
  return {{"rule_version", r.rule_version},
          {"script_hash", r.script_hash},
          {"tests", {{"cases", r.tests.cases}, {"failures", std::move(failures)}}}};
}

HttpResponse list_versions(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto v = app.s().rules.versions(*c.who, c.param("region"));
    if (!v) return v.error();
    boost::json::array items;
    for (const auto& row : v->versions) {
      items.push_back({{"script_hash", row.script_hash},
                       {"author", row.author},
                       {"created_at", row.created_at},
                       {"active", row.active},
                       {"in_use", row.script_hash == v->script_hash},
                       {"size", row.script.size()}});
    }
    const auto or_null = [](const std::string& s) {
      return s.empty() ? boost::json::value(nullptr) : boost::json::value(s);
    };
    return json_response({{"region", v->region},
                          {"rule_version", or_null(v->rule_version)},
                          {"script_hash", or_null(v->script_hash)},
                          {"versions", std::move(items)}});
  });
}

// One version with its script text (to read it, or diff two).
HttpResponse one_version(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto v = app.s().rules.versions(*c.who, c.param("region"));
    if (!v) return v.error();
    const std::string hash = c.param("hash");
    for (const auto& row : v->versions) {
      if (row.script_hash != hash) continue;
      return json_response({{"script_hash", row.script_hash},
                            {"author", row.author},
                            {"created_at", row.created_at},
                            {"active", row.script_hash == v->script_hash},
                            {"script", row.script}});
    }
    return not_found("没有该版本的规则脚本", "no such rule script version");
  });
}

HttpResponse upload_version(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto installed = app.s().rules.upload(*c.who, c.param("region"), c.request.body, app.now());
    if (!installed) return installed.error();
    return json_response(install_json(*installed), 201);
  });
}

HttpResponse test_script(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto tested = app.s().rules.test(*c.who, c.param("region"), c.request.body);
    if (!tested) return tested.error();
    return json_response(install_json(*tested));
  });
}

// POST /api/v1/rules/{region}/whatif?from=D1&to=D2 — the body is the candidate script.
HttpResponse whatif(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto from = date_param(c.request, "from");
    if (!from) return from.error();
    auto to = date_param(c.request, "to");
    if (!to) return to.error();
    if (!*from || !*to) {
      return bad_request("需要 from 和 to（YYYY-MM-DD，按报送日期）",
                         "from and to (YYYY-MM-DD, by received date) are required");
    }
    WhatIfRequest req;
    req.region = c.param("region");
    req.script = c.request.body;
    req.from = **from;
    req.to = **to;
    req.time_limit = std::chrono::seconds(30);  // an HTTP caller waits; the CLI may take longer
    auto r = app.s().rules.whatif(*c.who, std::move(req), app.now());
    if (!r) return r.error();
    return json_response(whatif_json(*r));
  });
}

}  // namespace

void add_rules_routes(Router& r, AppContext& app) {
  r.add("GET", "/api/v1/rules/{region}/versions", Access::user, with_app(app, list_versions));
  r.add("GET", "/api/v1/rules/{region}/versions/{hash}", Access::user, with_app(app, one_version));
  r.add("POST", "/api/v1/rules/{region}/versions", Access::user, with_app(app, upload_version));
  r.add("POST", "/api/v1/rules/{region}/test", Access::user, with_app(app, test_script));
  r.add("POST", "/api/v1/rules/{region}/whatif", Access::user, with_app(app, whatif));
}

}  // namespace gongshi::server
