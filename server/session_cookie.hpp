#pragma once
// The browser session: the session token in an HttpOnly, SameSite=Strict cookie (Secure when the
// page is served over TLS), and the CSRF token every state-changing request from a page must
// carry in X-CSRF-Token. API clients keep the Bearer header and need no CSRF token.

#include <chrono>
#include <optional>
#include <string>

#include "server/app_context.hpp"
#include "server/http_types.hpp"

namespace gongshi::server {

inline constexpr const char* kSessionCookie = "gongshi_session";

// The session token the request's Cookie header carries, if any.
std::optional<std::string> session_cookie(const HttpRequest& req);
// Set-Cookie values: the session for `lifetime`, or its removal.
std::string session_set_cookie(const std::string& token, std::chrono::seconds lifetime,
                               bool secure);
std::string session_clear_cookie(bool secure);
// Served over TLS: --secure-cookies, or the trusted proxy says X-Forwarded-Proto: https.
bool over_tls(const AppContext& app, const HttpRequest& req);
// GET, HEAD and OPTIONS change nothing; everything else needs the CSRF token with a cookie.
bool changes_state(const std::string& method);

}  // namespace gongshi::server
