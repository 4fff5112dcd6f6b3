#include "cli/serve_options.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <thread>

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

Error bad_option(const std::string& option, const Error& e) {
  return make_error(e.code, option + "：" + e.message_zh, option + ": " + e.message_en);
}

void add_limits(CLI::App* cmd, ServeOptions& o) {
  cmd->add_option("--threads", o.threads, "I/O threads: parse and write (default: cores)");
  cmd->add_option("--workers", o.workers,
                  "threads for database and rule work (default: 2 × cores); the connection pool "
                  "matches");
  cmd->add_option("--max-connections", o.max_connections,
                  "open connections at most; more wait in the backlog (default: the open-file "
                  "limit less 128, at most 10000)");
  cmd->add_option("--rule-jobs", o.rule_jobs,
                  "rule tests, uploads and what-ifs at once; more are refused with 503 and "
                  "Retry-After (default: half the cores, at least 1)");
  cmd->add_option("--queue", o.queue,
                  "requests waiting for a worker; beyond that 503 with Retry-After (default 256)");
  cmd->add_option("--body-limit", o.body_limit, "largest JSON body, bytes");
  cmd->add_option("--read-timeout", o.read_timeout,
                  "seconds to read a request's header, and again its body (a body still short "
                  "of its Content-Length then is answered 400); also the keep-alive idle time "
                  "(default 30)")
      ->check(CLI::Range(1, 3600));
  cmd->add_option("--upload-limit", o.upload_limit, "largest import file, bytes");
  cmd->add_option("--uploads-in-flight", o.upload_bytes_in_flight,
                  "import bytes being received at once, beyond that 503 (default 1 GiB)");
  cmd->add_option("--attachment-limit", o.attachment_limit,
                  "largest attachment of an objection or repair, bytes (default 10 MiB)");
  cmd->add_option("--public-limit", o.public_limit,
                  "public filings, uploads and code lookups per client address per window "
                  "(default 30; 0: unlimited)");
  cmd->add_option("--public-window", o.public_window, "seconds of that window (default 600)");
}

void add_background(CLI::App* cmd, ServeOptions& o) {
  cmd->add_option("--sweep-interval", o.sweep_seconds, "seconds between sweeper runs");
  cmd->add_option("--dispatch-interval", o.dispatch_seconds,
                  "seconds between webhook dispatcher runs");
  cmd->add_option("--sync-interval", o.sync_seconds,
                  "seconds between installs of rules and holiday years other processes stored");
  cmd->add_option("--webhook-retry", o.webhook_retry,
                  "seconds before the first webhook retry (then doubling)");
  cmd->add_option("--webhook-attempts", o.webhook_attempts, "webhook attempts before giving up");
  cmd->add_option(
         "--webhook-allow", o.webhook_allow,
         "internal addresses or ranges webhooks may reach (e.g. 127.0.0.1, 10.1.0.0/16); "
         "loopback, private, link-local and other internal addresses are refused otherwise")
      ->delimiter(',');
  cmd->add_option("--webhook-concurrency", o.webhook_concurrency,
                  "webhook deliveries in flight at once (default 8)");
  cmd->add_option("--webhook-per-subscription", o.webhook_per_subscription,
                  "of those, at most this many to one subscription (default 2)");
  cmd->add_option("--upstream-retry", o.upstream_retry,
                  "seconds before a failed upward batch is sent again (then doubling, at most an "
                  "hour)");
  cmd->add_option("--upstream-timeout", o.upstream_timeout,
                  "seconds one request to the platform above may take (default 30)")
      ->check(CLI::Range(1, 600));
  add_upstream_options(*cmd, o.common);
  cmd->add_option("--client-ca-file", o.client_ca_file,
                  "extra CA certificates (PEM) the webhooks and the push upward trust besides "
                  "the system's");
}

void add_security(CLI::App* cmd, ServeOptions& o) {
  cmd->add_option("--tls-cert", o.tls_cert,
                  "certificate chain (PEM, the server's first): serve HTTPS, TLS 1.2 and 1.3 only "
                  "(SIGHUP reloads it and the key)");
  cmd->add_option("--tls-key", o.tls_key, "the certificate's private key (PEM)");
  cmd->add_option("--http-redirect", o.http_redirect,
                  "ADDRESS:PORT of a plain-HTTP listener that only redirects to https (with "
                  "--tls-cert)");
  cmd->add_option("--token-cache", o.token_cache_seconds,
                  "seconds a token's owner is cached (logout and user changes here drop it at "
                  "once)");
  cmd->add_option("--session-hours", o.session_hours,
                  "hours a signed-in session lasts at most (default 8)")
      ->check(CLI::Range(1, 24 * 30));
  add_account_options(*cmd, o.account);
  cmd->add_option("--trusted-proxy", o.trusted_proxy,
                  "address of a reverse proxy whose X-Forwarded-For names the client (and whose "
                  "X-Forwarded-Proto: https marks session cookies Secure)");
  cmd->add_flag("--secure-cookies", o.secure_cookies,
                "mark session cookies Secure (the pages are served over TLS by a proxy; "
                "automatic with --tls-cert)");
  cmd->add_option("--embed-origin", o.embed_origins,
                  "a website that may embed the public pages (/gongshi?department=…&embed=1) in "
                  "a frame, as https://host[:port]; repeat for several (default: none)");
  cmd->add_option("--audit-days", o.audit_days,
                  "days the security audit trail is kept (default 365; at least 180)")
      ->check(CLI::Range(180, 36500));
}

}  // namespace

