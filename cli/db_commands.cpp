// gongshi migrate
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "engine/store/migrate.hpp"

namespace gongshi::cli {

void add_db_commands(CLI::App& app, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string db;
  };
  auto o = std::make_shared<Options>();
  auto* migrate_cmd =
      app.add_subcommand("migrate", "建立或升级数据库表 / apply the SQL migrations");
  add_common_options(*migrate_cmd, o->common);
  migrate_cmd
      ->add_option("--db", o->db,
                   "sqlite:PATH | mysql://user@host:port/db | mysql:unix_socket=…;db=…")
      ->required();
  migrate_cmd->callback([o, &exit_code] {
    auto db = Database::open(o->db, 1);
    if (!db) {
      exit_code = report(db.error());
      return;
    }
    const auto now =
        o->common.now.empty() ? system_now() : parse_now(o->common.now).value_or(system_now());
    auto r = migrate(**db, std::filesystem::path(o->common.schemas) / "sql", now);
    if (!r) {
      exit_code = report(r.error());
      return;
    }
    for (const auto& name : r->applied) std::cout << "applied " << name << "\n";
    std::cout << r->applied.size() << " applied, " << r->already << " already present\n";
  });
}

}  // namespace gongshi::cli
