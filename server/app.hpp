#pragma once
// The gongshi server as a whole: opens the database and the rules, builds the route table, answers
// requests (authentication, routing, metrics), and runs the sweeper, the webhook dispatcher and the
// rules synchronisation on timers.

#include <memory>
#include <string>

#include "server/app_context.hpp"
#include "server/http_server.hpp"
#include "server/router.hpp"

namespace gongshi::server {

struct AppOptions {
  std::string db_url;
  RulesPaths rules;
  std::filesystem::path schemas;
  Clock clock = Clock::system();
  AppSettings settings;
  std::size_t pool_size = 8;
  bool migrate = true;  // apply pending migrations at start
};

class App {
 public:
  static Result<std::unique_ptr<App>> open(AppOptions options);
  ~App();

  HttpResponse handle(HttpRequest& req);
  const Router& router() const { return router_; }
  AppContext& context() { return *ctx_; }

  // Registers the background tasks on the server's timers.
  void start_background(HttpServer& server);
  // One run of each, for tests and the command line.
  void sweep_now();
  void dispatch_now();
  void sync_rules_now();
  // Installs holiday years another process loaded, then recomputes what they settle.
  void sync_calendar_now();
  void recompute_now(const std::string& reason);

  static bool is_upload(const std::string& method, const std::string& path);

 private:
  explicit App(std::unique_ptr<AppContext> ctx);
  std::unique_ptr<AppContext> ctx_;
  Router router_;
  TimePoint last_sweep_{};
};

// Every route of the API (the OpenAPI test walks this without a database).
Router build_router(AppContext& app);

}  // namespace gongshi::server
