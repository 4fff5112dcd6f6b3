#include "engine/service/backup_service.hpp"

#include <boost/json.hpp>
#include <fstream>

#include "engine/exchange/package.hpp"
#include "engine/exchange/work_files.hpp"
#include "engine/store/migrate.hpp"
#include "engine/store/snapshot.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {
namespace {

constexpr std::size_t kBatchRows = 500;
constexpr std::size_t kBatchBytes = 4u << 20;  // under MariaDB's max_allowed_packet (16 MiB)

// An unsigned package: a backup's integrity is each file's SHA-256 in the manifest.
PackageLimits backup_limits() {
  PackageLimits l;
  l.manifest_bytes = 4u << 20;
  l.file_bytes = 1ull << 40;
  l.files = 256;
  return l;
}

Error backup_error(const std::string& zh, const std::string& en) {
  return make_error(ErrorCode::invalid_input, "备份文件无效：" + zh, "backup refused: " + en);
}

// A directory removed, with what it holds, when this goes.
struct RemovedOnExit {
  std::filesystem::path path;
  explicit RemovedOnExit(std::filesystem::path p) : path(std::move(p)) {}
  RemovedOnExit(const RemovedOnExit&) = delete;
  RemovedOnExit& operator=(const RemovedOnExit&) = delete;
  ~RemovedOnExit() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

struct TableFile {
  SnapshotTable table;
  std::filesystem::path path;
  std::ofstream out;
  std::int64_t rows = 0;
};

// The tables of `db` written as JSON lines under `dir`.
Result<std::vector<std::unique_ptr<TableFile>>> dump_tables(Database& db,
                                                            const std::filesystem::path& dir) {
  std::vector<std::unique_ptr<TableFile>> files;
  const auto start = [&](const SnapshotTable& t) -> Status {
    auto f = std::make_unique<TableFile>();
    f->table = t;
    f->path = dir / (t.name + ".jsonl");
    f->out.open(f->path, std::ios::binary | std::ios::trunc);
    if (!f->out) {
      return make_error(ErrorCode::io_error, "无法写入 " + f->path.string(),
                        "cannot write " + f->path.string());
    }
    files.push_back(std::move(f));
    return ok_status();
  };
  const auto row = [&](const boost::json::array& values) -> Status {
    TableFile& f = *files.back();
    f.out << boost::json::serialize(values) << '\n';
    ++f.rows;
    if (!f.out) {
      return make_error(ErrorCode::io_error, "写入 " + f.path.string() + " 失败（磁盘已满？）",
                        "writing " + f.path.string() + " failed (disk full?)");
    }
    return ok_status();
  };
  if (auto st = read_snapshot(db, start, row); !st) return st.error();
  for (auto& f : files) {
    f->out.close();
    if (!f->out) return make_error(ErrorCode::io_error, "写入失败", "write failed");
  }
  return files;
}

BackupSummary summary_of(const boost::json::object& m) {
  BackupSummary s;
  const auto text = [&](const char* k) {
    const auto* v = m.if_contains(k);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string{};
  };
  s.format = text("format");
  s.gongshi_version = text("gongshi_version");
  s.dialect = text("dialect");
  s.created_at = text("created_at");
  if (const auto* v = m.if_contains("schema_version"); v != nullptr && v->is_int64()) {
    s.schema_version = static_cast<int>(v->get_int64());
  }
  if (const auto* tables = m.if_contains("tables"); tables != nullptr && tables->is_array()) {
    for (const auto& t : tables->get_array()) {
      if (!t.is_object() || !t.as_object().contains("name") || !t.as_object().contains("rows"))
        continue;
      const auto& o = t.as_object();
      if (o.at("name").is_string() && o.at("rows").is_int64()) {
        s.rows[std::string(o.at("name").get_string())] = o.at("rows").get_int64();
      }
    }
  }
  return s;
}

// The manifest's tables: name, columns, rows, file — each well formed, files listed in the zip.
struct ManifestTable {
  SnapshotTable table;
  std::int64_t rows = 0;
  std::string file;
};

Result<std::vector<ManifestTable>> manifest_tables(const boost::json::object& m,
                                                   const std::vector<PackageFile>& files) {
  const auto* tables = m.if_contains("tables");
  if (tables == nullptr || !tables->is_array()) {
    return backup_error("清单缺少 tables", "the manifest has no tables");
  }
  std::vector<ManifestTable> out;
  for (const auto& v : tables->get_array()) {
    const auto* o = v.if_object();
    const auto field = [&](const char* k) { return o != nullptr ? o->if_contains(k) : nullptr; };
    const auto *name = field("name"), *columns = field("columns"), *rows = field("rows"),
               *file = field("file");
    if (name == nullptr || !name->is_string() || columns == nullptr || !columns->is_array() ||
        rows == nullptr || !rows->is_int64() || file == nullptr || !file->is_string()) {
      return backup_error("清单中的表项应有 name、columns、rows、file",
                          "each manifest table needs name, columns, rows and file");
    }
    ManifestTable t;
    t.table.name = std::string(name->get_string());
    for (const auto& c : columns->get_array()) {
      if (!c.is_string()) return backup_error("列名应为文字", "column names must be strings");
      t.table.columns.emplace_back(c.get_string());
    }
    t.rows = rows->get_int64();
    t.file = std::string(file->get_string());
    const bool listed = std::any_of(files.begin(), files.end(),
                                    [&](const PackageFile& f) { return f.name == t.file; });
    if (!listed)
      return backup_error("缺少表文件 " + t.file, "the table file is missing: " + t.file);
    out.push_back(std::move(t));
  }
  return out;
}

// Reads a table file and inserts its rows in batches, in the caller's transaction.
Result<std::int64_t> load_table(Tx& tx, const ManifestTable& t, const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::io_error, "无法读取 " + path.string(), "cannot read");
  std::vector<boost::json::array> batch;
  std::size_t bytes = 0;
  std::int64_t count = 0;
  std::string line;
  const auto flush = [&]() -> Status {
    if (batch.empty()) return ok_status();
    auto st = insert_snapshot_rows(tx, t.table, batch);
    batch.clear();
    bytes = 0;
    return st;
  };
  while (std::getline(in, line)) {
    boost::system::error_code ec;
    auto v = boost::json::parse(line, ec);
    if (ec || !v.is_array()) {
      return backup_error(t.file + " 第 " + std::to_string(count + 1) + " 行不是 JSON 数组",
                          t.file + " line " + std::to_string(count + 1) + " is not a JSON array");
    }
    bytes += line.size();
    batch.push_back(std::move(v.as_array()));
    ++count;
    if (batch.size() >= kBatchRows || bytes >= kBatchBytes) {
      if (auto st = flush(); !st) return st.error();
    }
  }
  if (auto st = flush(); !st) return st.error();
  return count;
}

}  // namespace

