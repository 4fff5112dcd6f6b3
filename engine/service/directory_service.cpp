#include "engine/service/directory_service.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "engine/model/text.hpp"
#include "engine/service/department_check.hpp"
#include "engine/store/auth_repo.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {

Result<std::string> DirectoryService::region_for(const Principal& who,
                                                 const std::string& asked) const {
  const std::string r = asked.empty() ? who.region : asked;
  if (access_.regions().find(r) == nullptr) {
    return bad_request("未登记的地区代码：" + r, "unknown region code: " + r);
  }
  if (!access_.covers_region(who, r))
    return forbidden("无权管理地区 " + r, "no access to region " + r);
  return r;
}

Result<std::vector<Department>> DirectoryService::departments(const Principal& who,
                                                              const std::string& region) {
  if (auto st = access_.require_region(who, region); !st) return st.error();
  return in_read_transaction<std::vector<Department>>(
      *db_, [&](Tx& tx) { return departments_of(tx, region); });
}

Result<Department> DirectoryService::create_department(const Principal& who, DepartmentInput in) {
  auto region = region_for(who, in.region);
  if (!region) return region.error();
  if (auto st = access_.may_manage_departments(who, *region); !st) return st.error();
  if (in.kind.empty()) in.kind = "department";
  if (in.kind != "department" && in.kind != "township" && in.kind != "county") {
    return bad_request("kind 应为 department、township 或 county",
                       "kind must be department, township or county");
  }
  if (in.name.empty() || in.name.size() > 200) {
    return bad_request("部门名称应为 1–200 个字符", "name must be 1-200 characters");
  }
  if (auto st = check_department_in(*db_, *region, in.parent_id); !st) return st.error();
  Department d{*region, 0, in.parent_id, in.kind, in.name, in.uscc, {}, {}};
  auto id = in_transaction<std::int64_t>(*db_, [&](Tx& tx) { return insert_department(tx, d); });
  if (!id) return id.error();
  d.id = *id;
  return d;
}

namespace {

// Departments `ids` among those of the regions `who` sees (nullopt where not found).
Result<std::vector<std::optional<Department>>> visible_departments(Tx& tx,
                                                                   const AccessPolicy& access,
                                                                   const Principal& who,
                                                                   std::vector<std::int64_t> ids) {
  std::vector<std::optional<Department>> out(ids.size());
  for (const auto& region : access.visible_regions(who)) {
    auto list = departments_of(tx, region);
    if (!list) return list.error();
    for (const auto& d : *list) {
      for (std::size_t i = 0; i < ids.size(); ++i) {
        if (d.id == ids[i]) out[i] = d;
      }
    }
  }
  return out;
}

}  // namespace

Result<DepartmentHoldings> DirectoryService::merge_preview(const Principal& who, std::int64_t id) {
  if (auto st = access_.require_any_role(who, {"credit_office", "sysadmin"}); !st) {
    return st.error();
  }
  return in_read_transaction<DepartmentHoldings>(*db_, [&](Tx& tx) -> Result<DepartmentHoldings> {
    auto found = visible_departments(tx, access_, who, {id});
    if (!found) return found.error();
    const auto& d = found->front();
    if (!d) return not_found("没有该部门", "no such department");
    return department_holdings(tx, d->region, id);
  });
}

Result<MergeResult> DirectoryService::merge_department(const Principal& who, std::int64_t id,
                                                       std::int64_t into, Date effective,
                                                       TimePoint now) {
  if (auto st = access_.require_any_role(who, {"credit_office", "sysadmin"}); !st) {
    return st.error();
  }
  if (into == id) {
    return bad_request("承接部门不能是本部门", "a department cannot be merged into itself");
  }
  auto moved = in_transaction<std::int64_t>(*db_, [&](Tx& tx) -> Result<std::int64_t> {
    auto found = visible_departments(tx, access_, who, {id, into});
    if (!found) return found.error();
    const std::optional<Department>&from = (*found)[0], &to = (*found)[1];
    if (!from || !to || from->region != to->region) {
      return not_found("部门不存在，或两个部门不属于同一地区",
                       "no such department, or the two are in different regions");
    }
    if (from->successor_id) {
      return make_error(ErrorCode::conflict, "该部门已于机构改革中并入其他部门",
                        "the department was merged already");
    }
    return gongshi::merge_department(tx, from->region, id, into, effective, who.login,
                                     format_utc(now));
  });
  if (!moved) return moved.error();
  return MergeResult{id, into, add_days(effective, -1), *moved};
}

Result<std::vector<User>> DirectoryService::users(const Principal& who, const std::string& region) {
  if (auto st = access_.may_list_users(who, region); !st) return st.error();
  const auto dept = access_.region_wide(who) ? std::nullopt : who.department_id;
  return in_read_transaction<std::vector<User>>(*db_,
                                                [&](Tx& tx) { return users_of(tx, region, dept); });
}

