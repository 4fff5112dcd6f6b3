// gongshi doctor: is this node fit to serve? One line per check — the configuration, the
// database (reachable, schema version, SQLite's integrity), the calendar's coverage, the keys,
// the TLS certificate, the free disk, the last backup — and exit 1 when any fails. It takes the
// server's own options (and so its config file), to check what the server would use.
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/serve_options.hpp"
#include "engine/store/migrate.hpp"
#include "engine/store/snapshot.hpp"
#include "engine/store/upstream_repo.hpp"
#include "server/node_checks.hpp"

namespace gongshi::cli {
namespace {

using Level = server::NodeCheck::Level;

struct Report {
  int failed = 0, warned = 0;
  void line(const std::string& name, Level level, const std::string& zh, const std::string& en) {
    const char* tag = level == Level::ok ? "ok  " : level == Level::warn ? "WARN" : "FAIL";
    if (level == Level::fail) ++failed;
    if (level == Level::warn) ++warned;
    std::cout << tag << "  " << name << ": " << zh << " / " << en << "\n";
  }
  void line(const server::NodeCheck& c) { line(c.name, c.level, c.zh, c.en); }
};

// The database: reachable, at this program's schema version, intact; true when the checks that
// need the schema can run.
bool check_database(const ServeOptions& o, Report& r, std::shared_ptr<Database>& out) {
  auto db = Database::open(o.db, 2);
  if (!db) {
    r.line("database", Level::fail, "无法连接：" + db.error().message_zh,
           "cannot connect: " + db.error().message_en);
    return false;
  }
  out = *db;
  const auto sql = std::filesystem::path(o.common.schemas) / "sql";
  auto known = latest_migration(sql);
  auto current = schema_version(**db);
  auto pending = pending_migrations(**db, sql);
  if (!known || !current || !pending) {
    const Error& e = !known ? known.error() : !current ? current.error() : pending.error();
    r.line("database", Level::fail, e.message_zh, e.message_en);
    return false;
  }
  const std::string versions = std::to_string(*current) + " / " + std::to_string(*known);
  if (*current > *known) {
    r.line("schema", Level::fail, "数据库结构版本 " + versions + "：比本程序新，请安装新版",
           "schema version " + versions + ": newer than this program, install the newer one");
    return false;
  }
  if (!pending->empty()) {
    r.line("schema", Level::fail,
           "数据库结构 " + versions + "，有 " + std::to_string(pending->size()) +
               " 个迁移待执行：先备份，再运行 gongshi migrate",
           "schema " + versions + ", " + std::to_string(pending->size()) +
               " migrations pending: back up, then run gongshi migrate");
    return false;
  }
  r.line("schema", Level::ok, "数据库结构版本 " + versions, "schema version " + versions);
  auto integrity = integrity_check(**db, true);
  if (!integrity) {
    r.line("integrity", Level::fail, integrity.error().message_zh, integrity.error().message_en);
  } else if (*integrity != "ok") {
    r.line("integrity", Level::fail, "SQLite 检查发现问题：" + *integrity,
           "SQLite found problems: " + *integrity);
  } else {
    r.line("integrity", Level::ok, "数据库文件完好", "the database file is intact");
  }
  return true;
}

void check_calendar(const ServeOptions& o, Report& r) {
  ServicesOptions so;
  so.db_url = o.db;
  so.rules = paths_of(o.common);
  so.schemas = o.common.schemas;
  so.clock = clock_of(o.common);
  so.migrate = false;
  so.pool_size = 2;
  auto services = Services::open(std::move(so));
  if (!services) {
    r.line("rules", Level::fail, services.error().message_zh, services.error().message_en);
    return;
  }
  const auto h = (*services)->ops.health(today_of(o.common));
  const int ahead = h.calendar_days_ahead.value_or(0);
  const Level level = ahead <= 0                           ? Level::fail
                      : ahead < OpsService::kWarnDaysAhead ? Level::warn
                                                           : Level::ok;
  r.line("calendar", level,
         "节假日数据覆盖到今后 " + std::to_string(ahead) + " 天" +
             (level == Level::ok ? "" : "：请载入下一年的国务院通知（gongshi calendar load）"),
         "holiday data covers the next " + std::to_string(ahead) + " days" +
             (level == Level::ok ? "" : ": load next year's notice (gongshi calendar load)"));
}

void check_keys(const ServeOptions& o, Database& db, Report& r) {
  auto key = secret_from(o.common.upstream_key_file, "GONGSHI_UPSTREAM_KEY");
  if (!key) {
    r.line("upstream_key", Level::fail, key.error().message_zh, key.error().message_en);
    return;
  }
  auto targets = in_read_transaction<std::vector<UpstreamTarget>>(
      db, [](Tx& tx) { return targets_of(tx, ""); });
  const bool sealed = targets && std::any_of(targets->begin(), targets->end(), [](const auto& t) {
                        return t.active && !t.credential.empty();
                      });
  if (!key->empty() && key->size() < 32) {
    r.line("upstream_key", Level::fail, "上报密钥短于 32 字节",
           "the upstream key is under 32 bytes");
  } else if (sealed && key->empty()) {
    r.line("upstream_key", Level::fail,
           "有上报目标带加密保存的凭据，但没有密钥（upstream_key_file 或 GONGSHI_UPSTREAM_KEY）",
           "a target's credential is sealed but no key is set (upstream_key_file or "
           "GONGSHI_UPSTREAM_KEY)");
  } else {
    r.line("upstream_key", Level::ok,
           key->empty() ? "无需密钥（没有带凭据的上报目标）" : "密钥已设置",
           key->empty() ? "no key needed (no target has a credential)" : "the key is set");
  }
}

}  // namespace

void add_doctor_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<ServeOptions>();
  auto* cmd =
      app.add_subcommand("doctor", "检查本节点能否正常服务 / check that this node is fit to serve");
  add_serve_options(*cmd, *o);
  cmd->callback([o, &exit_code] {
    Report r;
    if (!o->config.empty()) {
      r.line("config", Level::ok, "配置文件 " + o->config + " 有效",
             "the config file " + o->config + " is valid");
    }
    std::shared_ptr<Database> db;
    if (check_database(*o, r, db)) {
      check_calendar(*o, r);
      check_keys(*o, *db, r);
    }
    server::NodeCheckInput in;
    in.tls_cert = o->tls_cert;
    in.data_dir =
        o->db.starts_with("sqlite:")
            ? std::filesystem::absolute(o->db.substr(7)).parent_path()
            : std::filesystem::path(o->work_dir.empty() ? std::filesystem::temp_directory_path()
                                                        : std::filesystem::path(o->work_dir));
    in.backup_dir = o->backup_dir;
    in.backup_max_age = std::chrono::hours(o->backup_max_age_hours);
    for (const auto& c : server::node_checks(in, now_of(o->common))) r.line(c);
    std::cout << (r.failed > 0 ? "FAILED: " : "ready: ") << r.failed << " failed, " << r.warned
              << " warnings\n";
    if (r.failed > 0) exit_code = 1;
  });
}

}  // namespace gongshi::cli