std::int64_t BackupSummary::total_rows() const {
  std::int64_t n = 0;
  for (const auto& [t, r] : rows) n += r;
  return n;
}

Result<BackupSummary> backup_database(Database& db, const std::filesystem::path& out,
                                      const BackupOptions& o) {
  auto version = schema_version(db);
  if (!version) return version.error();
  if (*version == 0) {
    return make_error(ErrorCode::invalid_input, "数据库尚未建立（没有迁移记录），无可备份",
                      "the database has no schema yet: nothing to back up");
  }
  std::error_code ec;
  RemovedOnExit temp{unique_path(o.work_dir, "gongshi-backup-")};
  std::filesystem::create_directories(temp.path, ec);
  if (ec) {
    return make_error(ErrorCode::io_error, "无法建立工作目录 " + temp.path.string(),
                      "cannot create the work directory " + temp.path.string());
  }
  // SQLite: read a copy the online backup API took, so the server's writers never wait.
  std::shared_ptr<Database> copy;
  Database* source = &db;
  if (db.dialect() == Dialect::sqlite) {
    const auto copy_path = temp.path / "snapshot.db";
    if (auto st = sqlite_online_copy(db, copy_path); !st) return st.error();
    auto opened = Database::open("sqlite:" + copy_path.string(), 1);
    if (!opened) return opened.error();
    copy = *opened;
    source = copy.get();
  }
  const auto tables_dir = temp.path / "tables";
  std::filesystem::create_directories(tables_dir, ec);
  auto files = dump_tables(*source, tables_dir);
  if (!files) return files.error();
  copy.reset();
  BackupSummary s;
  s.format = kBackupFormat;
  s.gongshi_version = o.gongshi_version;
  s.dialect = db.dialect() == Dialect::sqlite ? "sqlite" : "mysql";
  s.created_at = format_utc(o.now);
  s.schema_version = *version;
  boost::json::array tables;
  std::vector<PackageFile> members;
  boost::json::array listed;
  for (const auto& f : *files) {
    auto described = describe_file(f->table.name + ".jsonl", f->path);
    if (!described) return described.error();
    boost::json::array columns;
    for (const auto& c : f->table.columns) columns.emplace_back(c);
    tables.push_back({{"name", f->table.name},
                      {"columns", std::move(columns)},
                      {"rows", f->rows},
                      {"file", described->name}});
    listed.push_back(
        {{"name", described->name}, {"bytes", described->bytes}, {"sha256", described->sha256}});
    s.rows[f->table.name] = f->rows;
    members.push_back(std::move(described).value());
  }
  const boost::json::object manifest{{"format", s.format},
                                     {"gongshi_version", s.gongshi_version},
                                     {"schema_version", s.schema_version},
                                     {"dialect", s.dialect},
                                     {"created_at", s.created_at},
                                     {"tables", std::move(tables)},
                                     {"files", std::move(listed)}};
  if (auto st = write_package(out, members, boost::json::serialize(manifest), ""); !st) {
    return st.error();
  }
  s.bytes = std::filesystem::file_size(out, ec);
  return s;
}