Result<User> DirectoryService::add_user_unchecked(UserInput in) {
  if (in.login.empty() || in.login.size() > 64) {
    return bad_request("登录名应为 1–64 个字符", "login must be 1-64 characters");
  }
  if (in.roles.empty()) return bad_request("至少需要一个角色", "at least one role is required");
  if (auto st = check_password(in.password, auth_.policy().password, in.login); !st) {
    return st.error();
  }
  User u;
  u.region = in.region;
  u.department_id = in.department_id;
  u.login = in.login;
  u.display_name = in.display_name.empty() ? in.login : in.display_name;
  u.roles = in.roles;
  u.password_hash = hash_password(in.password);
  u.must_change_password = in.must_change_password;
  auto id = in_transaction<std::int64_t>(*db_, [&](Tx& tx) { return insert_user(tx, u); });
  if (!id) {
    if (id.error().code == ErrorCode::conflict) {
      return make_error(ErrorCode::conflict, "登录名已被使用：" + u.login,
                        "login already taken: " + u.login);
    }
    return id.error();
  }
  u.id = *id;
  return u;
}

Result<User> DirectoryService::create_user(const Principal& who, UserInput in) {
  auto region = region_for(who, in.region);
  if (!region) return region.error();
  in.region = *region;
  if (in.roles.empty()) return bad_request("至少需要一个角色", "at least one role is required");
  if (auto st = access_.may_manage_user(who, in.region, in.department_id, in.roles); !st) {
    return st.error();
  }
  if (auto st = check_department_in(*db_, in.region, in.department_id); !st) return st.error();
  in.must_change_password = true;  // an administrator chose it: the user changes it first
  auto u = add_user_unchecked(std::move(in));
  if (!u) return u;
  boost::json::array roles;
  for (const auto& r : u->roles) roles.emplace_back(r);
  (void)audit_.record("user.created", &who, u->region, u->login,
                      {{"roles", std::move(roles)},
                       {"department_id", u->department_id ? boost::json::value(*u->department_id)
                                                          : boost::json::value(nullptr)}});
  return u;
}

Result<User> DirectoryService::managed_user(const Principal& who, std::int64_t id) {
  auto found = in_read_transaction<std::optional<User>>(
      *db_, [&](Tx& tx) { return find_user_by_id(tx, id); });
  if (!found) return found.error();
  if (!*found) return not_found("用户不存在", "no such user");
  if (auto st =
          access_.may_manage_user(who, (*found)->region, (*found)->department_id, (*found)->roles);
      !st) {
    return st.error();
  }
  return **found;
}

Result<User> DirectoryService::update_user(const Principal& who, std::int64_t id,
                                           const UserPatch& patch) {
  auto found = managed_user(who, id);
  if (!found) return found.error();
  User u = std::move(found).value();
  boost::json::object changes;
  if (patch.roles) {
    if (auto st = access_.may_manage_user(who, u.region, u.department_id, *patch.roles); !st) {
      return st.error();
    }
    if (*patch.roles != u.roles) {
      boost::json::array from, to;
      for (const auto& r : u.roles) from.emplace_back(r);
      for (const auto& r : *patch.roles) to.emplace_back(r);
      changes["roles"] = {{"from", std::move(from)}, {"to", std::move(to)}};
    }
    u.roles = *patch.roles;
  }
  if (patch.display_name) u.display_name = *patch.display_name;
  if (patch.password) {
    if (auto st = check_password(*patch.password, auth_.policy().password, u.login); !st) {
      return st.error();
    }
    u.password_hash = hash_password(*patch.password);
    // Set by someone else (an administrator's reset): changed again at the next sign-in.
    u.must_change_password = who.user_id != u.id;
    changes["password"] = who.user_id != u.id ? "reset" : "changed";
  }
  if (patch.active && *patch.active != u.active) {
    changes["active"] = *patch.active;
    u.active = *patch.active;
  }
  if (patch.unlock && *patch.unlock) {
    changes["unlocked"] = !u.locked_until.empty() || u.failed_logins > 0;
    u.failed_logins = 0;
    u.locked_until.clear();
  }
  // A new password or a disabled account ends every session and API token of the user, so
  // re-enabling it later revives none of them (a department system gets a new token).
  const bool revoke = patch.password || (patch.active && !*patch.active);
  auto st = in_transaction<std::monostate>(*db_, [&](Tx& tx) -> Status {
    if (auto up = gongshi::update_user(tx, u); !up) return up;
    if (revoke) {
      if (auto gone = delete_tokens_of(tx, u.id); !gone) return gone.error();
    }
    return ok_status();
  });
  if (!st) return st.error();
  auth_.forget_user(u.id);  // its cached tokens carry the old roles, or it is disabled now
  if (!changes.empty()) (void)audit_.record("user.changed", &who, u.region, u.login, changes);
  return u;
}

Result<IssuedToken> DirectoryService::issue_token(const Principal& who, std::int64_t user_id,
                                                  const std::string& label, TimePoint now) {
  auto u = managed_user(who, user_id);
  if (!u) return u.error();
  auto token = auth_.issue_api_token(u->id, label.empty() ? "api" : label, now);
  if (!token) return token.error();
  (void)audit_.record("token.issued", &who, u->region, u->login, {{"label", label}});
  return IssuedToken{*token, *u};
}

