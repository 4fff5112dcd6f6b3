#include "server/request_log.hpp"

#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <random>

namespace gongshi::server {
namespace {

std::string utc_millis() {
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch());
  const std::time_t secs = static_cast<std::time_t>(ms.count() / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms.count() % 1000));
  return buf;
}

// A value as a text log shows it: bare when it has no space, quote or '=', else quoted.
std::string text_value(const std::string& v) {
  if (v.empty()) return "-";
  if (v.find_first_of(" \"=\n\r\t") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\') out += '\\';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out + "\"";
}

}  // namespace

bool parse_log_format(const std::string& text, LogFormat& out) {
  if (text == "text")
    out = LogFormat::text;
  else if (text == "json")
    out = LogFormat::json;
  else if (text == "off")
    out = LogFormat::off;
  else
    return false;
  return true;
}

std::string request_log_line(const RequestLog& r, LogFormat f) {
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.1f", r.seconds * 1000.0);
  if (f == LogFormat::json) {
    return boost::json::serialize(boost::json::object{{"time", utc_millis()},
                                                      {"request_id", r.request_id},
                                                      {"client", r.client},
                                                      {"user", r.user},
                                                      {"method", r.method},
                                                      {"route", r.route},
                                                      {"status", r.status},
                                                      {"ms", std::stod(duration)}}) +
           "\n";
  }
  return "time=" + utc_millis() + " request_id=" + r.request_id +
         " client=" + text_value(r.client) + " user=" + text_value(r.user) + " method=" + r.method +
         " route=" + text_value(r.route) + " status=" + std::to_string(r.status) +
         " ms=" + duration + "\n";
}

void write_log_line(const std::string& line) {
  std::size_t done = 0;
  while (done < line.size()) {
    const auto n = ::write(STDERR_FILENO, line.data() + done, line.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

std::string new_request_id() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(random()));
  return buf;
}

}  // namespace gongshi::server
