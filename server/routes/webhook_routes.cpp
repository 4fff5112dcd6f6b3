// /api/v1/webhooks: subscriptions (URL, events, secret) and their deliveries. A department admin
// subscribes for its department, the 信用办 for its region.
#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include "engine/store/time_text.hpp"
#include "engine/store/webhook_repo.hpp"
#include "server/access.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

boost::json::object subscription_json(const WebhookSubscription& s) {
  boost::json::array events;
  for (const auto& e : s.events) events.push_back(boost::json::value(e));
  return {{"id", s.id},
          {"region", s.region},
          {"department_id", s.department_id ? boost::json::value(*s.department_id) : nullptr},
          {"url", s.url},
          {"events", std::move(events)},
          {"active", s.active},
          {"created_by", s.created_by},
          {"created_at", s.created_at}};
}

boost::json::object delivery_json(const WebhookDelivery& d) {
  return {{"id", d.id},
          {"outbox_id", d.outbox_id},
          {"topic", d.topic},
          {"status", d.status},
          {"attempts", d.attempts},
          {"next_attempt_at", d.next_attempt_at},
          {"last_status", d.last_status},
          {"last_error", d.last_error},
          {"delivered_at", d.delivered_at.empty() ? boost::json::value(nullptr)
                                                  : boost::json::value(d.delivered_at)},
          {"idempotency_key", "gongshi-delivery-" + std::to_string(d.id)}};
}

Status may_manage_hooks(const AppContext& app, const Principal& who, const std::string& region,
                        std::optional<std::int64_t> department_id) {
  if (auto st = require_any_role(who, {"dept_admin", "credit_office", "sysadmin"}); !st) return st;
  return may_act_for_department(app, who, region, department_id);
}

Result<WebhookSubscription> visible_subscription(AppContext& app, const RouteContext& c) {
  auto id = id_param(c, "id");
  if (!id) return id.error();
  auto found = in_transaction<std::optional<WebhookSubscription>>(
      *app.db, [&](Tx& tx) { return find_subscription(tx, *id); });
  if (!found) return found.error();
  if (!*found || !may_manage_hooks(app, *c.who, (*found)->region, (*found)->department_id)) {
    return not_found("订阅不存在", "no such subscription");
  }
  return **found;
}

HttpResponse list_hooks(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    if (auto st = require_any_role(*c.who, {"dept_admin", "credit_office", "sysadmin"}); !st) {
      return st.error();
    }
    auto rows = in_transaction<std::vector<WebhookSubscription>>(
        *app.db, [&](Tx& tx) { return subscriptions_of(tx, c.who->region); });
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& s : *rows) {
      if (may_manage_hooks(app, *c.who, s.region, s.department_id)) {
        items.push_back(subscription_json(s));
      }
    }
    return json_response({{"items", std::move(items)}});
  });
}

HttpResponse create_hook(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto body = json_body(c.request);
    if (!body) return body.error();
    WebhookSubscription s;
    s.region = c.who->region;
    auto dept = int_field(*body, "department_id");
    if (!dept) return dept.error();
    s.department_id = *dept ? *dept : c.who->department_id;
    if (auto st = may_manage_hooks(app, *c.who, s.region, s.department_id); !st) return st.error();
    auto url = string_field(*body, "url");
    if (!url) return url.error();
    auto parsed = boost::urls::parse_absolute_uri(*url);
    if (!parsed || (parsed->scheme() != "http" && parsed->scheme() != "https")) {
      return bad_request("url 应为 http:// 或 https:// 开头的绝对地址",
                         "url must be an absolute http:// or https:// URL");
    }
    if (parsed->scheme() == "https") {
      return bad_request("暂不支持 https 回调（请经由本机反向代理）",
                         "https callbacks are not supported yet (use a local TLS proxy)");
    }
    s.url = *url;
    auto events = string_list_field(*body, "events");
    if (!events) return events.error();
    s.events = events->empty() ? std::vector<std::string>{"*"} : *events;
    auto secret = string_field(*body, "secret");
    if (!secret) return secret.error();
    if (secret->size() < 16) {
      return bad_request("secret 至少 16 个字符", "secret needs at least 16 characters");
    }
    s.secret = *secret;
    s.created_by = c.who->login;
    s.created_at = format_utc(app.now());
    auto id =
        in_transaction<std::int64_t>(*app.db, [&](Tx& tx) { return insert_subscription(tx, s); });
    if (!id) return id.error();
    s.id = *id;
    return json_response(subscription_json(s), 201);
  });
}

HttpResponse delete_hook(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto s = visible_subscription(app, c);
    if (!s) return s.error();
    auto st = in_transaction<std::monostate>(
        *app.db, [&](Tx& tx) { return deactivate_subscription(tx, s->id); });
    if (!st) return st.error();
    HttpResponse res;
    res.status = 204;
    res.content_type = "text/plain";
    return res;
  });
}

HttpResponse list_deliveries(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto s = visible_subscription(app, c);
    if (!s) return s.error();
    auto rows = in_transaction<std::vector<WebhookDelivery>>(
        *app.db, [&](Tx& tx) { return deliveries_of(tx, s->id, 200); });
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& d : *rows) items.push_back(delivery_json(d));
    return json_response({{"subscription", subscription_json(*s)}, {"items", std::move(items)}});
  });
}

}  // namespace

void add_webhook_routes(Router& r, AppContext& app) {
  r.add("GET", "/api/v1/webhooks", Access::user, with_app(app, list_hooks));
  r.add("POST", "/api/v1/webhooks", Access::user, with_app(app, create_hook));
  r.add("DELETE", "/api/v1/webhooks/{id}", Access::user, with_app(app, delete_hook));
  r.add("GET", "/api/v1/webhooks/{id}/deliveries", Access::user, with_app(app, list_deliveries));
}

}  // namespace gongshi::server
