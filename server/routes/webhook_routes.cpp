// /api/v1/webhooks: subscriptions (URL, events, secret) and their deliveries. A department admin
// subscribes for its department, the 信用办 for its region.
#include <boost/json.hpp>

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

HttpResponse list_hooks(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto rows = app.s().webhooks.list(*c.who);
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& s : *rows) items.push_back(subscription_json(s));
    return json_response({{"items", std::move(items)}});
  });
}

HttpResponse create_hook(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto body = json_body(c.request);
    if (!body) return body.error();
    HookInput in;
    auto region = optional_text(*body, "region", 6);
    if (!region) return region.error();
    in.region = *region;
    auto dept = int_field(*body, "department_id");
    if (!dept) return dept.error();
    in.department_id = *dept;
    auto url = string_field(*body, "url");
    if (!url) return url.error();
    in.url = *url;
    auto events = string_list_field(*body, "events");
    if (!events) return events.error();
    in.events = *events;
    auto secret = string_field(*body, "secret");
    if (!secret) return secret.error();
    in.secret = *secret;
    auto s = app.s().webhooks.create(*c.who, in, app.now());
    if (!s) return s.error();
    return json_response(subscription_json(*s), 201);
  });
}

HttpResponse delete_hook(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    if (auto st = app.s().webhooks.deactivate(*c.who, *id); !st) return st.error();
    return no_content();
  });
}

HttpResponse list_deliveries(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto found = app.s().webhooks.deliveries(*c.who, *id);
    if (!found) return found.error();
    boost::json::array items;
    for (const auto& d : found->second) items.push_back(delivery_json(d));
    return json_response(
        {{"subscription", subscription_json(found->first)}, {"items", std::move(items)}});
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
