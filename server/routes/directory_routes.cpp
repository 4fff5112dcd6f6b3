// /api/v1/departments, /api/v1/users (and their API tokens), /api/v1/catalog: what the admins
// keep. Department admins manage their own department's users and catalog; the 信用办 its region;
// the system administrator everything below its region.
#include <boost/json.hpp>

#include "engine/store/auth_repo.hpp"
#include "engine/store/directory_repo.hpp"
#include "engine/store/time_text.hpp"
#include "server/access.hpp"
#include "server/auth.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

constexpr std::size_t kMinPassword = 8;

Result<std::string> region_of(const AppContext& app, const Principal& who,
                              const boost::json::object& body) {
  auto region = string_field(body, "region", false);
  if (!region) return region.error();
  std::string r = region->empty() ? who.region : *region;
  if (app.rules->regions.find(r) == nullptr) {
    return bad_request("未登记的地区代码：" + r, "unknown region code: " + r);
  }
  if (!covers_region(app, who, r)) {
    return forbidden("无权管理地区 " + r, "no access to region " + r);
  }
  return r;
}

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
      {"valid_until", d.valid_until ? boost::json::value(format_date(*d.valid_until)) : nullptr}};
}

boost::json::object user_json(const User& u) {
  auto o = principal_json(principal_of(u));
  o["active"] = u.active;
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

HttpResponse list_departments(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    const std::string region = region_query(c);
    if (!covers_region(app, *c.who, region)) {
      return forbidden("无权访问地区 " + region, "no access to region " + region);
    }
    auto rows = in_transaction<std::vector<Department>>(
        *app.db, [&](Tx& tx) { return departments_of(tx, region); });
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& d : *rows) items.push_back(department_json(d));
    return json_response({{"items", std::move(items)}});
  });
}

HttpResponse create_department(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    if (auto st = require_any_role(*c.who, {"credit_office", "sysadmin"}); !st) return st.error();
    auto body = json_body(c.request);
    if (!body) return body.error();
    Department d;
    auto region = region_of(app, *c.who, *body);
    if (!region) return region.error();
    d.region = *region;
    auto name = string_field(*body, "name");
    if (!name) return name.error();
    d.name = *name;
    auto kind = string_field(*body, "kind", false);
    if (!kind) return kind.error();
    d.kind = kind->empty() ? "department" : *kind;
    if (d.kind != "department" && d.kind != "township" && d.kind != "county") {
      return bad_request("kind 应为 department、township 或 county",
                         "kind must be department, township or county");
    }
    auto parent = int_field(*body, "parent_id");
    if (!parent) return parent.error();
    d.parent_id = *parent;
    auto uscc = string_field(*body, "uscc", false);
    if (!uscc) return uscc.error();
    d.uscc = *uscc;
    auto id =
        in_transaction<std::int64_t>(*app.db, [&](Tx& tx) { return insert_department(tx, d); });
    if (!id) return id.error();
    d.id = *id;
    return json_response(department_json(d), 201);
  });
}

HttpResponse merge_department_route(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    if (auto st = require_any_role(*c.who, {"credit_office", "sysadmin"}); !st) return st.error();
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto body = json_body(c.request);
    if (!body) return body.error();
    auto into = int_field(*body, "into");
    if (!into) return into.error();
    auto effective_text = string_field(*body, "effective");
    if (!effective_text) return effective_text.error();
    const auto effective = parse_date(*effective_text);
    if (!*into || !effective || **into == *id) {
      return bad_request(
          "需要 into（承接部门 id，不同于本部门）和 effective（生效日期 YYYY-MM-DD）",
          "into (another department's id) and effective (YYYY-MM-DD) are required");
    }
    auto moved = in_transaction<std::int64_t>(*app.db, [&](Tx& tx) -> Result<std::int64_t> {
      std::optional<Department> from, to;
      for (const auto& region : visible_regions(app, *c.who)) {
        auto list = departments_of(tx, region);
        if (!list) return list.error();
        for (const auto& d : *list) {
          if (d.id == *id) from = d;
          if (d.id == **into) to = d;
        }
      }
      if (!from || !to || from->region != to->region) {
        return not_found("部门不存在，或两个部门不属于同一地区",
                         "no such department, or the two are in different regions");
      }
      if (from->successor_id) {
        return make_error(ErrorCode::conflict, "该部门已于机构改革中并入其他部门",
                          "the department was merged already");
      }
      return merge_department(tx, from->region, *id, **into, *effective, c.who->login,
                              format_utc(app.now()));
    });
    if (!moved) return moved.error();
    return json_response({{"department_id", *id},
                          {"successor_id", **into},
                          {"valid_until", format_date(add_days(*effective, -1))},
                          {"records_moved", *moved}});
  });
}

