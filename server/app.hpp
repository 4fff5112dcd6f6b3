#pragma once
// The gongshi server as a whole: opens the services, builds the route table, answers requests
// (authentication, routing, metrics), and runs the sweeper, the webhook dispatcher and the
// synchronisation of rules and holiday years on timers, their work on the server's worker pool.

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>

#include "server/app_context.hpp"
#include "server/http_server.hpp"
#include "server/router.hpp"
#include "server/web_assets.hpp"

namespace gongshi::server {

struct AppOptions {
  ServicesOptions services;
  AppSettings settings;
  std::filesystem::path web_dir;            // the built pages to serve at /; empty: web_files
  std::span<const EmbeddedFile> web_files;  // the pages compiled in (used without web_dir)
  std::vector<std::string> embed_origins;   // sites that may frame the public pages (/gongshi…)
};

class App {
 public:
  static Result<std::unique_ptr<App>> open(AppOptions options);
  ~App();  // stop()

  // The server is stopping: background work (the import job, reporting upward) is asked to end
  // at its next step. Returns at once; thread-safe (the HTTP server's on_stop).
  void request_stop();
  // request_stop(), then joins the import job's thread. Call once the HTTP server's run() has
  // returned (its workers drained); afterwards nothing runs on the App's behalf. Idempotent.
  void stop();

  HttpResponse handle(HttpRequest& req);
  const Router& router() const { return router_; }
  AppContext& context() { return ctx_; }

  // Registers the background tasks on the server's timers (their work runs on its workers, the
  // webhook deliveries on its asynchronous client).
  void start_background(HttpServer& server);
  // One run of each, for tests and the command line.
  void sweep_now();
  void sync_rules_now();
  // Installs holiday years another process loaded, then recomputes what they settle.
  void sync_calendar_now();
  void recompute_now(const std::string& reason);
  // One round of reporting upward (on the caller's thread: the requests are synchronous, one
  // target after another, so at most one worker waits on the platform above).
  void push_upstream_now();

  static bool is_upload(const std::string& method, const std::string& path);
  // The routes whose in-memory body has its own limit (attachments).
  std::optional<std::size_t> body_limit_for(const std::string& method,
                                            const std::string& path) const;
  // Before an upload's body is read: its caller must be signed in and may enter records.
  std::optional<HttpResponse> admit_upload(const HttpRequest& head);
  // Counts a request the server refused with 503 (its worker queue full).
  void count_busy();

 private:
  App(std::unique_ptr<Services> services, AppSettings settings);
  void dispatch_now(HttpServer& server);
  void claim_and_send(HttpServer& server);

  AppContext ctx_;
  Router router_;
  WebAssets web_;
  TimePoint last_sweep_{};
  std::atomic<int> deliveries_in_flight_{0};
  std::atomic<bool> dispatching_{false};  // one claim at a time per process
  std::atomic<bool> claim_again_{false};  // asked while a claim ran
  // Where this process starts among the due deliveries (see DeliveryShare): random, so that
  // processes on different Galera nodes mostly lease different rows.
  std::uint64_t dispatch_start_ = 0;
  std::stop_source stopping_;
  std::mutex in_flight_mu_;
  std::map<std::int64_t, int> in_flight_by_subscription_;  // guarded by in_flight_mu_
  void delivery_done(std::int64_t subscription);
};

// Every route of the API (the OpenAPI test walks this without a database).
Router build_router(AppContext& app);

}  // namespace gongshi::server
