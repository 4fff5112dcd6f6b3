// /api/v1/departments, /api/v1/users (and their API tokens), /api/v1/catalog: what the admins
// keep. Department admins manage their own department's users and catalog; the 信用办 its region;
// the system administrator everything below its region (DirectoryService decides).
#include <algorithm>

#include <boost/json.hpp>

#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

std::string region_query(const RouteContext& c) {
  return c.request.param("region").value_or(c.who->region);
}

boost::json::object department_json(const Department& d) {
  return {
      {"region", d.region},
      {"id", d.id},
      {"parent_id", d.parent_id ? boost::json::value(*d.parent_id) : nullptr},
      {"kind", d.kind},
      {"name", d.name},
      {"uscc", d.uscc},
      {"successor_id", d.successor_id ? boost::json::value(*d.successor_id) : nullptr},
      {"valid_until", d.valid_until ? boost::json::value(format_date(*d.valid_until)) : nullptr},
      {"leader", d.leader},
      {"section", d.section},
      {"contact_name", d.contact_name},
      {"contact_phone", d.contact_phone}};
}

boost::json::object user_json(const User& u) {
  auto o = principal_json(principal_of(u));
  o["active"] = u.active;
  o["must_change_password"] = u.must_change_password;
  o["locked_until"] =
      u.locked_until.empty() ? boost::json::value(nullptr) : boost::json::value(u.locked_until);
  o["failed_logins"] = u.failed_logins;
  o["password_changed_at"] = u.password_changed_at.empty()
                                 ? boost::json::value(nullptr)
                                 : boost::json::value(u.password_changed_at);
  return o;
}

boost::json::object catalog_json(const CatalogItem& i) {
  return {{"region", i.region},
          {"id", i.id},
          {"department_id", i.department_id},
          {"seq", i.seq},
          {"power_type", i.power_type},
          {"name", i.name},
          {"basis", i.basis},
          {"subject_categories", i.subject_categories},
          {"scope", i.scope}};
}

template <class T, class F>
boost::json::object items_json(const std::vector<T>& rows, F each) {
  boost::json::array items;
  for (const auto& r : rows) items.push_back(each(r));
  return {{"items", std::move(items)}};
}

HttpResponse list_departments(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto rows = app.s().directory.departments(*c.who, region_query(c));
    if (!rows) return rows.error();
    return json_response(items_json(*rows, department_json));
  });
}

// PATCH {leader?, section?, contact_name?, contact_phone?}: what is not sent stays as it was.
HttpResponse update_department(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto body = json_body(c.request);
    if (!body) return body.error();
    auto all = app.s().directory.departments(*c.who, c.who->region);
    if (!all) return all.error();
    auto d =
        std::find_if(all->begin(), all->end(), [&](const Department& x) { return x.id == *id; });
    if (d == all->end()) return not_found("没有该部门", "no such department");
    DepartmentContacts contacts{d->leader, d->section, d->contact_name, d->contact_phone};
    for (auto [key, target] :
         {std::pair{"leader", &contacts.leader}, std::pair{"section", &contacts.section},
          std::pair{"contact_name", &contacts.contact_name},
          std::pair{"contact_phone", &contacts.contact_phone}}) {
      if (!body->contains(key)) continue;
      auto v = string_field(*body, key, false, 400);
      if (!v) return v.error();
      *target = *v;
    }
    auto updated = app.s().directory.update_contacts(*c.who, *id, contacts);
    if (!updated) return updated.error();
    return json_response(department_json(*updated));
  });
}

HttpResponse create_department(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto body = json_body(c.request);
    if (!body) return body.error();
    DepartmentInput in;
    for (auto [key, target, required] :
         {std::tuple{"region", &in.region, false}, std::tuple{"name", &in.name, true},
          std::tuple{"kind", &in.kind, false}, std::tuple{"uscc", &in.uscc, false}}) {
      auto v = string_field(*body, key, required);
      if (!v) return v.error();
      *target = *v;
    }
    auto parent = int_field(*body, "parent_id");
    if (!parent) return parent.error();
    in.parent_id = *parent;
    auto d = app.s().directory.create_department(*c.who, std::move(in));
    if (!d) return d.error();
    return json_response(department_json(*d), 201);
  });
}

HttpResponse merge_department(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto body = json_body(c.request);
    if (!body) return body.error();
    auto into = int_field(*body, "into");
    if (!into) return into.error();
    auto effective_text = string_field(*body, "effective");
    if (!effective_text) return effective_text.error();
    const auto effective = parse_date(*effective_text);
    if (!*into || !effective) {
      return bad_request("需要 into（承接部门 id）和 effective（生效日期 YYYY-MM-DD）",
                         "into (another department's id) and effective (YYYY-MM-DD) are required");
    }
    auto m = app.s().directory.merge_department(*c.who, *id, **into, *effective, app.now());
    if (!m) return m.error();
    return json_response({{"department_id", m->department_id},
                          {"successor_id", m->successor_id},
                          {"valid_until", format_date(m->valid_until)},
                          {"records_moved", m->records_moved}});
  });
}

