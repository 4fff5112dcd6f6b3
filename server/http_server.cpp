#include "server/http_server.hpp"

#include <array>
#include <boost/url/parse.hpp>
#include <iostream>
#include <limits>
#include <set>
#include <thread>

#include "engine/exchange/work_files.hpp"
#include "server/http_server_impl.hpp"
#include "server/responses.hpp"

namespace gongshi::server {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A request the parser refused (both Content-Length and Transfer-Encoding, a duplicate or negative
// Content-Length, a bare LF, a bad chunk…) is answered 400 before the close, not dropped in
// silence. A connection that merely ended is not.
bool malformed(const beast::error_code& ec) {
  return ec.category() == beast::http::make_error_code(http::error::bad_method).category() &&
         ec != http::error::end_of_stream && ec != http::error::partial_message &&
         ec != http::error::need_more && ec != http::error::need_buffer;
}

Error malformed_request(const beast::error_code& ec) {
  return make_error(ErrorCode::invalid_input, "HTTP 请求格式不合法（" + ec.message() + "）",
                    "malformed HTTP request: " + ec.message());
}

Error incomplete_body() {
  return make_error(ErrorCode::invalid_input,
                    "请求体不完整：在时限内收到的字节少于 Content-Length 所说",
                    "incomplete body: fewer bytes than its Content-Length arrived in time");
}

Error too_large(std::size_t limit) {
  return make_error(ErrorCode::too_large, "请求体超过 " + std::to_string(limit) + " 字节的上限",
                    "the body exceeds the limit of " + std::to_string(limit) + " bytes");
}

// One connection: `Stream` is a beast::tcp_stream (plain HTTP) or an ssl_stream over one (TLS).
template <class Stream>
class Session : public SessionBase {
 public:
  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

  Session(tcp::socket&& socket, HttpServer::Impl& server, std::shared_ptr<ssl::context> tls)
      : tls_(std::move(tls)), stream_(make_stream(std::move(socket))), server_(server) {
    beast::error_code ec;
    const auto remote = tcp_layer().socket().remote_endpoint(ec);
    if (!ec) peer_ = remote.address().to_string();
  }
  // A cut-off upload leaves nothing behind, and gives back its share of the bytes in flight.
  ~Session() {
    if (!upload_path_.empty()) std::filesystem::remove(upload_path_, ignored_);
    release_upload();
    server_.forget(this);
  }

  void start() {
    net::dispatch(stream_.get_executor(), [self = self()] {
      if constexpr (kTls) {
        self->tcp_layer().expires_after(self->server_.options.timeout);
        self->stream_.async_handshake(ssl::stream_base::server, [self](beast::error_code ec) {
          if (ec) return self->hard_close();  // not TLS, or a failed handshake: nothing to say
          self->read_header();
        });
      } else {
        self->read_header();
      }
    });
  }

  void close_if_idle() override {
    net::dispatch(stream_.get_executor(), [self = self()] {
      if (self->idle_) self->hard_close();
    });
  }

 private:
  Stream make_stream(tcp::socket&& socket) {
    if constexpr (kTls) {
      return Stream(std::move(socket), *tls_);
    } else {
      return Stream(std::move(socket));
    }
  }
  beast::tcp_stream& tcp_layer() { return beast::get_lowest_layer(stream_); }
  std::shared_ptr<Session> self() { return std::static_pointer_cast<Session>(shared_from_this()); }

  void read_header() {
    if (server_.stopping) return close();
    idle_ = true;
    header_parser_.emplace();
    header_parser_->header_limit(16 * 1024);
    // The parser checks a Content-Length against its limit when the header ends, before the route
    // is known: let the largest through here and check the route's own limit in on_header.
    header_parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    tcp_layer().expires_after(server_.options.timeout);
    http::async_read_header(
        stream_, buffer_, *header_parser_,
        [self = self()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    idle_ = false;
    if (ec == http::error::header_limit) {
      return fail(make_error(ErrorCode::too_large, "请求头过大", "request header too large"));
    }
    if (malformed(ec)) return fail(malformed_request(ec));
    if (ec) return close();
    const auto& h = header_parser_->get();
    const std::string target(h.target());
    const std::string method(h.method_string());
    const std::string path = target.substr(0, target.find('?'));
    upload_ = server_.options.is_upload && server_.options.is_upload(method, path);
    limit_ = upload_ ? server_.options.upload_limit : server_.options.body_limit;
    if (!upload_ && server_.options.body_limit_for) {
      if (auto own = server_.options.body_limit_for(method, path)) limit_ = *own;
    }
    if (const auto length = header_parser_->content_length(); length && *length > limit_) {
      return fail(too_large(limit_));
    }
    if (upload_) return admit_upload();
    continue_reading();
  }

  // An upload: its share of the bytes in flight, then the caller checked on a worker, all before
  // any of the body is read (or a 100 Continue sent).
  void admit_upload() {
    const auto length = header_parser_->content_length();
    const std::uint64_t want = length ? *length : limit_;
    const std::uint64_t before = server_.upload_bytes.fetch_add(want);
    reserved_ = want;
    if (before + want > server_.options.upload_bytes_in_flight) {
      Error busy = make_error(ErrorCode::unavailable, "同时上传的文件过多，请稍后重试",
                              "too many uploads in progress: retry shortly");
      busy.retry_after = 5;
      return refuse(error_response(busy));
    }
    if (!server_.options.admit_upload) return continue_reading();
    HttpRequest head;
    head.peer = peer_;
    const auto target = fill_head(header_parser_->get(), head);
    if (!target) return refuse(error_response(target.error()));
    const bool queued = server_.pool->submit([self = self(), head = std::move(head)] {
      std::optional<HttpResponse> refused;
      try {
        refused = self->server_.options.admit_upload(head);
      } catch (const std::exception& e) {
        refused = error_response(make_error(ErrorCode::internal, "服务器内部错误", e.what()));
      }
      net::post(self->stream_.get_executor(), [self, refused = std::move(refused)]() mutable {
        if (refused) return self->refuse(std::move(*refused));
        self->continue_reading();
      });
    });
    if (!queued) refuse(server_busy());
  }

  // 503 for a full worker queue, counted (on_busy).
  HttpResponse server_busy() {
    if (server_.options.on_busy) server_.options.on_busy();
    Error busy = make_error(ErrorCode::unavailable, "服务器繁忙，请稍后重试",
                            "the server is busy: retry shortly");
    busy.retry_after = 1;
    return error_response(busy);
  }

  // Answers before the body and closes (lingering: the client reads the answer).
  void refuse(HttpResponse res) {
    release_upload();
    write(std::move(res), false, header_parser_->get().version());
  }

  void release_upload() {
    if (reserved_ != 0) server_.upload_bytes.fetch_sub(reserved_);
    reserved_ = 0;
  }

  // Method, path, query and headers of a request (a header, or a whole message).
  template <class Message>
  Result<std::string> fill_head(const Message& message, HttpRequest& req) {
    req.method = std::string(message.method_string());
    for (const auto& field : message) {
      req.headers[lower(field.name_string())] = std::string(field.value());
    }
    const std::string target(message.target());
    auto url = boost::urls::parse_origin_form(target);
    if (!url) {
      return make_error(ErrorCode::invalid_input, "请求路径不合法", "malformed request target");
    }
    req.path = url->path();
    for (const auto& p : url->params()) req.query[p.key] = p.value;
    return target;
  }

  void continue_reading() {
    const auto& h = header_parser_->get();
    if (h[http::field::expect] == "100-continue") {
      auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
      http::async_write(stream_, *cont, [self = self(), cont](beast::error_code ec2, std::size_t) {
        if (ec2) return self->close();
        self->read_body();
      });
      return;
    }
    read_body();
  }

  void read_body() {
    auto done = [self = self()](beast::error_code ec, std::size_t) { self->on_body(ec); };
    // The body's time limit is a timer of the session's own, not the stream's: a stream that
    // times out closes its socket, and a client whose body stays shorter than its Content-Length
    // is owed an answer (400), not a silent close after the wait.
    tcp_layer().expires_never();
    body_late_ = false;
    body_deadline_.expires_after(server_.options.timeout);
    body_deadline_.async_wait([self = self()](beast::error_code ec) {
      if (ec) return;
      self->body_late_ = true;
      beast::error_code ignored;
      self->tcp_layer().socket().cancel(ignored);
    });
    if (upload_) {
      file_parser_.emplace(std::move(*header_parser_));
      file_parser_->body_limit(limit_);
      upload_path_ = unique_path(server_.options.upload_dir, "gongshi-upload-").string();
      beast::error_code ec;
      file_parser_->get().body().open(upload_path_.c_str(), beast::file_mode::write, ec);
      if (ec) {
        return fail(make_error(ErrorCode::io_error, "无法保存上传文件：" + ec.message(),
                               "cannot store the upload: " + ec.message()));
      }
      http::async_read(stream_, buffer_, *file_parser_, std::move(done));
    } else {
      string_parser_.emplace(std::move(*header_parser_));
      string_parser_->body_limit(limit_);
      http::async_read(stream_, buffer_, *string_parser_, std::move(done));
    }
  }

  void on_body(beast::error_code ec) {
    body_deadline_.cancel();
    if (ec == http::error::body_limit) {
      return fail(too_large(limit_));
    }
    if (body_late_ || ec == http::error::partial_message) return fail(incomplete_body());
    if (malformed(ec)) return fail(malformed_request(ec));
    if (ec) return close();
    HttpRequest req;
    req.peer = peer_;
    req.tls = kTls;
    bool keep_alive = true;
    unsigned version = 11;
    Result<std::string> target = std::string();
    if (upload_) {
      auto message = file_parser_->release();
      message.body().close();
      target = fill_head(message, req);
      keep_alive = message.keep_alive();
      version = message.version();
      req.body_file = upload_path_;
    } else {
      auto message = string_parser_->release();
      target = fill_head(message, req);
      keep_alive = message.keep_alive();
      version = message.version();
      req.body = std::move(message.body());
    }
    if (!target) return finish(error_response(target.error()), keep_alive, version);
    // The handler blocks (database, rules): it runs on a worker, and the answer comes back to
    // this connection's strand. The work guard keeps the I/O threads running until it has.
    auto guard = net::make_work_guard(stream_.get_executor());
    const bool queued = server_.pool->submit([self = self(), req = std::move(req), keep_alive,
                                              version, guard = std::move(guard)]() mutable {
      HttpResponse res;
      try {
        res = self->server_.handler(req);
      } catch (const std::exception& e) {
        res = error_response(make_error(ErrorCode::internal, "服务器内部错误",
                                        std::string("internal error: ") + e.what()));
      }
      net::post(self->stream_.get_executor(),
                [self, res = std::move(res), keep_alive, version]() mutable {
                  self->finish(std::move(res), keep_alive, version);
                });
      guard.reset();
    });
    if (!queued) finish(server_busy(), keep_alive, version);
  }

  void finish(HttpResponse res, bool keep_alive, unsigned version) {
    if (upload_) std::filesystem::remove(upload_path_, ignored_);
    release_upload();
    write(std::move(res), keep_alive && !server_.stopping, version);
  }

  void fail(const Error& e) {
    if (upload_ && !upload_path_.empty()) std::filesystem::remove(upload_path_, ignored_);
    release_upload();
    write(error_response(e), false, 11);
  }

  void write(HttpResponse r, bool keep_alive, unsigned version) {
    tcp_layer().expires_after(server_.options.timeout);  // the answer's own time
    auto res = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(r.status), version);
    res->set(http::field::server, "gongshi");
    res->set(http::field::content_type, r.content_type);
    for (const auto& [name, value] : r.headers) res->set(name, value);
    res->body() = std::move(r.body);
    res->keep_alive(keep_alive);
    res->prepare_payload();
    http::async_write(stream_, *res,
                      [self = self(), res, keep_alive](beast::error_code ec, std::size_t) {
                        if (ec || !keep_alive) return self->close();
                        self->read_header();
                      });
  }

  // A lingering close: the answer is sent, then what the client still sends (the rest of a body
  // refused as too large, say) is read and dropped for a while, so that the client gets to read
  // the answer instead of a reset connection.
  // Over TLS: close_notify, then the connection closes (bounded by a few seconds).
  void close() {
    if constexpr (kTls) {
      tcp_layer().expires_after(std::chrono::seconds(3));
      stream_.async_shutdown([self = self()](beast::error_code) { self->hard_close(); });
    } else {
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
      if (ec) return hard_close();
      drain(0);
    }
  }

  void drain(std::size_t dropped) {
    static constexpr std::size_t kLingerBytes = 32u << 20;
    if (dropped >= kLingerBytes) return hard_close();
    if (!scratch_) scratch_ = std::make_unique<std::array<char, 16384>>();
    stream_.expires_after(std::chrono::seconds(3));
    stream_.async_read_some(net::buffer(*scratch_),
                            [self = self(), dropped](beast::error_code ec, std::size_t n) {
                              if (ec) return self->hard_close();
                              self->drain(dropped + n);
                            });
  }

  void hard_close() {
    beast::error_code ec;
    tcp_layer().socket().close(ec);
  }

  std::shared_ptr<ssl::context> tls_;  // kept while the connection lives (a reload replaces it)
  Stream stream_;
  net::steady_timer body_deadline_{stream_.get_executor()};
  bool body_late_ = false;  // the body's deadline passed before it was read whole
  HttpServer::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::empty_body>> header_parser_;
  std::optional<http::request_parser<http::string_body>> string_parser_;
  std::optional<http::request_parser<http::file_body>> file_parser_;
  std::string upload_path_;
  bool upload_ = false;
  std::size_t limit_ = 0;       // of the request being read
  std::uint64_t reserved_ = 0;  // this upload's share of the bytes in flight
  std::string peer_;            // the client's address
  bool idle_ = true;
  std::error_code ignored_;
  std::unique_ptr<std::array<char, 16384>> scratch_;  // what a lingering close drops
};

}  // namespace

void HttpServer::Impl::accept() {
  if (stopping) return;
  // At the cap, new connections wait in the kernel's backlog until one closes.
  if (open_sessions >= options.max_connections) return accept_after(std::chrono::milliseconds(50));
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (!acceptor.is_open() || stopping) return;
      const bool exhausted = ec == net::error::no_descriptors || ec.value() == ENFILE ||
                             ec == net::error::no_buffer_space || ec == net::error::no_memory;
      if (exhausted) return accept_after(std::chrono::milliseconds(100));
      return accept();
    }
    std::shared_ptr<SessionBase> session;
    if (auto context = server_tls()) {
      auto s = std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(
          std::move(socket), *this, std::move(context));
      s->start();
      session = std::move(s);
    } else {
      auto s = std::make_shared<Session<beast::tcp_stream>>(std::move(socket), *this, nullptr);
      s->start();
      session = std::move(s);
    }
    {
      std::lock_guard lock(mu);
      sessions.emplace(session.get(), session);
      ++open_sessions;
    }
    accept();
  });
}

