// The HTTP request parser as the server configures it (Beast's parser, a 16 KiB header limit, a
// body limit), then the request target as the server reads it: origin form, path, query params.
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <map>

#include "fuzz_support.hpp"

namespace http = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  http::request_parser<http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(1u << 20);
  parser.eager(true);
  boost::system::error_code ec;
  std::size_t used = 0;
  while (used < size && !parser.is_done()) {
    const auto n = parser.put(boost::asio::buffer(data + used, size - used), ec);
    if (ec || n == 0) break;
    used += n;
  }
  if (!parser.is_header_done()) return 0;
  const auto& req = parser.get();
  std::map<std::string, std::string> headers;
  for (const auto& field : req)
    headers[std::string(field.name_string())] = std::string(field.value());
  auto url = boost::urls::parse_origin_form(req.target());
  if (!url) return 0;
  std::string path = url->path();
  std::map<std::string, std::string> query;
  for (const auto& p : url->params()) query[p.key] = p.value;
  (void)parser.content_length();
  (void)req.keep_alive();
  return 0;
}
