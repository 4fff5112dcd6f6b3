#pragma once
// What the admins keep: departments and townships (and 机构改革 merges), users with their roles
// and passwords, API tokens for department systems, and the 双公示目录 (catalog items). Every use
// case checks the caller through the AccessPolicy and is one transaction.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/clock.hpp"
#include "engine/service/access.hpp"
#include "engine/service/auth_service.hpp"
#include "engine/service/password_policy.hpp"
#include "engine/store/database.hpp"
#include "engine/store/directory_repo.hpp"

namespace gongshi {

struct DepartmentInput {
  std::string region;  // "" = the caller's
  std::string name, kind = "department", uscc;
  std::optional<std::int64_t> parent_id;
};

struct DepartmentContacts {
  std::string leader, section, contact_name, contact_phone;
};

struct MergeResult {
  std::int64_t department_id = 0, successor_id = 0;
  Date valid_until{};
  std::int64_t records_moved = 0;
};

struct UserInput {
  std::string region;  // "" = the caller's
  std::optional<std::int64_t> department_id;
  std::string login, display_name, password;
  std::vector<std::string> roles;
  bool must_change_password = false;  // changed at first sign-in (set by an administrator)
};

struct UserPatch {
  std::optional<std::vector<std::string>> roles;
  std::optional<std::string> display_name, password;
  std::optional<bool> active;
  std::optional<bool> unlock;  // true: end a lockout after wrong passwords
};

struct IssuedToken {
  std::string token;
  User user;
};

class DirectoryService {
 public:
  DirectoryService(std::shared_ptr<Database> db, const AccessPolicy& access, AuthService& auth,
                   AuditTrail& audit)
      : db_(std::move(db)), access_(access), auth_(auth), audit_(audit) {}

  Result<std::vector<Department>> departments(const Principal& who, const std::string& region);
  Result<Department> create_department(const Principal& who, DepartmentInput in);
  // The 分管领导, 责任科室, 联系人 and telephone of a department (each at most 100 characters):
  // the region's 信用办 or system administrator, or the department's own admin.
  Result<Department> update_contacts(const Principal& who, std::int64_t id,
                                     const DepartmentContacts& contacts);
  Result<MergeResult> merge_department(const Principal& who, std::int64_t id, std::int64_t into,
                                       Date effective, TimePoint now);
  // What merging department `id` would move, for the one who may merge it, before confirming.
  Result<DepartmentHoldings> merge_preview(const Principal& who, std::int64_t id);

  Result<std::vector<User>> users(const Principal& who, const std::string& region);
  Result<User> create_user(const Principal& who, UserInput in);
  Result<User> update_user(const Principal& who, std::int64_t id, const UserPatch& patch);
  Result<IssuedToken> issue_token(const Principal& who, std::int64_t user_id,
                                  const std::string& label, TimePoint now);

  Result<std::vector<CatalogItem>> catalog(const Principal& who, const std::string& region,
                                           std::optional<std::int64_t> department_id);
  Result<CatalogItem> create_catalog_item(const Principal& who, CatalogItem item);

  // What the public 公示 pages show without a login (seeds 000 and 001 make the catalog public):
  // the departments and the catalog of one region, or of every region when region is "".
  Result<std::vector<Department>> public_departments(const std::string& region);
  Result<std::vector<CatalogItem>> public_catalog(const std::string& region,
                                                  std::optional<std::int64_t> department_id);

  // For set-up (the command line, the demo): a user stored as given, no caller checks.
  Result<User> add_user_unchecked(UserInput in);

 private:
  Result<User> managed_user(const Principal& who, std::int64_t id);
  Result<std::string> region_for(const Principal& who, const std::string& asked) const;

  std::shared_ptr<Database> db_;
  const AccessPolicy& access_;
  AuthService& auth_;
  AuditTrail& audit_;
};

}  // namespace gongshi