namespace {

// A connection to the plain-HTTP listener beside HTTPS: its one request is answered 308 with the
// same path on https (the host from its Host header, the HTTPS port), then it closes.
class RedirectSession : public std::enable_shared_from_this<RedirectSession> {
 public:
  RedirectSession(tcp::socket&& socket, HttpServer::Impl& server)
      : stream_(std::move(socket)), server_(server) {}

  void start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      self->parser_.header_limit(16 * 1024);
      self->stream_.expires_after(self->server_.options.timeout);
      http::async_read_header(self->stream_, self->buffer_, self->parser_,
                              [self](beast::error_code ec, std::size_t) {
                                if (ec) return self->close();
                                self->answer();
                              });
    });
  }

 private:
  void answer() {
    const auto& req = parser_.get();
    std::string host(req[http::field::host]);
    if (const auto colon = host.rfind(':');
        colon != std::string::npos && host.find(']', colon) == std::string::npos) {
      host.erase(colon);
    }
    const bool plain_host =
        !host.empty() && host.size() <= 255 &&
        host.find_first_not_of(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-[]:") ==
            std::string::npos;
    auto res = std::make_shared<http::response<http::string_body>>(
        plain_host ? http::status::permanent_redirect : http::status::bad_request, req.version());
    res->set(http::field::server, "gongshi");
    res->set(http::field::content_type, "text/plain; charset=utf-8");
    if (plain_host) {
      const std::string port =
          server_.https_port == 443 ? "" : ":" + std::to_string(server_.https_port);
      const std::string target(req.target());
      res->set(http::field::location,
               "https://" + host + port + (target.starts_with("/") ? target : "/"));
      res->body() = "请使用 HTTPS / use HTTPS\n";
    } else {
      res->body() = "Host 头无效 / bad Host header\n";
    }
    res->keep_alive(false);
    res->prepare_payload();
    http::async_write(
        stream_, *res,
        [self = shared_from_this(), res](beast::error_code, std::size_t) { self->close(); });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  HttpServer::Impl& server_;
  beast::flat_buffer buffer_;
  http::request_parser<http::empty_body> parser_;
};

}  // namespace

