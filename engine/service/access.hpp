#pragma once
// Who may do what, in which scope: the one place the services ask. Department users (填报员,
// 审核员, 部门管理员, department systems) act for their own department; the 信用办, the system
// administrator and an objection handler without a department for their region and the regions
// below it; the public reads published, 社会公开 records only (through the public use cases).
// Refusals are values (forbidden, or not_found where a record's existence must not leak).

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "engine/calendar/region.hpp"
#include "engine/lifecycle/lifecycle.hpp"
#include "engine/model/result.hpp"
#include "engine/service/principal.hpp"
#include "engine/store/stored_record.hpp"

namespace gongshi {

// Who the command line acts as: the operator of the installation, a system administrator of the
// nation (every region), recorded as "cli".
Principal operator_principal(std::string login = "cli");

class AccessPolicy {
 public:
  AccessPolicy(const RegionRegistry& regions, const Lifecycle& lifecycle)
      : regions_(regions), lifecycle_(lifecycle) {}

  bool region_wide(const Principal& p) const;
  // `region` is the principal's own, or (for region-wide roles) one below it.
  bool covers_region(const Principal& p, const std::string& region) const;
  Status require_region(const Principal& p, const std::string& region) const;
  // The regions whose records the principal may list.
  std::vector<std::string> visible_regions(const Principal& p) const;

  Status require_any_role(const Principal& p, std::initializer_list<std::string_view> roles) const;
  // A department's data: a user of that department, or a region-wide user above it.
  Status may_act_for_department(const Principal& p, const std::string& region,
                                std::optional<std::int64_t> department_id) const;
  Status may_see(const Principal& p, const StoredRecord& r) const;
  // The role the principal takes `event` in from `state`: the first of its roles the lifecycle
  // allows; forbidden when none may.
  Result<std::string> acting_role(const Principal& p, const std::string& state,
                                  const std::string& event) const;

  // The use cases' own checks.
  Status may_enter_records(const Principal& p) const;  // a 填报员 or department admin
  Status may_create_records(const Principal& p, const std::string& region,
                            std::optional<std::int64_t> department_id) const;
  std::string creating_role(const Principal& p) const;  // filler, else dept_admin
  // The role in which `p` may change the fields of `r`: one of its state's editors
  // (lifecycle.json) that `p` has, for the record's department. conflict when the state has no
  // editors (the record is with the reviewer, or public), forbidden when `p` is not one.
  Result<std::string> editing_role(const Principal& p, const StoredRecord& r) const;
  // 催办 is the credit office's (or a sysadmin's), for a department in its scope.
  Status may_remind(const Principal& p, const std::string& region,
                    std::int64_t department_id) const;
  std::string reminding_role(const Principal& p) const;  // credit_office, else sysadmin
  // The role a comment is recorded under: the first of p's lifecycle roles (not sysadmin alone).
  Result<std::string> commenting_role(const Principal& p) const;
  Status may_manage_departments(const Principal& p, const std::string& region) const;
  Status may_list_users(const Principal& p, const std::string& region) const;
  Status may_manage_user(const Principal& p, const std::string& region,
                         std::optional<std::int64_t> department_id,
                         const std::vector<std::string>& roles) const;
  // The account roles `p` may give a user of its own region (a department user: of its own
  // department), as may_manage_user answers; empty for one who manages no users.
  std::vector<std::string> grantable_roles(const Principal& p) const;
  Status may_manage_catalog(const Principal& p, const std::string& region,
                            std::int64_t department_id) const;
  Status may_manage_hooks(const Principal& p, const std::string& region,
                          std::optional<std::int64_t> department_id) const;
  Status may_list_hooks(const Principal& p) const;
  Status may_manage_rules(const Principal& p, const std::string& region) const;
  Status may_read_reports(const Principal& p, const std::string& region) const;
  // 000000: the national notice (sysadmin); else a region's own days (sysadmin or its 信用办).
  Status may_load_calendar(const Principal& p, const std::string& region) const;

  const RegionRegistry& regions() const { return regions_; }

 private:
  Status known_region(const std::string& region) const;

  const RegionRegistry& regions_;
  const Lifecycle& lifecycle_;
};

}  // namespace gongshi
