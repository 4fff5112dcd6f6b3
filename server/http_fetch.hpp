#pragma once
// Internal to the server's networking: one outgoing HTTP(S) request on an io_context — the
// webhooks' asynchronous client (HttpServer::fetch) and the synchronous one (http_call, on a
// private io_context) are the same code.

#include <functional>
#include <memory>

#include "server/http_client.hpp"
#include "server/http_server_impl.hpp"

namespace gongshi::server {

// Resolves, checks each address against req.targets, connects, over TLS (an https:// URL, with
// `tls`: its certificate and host name verified) or not, writes, reads; every step within
// req.timeout of the start. `done` is called once, on an I/O thread of `ioc`.
void start_fetch(net::io_context& ioc, FetchRequest req, std::shared_ptr<ssl::context> tls,
                 std::function<void(Result<ClientResponse>)> done);

// http or https, the host (without brackets) and the port of a URL; an error for anything else.
struct FetchUrl {
  bool https = false;
  std::string host, port, target;
};
Result<FetchUrl> fetch_url(const std::string& url);

}  // namespace gongshi::server
