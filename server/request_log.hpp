#pragma once
// One line per request on standard error, for the journal: time, request id, client address,
// user, method, route template (never the raw path, which may carry a query code), status and
// duration. `text` (key=value, what journalctl shows) or `json` (one object a line).

#include <string>

namespace gongshi::server {

enum class LogFormat { text, json, off };

struct RequestLog {
  std::string request_id;
  std::string client;
  std::string user;  // "" when not signed in
  std::string method;
  std::string route;  // the route template ("/api/v1/records/{region}/{id}"), "web", "unmatched"
  int status = 0;
  double seconds = 0;
};

// "text", "json" or "off"; false for anything else.
bool parse_log_format(const std::string& text, LogFormat& out);

// The line, with its newline, stamped with the real time (UTC, milliseconds).
std::string request_log_line(const RequestLog& r, LogFormat f);

// Writes the line in one write(2), so lines of concurrent requests never interleave.
void write_log_line(const std::string& line);

// A new request id: 16 hex digits.
std::string new_request_id();

}  // namespace gongshi::server
