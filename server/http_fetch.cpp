#include "server/http_fetch.hpp"

#include <boost/url/parse.hpp>

namespace gongshi::server {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// `Stream`: a beast::tcp_stream (http://) or an ssl_stream over one (https://).
template <class Stream>
class Fetch : public std::enable_shared_from_this<Fetch<Stream>> {
 public:
  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

  Fetch(net::io_context& ioc, FetchRequest req, FetchUrl url, std::shared_ptr<ssl::context> tls,
        std::function<void(Result<ClientResponse>)> done)
      : resolver_(net::make_strand(ioc)),
        tls_(std::move(tls)),
        stream_(make_stream()),
        req_(std::move(req)),
        url_(std::move(url)),
        done_(std::move(done)) {}

  void start() {
    message_ = http::request<http::string_body>(http::string_to_verb(req_.method), url_.target, 11);
    const bool default_port = url_.port == (kTls ? "443" : "80");
    const std::string host =
        url_.host.find(':') != std::string::npos ? "[" + url_.host + "]" : url_.host;
    message_.set(http::field::host, default_port ? host : host + ":" + url_.port);
    message_.set(http::field::user_agent, "gongshi");
    for (const auto& [name, value] : req_.headers) message_.set(name, value);
    message_.body() = req_.body;
    message_.prepare_payload();
    deadline_ = std::chrono::steady_clock::now() + req_.timeout;
    resolver_.async_resolve(url_.host, url_.port,
                            [self = this->shared_from_this()](beast::error_code ec, auto results) {
                              if (ec) return self->fail(ec);
                              self->connect(results);
                            });
  }

 private:
  Stream make_stream() {
    if constexpr (kTls) {
      return Stream(resolver_.get_executor(), *tls_);
    } else {
      return Stream(resolver_.get_executor());
    }
  }
  beast::tcp_stream& tcp_layer() { return beast::get_lowest_layer(stream_); }

  void connect(const tcp::resolver::results_type& results) {
    std::vector<tcp::endpoint> permitted;
    std::optional<IpAddress> refused;
    for (const auto& r : results) {
      const auto ip = parse_ip(r.endpoint().address().to_string());
      if (req_.targets == nullptr || (ip && req_.targets->permits(*ip))) {
        permitted.push_back(r.endpoint());
      } else if (ip) {
        refused = ip;
      }
    }
    if (permitted.empty()) {
      if (refused) return finish(internal_address_refused(*refused, req_.use));
      return fail(net::error::host_not_found);
    }
    tcp_layer().expires_at(deadline_);
    tcp_layer().async_connect(permitted,
                              [self = this->shared_from_this()](beast::error_code ec, const auto&) {
                                if (ec) return self->fail(ec);
                                self->handshake();
                              });
  }

  void handshake() {
    if constexpr (kTls) {
      prepare_client(stream_.native_handle(), url_.host);
      stream_.async_handshake(
          ssl::stream_base::client, [self = this->shared_from_this()](beast::error_code ec) {
            if (ec) {
              return self->finish(
                  tls_failure(self->stream_.native_handle(), ec, self->req_.url, self->url_.host));
            }
            self->send();
          });
    } else {
      send();
    }
  }

  void send() {
    http::async_write(stream_, message_,
                      [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec) return self->fail(ec);
                        self->parser_.body_limit(self->req_.body_limit);
                        http::async_read(self->stream_, self->buffer_, self->parser_,
                                         [self](beast::error_code ec2, std::size_t) {
                                           if (ec2) return self->fail(ec2);
                                           self->received();
                                         });
                      });
  }

  void received() {
    auto res = parser_.release();
    ClientResponse out;
    out.status = static_cast<int>(res.result_int());
    for (const auto& field : res) {
      out.headers[lower(field.name_string())] = std::string(field.value());
    }
    out.body = std::move(res.body());
    beast::error_code ec;
    tcp_layer().socket().shutdown(tcp::socket::shutdown_both, ec);  // no close_notify wait
    finish(std::move(out));
  }

  void fail(beast::error_code ec) {
    finish(make_error(ErrorCode::io_error, "请求 " + req_.url + " 失败：" + ec.message(),
                      "request to " + req_.url + " failed: " + ec.message()));
  }

  void finish(Result<ClientResponse> r) {
    if (done_) {
      auto done = std::move(done_);
      done_ = nullptr;
      done(std::move(r));
    }
  }

  tcp::resolver resolver_;
  std::shared_ptr<ssl::context> tls_;
  Stream stream_;
  FetchRequest req_;
  FetchUrl url_;
  std::function<void(Result<ClientResponse>)> done_;
  http::request<http::string_body> message_;
  beast::flat_buffer buffer_;
  http::response_parser<http::string_body> parser_;
  std::chrono::steady_clock::time_point deadline_;
};

}  // namespace

Result<FetchUrl> fetch_url(const std::string& url) {
  auto u = boost::urls::parse_absolute_uri(url);
  if (!u || (u->scheme() != "http" && u->scheme() != "https") || u->has_userinfo()) {
    return make_error(ErrorCode::invalid_input, "不支持的地址：" + url, "unsupported URL: " + url);
  }
  FetchUrl out;
  out.https = u->scheme() == "https";
  out.host = u->host();
  if (out.host.size() > 2 && out.host.front() == '[' && out.host.back() == ']') {
    out.host = out.host.substr(1, out.host.size() - 2);
  }
  out.port = u->has_port() ? std::string(u->port()) : (out.https ? "443" : "80");
  out.target = u->encoded_path().empty() ? "/" : std::string(u->encoded_path());
  if (u->has_query()) out.target += "?" + std::string(u->encoded_query());
  return out;
}

void start_fetch(net::io_context& ioc, FetchRequest req, std::shared_ptr<ssl::context> tls,
                 std::function<void(Result<ClientResponse>)> done) {
  auto url = fetch_url(req.url);
  if (!url) return done(url.error());
  if (url->https) {
    if (!tls) {
      return done(make_error(ErrorCode::internal, "没有 TLS 客户端配置", "no TLS client context"));
    }
    auto f = std::make_shared<Fetch<beast::ssl_stream<beast::tcp_stream>>>(
        ioc, std::move(req), std::move(url).value(), std::move(tls), std::move(done));
    net::post(ioc, [f] { f->start(); });
  } else {
    auto f = std::make_shared<Fetch<beast::tcp_stream>>(ioc, std::move(req), std::move(url).value(),
                                                        nullptr, std::move(done));
    net::post(ioc, [f] { f->start(); });
  }
}

void HttpServer::fetch(FetchRequest req, std::function<void(Result<ClientResponse>)> done) {
  std::shared_ptr<ssl::context> tls;
  if (req.url.starts_with("https://")) {
    auto made = impl_->client_context(req.ca_file);
    if (!made) return done(made.error());
    tls = std::move(made).value();
  }
  start_fetch(impl_->ioc, std::move(req), std::move(tls), std::move(done));
}

}  // namespace gongshi::server
