#pragma once
// Every option of `gongshi serve` (each also a key of the config file, cli/config_file.hpp), and
// how they become the App's and the HTTP server's settings.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"
#include "server/app.hpp"
#include "server/http_server.hpp"

namespace gongshi::cli {

struct ServeOptions {
  CommonOptions common;
  AccountOptions account;
  std::string config;
  std::string db;
  std::string listen = "127.0.0.1:8080";
  bool auto_migrate = false;
  int threads = 0, workers = 0, rule_jobs = 0;
  std::size_t queue = 256;
  std::size_t max_connections = 0;
  double sweep_seconds = 60;
  double dispatch_seconds = 1;
  double sync_seconds = 10;
  double token_cache_seconds = 30;
  int session_hours = 8;
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
  std::string log_format = "text";
  int audit_days = 365;
  std::string backup_dir;
  int backup_max_age_hours = 36;
  std::string tls_cert, tls_key;
  std::string http_redirect;  // ADDRESS:PORT of a plain listener that only redirects to https
  std::string client_ca_file;
};

void add_serve_options(CLI::App& cmd, ServeOptions& o);

// The App's options (services, settings, pages) from the command line; an error names the
// option at fault.
Result<server::AppOptions> app_options(const ServeOptions& o, int workers);

// The HTTP server's own (limits, TLS); its callbacks are the caller's.
Result<server::ServerOptions> server_options(const ServeOptions& o, int workers);

}  // namespace gongshi::cli
