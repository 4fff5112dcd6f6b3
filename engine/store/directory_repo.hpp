#pragma once
// The directory a region works with: its departments (a tree: region → county/district →
// department or township, with a successor after 机构改革), its users and roles, and its 双公示
// 目录 (catalog items: what each department may decide).

#include <optional>
#include <string>
#include <vector>

#include "engine/model/date.hpp"
#include "engine/store/database.hpp"

namespace gongshi {

struct Department {
  std::string region;
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  std::string kind;  // department | township | county
  std::string name;
  std::string uscc;  // "" when unknown
  std::optional<std::int64_t> successor_id;
  std::optional<Date> valid_until;
  // 分管领导, 责任科室, 联系人 and telephone (seed 000 附件2, seed 001 附件1); "" when not given.
  std::string leader = "", section = "", contact_name = "", contact_phone = "";
};

struct User {
  std::int64_t id = 0;
  std::string region;
  std::optional<std::int64_t> department_id;  // none for the region's 信用办 and sysadmins
  std::string login;
  std::string display_name;
  std::string password_hash;       // a libsodium/argon2 string, never the password
  std::vector<std::string> roles;  // lifecycle roles
  bool active = true;
  bool must_change_password = false;  // set by an administrator: changed at first sign-in
  int failed_logins = 0;              // since the last success or lockout
  std::string locked_until{};         // UTC text; "" = not locked
  std::string password_changed_at{};  // UTC text; "" = never changed by the user
};

struct CatalogItem {
  std::string region;
  std::int64_t id = 0;
  std::int64_t department_id = 0;
  int seq = 0;             // 序号
  std::string power_type;  // 行政职权类别: 行政许可 | 行政处罚
  std::string name;        // 项目名称
  std::string basis;       // 设定依据
  std::string subject_categories;  // 行政相对人类别, e.g. "法人及非法人组织、个体工商户"
  std::string scope;               // 公示范围
};

Result<std::int64_t> insert_department(Tx& tx, const Department& d);
Result<std::vector<Department>> departments_of(Tx& tx, const std::string& region);
// Sets the leader, section, contact and telephone of one department of the region.
Status update_department_contacts(Tx& tx, const Department& d);
// The regions that have departments, in order.
Result<std::vector<std::string>> department_regions(Tx& tx);
// The region a department belongs to; nullopt when there is no such department.
Result<std::optional<std::string>> region_of_department(Tx& tx, std::int64_t id);

Result<std::int64_t> insert_user(Tx& tx, const User& u);
Result<std::optional<User>> find_user(Tx& tx, const std::string& login);
Result<std::optional<User>> find_user_by_id(Tx& tx, std::int64_t id);
// A region's users (a department's when department_id is given), by id.
Result<std::vector<User>> users_of(Tx& tx, const std::string& region,
                                   std::optional<std::int64_t> department_id = {});
// Writes department, display name, password hash, roles and active of user `u.id`.
Status update_user(Tx& tx, const User& u);
// A wrong password for the user: its count of failures, one more (read after the increment, so
// two failures at once both count).
Result<int> count_login_failure(Tx& tx, std::int64_t user_id);
// Locks the user until `until` (UTC text; "" unlocks) and starts its count again.
Status set_user_lock(Tx& tx, std::int64_t user_id, const std::string& until);

// 机构改革: department `from` is merged into `into` from `effective` on. Its records (each move
// kept in department_transfers and as a "transfer_department" event in the record's history),
// users, catalog items, webhook subscriptions and objection/repair applications move to `into`;
// `from` keeps its name with successor_id = into and valid_until = the day before `effective`.
// Returns the records moved.
Result<std::int64_t> merge_department(Tx& tx, const std::string& region, std::int64_t from,
                                      std::int64_t into, Date effective, const std::string& actor,
                                      const std::string& now_text);

// What a merge would move from department `id` (机构改革, before it is confirmed).
struct DepartmentHoldings {
  std::int64_t records = 0;
  std::int64_t open_records = 0;  // not yet published or closed
  std::int64_t users = 0;
  std::int64_t catalog_items = 0;
  std::int64_t webhooks = 0;
  std::int64_t open_applications = 0;  // objections and repairs filed or accepted
};
Result<DepartmentHoldings> department_holdings(Tx& tx, const std::string& region, std::int64_t id);

Result<std::int64_t> insert_catalog_item(Tx& tx, const CatalogItem& c);
// A department's items (or the whole region's when department_id is empty), by 序号.
Result<std::vector<CatalogItem>> catalog_of(Tx& tx, const std::string& region,
                                            std::optional<std::int64_t> department_id = {});

}  // namespace gongshi
