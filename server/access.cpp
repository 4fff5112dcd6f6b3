#include "server/access.hpp"

#include <algorithm>

#include "server/responses.hpp"

namespace gongshi::server {

bool region_wide(const Principal& p) {
  // An objection handler without a department works for the region (at the 信用办).
  return p.has("credit_office") || p.has("sysadmin") ||
         (p.has("objection_handler") && !p.department_id);
}

bool covers_region(const AppContext& app, const Principal& p, const std::string& region) {
  if (region == p.region) return true;
  if (!region_wide(p)) return false;
  auto chain = app.rules->regions.chain(region);
  if (!chain) return false;
  return std::find(chain->begin(), chain->end(), p.region) != chain->end();
}

std::vector<std::string> visible_regions(const AppContext& app, const Principal& p) {
  if (!region_wide(p)) return {p.region};
  std::vector<std::string> out;
  for (const auto& r : app.rules->regions.all()) {
    if (covers_region(app, p, r.code)) out.push_back(r.code);
  }
  if (out.empty()) out.push_back(p.region);
  return out;
}

Status require_any_role(const Principal& p, std::initializer_list<std::string_view> roles) {
  std::string names;
  for (auto role : roles) {
    if (p.has(role)) return ok_status();
    names += (names.empty() ? "" : ", ") + std::string(role);
  }
  return forbidden("当前用户没有执行此操作的角色（需要：" + names + "）",
                   "your roles do not allow this (needs one of: " + names + ")");
}

Status may_see(const AppContext& app, const Principal& p, const StoredRecord& r) {
  return may_act_for_department(app, p, r.region, r.department_id);
}

Status may_act_for_department(const AppContext& app, const Principal& p, const std::string& region,
                              std::optional<std::int64_t> department_id) {
  if (!covers_region(app, p, region)) {
    return forbidden("无权访问地区 " + region + " 的数据", "no access to region " + region);
  }
  if (region_wide(p)) return ok_status();
  if (!p.department_id || department_id != p.department_id) {
    return forbidden("只能访问本部门的数据", "only your own department's data is accessible");
  }
  return ok_status();
}

Result<std::string> acting_role(const AppContext& app, const Principal& p, const std::string& state,
                                const std::string& event) {
  Error last = forbidden("当前用户没有执行此操作的角色", "your roles do not allow this event");
  for (const auto& role : p.roles) {
    if (role == "system") continue;  // the sweeper's role is never a user's
    auto edge = app.lifecycle.allowed(state, event, role);
    if (edge) return role;
    last = edge.error();
    if (last.code == ErrorCode::not_found) return last;
  }
  return last;
}

}  // namespace gongshi::server
