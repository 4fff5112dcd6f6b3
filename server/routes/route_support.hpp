#pragma once
// Small helpers the route files share: query and path parameters with clear errors, and running a
// route's body with its errors turned into the one error response.

#include <optional>
#include <string>

#include "engine/model/result.hpp"
#include "server/app_context.hpp"
#include "server/responses.hpp"
#include "server/router.hpp"

namespace gongshi::server {

using RouteFn = HttpResponse (*)(AppContext&, RouteContext&);
inline Handler with_app(AppContext& app, RouteFn f) {
  return [&app, f](RouteContext& c) { return f(app, c); };
}

// Runs `body`; an Error result becomes the error response.
template <class F>
HttpResponse answer(F&& body) {
  Result<HttpResponse> r = body();
  if (!r) return error_response(r.error());
  return std::move(r).value();
}

// An optional text member of a body ("" when absent or null), at most `limit` bytes.
inline Result<std::string> optional_text(const boost::json::object& body, const char* key,
                                         std::size_t limit = 2000) {
  return string_field(body, key, false, limit);
}

Result<std::optional<std::int64_t>> int_param(const HttpRequest& req, const std::string& name);
Result<std::optional<Date>> date_param(const HttpRequest& req, const std::string& name);
Result<std::int64_t> id_param(const RouteContext& c, const std::string& name);
Result<RecordKind> kind_param(const std::string& text);

boost::json::object principal_json(const Principal& p);
// The caller's address: the last X-Forwarded-For entry when the request came through the
// --trusted-proxy, else the connection's peer.
std::string client_of(const AppContext& app, const HttpRequest& req);
// 204 No Content.
HttpResponse no_content();

}  // namespace gongshi::server
