#pragma once
// Who may see and do what: the one place the server decides scope. Department users (填报员,
// 审核员, 部门管理员, department systems) see their own department's records; the 信用办, the
// system administrator and an objection handler without a department see their region and the
// regions below it; the public sees published,
// 社会公开 records only (through the public routes, not these).

#include <initializer_list>
#include <string>
#include <vector>

#include "engine/store/stored_record.hpp"
#include "server/app_context.hpp"
#include "server/principal.hpp"

namespace gongshi::server {

bool region_wide(const Principal& p);
// `region` is the principal's own, or (for region-wide roles) one below it.
bool covers_region(const AppContext& app, const Principal& p, const std::string& region);
// The regions whose records the principal may list.
std::vector<std::string> visible_regions(const AppContext& app, const Principal& p);

Status require_any_role(const Principal& p, std::initializer_list<std::string_view> roles);
Status may_see(const AppContext& app, const Principal& p, const StoredRecord& r);
// A department's data: a user of that department, or a region-wide user above it.
Status may_act_for_department(const AppContext& app, const Principal& p, const std::string& region,
                              std::optional<std::int64_t> department_id);

// The role the principal takes `event` in from `state`: the first of its roles the lifecycle
// allows; forbidden when none may.
Result<std::string> acting_role(const AppContext& app, const Principal& p, const std::string& state,
                                const std::string& event);

}  // namespace gongshi::server