void HttpServer::Impl::accept_redirect() {
  if (stopping) return;
  redirect.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (!redirect.is_open() || stopping) return;
      return accept_after(std::chrono::milliseconds(100));
    }
    std::make_shared<RedirectSession>(std::move(socket), *this)->start();
    accept_redirect();
  });
}

void HttpServer::Impl::wait_for_hangup() {
  hangup.async_wait([this](beast::error_code ec, int) {
    if (ec || stopping) return;
    // Read the certificate and key again (a renewed certificate): new connections use them;
    // those open keep theirs. A bad file leaves the old ones in use.
    auto fresh = server_tls_context(options.tls_cert, options.tls_key);
    if (fresh) {
      std::lock_guard lock(tls_mu);
      tls = std::move(fresh).value();
      std::cerr << "tls: certificate reloaded from " << options.tls_cert.string() << "\n";
    } else {
      std::cerr << "tls: reload failed, keeping the certificate in use: "
                << fresh.error().message_en << "\n";
    }
    wait_for_hangup();
  });
}

Result<std::shared_ptr<ssl::context>> HttpServer::Impl::client_context(
    const std::string& extra_ca) {
  std::lock_guard lock(client_tls_mu);
  if (auto it = client_tls.find(extra_ca); it != client_tls.end()) return it->second;
  auto made = client_tls_context(extra_ca);
  if (!made) return made.error();
  if (client_tls.size() >= 64) client_tls.clear();  // bounded
  client_tls[extra_ca] = *made;
  return made;
}

