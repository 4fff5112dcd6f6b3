#include "server/metrics.hpp"

#include <sstream>

namespace gongshi::server {
namespace {

std::string label_value(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::observe(const std::string& method, const std::string& route, int status,
                      double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{method, route, status}];
  auto& h = latency_[{method, route}];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::set_gauge(const std::string& name, const std::string& help, double value) {
  std::lock_guard lock(mu_);
  gauges_[name] = {help, value};
}

void Metrics::add_counter(const std::string& name, const std::string& help, double delta) {
  std::lock_guard lock(mu_);
  auto& c = counters_[name];
  c.first = help;
  c.second += delta;
}

std::string Metrics::render() const {
  std::lock_guard lock(mu_);
  std::ostringstream out;
  out << "# HELP gongshi_http_requests_total HTTP requests by method, route and status.\n"
      << "# TYPE gongshi_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [method, route, status] = key;
    out << "gongshi_http_requests_total{method=\"" << method << "\",route=\"" << label_value(route)
        << "\",status=\"" << status << "\"} " << n << "\n";
  }
  out << "# HELP gongshi_http_request_duration_seconds Time to answer a request.\n"
      << "# TYPE gongshi_http_request_duration_seconds histogram\n";
  for (const auto& [key, h] : latency_) {
    const std::string labels =
        "method=\"" + key.first + "\",route=\"" + label_value(key.second) + "\"";
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out << "gongshi_http_request_duration_seconds_bucket{" << labels << ",le=\"" << kBuckets[i]
          << "\"} " << h.buckets[i] << "\n";
    }
    out << "gongshi_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} " << h.count
        << "\n";
    out << "gongshi_http_request_duration_seconds_sum{" << labels << "} " << h.sum << "\n";
    out << "gongshi_http_request_duration_seconds_count{" << labels << "} " << h.count << "\n";
  }
  out << "# HELP gongshi_http_in_flight Requests being answered now.\n"
      << "# TYPE gongshi_http_in_flight gauge\n"
      << "gongshi_http_in_flight " << in_flight_.load() << "\n";
  for (const auto& [name, g] : counters_) {
    out << "# HELP " << name << " " << g.first << "\n# TYPE " << name << " counter\n"
        << name << " " << g.second << "\n";
  }
  for (const auto& [name, g] : gauges_) {
    out << "# HELP " << name << " " << g.first << "\n# TYPE " << name << " gauge\n"
        << name << " " << g.second << "\n";
  }
  return out.str();
}

}  // namespace gongshi::server
