// gongshi serve: the HTTP server.
#include <sys/resource.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "server/app.hpp"
#include "server/web/embedded_files.hpp"

namespace gongshi::cli {

namespace {

// What the process's open-file limit leaves for connections, keeping room for the database, the
// rules, uploads and webhook sockets.
std::size_t default_max_connections() {
  rlimit r{};
  if (getrlimit(RLIMIT_NOFILE, &r) != 0 || r.rlim_cur == RLIM_INFINITY) return 10000;
  const auto soft = static_cast<std::size_t>(r.rlim_cur);
  return std::clamp<std::size_t>(soft > 128 ? soft - 128 : 16, 16, 10000);
}

}  // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string db;
    std::string listen = "127.0.0.1:8080";
    int threads = 0, workers = 0, rule_jobs = 0;
    std::size_t queue = 256;
    std::size_t max_connections = 0;
    double sweep_seconds = 60;
    double dispatch_seconds = 1;
    double sync_seconds = 10;
    double token_cache_seconds = 30;
    int webhook_retry = 2;
    int upstream_retry = 5;
    int upstream_timeout = 30;
    int webhook_attempts = 8;
    int webhook_concurrency = 8;
    int webhook_per_subscription = 2;
    std::string work_dir;
    std::size_t body_limit = 4u << 20;
    int read_timeout = 30;
    std::size_t upload_limit = 256u << 20;
    std::size_t attachment_limit = 10u << 20;
    std::uint64_t upload_bytes_in_flight = 1ull << 30;
    int public_limit = 30;
    int public_window = 600;
    std::string trusted_proxy;
    std::vector<std::string> webhook_allow;
    bool secure_cookies = false;
    std::string web;
    std::vector<std::string> embed_origins;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("serve", "启动 HTTP 服务 / serve the HTTP API");
  add_common_options(*cmd, o->common);
  cmd->add_option("--db", o->db, "database URL (sqlite:PATH | mysql://…)")->required();
  cmd->add_option("--listen", o->listen, "ADDRESS:PORT (port 0 picks a free one)");
  cmd->add_option("--threads", o->threads, "I/O threads: parse and write (default: cores)");
  cmd->add_option("--workers", o->workers,
                  "threads for database and rule work (default: 2 × cores); the connection pool "
                  "matches");
  cmd->add_option("--max-connections", o->max_connections,
                  "open connections at most; more wait in the backlog (default: the open-file "
                  "limit less 128, at most 10000)");
  cmd->add_option("--rule-jobs", o->rule_jobs,
                  "rule tests, uploads and what-ifs at once; more are refused with 503 and "
                  "Retry-After (default: half the cores, at least 1)");
  cmd->add_option("--queue", o->queue,
                  "requests waiting for a worker; beyond that 503 with Retry-After (default 256)");
  cmd->add_option("--sweep-interval", o->sweep_seconds, "seconds between sweeper runs");
  cmd->add_option("--dispatch-interval", o->dispatch_seconds,
                  "seconds between webhook dispatcher runs");
  cmd->add_option("--sync-interval", o->sync_seconds,
                  "seconds between installs of rules and holiday years other processes stored");
  cmd->add_option(
      "--token-cache", o->token_cache_seconds,
      "seconds a token's owner is cached (logout and user changes here drop it at once)");
  cmd->add_option("--webhook-retry", o->webhook_retry,
                  "seconds before the first webhook retry (then doubling)");
  cmd->add_option(
      "--upstream-retry", o->upstream_retry,
      "seconds before a failed upward batch is sent again (then doubling, at most an "
      "hour); the key sealing the targets' credentials comes from GONGSHI_UPSTREAM_KEY");
  cmd->add_option("--upstream-timeout", o->upstream_timeout,
                  "seconds one request to the platform above may take (default 30)")
      ->check(CLI::Range(1, 600));
  cmd->add_option("--webhook-attempts", o->webhook_attempts, "webhook attempts before giving up");
  cmd->add_option(
         "--webhook-allow", o->webhook_allow,
         "internal addresses or ranges webhooks may reach (e.g. 127.0.0.1, 10.1.0.0/16); "
         "loopback, private, link-local and other internal addresses are refused otherwise")
      ->delimiter(',');
  add_upstream_allow_option(*cmd, o->common);
  cmd->add_option("--webhook-concurrency", o->webhook_concurrency,
                  "webhook deliveries in flight at once (default 8)");
  cmd->add_option("--webhook-per-subscription", o->webhook_per_subscription,
                  "of those, at most this many to one subscription (default 2)");
  cmd->add_option("--work-dir", o->work_dir, "where uploads and import files wait");
  cmd->add_option("--body-limit", o->body_limit, "largest JSON body, bytes");
  cmd->add_option("--read-timeout", o->read_timeout,
                  "seconds to read a request's header, and again its body (a body still short "
                  "of its Content-Length then is answered 400); also the keep-alive idle time "
                  "(default 30)")
      ->check(CLI::Range(1, 3600));
  cmd->add_option("--upload-limit", o->upload_limit, "largest import file, bytes");
  cmd->add_option("--uploads-in-flight", o->upload_bytes_in_flight,
                  "import bytes being received at once, beyond that 503 (default 1 GiB)");
  cmd->add_option("--attachment-limit", o->attachment_limit,
                  "largest attachment of an objection or repair, bytes (default 10 MiB)");
  cmd->add_option("--public-limit", o->public_limit,
                  "public filings, uploads and code lookups per client address per window "
                  "(default 30; 0: unlimited)");
  cmd->add_option("--public-window", o->public_window, "seconds of that window (default 600)");
  cmd->add_option("--trusted-proxy", o->trusted_proxy,
                  "address of a reverse proxy whose X-Forwarded-For names the client (and whose "
                  "X-Forwarded-Proto: https marks session cookies Secure)");
  cmd->add_option("--web", o->web,
                  "directory of built web pages to serve at / instead of the ones compiled in "
                  "(development: cd web && npx vite build)");
  cmd->add_option("--embed-origin", o->embed_origins,
                  "a website that may embed the public pages (/gongshi?department=…&embed=1) in "
                  "a frame, as https://host[:port]; repeat for several (default: none)");
  cmd->add_flag("--secure-cookies", o->secure_cookies,
                "mark session cookies Secure (the pages are served over TLS)");
  cmd->callback([o, &exit_code] {
    const auto listen = parse_listen(o->listen);
    if (!listen) {
      exit_code = report(listen.error());
      return;
    }
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const int threads = o->threads > 0 ? o->threads : static_cast<int>(cores);
    const int workers = o->workers > 0 ? o->workers : static_cast<int>(cores * 2);
    const auto ms = [](double seconds) {
      return std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    };
    server::AppOptions ao;
    ao.services.db_url = o->db;
    ao.services.rules = paths_of(o->common);
    ao.services.schemas = o->common.schemas;
    ao.services.clock = clock_of(o->common);
    // One connection per worker, and one for the import job's thread.
    ao.services.pool_size = static_cast<std::size_t>(workers) + 1;
    ao.services.token_cache_ttl =
        std::chrono::seconds(static_cast<long>(std::max(0.0, o->token_cache_seconds)));
    if (!o->work_dir.empty()) ao.services.work_dir = o->work_dir;
    ao.services.attachment_limit = o->attachment_limit;
    auto targets = AddressPolicy::allowing(o->webhook_allow);
    if (!targets) {
      exit_code = report(targets.error());
      return;
    }
    ao.services.webhook_targets = std::move(targets).value();
    auto upstream = AddressPolicy::allowing(o->common.upstream_allow);
    if (!upstream) {
      exit_code = report(upstream.error());
      return;
    }
    ao.services.upstream_targets = std::move(upstream).value();
    ao.services.rule_jobs =
        static_cast<std::size_t>(o->rule_jobs > 0 ? o->rule_jobs : std::max(1u, cores / 2));
    ao.settings.public_limit = std::max(0, o->public_limit);
    ao.settings.public_window = std::chrono::seconds(std::max(1, o->public_window));
    ao.settings.trusted_proxy = o->trusted_proxy;
    ao.settings.secure_cookies = o->secure_cookies;
    ao.web_dir = o->web;
    ao.web_files = server::embedded_web_files();
    ao.embed_origins = o->embed_origins;
    ao.settings.sweep_interval = ms(o->sweep_seconds);
    ao.settings.dispatch_interval = ms(o->dispatch_seconds);
    ao.settings.sync_interval = ms(o->sync_seconds);
    ao.settings.webhook_retry.first = std::chrono::seconds(std::max(1, o->webhook_retry));
    ao.settings.webhook_retry.max_attempts = std::max(1, o->webhook_attempts);
    ao.settings.upstream_retry.first = std::chrono::seconds(std::max(1, o->upstream_retry));
    ao.settings.upstream_timeout = std::chrono::seconds(o->upstream_timeout);
    if (const char* key = std::getenv("GONGSHI_UPSTREAM_KEY"); key != nullptr) {
      ao.services.upstream_key = key;
    }
    ao.settings.webhook_concurrency = std::max(1, o->webhook_concurrency);
    ao.settings.webhook_per_subscription = std::max(1, o->webhook_per_subscription);
    auto app = server::App::open(std::move(ao));
    if (!app) {
      exit_code = report(app.error());
      return;
    }
    server::ServerOptions so;
    so.body_limit = o->body_limit;
    so.timeout = std::chrono::seconds(o->read_timeout);
    so.upload_limit = o->upload_limit;
    so.upload_bytes_in_flight = o->upload_bytes_in_flight;
    so.upload_dir = (*app)->context().s().work_dir();
    so.is_upload = server::App::is_upload;
    so.admit_upload = [a = app->get()](const server::HttpRequest& head) {
      return a->admit_upload(head);
    };
    so.body_limit_for = [a = app->get()](const std::string& method, const std::string& path) {
      return a->body_limit_for(method, path);
    };
    so.workers = static_cast<std::size_t>(workers);
    so.max_connections = o->max_connections > 0 ? o->max_connections : default_max_connections();
    so.queue_limit = std::max<std::size_t>(1, o->queue);
    server::App* a = app->get();
    so.on_busy = [a] { a->count_busy(); };
    so.on_stop = [a] { a->request_stop(); };
    server::HttpServer http(so, [a](server::HttpRequest& req) { return a->handle(req); });
    const std::string& address = listen->address;
    const auto port = http.listen(address, listen->port);
    if (!port) {
      exit_code = report(port.error());
      return;
    }
    (*app)->start_background(http);
    std::cout << "gongshi serving on http://" << address << ":" << *port << " (" << threads
              << " I/O threads, " << workers << " workers)" << std::endl;
    http.run(threads);
    // Stop order: no new connections, the requests being answered and the background tasks on
    // the workers finished (run() drained them), then the import job's thread joined; only then
    // is anything they use destroyed (the server, then the App, as they leave this scope).
    (*app)->stop();
    std::cout << "gongshi stopped" << std::endl;
  });
}

}  // namespace gongshi::cli
