// /public/records: what a credit website shows. Published (or corrected and re-published),
// 社会公开 records only; a natural person's name and ID number masked. No login.
#include <boost/json.hpp>

#include "engine/store/record_repo.hpp"
#include "server/record_view.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

const std::vector<std::string> kPublicStates{"published", "corrected"};
const std::string kPublicScope = "社会公开";

bool is_public(const StoredRecord& r) {
  return r.scope == kPublicScope &&
         std::find(kPublicStates.begin(), kPublicStates.end(), r.state) != kPublicStates.end();
}

HttpResponse public_list(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    const auto& req = c.request;
    RecordQuery q;
    q.states = kPublicStates;
    q.scope = kPublicScope;
    if (auto region = req.param("region"); region && !region->empty()) q.regions = {*region};
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
    auto rows = in_read_transaction<std::vector<StoredRecord>>(
        *app.db, [&](Tx& tx) { return list_records(tx, q); });
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& r : *rows) items.push_back(public_record_json(r));
    boost::json::value next = nullptr;
    if (static_cast<int>(rows->size()) == q.limit) next = rows->back().id;
    return json_response({{"items", std::move(items)}, {"next_before", next}});
  });
}

HttpResponse public_one(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto r = app.engine.get(c.param("region"), *id);
    if (!r || !is_public(*r)) {
      return not_found("没有该条公示信息", "no such published record");
    }
    return json_response(public_record_json(*r));
  });
}

}  // namespace

void add_public_routes(Router& r, AppContext& app) {
  r.add("GET", "/public/records", Access::open, with_app(app, public_list));
  r.add("GET", "/public/records/{region}/{id}", Access::open, with_app(app, public_one));
}

}  // namespace gongshi::server
