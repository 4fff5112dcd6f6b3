#pragma once
// A small synchronous HTTP/1.1 client (Beast) for webhook deliveries and the tests: one request per
// connection, a time limit on the whole exchange. http:// only.

#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/result.hpp"

namespace gongshi::server {

struct ClientResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

Result<ClientResponse> http_call(const std::string& method, const std::string& url,
                                 const std::vector<std::pair<std::string, std::string>>& headers,
                                 const std::string& body, std::chrono::seconds timeout);

}  // namespace gongshi::server
