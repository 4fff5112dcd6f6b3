// /public/records: what a credit website shows. Records in a state the lifecycle lists on the
// public page, 社会公开 only; a natural person's name and ID number masked. No login.
#include <boost/json.hpp>

#include "server/record_view.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

HttpResponse public_list(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    const auto& req = c.request;
    PublicList q;
    q.region = req.param("region").value_or("");
    if (auto kind = req.param("kind"); kind && !kind->empty()) {
      auto k = kind_param(*kind);
      if (!k) return k.error();
      q.kind = *k;
    }
    auto before = int_param(req, "before");
    if (!before) return before.error();
    q.before_id = *before;
    auto limit = int_param(req, "limit");
    if (!limit) return limit.error();
    q.limit = static_cast<int>(std::clamp<std::int64_t>(limit->value_or(20), 1, 100));
    auto rows = app.s().records.public_list(q);
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& r : *rows)
      items.push_back(public_record_json(r, app.s().lifecycle.state_label(r.state)));
    boost::json::value next = nullptr;
    if (static_cast<int>(rows->size()) == q.limit) next = rows->back().id;
    return json_response({{"items", std::move(items)}, {"next_before", next}});
  });
}

HttpResponse public_one(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto r = app.s().records.public_get(c.param("region"), *id);
    if (!r) return r.error();
    return json_response(public_record_json(*r, app.s().lifecycle.state_label(r->state)));
  });
}

}  // namespace

void add_public_routes(Router& r, AppContext& app) {
  r.add("GET", "/public/records", Access::open, with_app(app, public_list));
  r.add("GET", "/public/records/{region}/{id}", Access::open, with_app(app, public_one));
}

}  // namespace gongshi::server
