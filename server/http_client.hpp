#pragma once
// Outgoing HTTP and HTTPS requests (webhook deliveries, the push upward, the tests): one request
// per connection, a time limit on the whole exchange, the addresses a policy permits, and over
// TLS the peer's certificate and host name verified against the system's CAs (and an extra CA
// file when given) — a failed verification is an error naming the target and the reason, never
// an unverified fallback.

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/result.hpp"
#include "engine/service/address_policy.hpp"

namespace gongshi::server {

struct ClientResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

struct FetchRequest {
  std::string method, url;  // http:// or https://
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::chrono::seconds timeout{10};  // for the whole exchange
  // When set, only resolved addresses it permits are connected to (checked after DNS, so a name
  // that now points inside is refused); none permitted: the fetch fails with `forbidden`, in
  // `use`'s words.
  const AddressPolicy* targets = nullptr;
  OutboundUse use = kWebhookUse;
  std::string ca_file;                  // extra CA certificates (PEM) for https; "" = the system's
  std::uint64_t body_limit = 4u << 20;  // of the answer
};

// On the calling thread (a private io_context).
Result<ClientResponse> http_call(FetchRequest req);

inline Result<ClientResponse> http_call(
    const std::string& method, const std::string& url,
    const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body,
    std::chrono::seconds timeout) {
  FetchRequest req;
  req.method = method;
  req.url = url;
  req.headers = headers;
  req.body = body;
  req.timeout = timeout;
  req.body_limit = 64u << 20;
  return http_call(std::move(req));
}

}  // namespace gongshi::server
