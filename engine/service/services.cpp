#include "engine/service/services.hpp"

#include "engine/service/deadline_recompute.hpp"
#include "engine/store/migrate.hpp"

namespace gongshi {

Services::Services(std::shared_ptr<Database> database, std::unique_ptr<RulesEnvironment> env,
                   Lifecycle lc, const ServicesOptions& o)
    : db(std::move(database)),
      rules_env(std::move(env)),
      lifecycle(std::move(lc)),
      clock(o.clock),
      access(rules_env->regions, lifecycle),
      audit(db, access, o.clock),
      engine(db, *rules_env->rules, lifecycle),
      auth(db, audit, o.account, o.session_ttl, o.token_cache_ttl),
      directory(db, access, auth, audit),
      records(db, engine, access, lifecycle, *rules_env->rules),
      applications(db, engine, records, *rules_env->rules, access, lifecycle, o.attachment_limit),
      webhooks(db, access, audit, o.webhook_targets),
      rules(db, *rules_env->rules, access, lifecycle, audit, o.rule_jobs),
      reports(db, *rules_env->rules, access, lifecycle),
      calendar(db, *rules_env->rules, *rules_env->calendars, lifecycle, audit),
      ops(db, *rules_env->calendars),
      imports(db, engine, access, clock, o.work_dir, o.import_batch),
      upstream(db, lifecycle, access, audit, o.upstream_key, o.work_dir, o.upstream_targets),
      work_dir_(o.work_dir) {}

Services::~Services() = default;

Status check_schema(Database& db, const std::filesystem::path& sql_dir, bool migrate_now,
                    TimePoint now) {
  auto known = latest_migration(sql_dir);
  if (!known) return known.error();
  auto current = schema_version(db);
  if (!current) return current.error();
  if (*current > *known) {
    return make_error(ErrorCode::invalid_input,
                      "数据库结构版本 " + std::to_string(*current) + " 比本程序所知的（" +
                          std::to_string(*known) +
                          "）更新：它已被更新版本的 gongshi 升级过，请安装该版本（不支持降级）",
                      "the database's schema version " + std::to_string(*current) +
                          " is newer than this program knows (" + std::to_string(*known) +
                          "): a newer gongshi upgraded it; install that version (no downgrades)");
  }
  if (migrate_now) {
    auto m = migrate(db, sql_dir, now);
    if (!m) return m.error();
    return ok_status();
  }
  auto pending = pending_migrations(db, sql_dir);
  if (!pending) return pending.error();
  if (pending->empty()) return ok_status();
  std::string list;
  for (const auto& p : *pending) list += (list.empty() ? "" : ", ") + p;
  if (*current == 0) {
    return make_error(ErrorCode::invalid_input,
                      "数据库还没有建表：请先运行 gongshi migrate --db URL（或在配置中设 "
                      "auto_migrate = true）",
                      "the database has no tables yet: run gongshi migrate --db URL first (or "
                      "set auto_migrate = true)");
  }
  return make_error(ErrorCode::invalid_input,
                    "数据库结构需要升级（待执行的迁移：" + list +
                        "）：请先备份（gongshi backup），再运行 gongshi migrate --db URL（或在配置"
                        "中设 auto_migrate = true）",
                    "the database's schema needs an upgrade (pending: " + list +
                        "): back up (gongshi backup), then run gongshi migrate --db URL (or set "
                        "auto_migrate = true)");
}

Result<std::unique_ptr<Services>> Services::open(ServicesOptions o) {
  auto db = Database::open(o.db_url, o.pool_size);
  if (!db) return db.error();
  const TimePoint now = o.clock.now();
  if (auto st = check_schema(**db, o.schemas / "sql", o.migrate, now); !st) return st.error();
  auto env = open_rules(o.rules);
  if (!env) return env.error();
  auto lifecycle = Lifecycle::load(o.schemas / "lifecycle.json");
  if (!lifecycle) return lifecycle.error();
  std::unique_ptr<Services> s(
      new Services(std::move(db).value(), std::move(env).value(), std::move(lifecycle).value(), o));
  if (auto st = archive_scripts(*s->db, *s->rules_env->rules, now); !st) return st.error();
  if (auto synced = s->rules.sync(); !synced) return synced.error();
  if (auto synced = s->calendar.sync(); !synced) return synced.error();
  return s;
}

}  // namespace gongshi
