#pragma once
// Internal to the HTTP server (http_server.cpp, http_fetch.cpp): its state behind the pimpl, with
// Asio, Beast and the TLS contexts.

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <map>
#include <mutex>
#include <unordered_map>

#include "server/http_server.hpp"
#include "server/tls.hpp"
#include "server/worker_pool.hpp"

namespace gongshi::server {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

// A connection being served, plain or TLS; what stop() needs of it.
class SessionBase : public std::enable_shared_from_this<SessionBase> {
 public:
  virtual ~SessionBase() = default;
  // Called on the session's strand when the server stops: an idle connection closes now.
  virtual void close_if_idle() = 0;
};

struct HttpServer::Impl {
  ServerOptions options;
  RequestHandler handler;
  // Reserved by uploads being received; before ioc, whose sessions give theirs back as they go.
  std::atomic<std::uint64_t> upload_bytes{0};
  // Before ioc: sessions its handlers still hold remove themselves as it is destroyed.
  std::mutex mu;
  std::unordered_map<const SessionBase*, std::weak_ptr<SessionBase>>
      sessions;  // each removes itself
  std::atomic<std::size_t> open_sessions{0};
  // The server's TLS context (null: plain HTTP), replaced whole on SIGHUP: connections keep the
  // one they started with.
  std::mutex tls_mu;
  std::shared_ptr<ssl::context> tls;  // guarded by tls_mu
  // The clients' contexts, one per extra CA file ("" = the system's CAs alone).
  std::mutex client_tls_mu;
  std::map<std::string, std::shared_ptr<ssl::context>> client_tls;  // guarded by client_tls_mu
  net::io_context ioc;
  tcp::acceptor acceptor{net::make_strand(ioc)};
  tcp::acceptor redirect{net::make_strand(ioc)};  // plain HTTP that only redirects to https
  unsigned short https_port = 0;
  net::signal_set signals{ioc, SIGINT, SIGTERM};
  net::signal_set hangup{ioc};  // SIGHUP, with TLS: the certificate and key read again
  std::atomic<bool> stopping{false};
  // Waits before accepting again: at the connection cap, or out of file descriptors (accepting at
  // once again would spin on the same error).
  net::steady_timer accept_pause{acceptor.get_executor()};
  std::vector<std::shared_ptr<net::steady_timer>> timers;
  std::vector<std::shared_ptr<std::function<void()>>> ticks;  // periodic tasks, kept alive here
  std::unique_ptr<WorkerPool> pool;

  void accept();
  void accept_after(std::chrono::milliseconds pause);
  void accept_redirect();
  void wait_for_hangup();
  void stop();
  std::shared_ptr<ssl::context> server_tls() {
    std::lock_guard lock(tls_mu);
    return tls;
  }
  Result<std::shared_ptr<ssl::context>> client_context(const std::string& extra_ca);
  void forget(const SessionBase* s) {
    std::lock_guard lock(mu);
    sessions.erase(s);
    --open_sessions;
  }
};

}  // namespace gongshi::server