Result<BackupSummary> read_backup(const std::filesystem::path& file) {
  auto verified = verify_package(file, "", backup_limits());
  if (!verified) return verified.error();
  boost::system::error_code ec;
  const auto json = boost::json::parse(verified->manifest_json, ec);
  if (ec || !json.is_object())
    return backup_error("清单不是 JSON 对象", "the manifest is not JSON");
  BackupSummary s = summary_of(json.as_object());
  if (s.format != kBackupFormat) {
    return backup_error("不是 gongshi 备份（format " + s.format + "）",
                        "not a gongshi backup (format " + s.format + ")");
  }
  if (auto tables = manifest_tables(json.as_object(), verified->files); !tables) {
    return tables.error();
  }
  return s;
}

Result<RestoreSummary> restore_database(Database& db, const std::filesystem::path& file,
                                        const RestoreOptions& o) {
  auto verified = verify_package(file, "", backup_limits());
  if (!verified) return verified.error();
  boost::system::error_code ec;
  const auto json = boost::json::parse(verified->manifest_json, ec);
  if (ec || !json.is_object())
    return backup_error("清单不是 JSON 对象", "the manifest is not JSON");
  RestoreSummary r;
  r.backup = summary_of(json.as_object());
  if (r.backup.format != kBackupFormat) {
    return backup_error("不是 gongshi 备份", "not a gongshi backup");
  }
  auto tables = manifest_tables(json.as_object(), verified->files);
  if (!tables) return tables.error();
  auto known = latest_migration(o.sql_dir);
  if (!known) return known.error();
  if (r.backup.schema_version > *known || r.backup.schema_version <= 0) {
    return make_error(ErrorCode::invalid_input,
                      "备份的数据库结构版本 " + std::to_string(r.backup.schema_version) +
                          " 比本程序所知（" + std::to_string(*known) + "）更新：请用 " +
                          r.backup.gongshi_version + " 或更新的版本恢复",
                      "the backup's schema version " + std::to_string(r.backup.schema_version) +
                          " is newer than this program knows (" + std::to_string(*known) +
                          "): restore it with " + r.backup.gongshi_version + " or later");
  }
  auto current = schema_version(db);
  if (!current) return current.error();
  if (*current > r.backup.schema_version) {
    return make_error(ErrorCode::conflict,
                      "目标数据库的结构版本（" + std::to_string(*current) + "）比备份的（" +
                          std::to_string(r.backup.schema_version) +
                          "）新：请恢复到一个新建的空数据库",
                      "the target's schema version " + std::to_string(*current) +
                          " is newer than the backup's " + std::to_string(r.backup.schema_version) +
                          ": restore into a new, empty "
                          "database");
  }
  if (auto m = migrate(db, o.sql_dir, o.now, r.backup.schema_version); !m) return m.error();
  auto rows = data_rows(db);
  if (!rows) return rows.error();
  if (*rows > 0 && !o.force) {
    return make_error(ErrorCode::conflict,
                      "目标数据库已有 " + std::to_string(*rows) +
                          " 行数据：恢复只写入空数据库（确需覆盖时加 --force，原有数据将被清空）",
                      "the target database holds " + std::to_string(*rows) +
                          " rows: a restore goes into an empty database (--force empties it "
                          "first)");
  }
  std::error_code made;
  std::filesystem::create_directories(o.work_dir, made);
  auto opened = extract_package(file, *verified, o.work_dir);
  if (!opened) return opened.error();
  const RemovedOnExit extracted{opened->directory};
  auto loaded = in_transaction<std::monostate>(db, [&](Tx& tx) -> Status {
    auto present = data_tables(tx);
    if (!present) return present.error();
    if (o.force) {
      if (auto st = clear_data_tables(tx); !st) return st;
    }
    for (const auto& t : *tables) {
      if (std::find(present->begin(), present->end(), t.table.name) == present->end()) {
        return backup_error("表 " + t.table.name + " 在目标数据库中不存在",
                            "table " + t.table.name + " does not exist in the target");
      }
      auto count = load_table(tx, t, opened->directory / t.file);
      if (!count) return count.error();
      if (*count != t.rows) {
        return backup_error(
            t.file + " 有 " + std::to_string(*count) + " 行，清单说 " + std::to_string(t.rows),
            t.file + " holds " + std::to_string(*count) + " rows, the manifest says " +
                std::to_string(t.rows));
      }
    }
    return ok_status();
  });
  if (!loaded) return loaded.error();
  auto after = migrate(db, o.sql_dir, o.now);
  if (!after) return after.error();
  r.migrated = after->applied;
  return r;
}

}  // namespace gongshi
