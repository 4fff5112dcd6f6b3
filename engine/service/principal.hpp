#pragma once
// Who is calling a use case: a user, through a login session, an API token, or the command line.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gongshi {

struct Principal {
  std::int64_t user_id = 0;
  std::string login;
  std::string display_name;
  std::string region;
  std::optional<std::int64_t> department_id;  // none: region-wide (信用办, sysadmin)
  std::vector<std::string> roles;
  std::string token_kind;  // session | api | "" (the command line)
  std::string token_hash;
  // A password an administrator set: until the user changes it, a session may do nothing else.
  bool must_change_password = false;
  std::string client;  // the caller's address ("" from the command line), for the audit trail

  bool has(std::string_view role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
  }
};

}  // namespace gongshi