// May `who` manage users of this region and department with these roles?
Status may_manage_user(const AppContext& app, const Principal& who, const std::string& region,
                       std::optional<std::int64_t> department_id,
                       const std::vector<std::string>& roles) {
  if (auto st = require_any_role(who, {"dept_admin", "credit_office", "sysadmin"}); !st) return st;
  if (auto st = may_act_for_department(app, who, region, department_id); !st) return st;
  for (const auto& role : roles) {
    if (!app.lifecycle.is_role(role) || role == "system") {
      return bad_request("未知的角色：" + role, "unknown role: " + role);
    }
    const bool department_role = role == "filler" || role == "reviewer" || role == "dept_admin";
    if (!who.has("sysadmin") && role == "sysadmin") {
      return forbidden("只有系统管理员能授予系统管理员角色", "only a sysadmin grants sysadmin");
    }
    if (!region_wide(who) && !department_role) {
      return forbidden("部门管理员只能授予填报员、审核员、部门管理员角色",
                       "a department admin grants filler, reviewer and dept_admin only");
    }
  }
  return ok_status();
}

Status check_password(const std::string& password) {
  if (password.size() < kMinPassword) {
    return bad_request(
        "密码至少 " + std::to_string(kMinPassword) + " 个字符",
        "the password needs at least " + std::to_string(kMinPassword) + " characters");
  }
  return ok_status();
}

HttpResponse list_users(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    if (auto st = require_any_role(*c.who, {"dept_admin", "credit_office", "sysadmin"}); !st) {
      return st.error();
    }
    const std::string region = region_query(c);
    if (!covers_region(app, *c.who, region)) {
      return forbidden("无权访问地区 " + region, "no access to region " + region);
    }
    const auto dept = region_wide(*c.who) ? std::nullopt : c.who->department_id;
    auto rows = in_transaction<std::vector<User>>(
        *app.db, [&](Tx& tx) { return users_of(tx, region, dept); });
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& u : *rows) items.push_back(user_json(u));
    return json_response({{"items", std::move(items)}});
  });
}

HttpResponse create_user(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto body = json_body(c.request);
    if (!body) return body.error();
    User u;
    auto region = region_of(app, *c.who, *body);
    if (!region) return region.error();
    u.region = *region;
    auto dept = int_field(*body, "department_id");
    if (!dept) return dept.error();
    u.department_id = *dept;
    auto roles = string_list_field(*body, "roles");
    if (!roles) return roles.error();
    u.roles = *roles;
    if (u.roles.empty()) return bad_request("至少需要一个角色", "at least one role is required");
    if (auto st = may_manage_user(app, *c.who, u.region, u.department_id, u.roles); !st) {
      return st.error();
    }
    auto login_name = string_field(*body, "login");
    if (!login_name) return login_name.error();
    u.login = *login_name;
    if (u.login.empty() || u.login.size() > 64) {
      return bad_request("登录名应为 1–64 个字符", "login must be 1-64 characters");
    }
    auto name = string_field(*body, "display_name", false);
    if (!name) return name.error();
    u.display_name = name->empty() ? u.login : *name;
    auto password = string_field(*body, "password");
    if (!password) return password.error();
    if (auto st = check_password(*password); !st) return st.error();
    u.password_hash = hash_password(*password);
    auto id = in_transaction<std::int64_t>(*app.db, [&](Tx& tx) { return insert_user(tx, u); });
    if (!id) {
      if (id.error().code == ErrorCode::conflict) {
        return make_error(ErrorCode::conflict, "登录名已被使用：" + u.login,
                          "login already taken: " + u.login);
      }
      return id.error();
    }
    u.id = *id;
    return json_response(user_json(u), 201);
  });
}

Result<User> managed_user(AppContext& app, const RouteContext& c) {
  auto id = id_param(c, "id");
  if (!id) return id.error();
  auto found = in_transaction<std::optional<User>>(
      *app.db, [&](Tx& tx) { return find_user_by_id(tx, *id); });
  if (!found) return found.error();
  if (!*found) return not_found("用户不存在", "no such user");
  if (auto st =
          may_manage_user(app, *c.who, (*found)->region, (*found)->department_id, (*found)->roles);
      !st) {
    return st.error();
  }
  return **found;
}

