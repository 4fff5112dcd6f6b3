#include "server/app.hpp"

#include <iostream>
#include <random>

#include "server/request_log.hpp"
#include "server/responses.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"
#include "server/session_cookie.hpp"
#include "server/upstream_sender.hpp"

namespace gongshi::server {

Router build_router(AppContext& app) {
  Router r;
  add_ops_routes(r, app);
  add_auth_routes(r, app);
  add_record_routes(r, app);
  add_import_routes(r, app);
  add_directory_routes(r, app);
  add_rules_routes(r, app);
  add_webhook_routes(r, app);
  add_schema_routes(r, app);
  add_public_routes(r, app);
  add_report_routes(r, app);
  add_calendar_routes(r, app);
  add_application_routes(r, app);
  add_upstream_routes(r, app);
  add_audit_routes(r, app);
  return r;
}

App::App(std::unique_ptr<Services> services, AppSettings settings)
    : ctx_{std::move(services),
           settings,
           {},
           std::make_unique<RateLimiter>(settings.public_limit, settings.public_window)},
      router_(build_router(ctx_)),
      dispatch_start_(std::random_device{}()) {
  ctx_.s().imports.on_rows = [this](int rows) {
    ctx_.metrics.add_counter("gongshi_import_rows_total", "Rows read by import jobs.", rows);
  };
}

App::~App() {
  // Before any member goes: the import job's thread reports into the metrics.
  stop();
}

void App::request_stop() {
  stopping_.request_stop();
  ctx_.s().imports.request_stop();
}

void App::stop() {
  request_stop();
  ctx_.s().imports.stop();
}

Result<std::unique_ptr<App>> App::open(AppOptions o) {
  auto services = Services::open(std::move(o.services));
  if (!services) return services.error();
  std::unique_ptr<App> app(new App(std::move(services).value(), o.settings));
  if (!o.web_dir.empty()) {
    auto web = WebAssets::from_dir(o.web_dir);
    if (!web) return web.error();
    app->web_ = std::move(web).value();
  } else {
    app->web_ = WebAssets::from_files(o.web_files);
  }
  if (auto st = app->web_.allow_embedding(o.embed_origins); !st) return st.error();
  // A load whose recomputation a crash cut short is finished here; so are the import jobs a
  // crash left running.
  app->recompute_now("启动时核对暂定期限");
  if (auto failed = app->ctx_.s().imports.recover(app->ctx_.now()); !failed) {
    std::cerr << "imports: " << failed.error().message_en << "\n";
  } else if (*failed > 0) {
    std::cerr << "imports: " << *failed << " jobs a stop left running were marked failed\n";
  }
  return app;
}

bool App::is_upload(const std::string& method, const std::string& path) {
  return method == "POST" && path == "/api/v1/imports";
}

std::optional<std::size_t> App::body_limit_for(const std::string& method,
                                               const std::string& path) const {
  return attachment_body_limit(ctx_, method, path);
}

namespace {

// The caller: a Bearer token (API clients), else the session cookie of a page, whose
// state-changing requests must also carry the session's CSRF token.
Result<Principal> caller_of(Services& s, const HttpRequest& req) {
  const auto header = req.header("authorization");
  if (!header) {
    const auto cookie = session_cookie(req);
    if (!cookie) {
      return make_error(ErrorCode::unauthenticated,
                        "需要登录：请在 Authorization 头中提供 Bearer 令牌",
                        "authentication required: send Authorization: Bearer TOKEN");
    }
    auto who = s.auth.authenticate(*cookie, s.now());
    if (!who || !changes_state(req.method)) return who;
    const auto sent = req.header("x-csrf-token");
    if (!sent || !same_token(*sent, csrf_token_of(*cookie))) {
      return forbidden("页面校验码（CSRF）缺失或不符，请刷新页面后重试",
                       "a cookie session's request needs its X-CSRF-Token");
    }
    return who;
  }
  const std::string prefix = "Bearer ";
  if (header->size() <= prefix.size() || header->compare(0, prefix.size(), prefix) != 0) {
    return make_error(ErrorCode::unauthenticated, "Authorization 头应为「Bearer 令牌」",
                      "the Authorization header must be 'Bearer TOKEN'");
  }
  return s.auth.authenticate(header->substr(prefix.size()), s.now());
}

}  // namespace

namespace {

// What a session whose password an administrator set may still do: change it, and see who it is.
bool allowed_before_password_change(const std::string& route) {
  return route == "/api/v1/auth/password" || route == "/api/v1/auth/me" ||
         route == "/api/v1/auth/logout";
}

}  // namespace

HttpResponse App::handle(HttpRequest& req) {
  const auto started = std::chrono::steady_clock::now();
  const std::string request_id = new_request_id();
  std::optional<Principal> who;
  ++ctx_.metrics.in_flight();
  auto match = router_.match(req.method, req.path);
  std::string route = "unmatched";
  HttpResponse res;
  std::optional<HttpResponse> page;
  if (match.route == nullptr && req.method == "GET") {
    page = web_.answer(req.path, req);
  }
  if (page) {
    route = "web";
    res = std::move(*page);
  } else if (match.route == nullptr) {
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
    if (match.route->access == Access::user) {
      auto p = caller_of(ctx_.s(), req);
      if (!p) {
        res = error_response(p.error());
        res.headers.emplace_back("WWW-Authenticate", "Bearer");
      } else {
        who = std::move(p).value();
        who->client = client_of(ctx_, req);
        c.who = &*who;
      }
    }
    if (who && who->must_change_password && !allowed_before_password_change(route)) {
      res = error_response(forbidden("请先修改密码：管理员设置的密码须在首次登录时更改",
                                     "change your password first: one an administrator set "
                                     "must be changed at the first sign-in"));
    } else if (match.route->access == Access::open || who) {
      res = match.route->handler(c);
    }
    // Refusals of a signed-in caller are the audit trail's (probing, or a role that is missing).
    if (who && res.status == 403) {
      (void)ctx_.s().audit.record("permission.refused", &*who, who->region, route,
                                  {{"method", req.method}, {"path", req.path.substr(0, 200)}});
    }
  }
  res.headers.emplace_back("X-Request-Id", request_id);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ctx_.metrics.observe(req.method, route, res.status, seconds);
  --ctx_.metrics.in_flight();
  if (ctx_.settings.log_format != LogFormat::off) {
    RequestLog line{
        request_id, client_of(ctx_, req), who ? who->login : "", req.method, route, res.status,
        seconds};
    write_log_line(request_log_line(line, ctx_.settings.log_format));
  }
  return res;
}

std::optional<HttpResponse> App::admit_upload(const HttpRequest& head) {
  auto who = caller_of(ctx_.s(), head);
  if (!who) {
    HttpResponse res = error_response(who.error());
    if (who.error().code == ErrorCode::unauthenticated) {
      res.headers.emplace_back("WWW-Authenticate", "Bearer");
    }
    return res;
  }
  if (auto st = ctx_.s().access.may_enter_records(*who); !st) return error_response(st.error());
  return std::nullopt;
}

void App::count_busy() {
  ctx_.metrics.add_counter(
      "gongshi_requests_refused_total",
      "Requests answered 503 because every worker was busy and the queue full.", 1);
}

void App::sweep_now() {
  const auto now = ctx_.now();
  if (auto purged = ctx_.s().applications.purge_unclaimed(now); !purged) {
    std::cerr << "sweeper: " << purged.error().message_en << "\n";
  }
  if (auto purged = ctx_.s().audit.purge(now, ctx_.settings.audit_days); !purged) {
    std::cerr << "sweeper: audit trail: " << purged.error().message_en << "\n";
  }
  auto r = ctx_.s().engine.sweep(now);
  if (!r) {
    std::cerr << "sweeper: " << r.error().message_en << "\n";
    ctx_.metrics.add_counter("gongshi_sweeper_errors_total", "Sweeper runs that failed.", 1);
    return;
  }
  ctx_.metrics.add_counter("gongshi_sweeper_fired_total", "Records the sweeper changed.", r->fired);
  last_sweep_ = now;
}

void App::sync_rules_now() {
  // Versions uploaded through any server process are in the database: install the ones this
  // process does not run yet, so every process serves the same rules.
  auto r = ctx_.s().rules.sync();
  if (!r) return;
  for (const auto& e : r->errors) std::cerr << "rules " << e << "\n";
}

void App::sync_calendar_now() {
  auto synced = ctx_.s().calendar.sync();
  if (!synced) {
    std::cerr << "calendar: " << synced.error().message_en << "\n";
    return;
  }
  if (*synced) recompute_now("节假日安排已更新");
}

void App::recompute_now(const std::string& reason) {
  auto r = ctx_.s().calendar.recompute_provisional(ctx_.now(), reason);
  if (!r) {
    std::cerr << "calendar recompute: " << r.error().message_en << "\n";
    return;
  }
  for (const auto& e : r->errors) std::cerr << "calendar recompute: " << e << "\n";
  ctx_.metrics.add_counter("gongshi_deadlines_recomputed_total",
                           "Records whose provisional deadlines were computed again.", r->changed);
}

namespace {

// What a subscriber is told about a failed attempt: never the socket's own error, which would tell
// a refused port from a filtered one and make the deliveries list a port scanner.
std::string delivery_failure(const Error& e) {
  if (e.code == ErrorCode::forbidden) {
    return "未投递：回调地址指向内部网络 / not sent: the callback address is on an internal "
           "network";
  }
  return "未送达：连接失败或超时 / not delivered: connection failed or timed out";
}

}  // namespace

void App::dispatch_now(HttpServer& server) {
  // One claim at a time: a tick and a finished delivery may both ask. One that finds a claim
  // running leaves word, and the running one claims once more when it is done. A stopping
  // server claims nothing more: the deliveries in flight finish, the rest wait for the next start.
  if (stopping_.stop_requested()) return;
  claim_again_ = true;
  while (!dispatching_.exchange(true)) {
    while (claim_again_.exchange(false)) claim_and_send(server);
    dispatching_ = false;
    if (!claim_again_) break;  // word left between the last claim and letting go
  }
}

void App::claim_and_send(HttpServer& server) {
  // At most `webhook_concurrency` deliveries in flight: a slow receiver holds one slot of them,
  // never a thread; the others go on.
  const int free = ctx_.settings.webhook_concurrency - deliveries_in_flight_.load();
  if (free <= 0) return;
  auto& s = ctx_.s();
  const auto lease = ctx_.settings.webhook_timeout * 3;
  DeliveryShare share;
  share.per_subscription = ctx_.settings.webhook_per_subscription;
  share.start = dispatch_start_;
  {
    std::lock_guard lock(in_flight_mu_);
    share.in_flight = in_flight_by_subscription_;
  }
  auto due = s.webhooks.claim(ctx_.now(), lease, free, share);
  if (!due) {
    std::cerr << "webhooks: " << due.error().message_en << "\n";
    return;
  }
  for (auto& out : *due) {
    ++deliveries_in_flight_;
    {
      std::lock_guard lock(in_flight_mu_);
      ++in_flight_by_subscription_[out.delivery.subscription_id];
    }
    FetchRequest req;
    req.method = "POST";
    req.url = out.delivery.url;
    req.headers = out.headers;
    req.body = out.delivery.payload;
    req.timeout = ctx_.settings.webhook_timeout;
    req.targets = &s.webhooks.targets();
    req.ca_file = ctx_.settings.client_ca_file.string();
    server.fetch(std::move(req), [this, &server, d = out.delivery](Result<ClientResponse> res) {
      // The answer arrives on an I/O thread: recording it is database work for a worker.
      const int status = res ? res->status : 0;
      const std::string error = res ? "" : delivery_failure(res.error());
      const bool queued = server.submit([this, &server, d, status, error] {
        auto& s = ctx_.s();
        if (auto st = s.webhooks.record(d, status, error, ctx_.now(), ctx_.settings.webhook_retry);
            !st) {
          std::cerr << "webhooks: " << st.error().message_en << "\n";
        }
        const bool delivered = error.empty() && status >= 200 && status < 300;
        ctx_.metrics.add_counter(
            delivered ? "gongshi_webhook_delivered_total" : "gongshi_webhook_failed_attempts_total",
            delivered ? "Webhooks delivered." : "Webhook attempts that failed.", 1);
        delivery_done(d.subscription_id);
        // A receiver that answers is sent the next one at once, not at the next tick, so a
        // backlog drains at the receiver's pace; one that fails waits for the tick (and its
        // back-off).
        if (delivered) dispatch_now(server);
      });
      // A full queue: the lease runs out and the delivery is tried again later.
      if (!queued) delivery_done(d.subscription_id);
    });
  }
}

void App::push_upstream_now() {
  const auto timeout = ctx_.settings.upstream_timeout;
  auto sum =
      ctx_.s().upstream.push(ctx_.s().clock, http_upstream_sender(timeout),
                             ctx_.settings.upstream_retry, timeout * 3, stopping_.get_token());
  if (!sum) {
    std::cerr << "upstream: " << sum.error().message_en << "\n";
    return;
  }
  for (const auto& e : sum->errors) std::cerr << "upstream: " << e << "\n";
  ctx_.metrics.add_counter("gongshi_upstream_acknowledged_total",
                           "Record changes the platform above acknowledged.", sum->acknowledged);
  ctx_.metrics.add_counter("gongshi_upstream_refused_total",
                           "Record changes the platform above refused.", sum->refused);
  ctx_.metrics.add_counter("gongshi_upstream_retried_total",
                           "Record changes to be sent upward again (no answer for them).",
                           sum->retried);
}

void App::delivery_done(std::int64_t subscription) {
  {
    std::lock_guard lock(in_flight_mu_);
    if (auto it = in_flight_by_subscription_.find(subscription);
        it != in_flight_by_subscription_.end() && --it->second <= 0) {
      in_flight_by_subscription_.erase(it);
    }
  }
  --deliveries_in_flight_;
}

void App::start_background(HttpServer& server) {
  auto& s = ctx_.settings;
  server.every(s.sweep_interval, [this] {
    sweep_now();
    const double lag = std::chrono::duration<double>(ctx_.now() - last_sweep_).count();
    ctx_.metrics.set_gauge("gongshi_sweeper_lag_seconds",
                           "Seconds since the sweeper last finished a run.", lag);
  });
  server.every(s.dispatch_interval, [this, &server] { dispatch_now(server); });
  server.every(s.dispatch_interval, [this] { push_upstream_now(); });
  server.every(s.sync_interval, [this] {
    sync_rules_now();
    sync_calendar_now();
  });
}

}  // namespace gongshi::server
