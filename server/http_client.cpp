#include "server/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <optional>

namespace gongshi::server {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

Result<ClientResponse> http_call(const std::string& method, const std::string& url,
                                 const std::vector<std::pair<std::string, std::string>>& headers,
                                 const std::string& body, std::chrono::seconds timeout,
                                 const AddressPolicy* targets) {
  auto u = boost::urls::parse_absolute_uri(url);
  if (!u || u->scheme() != "http") {
    return make_error(ErrorCode::invalid_input, "不支持的地址：" + url, "unsupported URL: " + url);
  }
  const std::string host = u->host();
  const std::string port = u->has_port() ? std::string(u->port()) : "80";
  std::string target = u->encoded_path().empty() ? "/" : std::string(u->encoded_path());
  if (u->has_query()) target += "?" + std::string(u->encoded_query());
  // Asynchronous operations on a private io_context: Beast's synchronous ones ignore the stream's
  // timeout, and a platform that accepts and never answers would hold the caller for ever.
  boost::asio::io_context ioc;
  tcp::resolver resolver(ioc);
  beast::tcp_stream stream(ioc);
  http::request<http::string_body> req(http::string_to_verb(method), target, 11);
  req.set(http::field::host, host + ":" + port);
  req.set(http::field::user_agent, "gongshi");
  for (const auto& [name, value] : headers) req.set(name, value);
  req.body() = body;
  req.prepare_payload();
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64u << 20);
  std::optional<Result<ClientResponse>> outcome;
  const auto fail = [&](const beast::error_code& ec) {
    outcome = make_error(ErrorCode::io_error, "请求 " + url + " 失败：" + ec.message(),
                         "request to " + url + " failed: " + ec.message());
  };
  const auto received = [&] {
    auto res = parser.release();
    ClientResponse out;
    out.status = static_cast<int>(res.result_int());
    for (const auto& field : res) {
      std::string name(field.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.headers[name] = std::string(field.value());
    }
    out.body = std::move(res.body());
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    outcome = std::move(out);
  };
  stream.expires_after(timeout);  // one deadline for the whole exchange
  resolver.async_resolve(host, port, [&](beast::error_code ec, tcp::resolver::results_type found) {
    if (ec) return fail(ec);
    std::vector<tcp::endpoint> permitted;
    std::optional<IpAddress> refused;
    for (const auto& r : found) {
      const auto ip = parse_ip(r.endpoint().address().to_string());
      if (targets == nullptr || (ip && targets->permits(*ip))) {
        permitted.push_back(r.endpoint());
      } else if (ip) {
        refused = ip;
      }
    }
    if (permitted.empty()) {
      if (refused)
        outcome = internal_address_refused(*refused, kUpstreamUse);
      else
        fail(boost::asio::error::host_not_found);
      return;
    }
    stream.async_connect(permitted, [&](beast::error_code ec2, const tcp::endpoint&) {
      if (ec2) return fail(ec2);
      http::async_write(stream, req, [&](beast::error_code ec3, std::size_t) {
        if (ec3) return fail(ec3);
        http::async_read(stream, buffer, parser, [&](beast::error_code ec4, std::size_t) {
          if (ec4) return fail(ec4);
          received();
        });
      });
    });
  });
  // Name resolution runs outside the stream's deadline: the run itself is bounded too.
  ioc.run_for(timeout + std::chrono::seconds(1));
  if (!outcome) fail(beast::error::timeout);
  return std::move(*outcome);
}

}  // namespace gongshi::server
