// gongshi serve: the HTTP server.
#include <iostream>
#include <thread>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "server/app.hpp"

namespace gongshi::cli {

Result<std::unique_ptr<server::App>> open_app(const CommonOptions& common, const std::string& db,
                                              std::size_t pool) {
  server::AppOptions o;
  o.db_url = db;
  o.rules = paths_of(common);
  o.schemas = common.schemas;
  o.clock = clock_of(common);
  o.pool_size = pool;
  return server::App::open(std::move(o));
}

void add_serve_command(CLI::App& app, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string db;
    std::string listen = "127.0.0.1:8080";
    int threads = 0;
    double sweep_seconds = 60;
    double dispatch_seconds = 1;
    double sync_seconds = 10;
    int webhook_retry = 2;
    int webhook_attempts = 8;
    std::string work_dir;
    std::size_t body_limit = 4u << 20;
    std::size_t upload_limit = 256u << 20;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("serve", "启动 HTTP 服务 / serve the HTTP API");
  add_common_options(*cmd, o->common);
  cmd->add_option("--db", o->db, "database URL (sqlite:PATH | mysql://…)")->required();
  cmd->add_option("--listen", o->listen, "ADDRESS:PORT (port 0 picks a free one)");
  cmd->add_option("--threads", o->threads, "HTTP threads (default: 2 × cores)");
  cmd->add_option("--sweep-interval", o->sweep_seconds, "seconds between sweeper runs");
  cmd->add_option("--dispatch-interval", o->dispatch_seconds,
                  "seconds between webhook dispatcher runs");
  cmd->add_option("--sync-interval", o->sync_seconds,
                  "seconds between installs of rules and holiday years other processes stored");
  cmd->add_option("--webhook-retry", o->webhook_retry,
                  "seconds before the first webhook retry (then doubling)");
  cmd->add_option("--webhook-attempts", o->webhook_attempts, "webhook attempts before giving up");
  cmd->add_option("--work-dir", o->work_dir, "where uploads and import files wait");
  cmd->add_option("--body-limit", o->body_limit, "largest JSON body, bytes");
  cmd->add_option("--upload-limit", o->upload_limit, "largest import file, bytes");
  cmd->callback([o, &exit_code] {
    const auto colon = o->listen.rfind(':');
    if (colon == std::string::npos) {
      exit_code = report(make_error(ErrorCode::invalid_input, "--listen 应为 地址:端口",
                                    "--listen must be ADDRESS:PORT"));
      return;
    }
    const int threads =
        o->threads > 0 ? o->threads
                       : static_cast<int>(std::max(2u, std::thread::hardware_concurrency() * 2));
    auto app = open_app(o->common, o->db, static_cast<std::size_t>(threads) + 2);
    if (!app) {
      exit_code = report(app.error());
      return;
    }
    auto& settings = (*app)->context().settings;
    settings.sweep_interval = std::chrono::milliseconds(static_cast<long>(o->sweep_seconds * 1000));
    settings.dispatch_interval =
        std::chrono::milliseconds(static_cast<long>(o->dispatch_seconds * 1000));
    settings.sync_interval = std::chrono::milliseconds(static_cast<long>(o->sync_seconds * 1000));
    settings.webhook_first_retry = std::chrono::seconds(std::max(1, o->webhook_retry));
    settings.webhook_max_attempts = std::max(1, o->webhook_attempts);
    if (!o->work_dir.empty()) settings.work_dir = o->work_dir;
    server::ServerOptions so;
    so.body_limit = o->body_limit;
    so.upload_limit = o->upload_limit;
    so.upload_dir = settings.work_dir;
    so.is_upload = server::App::is_upload;
    server::App* a = app->get();
    server::HttpServer http(so, [a](server::HttpRequest& req) { return a->handle(req); });
    const std::string address = o->listen.substr(0, colon);
    const auto port =
        http.listen(address, static_cast<unsigned short>(std::stoi(o->listen.substr(colon + 1))));
    if (!port) {
      exit_code = report(port.error());
      return;
    }
    (*app)->start_background(http);
    std::cout << "gongshi serving on http://" << address << ":" << *port << " (" << threads
              << " threads)" << std::endl;
    http.run(threads);
    std::cout << "gongshi stopped" << std::endl;
  });
}

}  // namespace gongshi::cli
