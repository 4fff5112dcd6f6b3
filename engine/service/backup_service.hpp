#pragma once
// Backups an operator can trust: `gongshi backup` while the server runs, `gongshi restore` into a
// new database, on either dialect (a SQLite backup restores into MariaDB and back: that is how a
// county moves off the embedded default).
//
// The file is a zip (engine/exchange/package.hpp, unsigned): one JSON-lines file per table (a row
// a line, its values in the manifest's column order) and manifest.json — format, gongshi version,
// schema version, source dialect, time, each table's columns and row count, each file's size and
// SHA-256. Taken from one consistent snapshot: SQLite through the online backup API, MariaDB in
// one REPEATABLE READ transaction with a consistent snapshot (writers go on meanwhile).

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "engine/model/clock.hpp"
#include "engine/store/database.hpp"

namespace gongshi {

inline constexpr const char* kBackupFormat = "gongshi-backup/1";

struct BackupOptions {
  std::string gongshi_version;
  std::filesystem::path work_dir;  // where the table files wait before they are zipped
  TimePoint now{};
};

struct BackupSummary {
  std::string format, gongshi_version, dialect, created_at;
  int schema_version = 0;
  std::map<std::string, std::int64_t> rows;  // per table
  std::uint64_t bytes = 0;                   // of the backup file
  std::int64_t total_rows() const;
};

Result<BackupSummary> backup_database(Database& db, const std::filesystem::path& out,
                                      const BackupOptions& o);

// What a backup file says about itself, its manifest checked against its members (sizes and
// SHA-256 are checked when it is restored).
Result<BackupSummary> read_backup(const std::filesystem::path& file);

struct RestoreOptions {
  std::filesystem::path sql_dir;   // the migrations (schemas/sql)
  std::filesystem::path work_dir;  // where the table files are extracted while restoring
  bool force = false;              // restore over a database that holds data (emptied first)
  TimePoint now{};
};

struct RestoreSummary {
  BackupSummary backup;
  std::vector<std::string> migrated;  // migrations applied after the rows (an older backup)
};

// Into an empty database (or any, with `force`): the schema brought to the backup's version, every
// file checked against the manifest, every row inserted in one transaction and the counts
// compared with the manifest's, then the migrations since. A backup from a newer schema than
// these migrations know is refused; nothing is written when anything fails.
Result<RestoreSummary> restore_database(Database& db, const std::filesystem::path& file,
                                        const RestoreOptions& o);

}  // namespace gongshi
