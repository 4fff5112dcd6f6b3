#pragma once
// Applies the SQL migrations of the database's dialect (schemas/sql/<dialect>/NNN_name.sql) that
// are not yet in schema_migrations. Applying twice is a no-op.

#include <filesystem>
#include <string>
#include <vector>

#include "engine/model/clock.hpp"
#include "engine/store/database.hpp"

namespace gongshi {

struct MigrationReport {
  std::vector<std::string> applied;  // file names applied now
  std::size_t already = 0;           // found applied before
};

Result<MigrationReport> migrate(Database& db, const std::filesystem::path& sql_dir, TimePoint now);

}  // namespace gongshi
