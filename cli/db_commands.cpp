// gongshi migrate
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "engine/store/migrate.hpp"

namespace gongshi::cli {

void add_db_commands(CLI::App& app, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string config, db;
    bool dry_run = false;
  };
  auto o = std::make_shared<Options>();
  auto* migrate_cmd =
      app.add_subcommand("migrate", "建立或升级数据库表 / apply the SQL migrations");
  add_common_options(*migrate_cmd, o->common);
  add_config_option(*migrate_cmd, o->config);
  migrate_cmd
      ->add_option("--db", o->db,
                   "sqlite:PATH | mysql://user@host:port/db | mysql:unix_socket=…;db=…")
      ->required();
  migrate_cmd->add_flag("--dry-run", o->dry_run, "list the pending migrations, apply nothing");
  migrate_cmd->callback([o, &exit_code] {
    auto db = Database::open(o->db, 1);
    if (!db) {
      exit_code = report(db.error());
      return;
    }
    const auto sql = std::filesystem::path(o->common.schemas) / "sql";
    auto known = latest_migration(sql);
    auto current = schema_version(**db);
    if (!known || !current) {
      exit_code = report(!known ? known.error() : current.error());
      return;
    }
    if (*current > *known) {
      exit_code = report(make_error(
          ErrorCode::invalid_input,
          "数据库结构版本 " + std::to_string(*current) + " 比本程序所知的（" +
              std::to_string(*known) + "）更新：不支持降级",
          "the database's schema version " + std::to_string(*current) +
              " is newer than this program knows (" + std::to_string(*known) + "): no downgrades"));
      return;
    }
    if (o->dry_run) {
      auto pending = pending_migrations(**db, sql);
      if (!pending) {
        exit_code = report(pending.error());
        return;
      }
      for (const auto& name : *pending) std::cout << "pending " << name << "\n";
      std::cout << "schema version " << *current << " of " << *known << ", " << pending->size()
                << " pending\n";
      return;
    }
    auto r = migrate(**db, sql, now_of(o->common));
    if (!r) {
      exit_code = report(r.error());
      return;
    }
    for (const auto& name : r->applied) std::cout << "applied " << name << "\n";
    std::cout << r->applied.size() << " applied, " << r->already << " already present\n";
  });
}

}  // namespace gongshi::cli
