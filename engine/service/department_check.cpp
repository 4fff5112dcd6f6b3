#include "engine/service/department_check.hpp"

#include "engine/store/directory_repo.hpp"

namespace gongshi {

Status check_department_in(Database& db, const std::string& region,
                           std::optional<std::int64_t> department_id) {
  if (!department_id) return ok_status();
  auto found = in_read_transaction<std::optional<std::string>>(
      db, [&](Tx& tx) { return region_of_department(tx, *department_id); });
  if (!found) return found.error();
  if (*found && **found == region) return ok_status();
  const std::string id = std::to_string(*department_id);
  return bad_request("department_id：地区 " + region + " 没有编号为 " + id + " 的部门",
                     "department_id: region " + region + " has no department " + id);
}

}  // namespace gongshi
