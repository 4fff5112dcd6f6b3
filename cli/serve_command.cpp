// gongshi serve: the HTTP server. Its options are in serve_options.cpp.
#include <algorithm>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "cli/serve_options.hpp"

namespace gongshi::cli {

void add_serve_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "启动 HTTP 服务 / serve the HTTP API");
  add_serve_options(*cmd, *o);
  cmd->callback([o, &exit_code] {
    const auto listen = parse_listen(o->listen);
    if (!listen) {
      exit_code = report(listen.error());
      return;
    }
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const int threads = o->threads > 0 ? o->threads : static_cast<int>(cores);
    const int workers = o->workers > 0 ? o->workers : static_cast<int>(cores * 2);
    auto made = server_options(*o, workers);
    if (!made) {
      exit_code = report(made.error());
      return;
    }
    server::ServerOptions so = std::move(made).value();
    auto ao = app_options(*o, workers);
    if (!ao) {
      exit_code = report(ao.error());
      return;
    }
    auto app = server::App::open(std::move(ao).value());
    if (!app) {
      exit_code = report(app.error());
      return;
    }
    server::App* a = app->get();
    so.upload_dir = a->context().s().work_dir();
    so.is_upload = server::App::is_upload;
    so.admit_upload = [a](const server::HttpRequest& head) { return a->admit_upload(head); };
    so.body_limit_for = [a](const std::string& method, const std::string& path) {
      return a->body_limit_for(method, path);
    };
    so.on_busy = [a] { a->count_busy(); };
    so.on_stop = [a] { a->request_stop(); };
    auto http = server::HttpServer::create(
        std::move(so), [a](server::HttpRequest& req) { return a->handle(req); });
    if (!http) {
      exit_code = report(http.error());
      return;
    }
    const auto port = (*http)->listen(listen->address, listen->port);
    if (!port) {
      exit_code = report(port.error());
      return;
    }
    const std::string scheme = o->tls_cert.empty() ? "http" : "https";
    if (!o->http_redirect.empty()) {
      const auto plain = parse_listen(o->http_redirect);
      if (!plain) {
        exit_code = report(plain.error());
        return;
      }
      if (auto st = (*http)->listen_redirect(plain->address, plain->port, *port); !st) {
        exit_code = report(st.error());
        return;
      }
    }
    a->start_background(**http);
    std::cout << "gongshi serving on " << scheme << "://" << listen->address << ":" << *port << " ("
              << threads << " I/O threads, " << workers << " workers)" << std::endl;
    (*http)->run(threads);
    // Stop order: no new connections, the requests being answered and the background tasks on
    // the workers finished (run() drained them), then the import job's thread joined; only then
    // is anything they use destroyed (the server, then the App, as they leave this scope).
    a->stop();
    std::cout << "gongshi stopped" << std::endl;
  });
}

}  // namespace gongshi::cli
