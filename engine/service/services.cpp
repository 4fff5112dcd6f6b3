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
      engine(db, *rules_env->rules, lifecycle),
      auth(db, o.session_ttl, o.token_cache_ttl),
      directory(db, access, auth),
      records(db, engine, access, lifecycle, *rules_env->rules),
      applications(db, engine, records, *rules_env->rules, access, lifecycle, o.attachment_limit),
      webhooks(db, access, o.webhook_targets),
      rules(db, *rules_env->rules, access, lifecycle, o.rule_jobs),
      reports(db, *rules_env->rules, access, lifecycle),
      calendar(db, *rules_env->rules, *rules_env->calendars, lifecycle),
      ops(db, *rules_env->calendars),
      imports(db, engine, access, clock, o.work_dir, o.import_batch),
      upstream(db, lifecycle, access, o.upstream_key, o.work_dir, o.upstream_targets),
      work_dir_(o.work_dir) {}

Services::~Services() = default;

Result<std::unique_ptr<Services>> Services::open(ServicesOptions o) {
  auto db = Database::open(o.db_url, o.pool_size);
  if (!db) return db.error();
  const TimePoint now = o.clock.now();
  if (o.migrate) {
    if (auto m = migrate(**db, o.schemas / "sql", now); !m) return m.error();
  }
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
