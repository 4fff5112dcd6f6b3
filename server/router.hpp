#pragma once
// The route table: method + path pattern → handler. Patterns have {name} segments, which may carry
// a literal prefix or suffix ("{kind}.xlsx"). The same table is what the OpenAPI test walks.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/service/principal.hpp"
#include "server/http_types.hpp"

namespace gongshi::server {

struct RouteContext {
  const HttpRequest& request;
  std::map<std::string, std::string> params;
  const Principal* who = nullptr;  // null on open routes

  const std::string& param(const std::string& name) const { return params.at(name); }
};

enum class Access {
  open,  // anyone: health, metrics, the public pages, login
  user,  // a valid session or API token; the handler checks roles and scope
};

using Handler = std::function<HttpResponse(RouteContext&)>;

struct Route {
  std::string method;
  std::string pattern;
  Access access = Access::user;
  Handler handler;
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  std::vector<std::string> allowed_methods;  // when the path matched but not the method
};

class Router {
 public:
  void add(std::string method, std::string pattern, Access access, Handler handler);
  RouteMatch match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

// Does `path` match `pattern`? Fills params when it does.
bool match_pattern(const std::string& pattern, const std::string& path,
                   std::map<std::string, std::string>& params);

}  // namespace gongshi::server
