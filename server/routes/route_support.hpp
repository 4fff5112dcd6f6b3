#pragma once
// Small helpers the route files share: query parameters with clear errors, record lookup with the
// access check.

#include <optional>
#include <string>

#include "engine/model/result.hpp"
#include "engine/store/stored_record.hpp"
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

Result<std::optional<std::int64_t>> int_param(const HttpRequest& req, const std::string& name);
Result<std::optional<Date>> date_param(const HttpRequest& req, const std::string& name);
Result<std::int64_t> id_param(const RouteContext& c, const std::string& name);
Result<RecordKind> kind_param(const std::string& text);

boost::json::object principal_json(const Principal& p);

// The record, when the caller may see it (not_found otherwise, so ids are not probed).
Result<StoredRecord> visible_record(AppContext& app, const RouteContext& c);

}  // namespace gongshi::server
