#pragma once
// A request and a response as the routes see them: plain data, no Beast types, so that the routes
// compile without the heavy networking headers.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gongshi::server {

struct HttpRequest {
  std::string method;                          // GET, POST, …
  std::string path;                            // decoded path, no query
  std::map<std::string, std::string> query;    // decoded parameters
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;                            // the body, except for uploads
  std::string body_file;  // uploads: the temporary file the body was streamed into
  std::string peer;       // the client's address, as the socket sees it
  bool tls = false;       // it came over this process's TLS

  std::optional<std::string> header(const std::string& lower_name) const;
  std::optional<std::string> param(const std::string& name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace gongshi::server
