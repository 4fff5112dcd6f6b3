#pragma once
// Database URLs: sqlite:PATH, mysql://user[:password]@host[:port]/db,
// mysql:unix_socket=…;db=…[;user=…]

#include <string>
#include <string_view>

#include "engine/model/result.hpp"

namespace gongshi {

enum class Dialect { sqlite, mysql };

struct DbUrl {
  Dialect dialect = Dialect::sqlite;
  std::string connect;  // the SOCI backend's connection string
};

Result<DbUrl> parse_db_url(std::string_view url);

}  // namespace gongshi
