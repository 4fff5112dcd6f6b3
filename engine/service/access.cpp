#include "engine/service/access.hpp"

#include <algorithm>

namespace gongshi {

Principal operator_principal(std::string login) {
  Principal p;
  p.login = std::move(login);
  p.display_name = p.login;
  p.region = std::string(kNationalRegion);
  p.roles = {"sysadmin"};
  return p;
}

bool AccessPolicy::region_wide(const Principal& p) const {
  // An objection handler without a department works for the region (at the 信用办).
  return p.has("credit_office") || p.has("sysadmin") ||
         (p.has("objection_handler") && !p.department_id);
}

bool AccessPolicy::covers_region(const Principal& p, const std::string& region) const {
  if (region == p.region) return true;
  if (!region_wide(p)) return false;
  auto chain = regions_.chain(region);
  if (!chain) return false;
  return std::find(chain->begin(), chain->end(), p.region) != chain->end();
}

Status AccessPolicy::require_region(const Principal& p, const std::string& region) const {
  if (covers_region(p, region)) return ok_status();
  return forbidden("无权访问地区 " + region + " 的数据", "no access to region " + region);
}

std::vector<std::string> AccessPolicy::visible_regions(const Principal& p) const {
  if (!region_wide(p)) return {p.region};
  std::vector<std::string> out;
  for (const auto& r : regions_.all()) {
    if (covers_region(p, r.code)) out.push_back(r.code);
  }
  if (out.empty()) out.push_back(p.region);
  return out;
}

Status AccessPolicy::require_any_role(const Principal& p,
                                      std::initializer_list<std::string_view> roles) const {
  std::string names;
  for (auto role : roles) {
    if (p.has(role)) return ok_status();
    names += (names.empty() ? "" : ", ") + std::string(role);
  }
  return forbidden("当前用户没有执行此操作的角色（需要：" + names + "）",
                   "your roles do not allow this (needs one of: " + names + ")");
}

Status AccessPolicy::may_act_for_department(const Principal& p, const std::string& region,
                                            std::optional<std::int64_t> department_id) const {
  if (auto st = require_region(p, region); !st) return st;
  if (region_wide(p)) return ok_status();
  if (!p.department_id || department_id != p.department_id) {
    return forbidden("只能访问本部门的数据", "only your own department's data is accessible");
  }
  return ok_status();
}

Status AccessPolicy::may_see(const Principal& p, const StoredRecord& r) const {
  return may_act_for_department(p, r.region, r.department_id);
}

Result<std::string> AccessPolicy::acting_role(const Principal& p, const std::string& state,
                                              const std::string& event) const {
  Error last = forbidden("当前用户没有执行此操作的角色", "your roles do not allow this event");
  for (const auto& role : p.roles) {
    if (role == "system") continue;  // the sweeper's role is never a user's
    auto edge = lifecycle_.allowed(state, event, role);
    if (edge) return role;
    last = edge.error();
    if (last.code == ErrorCode::not_found) return last;
  }
  return last;
}

Status AccessPolicy::may_enter_records(const Principal& p) const {
  return require_any_role(p, {"filler", "dept_admin"});
}

Status AccessPolicy::may_create_records(const Principal& p, const std::string& region,
                                        std::optional<std::int64_t> department_id) const {
  if (auto st = may_enter_records(p); !st) return st;
  return may_act_for_department(p, region, department_id);
}

Result<std::string> AccessPolicy::editing_role(const Principal& p, const StoredRecord& r) const {
  const StateInfo* state = lifecycle_.state(r.state);
  if (state == nullptr || state->editors.empty()) {
    return make_error(ErrorCode::conflict,
                      "「" + lifecycle_.state_label(r.state) + "」的记录不能修改字段",
                      "a record in state '" + r.state + "' cannot be edited");
  }
  for (const auto& role : p.roles) {
    if (std::find(state->editors.begin(), state->editors.end(), role) == state->editors.end()) {
      continue;
    }
    if (auto st = may_act_for_department(p, r.region, r.department_id); !st) return st.error();
    return role;
  }
  return forbidden("当前用户不能修改这条记录", "your roles do not allow editing this record");
}

Status AccessPolicy::may_remind(const Principal& p, const std::string& region,
                                std::int64_t department_id) const {
  if (auto st = require_any_role(p, {"credit_office", "sysadmin"}); !st) return st;
  return may_act_for_department(p, region, department_id);
}

std::string AccessPolicy::reminding_role(const Principal& p) const {
  return p.has("credit_office") ? "credit_office" : "sysadmin";
}

Result<std::string> AccessPolicy::commenting_role(const Principal& p) const {
  for (const auto& role : p.roles) {
    if (role != "sysadmin" && lifecycle_.is_account_role(role)) return role;
  }
  return forbidden("当前用户没有填写意见的角色", "your roles do not allow comments on records");
}

std::string AccessPolicy::creating_role(const Principal& p) const {
  return p.has("filler") ? "filler" : "dept_admin";
}

Status AccessPolicy::known_region(const std::string& region) const {
  if (regions_.find(region) != nullptr) return ok_status();
  return not_found("未登记的地区代码：" + region, "unknown region code: " + region);
}

Status AccessPolicy::may_manage_departments(const Principal& p, const std::string& region) const {
  if (auto st = require_any_role(p, {"credit_office", "sysadmin"}); !st) return st;
  if (auto st = known_region(region); !st) return st;
  return require_region(p, region);
}

Status AccessPolicy::may_list_users(const Principal& p, const std::string& region) const {
  if (auto st = require_any_role(p, {"dept_admin", "credit_office", "sysadmin"}); !st) return st;
  return require_region(p, region);
}

Status AccessPolicy::may_manage_user(const Principal& p, const std::string& region,
                                     std::optional<std::int64_t> department_id,
                                     const std::vector<std::string>& roles) const {
  if (auto st = require_any_role(p, {"dept_admin", "credit_office", "sysadmin"}); !st) return st;
  if (auto st = may_act_for_department(p, region, department_id); !st) return st;
  for (const auto& role : roles) {
    if (!lifecycle_.is_account_role(role)) {
      return bad_request("未知的角色：" + role, "unknown role: " + role);
    }
    const bool department_role = role == "filler" || role == "reviewer" || role == "dept_admin";
    if (!p.has("sysadmin") && role == "sysadmin") {
      return forbidden("只有系统管理员能授予系统管理员角色", "only a sysadmin grants sysadmin");
    }
    if (!region_wide(p) && !department_role) {
      return forbidden("部门管理员只能授予填报员、审核员、部门管理员角色",
                       "a department admin grants filler, reviewer and dept_admin only");
    }
  }
  return ok_status();
}

std::vector<std::string> AccessPolicy::grantable_roles(const Principal& p) const {
  std::vector<std::string> out;
  const auto department = region_wide(p) ? std::nullopt : p.department_id;
  for (const auto& [role, label] : lifecycle_.roles()) {
    if (lifecycle_.is_account_role(role) && may_manage_user(p, p.region, department, {role})) {
      out.push_back(role);
    }
  }
  return out;
}

Status AccessPolicy::may_manage_catalog(const Principal& p, const std::string& region,
                                        std::int64_t department_id) const {
  if (auto st = require_any_role(p, {"dept_admin", "credit_office", "sysadmin"}); !st) return st;
  return may_act_for_department(p, region, department_id);
}

Status AccessPolicy::may_list_hooks(const Principal& p) const {
  return require_any_role(p, {"dept_admin", "credit_office", "sysadmin"});
}

Status AccessPolicy::may_manage_hooks(const Principal& p, const std::string& region,
                                      std::optional<std::int64_t> department_id) const {
  if (auto st = may_list_hooks(p); !st) return st;
  return may_act_for_department(p, region, department_id);
}

Status AccessPolicy::may_manage_rules(const Principal& p, const std::string& region) const {
  if (auto st = require_any_role(p, {"credit_office", "sysadmin"}); !st) return st;
  if (auto st = known_region(region); !st) return st;
  if (!covers_region(p, region)) {
    return forbidden("无权管理地区 " + region + " 的规则", "no access to region " + region);
  }
  return ok_status();
}

Status AccessPolicy::may_read_reports(const Principal& p, const std::string& region) const {
  if (auto st = require_any_role(p, {"credit_office", "sysadmin"}); !st) return st;
  if (!covers_region(p, region)) {
    return forbidden("无权查看地区 " + region + " 的报表", "no access to region " + region);
  }
  return ok_status();
}

Status AccessPolicy::may_load_calendar(const Principal& p, const std::string& region) const {
  if (region == kNationalRegion) return require_any_role(p, {"sysadmin"});
  if (auto st = require_any_role(p, {"sysadmin", "credit_office"}); !st) return st;
  if (auto st = known_region(region); !st) return st;
  if (!covers_region(p, region)) {
    return forbidden("无权调整地区 " + region + " 的节假日", "no access to region " + region);
  }
  return ok_status();
}

}  // namespace gongshi