void HttpServer::Impl::accept_after(std::chrono::milliseconds pause) {
  accept_pause.expires_after(pause);
  accept_pause.async_wait([this](beast::error_code ec) {
    if (!ec) accept();
  });
}

void HttpServer::Impl::stop() {
  if (stopping.exchange(true)) return;
  if (options.on_stop) options.on_stop();
  net::post(acceptor.get_executor(), [this] {
    beast::error_code ec;
    acceptor.close(ec);
  });
  net::post(redirect.get_executor(), [this] {
    beast::error_code ec;
    redirect.close(ec);
  });
  net::post(accept_pause.get_executor(), [this] { accept_pause.cancel(); });
  signals.cancel();
  hangup.cancel();
  std::vector<std::shared_ptr<SessionBase>> live;
  {
    std::lock_guard lock(mu);
    for (auto& t : timers) {
      net::post(t->get_executor(), [t] { t->cancel(); });
    }
    for (auto& [ptr, w] : sessions) {
      if (auto s = w.lock()) live.push_back(std::move(s));
    }
  }
  // Outside the lock: the last reference to a session may go here, and its destructor locks.
  for (auto& s : live) s->close_if_idle();
}

HttpServer::HttpServer(ServerOptions options, RequestHandler handler)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
  impl_->pool = std::make_unique<WorkerPool>(impl_->options.workers, impl_->options.queue_limit);
}

