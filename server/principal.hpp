#pragma once
// Who is calling: a user, through a login session or an API token.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gongshi::server {

struct Principal {
  std::int64_t user_id = 0;
  std::string login;
  std::string display_name;
  std::string region;
  std::optional<std::int64_t> department_id;  // none: region-wide (信用办, sysadmin)
  std::vector<std::string> roles;
  std::string token_kind;  // session | api
  std::string token_hash;

  bool has(std::string_view role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
  }
};

}  // namespace gongshi::server
