#include "server/app.hpp"

#include <iostream>

#include "engine/service/deadline_recompute.hpp"
#include "engine/store/migrate.hpp"
#include "engine/store/rule_version_repo.hpp"
#include "server/auth.hpp"
#include "server/import_runner.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"
#include "server/webhook_dispatcher.hpp"

namespace gongshi::server {

AppContext::AppContext(std::shared_ptr<Database> database,
                       std::unique_ptr<RulesEnvironment> rules_env, Lifecycle lc, Clock c,
                       AppSettings s)
    : db(std::move(database)),
      rules(std::move(rules_env)),
      lifecycle(std::move(lc)),
      engine(db, *rules->rules, lifecycle),
      calendar(db, *rules->rules, *rules->calendars),
      clock(c),
      settings(std::move(s)) {
  imports = std::make_unique<ImportRunner>(*this);
}

AppContext::~AppContext() = default;

Router build_router(AppContext& app) {
  Router r;
  add_ops_routes(r, app);
  add_auth_routes(r, app);
  add_record_routes(r, app);
  add_import_routes(r, app);
  add_directory_routes(r, app);
  add_rules_routes(r, app);
  add_webhook_routes(r, app);
  add_public_routes(r, app);
  add_report_routes(r, app);
  add_calendar_routes(r, app);
  return r;
}

App::App(std::unique_ptr<AppContext> ctx) : ctx_(std::move(ctx)), router_(build_router(*ctx_)) {}

App::~App() = default;

Result<std::unique_ptr<App>> App::open(AppOptions o) {
  auto db = Database::open(o.db_url, o.pool_size);
  if (!db) return db.error();
  if (o.migrate) {
    auto m = migrate(**db, o.schemas / "sql", o.clock.now());
    if (!m) return m.error();
  }
  auto rules = open_rules(o.rules);
  if (!rules) return rules.error();
  auto lifecycle = Lifecycle::load(o.schemas / "lifecycle.json");
  if (!lifecycle) return lifecycle.error();
  auto ctx = std::make_unique<AppContext>(std::move(db).value(), std::move(rules).value(),
                                          std::move(lifecycle).value(), o.clock, o.settings);
  std::unique_ptr<App> app(new App(std::move(ctx)));
  // The scripts this process runs are kept, so the versions records are pinned to can be rebuilt.
  if (auto st = archive_scripts(*app->ctx_->db, *app->ctx_->rules->rules, o.clock.now()); !st) {
    return st.error();
  }
  app->sync_rules_now();
  // Holiday years loaded through any process; then catch up on provisional deadlines (a load
  // whose recomputation a crash cut short is finished here).
  if (auto synced = app->ctx_->calendar.sync(); !synced) return synced.error();
  app->recompute_now("启动时核对暂定期限");
  return app;
}

bool App::is_upload(const std::string& method, const std::string& path) {
  return method == "POST" && path == "/api/v1/imports";
}

HttpResponse App::handle(HttpRequest& req) {
  const auto started = std::chrono::steady_clock::now();
  ++ctx_->metrics.in_flight();
  auto match = router_.match(req.method, req.path);
  std::string route = "unmatched";
  HttpResponse res;
  if (match.route == nullptr) {
    if (!match.allowed_methods.empty()) {
      std::string allow;
      for (const auto& m : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
      Error e = make_error(ErrorCode::invalid_input, "该地址不支持 " + req.method + " 方法",
                           "method " + req.method + " not allowed here");
      res = json_response(error_json(e), 405);
      res.headers.emplace_back("Allow", allow);
    } else {
      res = error_response(not_found("没有这个地址：" + req.path, "no such route: " + req.path));
    }
  } else {
    route = match.route->pattern;
    RouteContext c{req, std::move(match.params), nullptr};
    std::optional<Principal> who;
    if (match.route->access == Access::user) {
      auto p = authenticate(*ctx_->db, req, ctx_->now());
      if (!p) {
        res = error_response(p.error());
        res.headers.emplace_back("WWW-Authenticate", "Bearer");
      } else {
        who = std::move(p).value();
        c.who = &*who;
      }
    }
    if (match.route->access == Access::open || who) res = match.route->handler(c);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ctx_->metrics.observe(req.method, route, res.status, seconds);
  --ctx_->metrics.in_flight();
  return res;
}

void App::sweep_now() {
  const auto now = ctx_->now();
  int fired = 0;
  while (true) {
    auto r = ctx_->engine.sweep(now);
    if (!r) {
      std::cerr << "sweeper: " << r.error().message_en << "\n";
      ctx_->metrics.add_counter("gongshi_sweeper_errors_total", "Sweeper runs that failed.", 1);
      return;
    }
    fired += r->fired;
    if (r->claimed < 200) break;
  }
  ctx_->metrics.add_counter("gongshi_sweeper_fired_total", "Records the sweeper changed.", fired);
  last_sweep_ = now;
}

void App::dispatch_now() {
  auto r = dispatch_webhooks(*ctx_);
  if (!r) {
    std::cerr << "webhooks: " << r.error().message_en << "\n";
    return;
  }
  ctx_->metrics.add_counter("gongshi_webhook_delivered_total", "Webhooks delivered.", r->delivered);
  ctx_->metrics.add_counter("gongshi_webhook_failed_attempts_total",
                            "Webhook attempts that failed.", r->retrying + r->given_up);
}

void App::sync_rules_now() {
  // Versions uploaded through any server process are in the database: install the ones this
  // process does not run yet, so every process serves the same rules.
  auto active = in_transaction<std::map<std::string, RuleVersionRow>>(
      *ctx_->db, [](Tx& tx) { return active_rule_versions(tx); });
  if (!active) return;
  for (const auto& [region, row] : *active) {
    auto current = ctx_->rules->rules->script_of(region);
    if (current && current->hash() == row.script_hash) continue;
    if (auto r = ctx_->rules->rules->install(region, row.script); !r) {
      std::cerr << "rules " << region << ": " << r.error().message_en << "\n";
    }
  }
}

void App::sync_calendar_now() {
  auto synced = ctx_->calendar.sync();
  if (!synced) {
    std::cerr << "calendar: " << synced.error().message_en << "\n";
    return;
  }
  if (*synced) recompute_now("节假日安排已更新");
}

void App::recompute_now(const std::string& reason) {
  auto r = ctx_->calendar.recompute_provisional(ctx_->now(), reason);
  if (!r) {
    std::cerr << "calendar recompute: " << r.error().message_en << "\n";
    return;
  }
  for (const auto& e : r->errors) std::cerr << "calendar recompute: " << e << "\n";
  ctx_->metrics.add_counter("gongshi_deadlines_recomputed_total",
                            "Records whose provisional deadlines were computed again.", r->changed);
}

void App::start_background(HttpServer& server) {
  auto& s = ctx_->settings;
  server.every(s.sweep_interval, [this] {
    sweep_now();
    const double lag = std::chrono::duration<double>(ctx_->now() - last_sweep_).count();
    ctx_->metrics.set_gauge("gongshi_sweeper_lag_seconds",
                            "Seconds since the sweeper last finished a run.", lag);
  });
  server.every(s.dispatch_interval, [this] { dispatch_now(); });
  server.every(s.sync_interval, [this] {
    sync_rules_now();
    sync_calendar_now();
  });
}

}  // namespace gongshi::server
