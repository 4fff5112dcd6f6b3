#include "server/session_cookie.hpp"

#include "engine/model/text.hpp"

namespace gongshi::server {

std::optional<std::string> session_cookie(const HttpRequest& req) {
  const auto header = req.header("cookie");
  if (!header) return std::nullopt;
  const std::string name = std::string(kSessionCookie) + "=";
  std::string_view rest = *header;
  while (!rest.empty()) {
    const auto semi = rest.find(';');
    const std::string pair = trim(rest.substr(0, semi));
    if (pair.starts_with(name) && pair.size() > name.size()) return pair.substr(name.size());
    if (semi == std::string_view::npos) break;
    rest.remove_prefix(semi + 1);
  }
  return std::nullopt;
}

namespace {

std::string attributes(bool secure) {
  return std::string("; Path=/; HttpOnly; SameSite=Strict") + (secure ? "; Secure" : "");
}

}  // namespace

std::string session_set_cookie(const std::string& token, std::chrono::seconds lifetime,
                               bool secure) {
  return std::string(kSessionCookie) + "=" + token +
         "; Max-Age=" + std::to_string(lifetime.count()) + attributes(secure);
}

std::string session_clear_cookie(bool secure) {
  return std::string(kSessionCookie) + "=; Max-Age=0" + attributes(secure);
}

bool over_tls(const AppContext& app, const HttpRequest& req) {
  if (app.settings.secure_cookies || req.tls) return true;
  if (!via_trusted_proxy(app.settings, req)) return false;
  const auto proto = req.header("x-forwarded-proto");
  return proto && ascii_upper(trim(*proto)) == "HTTPS";
}

bool changes_state(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

}  // namespace gongshi::server
