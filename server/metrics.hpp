#pragma once
// Counters and latency histograms of the HTTP server, and gauges the background jobs set, in the
// Prometheus text format. Thread-safe.

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace gongshi::server {

class Metrics {
 public:
  static constexpr std::array<double, 10> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,  0.1,    0.25,  0.5,  1.0};

  // `route` is the route's pattern (bounded cardinality), or "unmatched".
  void observe(const std::string& method, const std::string& route, int status, double seconds);
  void set_gauge(const std::string& name, const std::string& help, double value);
  void add_counter(const std::string& name, const std::string& help, double delta);
  std::atomic<int>& in_flight() { return in_flight_; }

  std::string render() const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::pair<std::string, std::string>, Histogram> latency_;
  std::map<std::string, std::pair<std::string, double>> gauges_, counters_;
  std::atomic<int> in_flight_{0};
};

}  // namespace gongshi::server
