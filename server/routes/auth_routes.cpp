// /api/v1/auth: log in (a session token), log out, who am I.
#include <boost/json.hpp>

#include "engine/store/time_text.hpp"

#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"
#include "server/session_cookie.hpp"

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
    auto out = app.s().auth.login(*login_name, *password, app.now(), client_of(app, c.request));
    if (!out) return out.error();
    // The same session for an API client (the token) and a page (the cookie and its CSRF token).
    HttpResponse res = json_response({{"token", out->token},
                                      {"expires_at", out->expires_at},
                                      {"csrf_token", csrf_token_of(out->token)},
                                      {"must_change_password", out->who.must_change_password},
                                      {"user", principal_json(out->who)}});
    res.headers.emplace_back(
        "Set-Cookie",
        session_set_cookie(out->token, app.s().auth.session_ttl(), over_tls(app, c.request)));
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
  });
}

HttpResponse do_logout(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    if (auto st = app.s().auth.logout(*c.who); !st) return st.error();
    HttpResponse res = no_content();
    res.headers.emplace_back("Set-Cookie", session_clear_cookie(over_tls(app, c.request)));
    return res;
  });
}

HttpResponse me(AppContext& app, RouteContext& c) {
  boost::json::object out = principal_json(*c.who);
  // The server's day (its clock, or --now): a page's default month or year is this, never the
  // browser's clock.
  out["today"] = format_date(shanghai_date(app.now()));
  // What the department and user pages offer: the whole region or one department, and the roles
  // this user may give (the access policy's answer, not retyped by the page).
  out["region_wide"] = app.s().access.region_wide(*c.who);
  boost::json::array grantable;
  for (const auto& role : app.s().access.grantable_roles(*c.who)) grantable.emplace_back(role);
  out["grantable_roles"] = std::move(grantable);
  // A password an administrator set: the pages ask for a new one before anything else.
  out["must_change_password"] = c.who->must_change_password;
  out["idle_minutes"] = app.s().auth.policy().idle.count();
  // A page reloaded keeps its cookie but not the CSRF token: it asks here.
  if (auto cookie = session_cookie(c.request)) out["csrf_token"] = csrf_token_of(*cookie);
  return json_response(std::move(out));
}

// The caller's own password: {"current_password", "new_password"}.
HttpResponse change_password(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto body = json_body(c.request);
    if (!body) return body.error();
    auto current = string_field(*body, "current_password");
    if (!current) return current.error();
    auto next = string_field(*body, "new_password");
    if (!next) return next.error();
    if (auto st = app.s().auth.change_password(*c.who, *current, *next, app.now()); !st) {
      return st.error();
    }
    return no_content();
  });
}

}  // namespace

void add_auth_routes(Router& r, AppContext& app) {
  r.add("POST", "/api/v1/auth/login", Access::open, with_app(app, do_login));
  r.add("POST", "/api/v1/auth/logout", Access::user, with_app(app, do_logout));
  r.add("GET", "/api/v1/auth/me", Access::user, with_app(app, me));
  r.add("POST", "/api/v1/auth/password", Access::user, with_app(app, change_password));
}

}  // namespace gongshi::server
