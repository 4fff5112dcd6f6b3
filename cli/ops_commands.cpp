// gongshi backup, gongshi restore, gongshi doctor: what an operator runs beside the server.
#include <algorithm>
#include <chrono>
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/serve_options.hpp"
#include "cli/version.hpp"
#include "engine/service/backup_service.hpp"
#include "engine/store/audit_repo.hpp"
#include "engine/store/migrate.hpp"
#include "engine/store/time_text.hpp"
#include "server/node_checks.hpp"

namespace gongshi::cli {
namespace {

std::string backup_name(TimePoint now) {
  std::string t = format_utc(now);  // 2026-12-08T01:02:03Z
  t.erase(std::remove_if(t.begin(), t.end(), [](char c) { return c == '-' || c == ':'; }), t.end());
  return "gongshi-" + t + ".zip";
}

// Keeps the newest `keep` backups (gongshi-*.zip) of the directory; the number removed.
int prune_backups(const std::filesystem::path& dir, int keep) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const auto name = e.path().filename().string();
    if (name.starts_with("gongshi-") && e.path().extension() == ".zip") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());  // the names sort by time
  int removed = 0;
  while (static_cast<int>(files.size()) > keep) {
    std::filesystem::remove(files.front(), ec);
    files.erase(files.begin());
    ++removed;
  }
  return removed;
}

void print_summary(const BackupSummary& s) {
  std::cout << "schema " << s.schema_version << ", " << s.dialect << ", " << s.total_rows()
            << " rows in " << s.rows.size() << " tables";
  for (const auto& name : {"records", "events", "applications", "attachments", "users"}) {
    if (const auto it = s.rows.find(name); it != s.rows.end()) {
      std::cout << (std::string(name) == "records" ? ": " : ", ") << name << " " << it->second;
    }
  }
  std::cout << "\n";
}

// An audit entry in the database, from the command line (best effort: a read-only copy or a
// database without the table yet is no reason to fail the command).
void audit_cli(Database& db, const std::string& event, const std::string& target,
               const std::string& detail, TimePoint now) {
  AuditEvent e{0, format_utc(now), event, "operator", "", "", target, detail};
  (void)in_transaction<std::monostate>(db, [&](Tx& tx) { return insert_audit_event(tx, e); });
}

void add_backup_command(CLI::App& app, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string config, db, out, dir, work_dir;
    int keep = 14;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "backup", "备份数据库（服务运行中也可）/ back up the database, while the server runs");
  add_common_options(*cmd, o->common);
  add_config_option(*cmd, o->config);
  cmd->add_option("--db", o->db, "database URL")->required();
  cmd->add_option("--out", o->out, "the backup file (default: DIR/gongshi-TIME.zip)");
  cmd->add_option("--backup-dir", o->dir, "where backups go when --out is not given");
  cmd->add_option("--backup-keep", o->keep,
                  "backups kept in that directory, the oldest removed (default 14)")
      ->check(CLI::Range(1, 10000));
  cmd->add_option("--work-dir", o->work_dir, "where the tables wait before they are zipped");
  cmd->callback([o, &exit_code] {
    if (o->out.empty() && o->dir.empty()) {
      exit_code = report(make_error(ErrorCode::invalid_input, "需要 --out 或 --backup-dir",
                                    "--out or --backup-dir is required"));
      return;
    }
    const auto now = now_of(o->common);
    std::error_code ec;
    if (!o->dir.empty()) std::filesystem::create_directories(o->dir, ec);
    const std::filesystem::path out = !o->out.empty()
                                          ? std::filesystem::path(o->out)
                                          : std::filesystem::path(o->dir) / backup_name(now);
    auto db = Database::open(o->db, 2);
    if (!db) {
      exit_code = report(db.error());
      return;
    }
    const auto started = std::chrono::steady_clock::now();
    BackupOptions bo;
    bo.gongshi_version = kVersion;
    bo.now = now;
    bo.work_dir = !o->work_dir.empty()    ? std::filesystem::path(o->work_dir)
                  : out.has_parent_path() ? out.parent_path()
                                          : std::filesystem::path(".");
    auto s = backup_database(**db, out, bo);
    if (!s) {
      exit_code = report(s.error());
      return;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "backup " << out.string() << " (" << s->bytes << " bytes, " << seconds << " s)\n";
    print_summary(*s);
    audit_cli(**db, "backup.made", out.string(),
              "{\"rows\":" + std::to_string(s->total_rows()) + "}", now);
    if (o->out.empty()) {
      const int removed = prune_backups(o->dir, o->keep);
      if (removed > 0) std::cout << removed << " old backups removed\n";
    }
  });
}

void add_restore_command(CLI::App& app, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string config, db, file, work_dir;
    bool force = false, check = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("restore",
                                 "从备份恢复到新数据库 / restore a backup into an empty database");
  add_common_options(*cmd, o->common);
  add_config_option(*cmd, o->config);
  cmd->add_option("FILE", o->file, "the backup (gongshi backup)")->required();
  cmd->add_option("--db", o->db, "the database to restore into (empty, or any with --force)");
  cmd->add_flag("--force", o->force, "empty a database that holds data first");
  cmd->add_flag("--check", o->check, "only read the backup and print what it holds");
  cmd->add_option("--work-dir", o->work_dir, "where the tables are extracted while restoring");
  cmd->callback([o, &exit_code] {
    if (o->check) {
      auto s = read_backup(o->file);
      if (!s) {
        exit_code = report(s.error());
        return;
      }
      std::cout << o->file << ": " << s->format << ", gongshi " << s->gongshi_version << ", "
                << s->created_at << "\n";
      print_summary(*s);
      return;
    }
    if (o->db.empty()) {
      exit_code = report(make_error(ErrorCode::invalid_input, "需要 --db", "--db is required"));
      return;
    }
    auto db = Database::open(o->db, 2);
    if (!db) {
      exit_code = report(db.error());
      return;
    }
    RestoreOptions ro;
    ro.sql_dir = std::filesystem::path(o->common.schemas) / "sql";
    ro.work_dir = !o->work_dir.empty() ? std::filesystem::path(o->work_dir)
                                       : std::filesystem::temp_directory_path();
    ro.force = o->force;
    ro.now = now_of(o->common);
    auto r = restore_database(**db, o->file, ro);
    if (!r) {
      exit_code = report(r.error());
      return;
    }
    std::cout << "restored " << o->file << " (gongshi " << r->backup.gongshi_version << ", "
              << r->backup.created_at << ")\n";
    print_summary(r->backup);
    for (const auto& m : r->migrated) std::cout << "then applied " << m << "\n";
    audit_cli(**db, "restore.done", o->file,
              "{\"rows\":" + std::to_string(r->backup.total_rows()) + "}", ro.now);
  });
}

}  // namespace

void add_doctor_command(CLI::App& app, int& exit_code);

void add_ops_commands(CLI::App& app, int& exit_code) {
  add_backup_command(app, exit_code);
  add_restore_command(app, exit_code);
  add_doctor_command(app, exit_code);
}

}  // namespace gongshi::cli