Result<std::vector<CatalogItem>> DirectoryService::catalog(
    const Principal& who, const std::string& region, std::optional<std::int64_t> department_id) {
  if (auto st = access_.require_region(who, region); !st) return st.error();
  return in_read_transaction<std::vector<CatalogItem>>(
      *db_, [&](Tx& tx) { return catalog_of(tx, region, department_id); });
}

Result<Department> DirectoryService::update_contacts(const Principal& who, std::int64_t id,
                                                     const DepartmentContacts& contacts) {
  auto region = in_read_transaction<std::optional<std::string>>(
      *db_, [&](Tx& tx) { return region_of_department(tx, id); });
  if (!region) return region.error();
  if (!*region) return not_found("没有该部门", "no such department");
  const bool own_admin = who.department_id == id && std::find(who.roles.begin(), who.roles.end(),
                                                              "dept_admin") != who.roles.end();
  if (!own_admin) {
    if (auto st = access_.may_manage_departments(who, **region); !st) return st.error();
  }
  for (const auto& [value, name] :
       {std::pair{&contacts.leader, "leader"}, std::pair{&contacts.section, "section"},
        std::pair{&contacts.contact_name, "contact_name"},
        std::pair{&contacts.contact_phone, "contact_phone"}}) {
    const auto length = utf8_length(*value);
    if (!length || *length > 100) {
      return bad_request(std::string(name) + " 应为不超过 100 个字符的文字",
                         std::string(name) + " must be at most 100 characters of UTF-8");
    }
  }
  return in_transaction<Department>(*db_, [&](Tx& tx) -> Result<Department> {
    auto rows = departments_of(tx, **region);
    if (!rows) return rows.error();
    auto d =
        std::find_if(rows->begin(), rows->end(), [&](const Department& x) { return x.id == id; });
    if (d == rows->end()) return not_found("没有该部门", "no such department");
    Department updated = *d;
    updated.leader = contacts.leader;
    updated.section = contacts.section;
    updated.contact_name = contacts.contact_name;
    updated.contact_phone = contacts.contact_phone;
    if (auto st = update_department_contacts(tx, updated); !st) return st.error();
    return updated;
  });
}

namespace {

// The regions a public listing covers: the one asked for (if it has departments), or all.
Result<std::vector<std::string>> public_regions(Tx& tx, const std::string& region) {
  auto all = department_regions(tx);
  if (!all || region.empty()) return all;
  if (std::find(all->begin(), all->end(), region) == all->end()) {
    return not_found("没有该地区", "no such region");
  }
  return std::vector<std::string>{region};
}

}  // namespace

Result<std::vector<Department>> DirectoryService::public_departments(const std::string& region) {
  return in_read_transaction<std::vector<Department>>(
      *db_, [&](Tx& tx) -> Result<std::vector<Department>> {
        auto regions = public_regions(tx, region);
        if (!regions) return regions.error();
        std::vector<Department> out;
        for (const auto& r : *regions) {
          auto rows = departments_of(tx, r);
          if (!rows) return rows.error();
          out.insert(out.end(), rows->begin(), rows->end());
        }
        return out;
      });
}

Result<std::vector<CatalogItem>> DirectoryService::public_catalog(
    const std::string& region, std::optional<std::int64_t> department_id) {
  return in_read_transaction<std::vector<CatalogItem>>(
      *db_, [&](Tx& tx) -> Result<std::vector<CatalogItem>> {
        auto regions = public_regions(tx, region);
        if (!regions) return regions.error();
        std::vector<CatalogItem> out;
        for (const auto& r : *regions) {
          auto rows = catalog_of(tx, r, department_id);
          if (!rows) return rows.error();
          out.insert(out.end(), rows->begin(), rows->end());
        }
        return out;
      });
}

Result<CatalogItem> DirectoryService::create_catalog_item(const Principal& who, CatalogItem item) {
  auto region = region_for(who, item.region);
  if (!region) return region.error();
  item.region = *region;
  if (item.department_id <= 0)
    return bad_request("缺少 department_id", "department_id is required");
  if (auto st = access_.may_manage_catalog(who, item.region, item.department_id); !st) {
    return st.error();
  }
  if (auto st = check_department_in(*db_, item.region, item.department_id); !st) return st.error();
  if (item.power_type != "行政许可" && item.power_type != "行政处罚") {
    return bad_request("行政职权类别应为「行政许可」或「行政处罚」",
                       "power_type must be 行政许可 or 行政处罚");
  }
  if (item.name.empty()) return bad_request("缺少项目名称 name", "name is required");
  if (item.scope.empty()) item.scope = "社会公开";
  auto id =
      in_transaction<std::int64_t>(*db_, [&](Tx& tx) { return insert_catalog_item(tx, item); });
  if (!id) return id.error();
  item.id = *id;
  return item;
}

}  // namespace gongshi