Result<std::unique_ptr<HttpServer>> HttpServer::create(ServerOptions options,
                                                       RequestHandler handler) {
  std::shared_ptr<ssl::context> tls;
  if (!options.tls_cert.empty()) {
    auto made = server_tls_context(options.tls_cert, options.tls_key);
    if (!made) return made.error();
    tls = std::move(made).value();
  }
  auto server = std::make_unique<HttpServer>(std::move(options), std::move(handler));
  server->impl_->tls = std::move(tls);
  return server;
}

bool HttpServer::submit(std::function<void()> job) {
  return impl_->pool->submit(std::move(job));
}

HttpServer::~HttpServer() = default;

Result<unsigned short> HttpServer::listen(const std::string& address, unsigned short port) {
  beast::error_code ec;
  const auto ip = net::ip::make_address(address, ec);
  if (ec) {
    return make_error(ErrorCode::invalid_input, "监听地址不合法：" + address,
                      "not an IP address: " + address);
  }
  tcp::endpoint endpoint(ip, port);
  auto& a = impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return make_error(
        ErrorCode::io_error,
        "无法监听 " + address + ":" + std::to_string(port) + "：" + ec.message(),
        "cannot listen on " + address + ":" + std::to_string(port) + ": " + ec.message());
  }
  return a.local_endpoint().port();
}

