#pragma once
// Applies the SQL migrations of the database's dialect (schemas/sql/<dialect>/NNN_name.sql) that
// are not yet in schema_migrations. Applying twice is a no-op.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/clock.hpp"
#include "engine/store/database.hpp"

namespace gongshi {

struct MigrationReport {
  std::vector<std::string> applied;  // file names applied now
  std::size_t already = 0;           // found applied before
};

// Applies every migration not yet applied, in order (only those numbered `up_to` or lower when
// given: a restore brings an empty database to its backup's version first).
Result<MigrationReport> migrate(Database& db, const std::filesystem::path& sql_dir, TimePoint now,
                                std::optional<int> up_to = std::nullopt);

// The migrations of the database's dialect not yet applied, in order (file names).
Result<std::vector<std::string>> pending_migrations(Database& db,
                                                    const std::filesystem::path& sql_dir);

// The highest migration applied to the database (0: none, or no schema at all).
Result<int> schema_version(Database& db);

// The highest migration number this program's files hold (the schema version it knows).
Result<int> latest_migration(const std::filesystem::path& sql_dir);

}  // namespace gongshi
