#include "engine/store/migrate.hpp"

#include <soci/soci.h>
#include <algorithm>
#include <fstream>
#include <sstream>

#include "engine/store/time_text.hpp"

namespace gongshi {
namespace {

// Statements end with ';' at the end of a line; '--' comments are dropped (SOCI would read a ':'
// in one as a placeholder). The migrations have no '--' inside string literals.
std::vector<std::string> statements(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line, current;
  while (std::getline(in, line)) {
    if (const auto comment = line.find("--"); comment != std::string::npos) line.erase(comment);
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    current += line + "\n";
    const auto last = line.find_last_not_of(" \t\r");
    if (last != std::string::npos && line[last] == ';') {
      current.erase(current.rfind(';'));
      out.push_back(current);
      current.clear();
    }
  }
  return out;
}

// The migration files of a dialect, in order, each with its number.
Result<std::vector<std::pair<int, std::filesystem::path>>> migration_files(
    const std::filesystem::path& dir) {
  std::vector<std::pair<int, std::filesystem::path>> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".sql") continue;
    const std::string name = e.path().filename().string();
    const int version = std::atoi(name.c_str());
    if (version <= 0) {
      return make_error(ErrorCode::invalid_input, "迁移文件名应以序号开头：" + name,
                        "a migration's name must start with its number: " + name);
    }
    files.emplace_back(version, e.path());
  }
  if (ec || files.empty()) {
    return make_error(ErrorCode::not_found, "找不到迁移文件目录 " + dir.string(),
                      "no migrations in " + dir.string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::filesystem::path dialect_dir(const std::filesystem::path& sql_dir, Dialect d) {
  return sql_dir / (d == Dialect::sqlite ? "sqlite" : "mysql");
}

}  // namespace

Result<int> schema_version(Database& db) {
  try {
    soci::session s(db.pool());
    int exists = 0;
    if (db.dialect() == Dialect::sqlite) {
      s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
           "'schema_migrations'",
          soci::into(exists);
    } else {
      s << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND "
           "table_name = 'schema_migrations'",
          soci::into(exists);
    }
    if (exists == 0) return 0;
    int version = 0;
    soci::indicator ind = soci::i_ok;
    s << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
    return ind == soci::i_null ? 0 : version;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<int> latest_migration(const std::filesystem::path& sql_dir) {
  auto files = migration_files(sql_dir / "sqlite");
  if (!files) return files.error();
  return files->back().first;
}

Result<std::vector<std::string>> pending_migrations(Database& db,
                                                    const std::filesystem::path& sql_dir) {
  auto files = migration_files(dialect_dir(sql_dir, db.dialect()));
  if (!files) return files.error();
  std::vector<std::string> out;
  try {
    soci::session sql(db.pool());
    int exists = 0;
    if (db.dialect() == Dialect::sqlite) {
      sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
             "'schema_migrations'",
          soci::into(exists);
    } else {
      sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
             "AND table_name = 'schema_migrations'",
          soci::into(exists);
    }
    for (const auto& [version, file] : *files) {
      int found = 0;
      if (exists > 0) {
        sql << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(version),
            soci::into(found);
      }
      if (found == 0) out.push_back(file.filename().string());
    }
  } catch (const std::exception& e) {
    return database_error(e);
  }
  return out;
}

Result<MigrationReport> migrate(Database& db, const std::filesystem::path& sql_dir, TimePoint now,
                                std::optional<int> up_to) {
  auto files = migration_files(dialect_dir(sql_dir, db.dialect()));
  if (!files) return files.error();
  MigrationReport report;
  try {
    soci::session sql(db.pool());
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INT NOT NULL PRIMARY KEY, "
           "name VARCHAR(200) NOT NULL, applied_at CHAR(20) NOT NULL)";
    for (const auto& [version, file] : *files) {
      const std::string name = file.filename().string();
      if (up_to && version > *up_to) break;
      int found = 0;
      sql << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(version),
          soci::into(found);
      if (found > 0) {
        ++report.already;
        continue;
      }
      std::ifstream in(file, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      // SQLite runs the whole file in one transaction; MySQL commits each DDL statement itself.
      soci::transaction tr(sql);
      for (const auto& statement : statements(text.str())) sql << statement;
      const std::string at = format_utc(now);
      sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)",
          soci::use(version), soci::use(name), soci::use(at);
      tr.commit();
      report.applied.push_back(name);
    }
  } catch (const std::exception& e) {
    return make_error(ErrorCode::io_error, "迁移失败：" + std::string(e.what()),
                      "migration failed: " + std::string(e.what()));
  }
  return report;
}

}  // namespace gongshi