Status HttpServer::listen_redirect(const std::string& address, unsigned short port,
                                   unsigned short https_port) {
  beast::error_code ec;
  const auto ip = net::ip::make_address(address, ec);
  if (ec) {
    return make_error(ErrorCode::invalid_input, "监听地址不合法：" + address,
                      "not an IP address: " + address);
  }
  tcp::endpoint endpoint(ip, port);
  auto& a = impl_->redirect;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return make_error(
        ErrorCode::io_error,
        "无法监听 " + address + ":" + std::to_string(port) + "：" + ec.message(),
        "cannot listen on " + address + ":" + std::to_string(port) + ": " + ec.message());
  }
  impl_->https_port = https_port;
  return ok_status();
}

void HttpServer::every(std::chrono::milliseconds interval, std::function<void()> task) {
  auto timer = std::make_shared<net::steady_timer>(net::make_strand(impl_->ioc));
  {
    std::lock_guard lock(impl_->mu);
    impl_->timers.push_back(timer);
  }
  auto tick = std::make_shared<std::function<void()>>();
  *tick = [this, timer, interval, task = std::move(task), weak = std::weak_ptr(tick)] {
    if (impl_->stopping) return;
    timer->expires_after(interval);
    timer->async_wait([this, timer, task, weak](beast::error_code ec) {
      if (ec || impl_->stopping) return;
      // The task's work (database, rules) runs on a worker; the timer is set again, on its own
      // strand, once the task has finished (or at once when the workers are full).
      const auto again = [this, timer, weak] {
        net::post(timer->get_executor(), [weak] {
          if (auto next = weak.lock()) (*next)();
        });
      };
      auto guard = net::make_work_guard(timer->get_executor());
      const bool queued = impl_->pool->submit([task, again, guard = std::move(guard)]() mutable {
        try {
          task();
        } catch (const std::exception&) {
          // a task reports its own failures; one that throws still runs again next time
        }
        again();
        guard.reset();
      });
      if (!queued) again();
    });
  };
  // The timer's chain owns `tick` through this one extra reference until the server stops.
  net::post(timer->get_executor(), [tick] { (*tick)(); });
  std::lock_guard lock(impl_->mu);
  impl_->ticks.push_back(tick);
}

void HttpServer::run(int threads) {
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) impl_->stop();
  });
  if (impl_->tls) {
    impl_->hangup.add(SIGHUP);
    impl_->wait_for_hangup();
  }
  if (impl_->redirect.is_open()) impl_->accept_redirect();
  impl_->accept();
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : pool) t.join();
  impl_->pool->drain();
}

void HttpServer::stop() {
  impl_->stop();
}

}  // namespace gongshi::server
