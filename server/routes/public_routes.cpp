// /public/records: what a credit website shows. Records in a state the lifecycle lists on the
// public page, 社会公开 only; a natural person's name and ID number masked. No login.
#include <boost/json.hpp>

#include <algorithm>

#include "engine/store/time_text.hpp"
#include "server/atom_feed.hpp"
#include "server/record_view.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

Result<PublicList> public_query(const HttpRequest& req, int default_limit, int max_limit) {
  PublicList q;
  q.region = req.param("region").value_or("");
  if (auto kind = req.param("kind"); kind && !kind->empty()) {
    auto k = kind_param(*kind);
    if (!k) return k.error();
    q.kind = *k;
  }
  auto department = int_param(req, "department_id");
  if (!department) return department.error();
  q.department_id = *department;
  q.text = req.param("q").value_or("");
  auto from = date_param(req, "from");
  if (!from) return from.error();
  q.decided_from = *from;
  auto to = date_param(req, "to");
  if (!to) return to.error();
  q.decided_to = *to;
  auto before = int_param(req, "before");
  if (!before) return before.error();
  q.before_id = *before;
  auto limit = int_param(req, "limit");
  if (!limit) return limit.error();
  q.limit =
      static_cast<int>(std::clamp<std::int64_t>(limit->value_or(default_limit), 1, max_limit));
  return q;
}

boost::json::object public_view(AppContext& app, const StoredRecord& r) {
  auto o = public_record_json(r, app.s().lifecycle.state_label(r.state));
  o["department_id"] = r.department_id ? boost::json::value(*r.department_id) : nullptr;
  return o;
}

HttpResponse public_list(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto q = public_query(c.request, 20, 100);
    if (!q) return q.error();
    auto page = app.s().records.public_list(*q);
    if (!page) return page.error();
    boost::json::array items;
    for (const auto& r : page->items) items.push_back(public_view(app, r));
    boost::json::value next = nullptr;
    if (page->next_before) next = *page->next_before;
    return json_response({{"items", std::move(items)}, {"next_before", next}});
  });
}

std::string text_of(const boost::json::object& fields, const char* code) {
  const auto* v = fields.if_contains(code);
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string{};
}

// The latest 50 publications of a region or a department, newest first, as Atom.
HttpResponse public_feed(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto q = public_query(c.request, 50, 50);
    if (!q) return q.error();
    auto page = app.s().records.public_list(*q);
    if (!page) return page.error();
    auto departments = app.s().directory.public_departments(q->region);
    if (!departments) return departments.error();
    std::string title = "双公示信息";
    std::string scope = q->region.empty() ? "all" : q->region;
    if (q->department_id) {
      auto d = std::find_if(departments->begin(), departments->end(),
                            [&](const Department& x) { return x.id == *q->department_id; });
      if (d == departments->end()) return not_found("没有该部门", "no such department");
      title = d->name + " · " + title;
      scope += ":" + std::to_string(d->id);
    }
    AtomFeed feed;
    feed.id = "urn:gongshi:feed:" + scope;
    feed.title = title;
    std::string query;
    if (!q->region.empty()) query += "region=" + q->region;
    if (q->department_id) {
      query += (query.empty() ? "" : "&") + std::string("department_id=") +
               std::to_string(*q->department_id);
    }
    feed.self_link = "/public/feed.atom" + (query.empty() ? "" : "?" + query);
    feed.alternate_link =
        "/gongshi" + (q->department_id ? "?department=" + std::to_string(*q->department_id) : "");
    feed.updated = format_utc(app.now());
    for (const auto& r : page->items) {
      const auto view = public_view(app, r);
      const auto& fields = view.at("fields").as_object();
      const bool license = r.kind == RecordKind::license;
      AtomEntry e;
      e.id = "urn:gongshi:record:" + r.region + ":" + std::to_string(r.id);
      e.title = text_of(fields, license ? "XK_XDR_MC" : "CF_XDR_MC") + "（" +
                std::string(label_zh(r.kind)) + "）";
      e.link = "/gongshi/" + r.region + "/" + std::to_string(r.id);
      e.updated = r.published_at.empty() ? r.updated_at : r.published_at;
      e.summary = r.document_no + "：" + text_of(fields, license ? "XK_NR" : "CF_NR");
      feed.entries.push_back(std::move(e));
    }
    if (!feed.entries.empty()) {
      feed.updated = feed.entries.front().updated;
      for (const auto& e : feed.entries) feed.updated = std::max(feed.updated, e.updated);
    }
    HttpResponse res;
    res.content_type = "application/atom+xml; charset=utf-8";
    res.body = atom_xml(feed);
    return res;
  });
}

boost::json::object department_json(const Department& d) {
  return {{"region", d.region},
          {"id", d.id},
          {"parent_id", d.parent_id ? boost::json::value(*d.parent_id) : nullptr},
          {"kind", d.kind},
          {"name", d.name},
          {"successor_id", d.successor_id ? boost::json::value(*d.successor_id) : nullptr}};
}

HttpResponse public_departments(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto rows = app.s().directory.public_departments(c.request.param("region").value_or(""));
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& d : *rows) items.push_back(department_json(d));
    return json_response({{"items", std::move(items)}});
  });
}

HttpResponse public_catalog(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    const std::string region = c.request.param("region").value_or("");
    auto department = int_param(c.request, "department_id");
    if (!department) return department.error();
    auto rows = app.s().directory.public_catalog(region, *department);
    if (!rows) return rows.error();
    auto departments = app.s().directory.public_departments(region);
    if (!departments) return departments.error();
    boost::json::array items;
    for (const auto& i : *rows) {
      auto d = std::find_if(departments->begin(), departments->end(),
                            [&](const Department& x) { return x.id == i.department_id; });
      items.push_back({{"region", i.region},
                       {"department_id", i.department_id},
                       {"department", d == departments->end() ? "" : d->name},
                       {"seq", i.seq},
                       {"power_type", i.power_type},
                       {"name", i.name},
                       {"basis", i.basis},
                       {"subject_categories", i.subject_categories},
                       {"scope", i.scope}});
    }
    return json_response({{"items", std::move(items)}});
  });
}

HttpResponse public_one(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto r = app.s().records.public_get(c.param("region"), *id);
    if (!r) return r.error();
    // What the subject may file now; the record is shown even when that cannot be worked out
    // (its rules failing, say): then nothing is offered.
    auto asked = app.s().applications.public_filings(*r, app.now());
    const PublicFilings filings = asked ? *asked : PublicFilings{false, r->state, {}, ""};
    auto o = public_view(app, *r);
    o["status_label"] = app.s().lifecycle.state_label(filings.shown_state);
    o["objection_open"] = filings.objection_open;
    boost::json::array may_file;
    for (const auto& k : filings.may_file) may_file.emplace_back(k);
    o["may_file"] = std::move(may_file);
    o["repair_refusal"] = text_or_null(filings.repair_refusal);
    return json_response(std::move(o));
  });
}

}  // namespace

void add_public_routes(Router& r, AppContext& app) {
  r.add("GET", "/public/records", Access::open, with_app(app, public_list));
  r.add("GET", "/public/records/{region}/{id}", Access::open, with_app(app, public_one));
  r.add("GET", "/public/feed.atom", Access::open, with_app(app, public_feed));
  r.add("GET", "/public/departments", Access::open, with_app(app, public_departments));
  r.add("GET", "/public/catalog", Access::open, with_app(app, public_catalog));
}

}  // namespace gongshi::server