HttpResponse merge_preview(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto h = app.s().directory.merge_preview(*c.who, *id);
    if (!h) return h.error();
    return json_response({{"records", h->records},
                          {"open_records", h->open_records},
                          {"users", h->users},
                          {"catalog_items", h->catalog_items},
                          {"webhooks", h->webhooks},
                          {"open_applications", h->open_applications}});
  });
}

HttpResponse list_users(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto rows = app.s().directory.users(*c.who, region_query(c));
    if (!rows) return rows.error();
    return json_response(items_json(*rows, user_json));
  });
}

HttpResponse create_user(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto body = json_body(c.request);
    if (!body) return body.error();
    UserInput in;
    for (auto [key, target, required] :
         {std::tuple{"region", &in.region, false}, std::tuple{"login", &in.login, true},
          std::tuple{"display_name", &in.display_name, false},
          std::tuple{"password", &in.password, true}}) {
      auto v = string_field(*body, key, required);
      if (!v) return v.error();
      *target = *v;
    }
    auto dept = int_field(*body, "department_id");
    if (!dept) return dept.error();
    in.department_id = *dept;
    auto roles = string_list_field(*body, "roles");
    if (!roles) return roles.error();
    in.roles = *roles;
    auto u = app.s().directory.create_user(*c.who, std::move(in));
    if (!u) return u.error();
    return json_response(user_json(*u), 201);
  });
}

HttpResponse update_user(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto body = json_body(c.request);
    if (!body) return body.error();
    UserPatch patch;
    if (body->contains("roles")) {
      auto roles = string_list_field(*body, "roles");
      if (!roles) return roles.error();
      patch.roles = *roles;
    }
    for (auto [key, target] :
         {std::pair{"display_name", &patch.display_name}, std::pair{"password", &patch.password}}) {
      if (!body->contains(key)) continue;
      auto v = string_field(*body, key);
      if (!v) return v.error();
      *target = *v;
    }
    for (auto [key, target] :
         {std::pair{"active", &patch.active}, std::pair{"unlock", &patch.unlock}}) {
      const auto* v = body->if_contains(key);
      if (v == nullptr) continue;
      if (!v->is_bool()) {
        return bad_request(std::string(key) + " 应为 true/false",
                           std::string(key) + " must be boolean");
      }
      *target = v->get_bool();
    }
    auto u = app.s().directory.update_user(*c.who, *id, patch);
    if (!u) return u.error();
    return json_response(user_json(*u));
  });
}

HttpResponse create_token(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto body = optional_json_body(c.request);
    if (!body) return body.error();
    auto label = string_field(*body, "label", false);
    if (!label) return label.error();
    auto t = app.s().directory.issue_token(*c.who, *id, *label, app.now());
    if (!t) return t.error();
    return json_response({{"token", t->token}, {"user", user_json(t->user)}}, 201);
  });
}

HttpResponse list_catalog(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto dept = int_param(c.request, "department_id");
    if (!dept) return dept.error();
    auto rows = app.s().directory.catalog(*c.who, region_query(c), *dept);
    if (!rows) return rows.error();
    return json_response(items_json(*rows, catalog_json));
  });
}

HttpResponse create_catalog_item(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto body = json_body(c.request);
    if (!body) return body.error();
    CatalogItem item;
    auto dept = int_field(*body, "department_id");
    if (!dept) return dept.error();
    item.department_id = dept->value_or(0);
    auto seq = int_field(*body, "seq");
    if (!seq) return seq.error();
    item.seq = static_cast<int>(seq->value_or(0));
    for (auto [key, target, required] :
         {std::tuple{"region", &item.region, false},
          std::tuple{"power_type", &item.power_type, true}, std::tuple{"name", &item.name, true},
          std::tuple{"basis", &item.basis, false},
          std::tuple{"subject_categories", &item.subject_categories, false},
          std::tuple{"scope", &item.scope, false}}) {
      auto v = string_field(*body, key, required);
      if (!v) return v.error();
      *target = *v;
    }
    auto stored = app.s().directory.create_catalog_item(*c.who, std::move(item));
    if (!stored) return stored.error();
    return json_response(catalog_json(*stored), 201);
  });
}

}  // namespace

void add_directory_routes(Router& r, AppContext& app) {
  r.add("GET", "/api/v1/departments", Access::user, with_app(app, list_departments));
  r.add("POST", "/api/v1/departments", Access::user, with_app(app, create_department));
  r.add("PATCH", "/api/v1/departments/{id}", Access::user, with_app(app, update_department));
  r.add("POST", "/api/v1/departments/{id}/merge", Access::user, with_app(app, merge_department));
  r.add("GET", "/api/v1/departments/{id}/holdings", Access::user, with_app(app, merge_preview));
  r.add("GET", "/api/v1/users", Access::user, with_app(app, list_users));
  r.add("POST", "/api/v1/users", Access::user, with_app(app, create_user));
  r.add("PATCH", "/api/v1/users/{id}", Access::user, with_app(app, update_user));
  r.add("POST", "/api/v1/users/{id}/tokens", Access::user, with_app(app, create_token));
  r.add("GET", "/api/v1/catalog", Access::user, with_app(app, list_catalog));
  r.add("POST", "/api/v1/catalog", Access::user, with_app(app, create_catalog_item));
}

}  // namespace gongshi::server
