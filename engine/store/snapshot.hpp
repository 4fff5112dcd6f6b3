#pragma once
// The whole database as rows, for backups (engine/service/backup_service): every table of the
// schema read in one consistent snapshot, the rows put back into an empty database of the same
// schema version — on either dialect, so a backup made on SQLite restores into MariaDB and back.
// Values travel as JSON: null, integers, text (the schema has no other column types).

#include <boost/json/array.hpp>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "engine/store/database.hpp"

namespace gongshi {

struct SnapshotTable {
  std::string name;
  std::vector<std::string> columns;
};

using TableStart = std::function<Status(const SnapshotTable&)>;
using RowSink = std::function<Status(const boost::json::array&)>;

// Every table but schema_migrations, by name, each announced with its columns and then its
// rows, all inside one read transaction (MariaDB: REPEATABLE READ with a consistent snapshot, so
// writers go on; SQLite: call it on a copy made by sqlite_online_copy()).
Status read_snapshot(Database& db, const TableStart& start, const RowSink& row);

// A consistent copy of a SQLite database through the online backup API (sqlite3_backup_*), taken
// while other connections write. `to` must not exist.
Status sqlite_online_copy(Database& db, const std::filesystem::path& to);

// Rows in the tables that hold data (every table but schema_migrations).
Result<std::int64_t> data_rows(Database& db);

// Empties every data table (a restore with --force), in the caller's transaction.
Status clear_data_tables(Tx& tx);

// Inserts rows of `table` (values in its column order) in the caller's transaction.
Status insert_snapshot_rows(Tx& tx, const SnapshotTable& table,
                            const std::vector<boost::json::array>& rows);

// SQLite's own check of its file ("ok", or what it found; `quick`: PRAGMA quick_check, which
// reads every page but does not compare the indexes with their tables). MariaDB: "ok" (InnoDB
// checks its pages itself).
Result<std::string> integrity_check(Database& db, bool quick);

// The tables of the current schema, by name (schema_migrations left out).
Result<std::vector<std::string>> data_tables(Tx& tx);

}  // namespace gongshi