void add_serve_options(CLI::App& cmd, ServeOptions& o) {
  add_common_options(cmd, o.common);
  add_config_option(cmd, o.config);
  cmd.add_option("--db", o.db, "database URL (sqlite:PATH | mysql://…)")->required();
  cmd.add_option("--listen", o.listen, "ADDRESS:PORT (port 0 picks a free one)");
  cmd.add_flag("--auto-migrate", o.auto_migrate,
               "apply pending migrations at start (default: refuse to start, and say to run "
               "gongshi migrate after a backup)");
  cmd.add_option("--work-dir", o.work_dir, "where uploads and import files wait");
  cmd.add_option("--web", o.web,
                 "directory of built web pages to serve at / instead of the ones compiled in "
                 "(development: cd web && npx vite build)");
  cmd.add_option("--log-format", o.log_format,
                 "one line per request on standard error: text (default), json or off")
      ->check(CLI::IsMember({"text", "json", "off"}));
  cmd.add_option("--backup-dir", o.backup_dir,
                 "where the nightly backups go (gongshi backup): /healthz and gongshi doctor "
                 "report the last one's age");
  cmd.add_option("--backup-max-age-hours", o.backup_max_age_hours,
                 "a last backup older than this is reported (default 36)")
      ->check(CLI::Range(1, 24 * 365));
  add_limits(&cmd, o);
  add_background(&cmd, o);
  add_security(&cmd, o);
}

Result<server::AppOptions> app_options(const ServeOptions& o, int workers) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const auto ms = [](double seconds) {
    return std::chrono::milliseconds(static_cast<long>(seconds * 1000));
  };
  server::AppOptions ao;
  ao.services.db_url = o.db;
  ao.services.rules = paths_of(o.common);
  ao.services.schemas = o.common.schemas;
  ao.services.clock = clock_of(o.common);
  ao.services.migrate = o.auto_migrate;
  // One connection per worker, and one for the import job's thread.
  ao.services.pool_size = static_cast<std::size_t>(workers) + 1;
  ao.services.token_cache_ttl =
      std::chrono::seconds(static_cast<long>(std::max(0.0, o.token_cache_seconds)));
  ao.services.session_ttl = std::chrono::hours(o.session_hours);
  ao.services.account = account_policy(o.account);
  if (!o.work_dir.empty()) ao.services.work_dir = o.work_dir;
  ao.services.attachment_limit = o.attachment_limit;
  auto targets = AddressPolicy::allowing(o.webhook_allow);
  if (!targets) return bad_option("--webhook-allow", targets.error());
  ao.services.webhook_targets = std::move(targets).value();
  auto upstream = AddressPolicy::allowing(o.common.upstream_allow);
  if (!upstream) return bad_option("--upstream-allow", upstream.error());
  ao.services.upstream_targets = std::move(upstream).value();
  auto key = secret_from(o.common.upstream_key_file, "GONGSHI_UPSTREAM_KEY");
  if (!key) return bad_option("--upstream-key-file", key.error());
  ao.services.upstream_key = std::move(key).value();
  ao.services.rule_jobs =
      static_cast<std::size_t>(o.rule_jobs > 0 ? o.rule_jobs : std::max(1u, cores / 2));
  auto& st = ao.settings;
  st.public_limit = std::max(0, o.public_limit);
  st.public_window = std::chrono::seconds(std::max(1, o.public_window));
  st.trusted_proxy = o.trusted_proxy;
  st.secure_cookies = o.secure_cookies || !o.tls_cert.empty();
  st.sweep_interval = ms(o.sweep_seconds);
  st.dispatch_interval = ms(o.dispatch_seconds);
  st.sync_interval = ms(o.sync_seconds);
  st.webhook_retry.first = std::chrono::seconds(std::max(1, o.webhook_retry));
  st.webhook_retry.max_attempts = std::max(1, o.webhook_attempts);
  st.upstream_retry.first = std::chrono::seconds(std::max(1, o.upstream_retry));
  st.upstream_timeout = std::chrono::seconds(o.upstream_timeout);
  st.webhook_concurrency = std::max(1, o.webhook_concurrency);
  st.webhook_per_subscription = std::max(1, o.webhook_per_subscription);
  server::parse_log_format(o.log_format, st.log_format);
  st.audit_days = o.audit_days;
  st.backup_dir = o.backup_dir;
  st.backup_max_age = std::chrono::hours(o.backup_max_age_hours);
  st.client_ca_file = o.client_ca_file;
  st.tls_cert = o.tls_cert;
  ao.web_dir = o.web;
  ao.web_files = server::embedded_web_files();
  ao.embed_origins = o.embed_origins;
  return ao;
}

Result<server::ServerOptions> server_options(const ServeOptions& o, int workers) {
  server::ServerOptions so;
  so.body_limit = o.body_limit;
  so.timeout = std::chrono::seconds(o.read_timeout);
  so.upload_limit = o.upload_limit;
  so.upload_bytes_in_flight = o.upload_bytes_in_flight;
  so.workers = static_cast<std::size_t>(workers);
  so.max_connections = o.max_connections > 0 ? o.max_connections : default_max_connections();
  so.queue_limit = std::max<std::size_t>(1, o.queue);
  if (o.tls_cert.empty() != o.tls_key.empty()) {
    return make_error(ErrorCode::invalid_input, "--tls-cert 与 --tls-key 须同时给出",
                      "--tls-cert and --tls-key go together");
  }
  if (!o.http_redirect.empty() && o.tls_cert.empty()) {
    return make_error(ErrorCode::invalid_input, "--http-redirect 只在 HTTPS（--tls-cert）下使用",
                      "--http-redirect needs --tls-cert");
  }
  so.tls_cert = o.tls_cert;
  so.tls_key = o.tls_key;
  return so;
}

}  // namespace gongshi::cli
