#pragma once
// An asynchronous HTTP/1.1 server on Boost.Beast. The I/O threads only read, parse and write:
// keep-alive, header, body and time limits, uploads streamed to a file. Each request's handler —
// database and rule work — runs on a bounded worker pool; when its queue is full the request is
// answered 503 with Retry-After at once. Periodic background tasks fire on Asio timers and run on
// the workers; an asynchronous client (fetch) sends outgoing requests without tying up a thread.
// A graceful stop on SIGINT/SIGTERM lets requests being answered finish and closes idle
// connections. With a certificate it speaks only TLS 1.2/1.3 (tls.hpp), reloaded on SIGHUP.
// Asio, Beast and OpenSSL stay inside the server's .cpp files and their internal headers.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "engine/model/result.hpp"
#include "engine/service/address_policy.hpp"
#include "server/http_client.hpp"
#include "server/http_types.hpp"

namespace gongshi::server {

struct ServerOptions {
  std::size_t body_limit = 4u << 20;      // JSON bodies
  std::size_t upload_limit = 256u << 20;  // import files, streamed to disk
  std::chrono::seconds timeout{30};       // to read a request; also the keep-alive idle time
  std::size_t workers = 4;                // threads for the handlers (size the DB pool to match)
  std::size_t queue_limit = 256;          // requests waiting for a worker, beyond that 503
  // Open connections at most; more wait in the kernel's backlog until one closes.
  std::size_t max_connections = 10000;
  std::filesystem::path upload_dir = std::filesystem::temp_directory_path();
  // Requests whose body goes to a file instead of memory.
  std::function<bool(const std::string& method, const std::string& path)> is_upload;
  // A route's own limit for its in-memory body, in place of body_limit (nullopt: body_limit).
  std::function<std::optional<std::size_t>(const std::string& method, const std::string& path)>
      body_limit_for;
  // Called on a worker for an upload once its headers are read, before any of its body: the
  // caller is authenticated and authorised here (a response refuses it; nullopt reads on).
  // The request has no body yet.
  std::function<std::optional<HttpResponse>(const HttpRequest& head)> admit_upload;
  // Upload bytes being received at once (by Content-Length, or the upload limit when it is not
  // given); past it an upload is answered 503 with Retry-After.
  std::uint64_t upload_bytes_in_flight = 1ull << 30;
  // TLS: with both, every connection speaks TLS 1.2 or 1.3 with this certificate chain and key
  // (PEM), read again on SIGHUP (new connections use the new ones; open ones keep theirs).
  std::filesystem::path tls_cert, tls_key;
  // Called (on an I/O thread) for each request refused because the worker queue was full.
  std::function<void()> on_busy;
  // Called once when the server begins to stop (a signal or stop()), on the thread that stops
  // it: long work elsewhere (an import job, a round of reporting upward) is asked to end while
  // the requests being answered finish. Must not block.
  std::function<void()> on_stop;
};

using RequestHandler = std::function<HttpResponse(HttpRequest&)>;

class HttpServer {
 public:
  // A plain-HTTP server (no TLS options).
  HttpServer(ServerOptions options, RequestHandler handler);
  // Any server: the TLS certificate and key, when the options name them, read and checked here.
  static Result<std::unique_ptr<HttpServer>> create(ServerOptions options, RequestHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens; port 0 picks a free port. Returns the port.
  Result<unsigned short> listen(const std::string& address, unsigned short port);
  // With TLS: a plain-HTTP listener whose every request is answered 308 to the same path on
  // https (the request's host, `https_port`).
  Status listen_redirect(const std::string& address, unsigned short port,
                         unsigned short https_port);
  // Runs `task` on a worker every `interval` (after the previous run ended), until stop().
  void every(std::chrono::milliseconds interval, std::function<void()> task);
  // Queues `job` on the worker pool; false when its queue is full.
  bool submit(std::function<void()> job);
  // Sends a request asynchronously on the I/O threads (http_client.hpp says what is checked);
  // `done` is called with the answer.
  void fetch(FetchRequest req, std::function<void(Result<ClientResponse>)> done);
  // Serves on `threads` I/O threads (this one included) until stop() or SIGINT/SIGTERM.
  void run(int threads);
  // Stops accepting, lets requests being answered finish, closes idle connections. Thread-safe.
  void stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace gongshi::server
