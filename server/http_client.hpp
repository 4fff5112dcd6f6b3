#pragma once
// A small synchronous HTTP/1.1 client (Beast) for webhook deliveries and the tests: one request per
// connection, a time limit on the whole exchange. http:// only.

#include <chrono>
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

// `targets`: when set, only resolved addresses it permits are connected to (checked after DNS,
// so a name that now points inside is refused with `forbidden`).
Result<ClientResponse> http_call(const std::string& method, const std::string& url,
                                 const std::vector<std::pair<std::string, std::string>>& headers,
                                 const std::string& body, std::chrono::seconds timeout,
                                 const AddressPolicy* targets = nullptr);

}  // namespace gongshi::server
