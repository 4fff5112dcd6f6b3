// /api/v1/auth: log in (a session token), log out, who am I.
#include <boost/json.hpp>

#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {

boost::json::object principal_json(const Principal& p) {
  boost::json::array roles;
  for (const auto& role : p.roles) roles.push_back(boost::json::value(role));
  return {{"id", p.user_id},
          {"login", p.login},
          {"display_name", p.display_name},
          {"region", p.region},
          {"department_id", p.department_id ? boost::json::value(*p.department_id) : nullptr},
          {"roles", std::move(roles)}};
}

namespace {

HttpResponse do_login(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto body = json_body(c.request);
    if (!body) return body.error();
    auto login_name = string_field(*body, "login");
    if (!login_name) return login_name.error();
    auto password = string_field(*body, "password");
    if (!password) return password.error();
    auto out = app.s().auth.login(*login_name, *password, app.now());
    if (!out) return out.error();
    return json_response({{"token", out->token},
                          {"expires_at", out->expires_at},
                          {"user", principal_json(out->who)}});
  });
}

HttpResponse do_logout(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    if (auto st = app.s().auth.logout(*c.who); !st) return st.error();
    return no_content();
  });
}

HttpResponse me(AppContext&, RouteContext& c) {
  return json_response(principal_json(*c.who));
}

}  // namespace

void add_auth_routes(Router& r, AppContext& app) {
  r.add("POST", "/api/v1/auth/login", Access::open, with_app(app, do_login));
  r.add("POST", "/api/v1/auth/logout", Access::user, with_app(app, do_logout));
  r.add("GET", "/api/v1/auth/me", Access::user, with_app(app, me));
}

}  // namespace gongshi::server
