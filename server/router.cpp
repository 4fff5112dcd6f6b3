#include "server/router.hpp"

#include <string_view>

namespace gongshi::server {
namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 1;  // paths begin with '/'
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool match_segment(std::string_view pattern, std::string_view text,
                   std::map<std::string, std::string>& params) {
  const auto open = pattern.find('{');
  if (open == std::string_view::npos) return pattern == text;
  const auto close = pattern.find('}', open);
  const auto prefix = pattern.substr(0, open);
  const auto suffix = pattern.substr(close + 1);
  if (text.size() <= prefix.size() + suffix.size()) return false;
  if (text.substr(0, prefix.size()) != prefix) return false;
  if (text.substr(text.size() - suffix.size()) != suffix) return false;
  params[std::string(pattern.substr(open + 1, close - open - 1))] =
      std::string(text.substr(prefix.size(), text.size() - prefix.size() - suffix.size()));
  return true;
}

}  // namespace

bool match_pattern(const std::string& pattern, const std::string& path,
                   std::map<std::string, std::string>& params) {
  if (path.empty() || path.front() != '/') return false;
  const auto want = segments(pattern);
  const auto got = segments(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (!match_segment(want[i], got[i], found)) return false;
  }
  params = std::move(found);
  return true;
}

void Router::add(std::string method, std::string pattern, Access access, Handler handler) {
  routes_.push_back({std::move(method), std::move(pattern), access, std::move(handler)});
}

RouteMatch Router::match(const std::string& method, const std::string& path) const {
  RouteMatch m;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!match_pattern(route.pattern, path, params)) continue;
    if (route.method == method) {
      m.route = &route;
      m.params = std::move(params);
      return m;
    }
    m.allowed_methods.push_back(route.method);
  }
  return m;
}

}  // namespace gongshi::server
