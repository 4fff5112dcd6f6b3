#include "server/http_client.hpp"

#include <optional>

#include "server/http_fetch.hpp"

namespace gongshi::server {

Result<ClientResponse> http_call(FetchRequest req) {
  std::shared_ptr<ssl::context> tls;
  if (req.url.starts_with("https://")) {
    auto made = client_tls_context(req.ca_file);
    if (!made) return made.error();
    tls = std::move(made).value();
  }
  // Asynchronous operations on a private io_context: Beast's synchronous ones ignore the stream's
  // timeout, and a platform that accepts and never answers would hold the caller for ever.
  net::io_context ioc;
  std::optional<Result<ClientResponse>> outcome;
  const auto timeout = req.timeout;
  const std::string url = req.url;
  start_fetch(ioc, std::move(req), std::move(tls),
              [&](Result<ClientResponse> r) { outcome = std::move(r); });
  // Name resolution runs outside the stream's deadline: the run itself is bounded too.
  ioc.run_for(timeout + std::chrono::seconds(1));
  if (!outcome) {
    return make_error(ErrorCode::io_error, "请求 " + url + " 失败：超时",
                      "request to " + url + " failed: timed out");
  }
  return std::move(*outcome);
}

}  // namespace gongshi::server
