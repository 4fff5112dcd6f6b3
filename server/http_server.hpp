#pragma once
// An asynchronous HTTP/1.1 server on Boost.Beast: an Asio thread pool, keep-alive, header, body
// and time limits, uploads streamed to a file, periodic background tasks on Asio timers, and a
// graceful stop on SIGINT/SIGTERM (requests being answered finish; idle connections close).
// Asio and Beast stay inside http_server.cpp.

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "engine/model/result.hpp"
#include "server/http_types.hpp"

namespace gongshi::server {

struct ServerOptions {
  std::size_t body_limit = 4u << 20;      // JSON bodies
  std::size_t upload_limit = 256u << 20;  // import files, streamed to disk
  std::chrono::seconds timeout{30};       // to read a request; also the keep-alive idle time
  std::filesystem::path upload_dir = std::filesystem::temp_directory_path();
  // Requests whose body goes to a file instead of memory.
  std::function<bool(const std::string& method, const std::string& path)> is_upload;
};

using RequestHandler = std::function<HttpResponse(HttpRequest&)>;

class HttpServer {
 public:
  HttpServer(ServerOptions options, RequestHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens; port 0 picks a free port. Returns the port.
  Result<unsigned short> listen(const std::string& address, unsigned short port);
  // Runs `task` every `interval` on the pool, one run at a time, until stop().
  void every(std::chrono::milliseconds interval, std::function<void()> task);
  // Serves on `threads` threads (this one included) until stop() or SIGINT/SIGTERM.
  void run(int threads);
  // Stops accepting, lets requests being answered finish, closes idle connections. Thread-safe.
  void stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace gongshi::server
