// /api/v1/rules/{region}: a region's script versions, upload a new version (compiled, tested
// against its own tests, then hot-swapped and recorded; refused with the failures otherwise), and
// test a script without activating it. The body of an upload is the Lua text itself.
#include <boost/json.hpp>

#include "engine/service/rules_whatif.hpp"
#include "engine/store/rule_version_repo.hpp"
#include "engine/store/time_text.hpp"
#include "server/access.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

constexpr std::size_t kMaxScript = 512 * 1024;

Status may_manage_rules(const AppContext& app, const Principal& who, const std::string& region) {
  if (auto st = require_any_role(who, {"credit_office", "sysadmin"}); !st) return st;
  if (app.rules->regions.find(region) == nullptr) {
    return not_found("未登记的地区代码：" + region, "unknown region code: " + region);
  }
  if (!covers_region(app, who, region)) {
    return forbidden("无权管理地区 " + region + " 的规则", "no access to region " + region);
  }
  return ok_status();
}

Result<std::string> script_body(const HttpRequest& req) {
  if (req.body.empty())
    return bad_request("请求体应为 Lua 脚本全文", "the body must be the Lua script");
  if (req.body.size() > kMaxScript) {
    return make_error(ErrorCode::too_large, "脚本超过 512 KiB", "the script exceeds 512 KiB");
  }
  return req.body;
}

boost::json::object install_json(const InstallResult& r) {
  boost::json::array failures;
  for (const auto& f : r.tests.failures) failures.push_back(boost::json::value(f));
  return {{"rule_version", r.rule_version},
          {"script_hash", r.script_hash},
          {"tests", {{"cases", r.tests.cases}, {"failures", std::move(failures)}}}};
}

HttpResponse list_versions(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    const std::string region = c.param("region");
    if (auto st = may_manage_rules(app, *c.who, region); !st) return st.error();
    auto rows = in_transaction<std::vector<RuleVersionRow>>(
        *app.db, [&](Tx& tx) { return rule_versions_of(tx, region); });
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& v : *rows) {
      items.push_back({{"script_hash", v.script_hash},
                       {"author", v.author},
                       {"created_at", v.created_at},
                       {"active", v.active},
                       {"size", v.script.size()}});
    }
    boost::json::value current = nullptr;
    if (auto rules = app.rules->rules->rules_for(region))
      current = boost::json::value((*rules)->version());
    auto script = app.rules->rules->script_of(region);
    return json_response({{"region", region},
                          {"rule_version", current},
                          {"script_hash", script ? boost::json::value(script->hash()) : nullptr},
                          {"versions", std::move(items)}});
  });
}

HttpResponse upload_version(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    const std::string region = c.param("region");
    if (auto st = may_manage_rules(app, *c.who, region); !st) return st.error();
    auto script = script_body(c.request);
    if (!script) return script.error();
    // Tested first without touching the live rules, then recorded, then swapped in: a failed
    // database write leaves the old rules running.
    auto tested = app.rules->rules->test(region, *script);
    if (!tested) return tested.error();
    RuleVersionRow row{region,       tested->script_hash,   *script,
                       c.who->login, format_utc(app.now()), true};
    auto stored = in_transaction<std::monostate>(
        *app.db, [&](Tx& tx) { return activate_rule_version(tx, row); });
    if (!stored) return stored.error();
    auto installed = app.rules->rules->install(region, *script);
    if (!installed) return installed.error();
    return json_response(install_json(*installed), 201);
  });
}

HttpResponse test_script(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    const std::string region = c.param("region");
    if (auto st = may_manage_rules(app, *c.who, region); !st) return st.error();
    auto script = script_body(c.request);
    if (!script) return script.error();
    auto tested = app.rules->rules->test(region, *script);
    if (!tested) return tested.error();
    return json_response(install_json(*tested));
  });
}

// POST /api/v1/rules/{region}/whatif?from=D1&to=D2 — the body is the candidate script.
HttpResponse whatif(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    const std::string region = c.param("region");
    if (auto st = may_manage_rules(app, *c.who, region); !st) return st.error();
    auto script = script_body(c.request);
    if (!script) return script.error();
    auto from = date_param(c.request, "from");
    if (!from) return from.error();
    auto to = date_param(c.request, "to");
    if (!to) return to.error();
    if (!*from || !*to) {
      return bad_request("需要 from 和 to（YYYY-MM-DD，按报送日期）",
                         "from and to (YYYY-MM-DD, by received date) are required");
    }
    WhatIfRequest req;
    req.region = region;
    req.script = *script;
    req.from = **from;
    req.to = **to;
    req.time_limit = std::chrono::seconds(30);  // an HTTP caller waits; the CLI may take longer
    auto r = rules_whatif(*app.db, *app.rules->rules, app.rules->regions, req, app.now());
    if (!r) return r.error();
    return json_response(whatif_json(*r));
  });
}

}  // namespace

void add_rules_routes(Router& r, AppContext& app) {
  r.add("GET", "/api/v1/rules/{region}/versions", Access::user, with_app(app, list_versions));
  r.add("POST", "/api/v1/rules/{region}/versions", Access::user, with_app(app, upload_version));
  r.add("POST", "/api/v1/rules/{region}/test", Access::user, with_app(app, test_script));
  r.add("POST", "/api/v1/rules/{region}/whatif", Access::user, with_app(app, whatif));
}

}  // namespace gongshi::server