HttpResponse update_user_route(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto found = managed_user(app, c);
    if (!found) return found.error();
    User u = std::move(found).value();
    auto body = json_body(c.request);
    if (!body) return body.error();
    if (body->contains("roles")) {
      auto roles = string_list_field(*body, "roles");
      if (!roles) return roles.error();
      if (auto st = may_manage_user(app, *c.who, u.region, u.department_id, *roles); !st) {
        return st.error();
      }
      u.roles = *roles;
    }
    if (body->contains("display_name")) {
      auto name = string_field(*body, "display_name");
      if (!name) return name.error();
      u.display_name = *name;
    }
    if (body->contains("password")) {
      auto password = string_field(*body, "password");
      if (!password) return password.error();
      if (auto st = check_password(*password); !st) return st.error();
      u.password_hash = hash_password(*password);
    }
    if (const auto* active = body->if_contains("active"); active != nullptr) {
      if (!active->is_bool())
        return bad_request("active 应为 true/false", "active must be boolean");
      u.active = active->get_bool();
    }
    auto st = in_transaction<std::monostate>(*app.db, [&](Tx& tx) { return update_user(tx, u); });
    if (!st) return st.error();
    return json_response(user_json(u));
  });
}

HttpResponse create_token(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto u = managed_user(app, c);
    if (!u) return u.error();
    boost::json::object body;
    if (!c.request.body.empty()) {
      auto parsed = json_body(c.request);
      if (!parsed) return parsed.error();
      body = std::move(parsed).value();
    }
    auto label = string_field(body, "label", false);
    if (!label) return label.error();
    auto token = issue_api_token(*app.db, u->id, label->empty() ? "api" : *label, app.now());
    if (!token) return token.error();
    return json_response({{"token", *token}, {"user", user_json(*u)}}, 201);
  });
}

HttpResponse list_catalog(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    const std::string region = region_query(c);
    if (!covers_region(app, *c.who, region)) {
      return forbidden("无权访问地区 " + region, "no access to region " + region);
    }
    auto dept = int_param(c.request, "department_id");
    if (!dept) return dept.error();
    auto rows = in_transaction<std::vector<CatalogItem>>(
        *app.db, [&](Tx& tx) { return catalog_of(tx, region, *dept); });
    if (!rows) return rows.error();
    boost::json::array items;
    for (const auto& i : *rows) items.push_back(catalog_json(i));
    return json_response({{"items", std::move(items)}});
  });
}

HttpResponse create_catalog_item(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    if (auto st = require_any_role(*c.who, {"dept_admin", "credit_office", "sysadmin"}); !st) {
      return st.error();
    }
    auto body = json_body(c.request);
    if (!body) return body.error();
    CatalogItem item;
    auto region = region_of(app, *c.who, *body);
    if (!region) return region.error();
    item.region = *region;
    auto dept = int_field(*body, "department_id");
    if (!dept) return dept.error();
    if (!*dept) return bad_request("缺少 department_id", "department_id is required");
    item.department_id = **dept;
    if (auto st = may_act_for_department(app, *c.who, item.region, item.department_id); !st) {
      return st.error();
    }
    auto seq = int_field(*body, "seq");
    if (!seq) return seq.error();
    item.seq = static_cast<int>(seq->value_or(0));
    struct Text {
      const char* key;
      std::string* target;
      bool required;
    };
    for (const Text& t : {Text{"power_type", &item.power_type, true},
                          Text{"name", &item.name, true}, Text{"basis", &item.basis, false},
                          Text{"subject_categories", &item.subject_categories, false},
                          Text{"scope", &item.scope, false}}) {
      auto v = string_field(*body, t.key, t.required);
      if (!v) return v.error();
      *t.target = *v;
    }
    if (item.power_type != "行政许可" && item.power_type != "行政处罚") {
      return bad_request("行政职权类别应为「行政许可」或「行政处罚」",
                         "power_type must be 行政许可 or 行政处罚");
    }
    if (item.scope.empty()) item.scope = "社会公开";
    auto id = in_transaction<std::int64_t>(*app.db,
                                           [&](Tx& tx) { return insert_catalog_item(tx, item); });
    if (!id) return id.error();
    item.id = *id;
    return json_response(catalog_json(item), 201);
  });
}

}  // namespace

void add_directory_routes(Router& r, AppContext& app) {
  r.add("GET", "/api/v1/departments", Access::user, with_app(app, list_departments));
  r.add("POST", "/api/v1/departments", Access::user, with_app(app, create_department));
  r.add("POST", "/api/v1/departments/{id}/merge", Access::user,
        with_app(app, merge_department_route));
  r.add("GET", "/api/v1/users", Access::user, with_app(app, list_users));
  r.add("POST", "/api/v1/users", Access::user, with_app(app, create_user));
  r.add("PATCH", "/api/v1/users/{id}", Access::user, with_app(app, update_user_route));
  r.add("POST", "/api/v1/users/{id}/tokens", Access::user, with_app(app, create_token));
  r.add("GET", "/api/v1/catalog", Access::user, with_app(app, list_catalog));
  r.add("POST", "/api/v1/catalog", Access::user, with_app(app, create_catalog_item));
}

}  // namespace gongshi::server
