// The client of `scripts/bench flow`: THREADS keep-alive connections, each taking records through
// the four steps a department does — create (填报员), submit (填报员), approve (审核员), publish
// (审核员) — one request after the other, for SECONDS. A 503 is retried after its Retry-After.
// Prints one parsable line: records/s, requests/s, latency percentiles, errors.
// Usage: flow_client HOST PORT FILLER_TOKEN REVIEWER_TOKEN THREADS SECONDS BODY_FILE
// (BODY_FILE: the create body with "__NO__" where each record's 决定书文号 number goes.)
#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Shared {
  std::string host, port, filler, reviewer, body;
  Clock::time_point until;
  std::atomic<long> records{0}, requests{0}, errors{0}, busy{0};
  std::mutex mu;
  std::vector<double> latencies_ms;
};

class Client {
 public:
  explicit Client(Shared& s) : s_(s), socket_(io_) { connect(); }

  // One request; the answer's status and body. Retries a 503 after a second.
  std::pair<int, std::string> call(http::verb verb, const std::string& target,
                                   const std::string& token, const std::string& body,
                                   const std::string& if_match = "") {
    for (;;) {
      http::request<http::string_body> req{verb, target, 11};
      req.set(http::field::host, s_.host);
      req.set(http::field::authorization, "Bearer " + token);
      req.set(http::field::content_type, "application/json");
      if (!if_match.empty()) req.set(http::field::if_match, "\"" + if_match + "\"");
      req.body() = body;
      req.prepare_payload();
      http::response<http::string_body> res;
      const auto t = Clock::now();
      beast::error_code ec;
      http::write(socket_, req, ec);
      if (!ec) http::read(socket_, buffer_, res, ec);
      if (ec) {
        ++s_.errors;
        socket_.close();
        connect();
        return {0, ""};
      }
      latencies_.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
      ++s_.requests;
      if (res.result_int() == 503) {
        ++s_.busy;
        std::this_thread::sleep_for(std::chrono::seconds(1));
        continue;
      }
      if (!res.keep_alive()) {
        socket_.close();
        connect();
      }
      return {res.result_int(), std::move(res.body())};
    }
  }

  void run(int thread) {
    long n = 0;
    while (Clock::now() < s_.until) {
      std::string body = s_.body;
      const auto at = body.find("__NO__");
      if (at != std::string::npos) {
        // Unique across runs on the same database, too: the process id and the thread.
        body.replace(
            at, 6,
            std::to_string(::getpid()) + "-" + std::to_string(thread) + "-" + std::to_string(++n));
      }
      auto [status, text] = call(http::verb::post, "/api/v1/records", s_.filler, body);
      if (status != 201) {
        fail("create", status, text);
        continue;
      }
      auto rec = boost::json::parse(text).as_object();
      const std::string path = "/api/v1/records/" + std::string(rec.at("region").as_string()) +
                               "/" + std::to_string(rec.at("id").as_int64()) + "/transitions/";
      std::int64_t version = rec.at("version").as_int64();
      bool ok = true;
      for (auto [event, token] : {std::pair{"submit", &s_.filler},
                                  {"approve", &s_.reviewer},
                                  {"publish", &s_.reviewer}}) {
        auto [st, answer] =
            call(http::verb::post, path + event, *token, "{}", std::to_string(version));
        if (st != 200) {
          fail(event, st, answer);
          ok = false;
          break;
        }
        version = boost::json::parse(answer).at("version").as_int64();
      }
      if (ok) ++s_.records;
    }
    std::lock_guard lock(s_.mu);
    s_.latencies_ms.insert(s_.latencies_ms.end(), latencies_.begin(), latencies_.end());
  }

 private:
  void connect() {
    tcp::resolver resolver(io_);
    net::connect(socket_, resolver.resolve(s_.host, s_.port));
    socket_.set_option(tcp::no_delay(true));
  }

  void fail(const char* step, int status, const std::string& text) {
    ++s_.errors;
    if (s_.errors.load() <= 3) {
      std::fprintf(stderr, "%s: %d %s\n", step, status, text.substr(0, 300).c_str());
    }
  }

  Shared& s_;
  net::io_context io_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
  std::vector<double> latencies_;
};

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  const auto k = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 8) {
    std::fprintf(stderr,
                 "usage: flow_client HOST PORT FILLER_TOKEN REVIEWER_TOKEN THREADS SECONDS "
                 "BODY_FILE\n");
    return 2;
  }
  Shared s;
  s.host = argv[1];
  s.port = argv[2];
  s.filler = argv[3];
  s.reviewer = argv[4];
  const int threads = std::max(1, std::atoi(argv[5]));
  const double seconds = std::atof(argv[6]);
  std::ifstream in(argv[7]);
  s.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  const auto start = Clock::now();
  s.until = start + std::chrono::milliseconds(static_cast<long>(seconds * 1000));
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&s, t] {
      try {
        Client(s).run(t);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "client %d: %s\n", t, e.what());
        ++s.errors;
      }
    });
  }
  for (auto& t : pool) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf(
      "RESULT records_per_s=%.1f requests_per_s=%.0f p50_ms=%.2f p99_ms=%.2f errors=%ld "
      "busy=%ld\n",
      static_cast<double>(s.records.load()) / elapsed,
      static_cast<double>(s.requests.load()) / elapsed, percentile(s.latencies_ms, 50),
      percentile(s.latencies_ms, 99), s.errors.load(), s.busy.load());
  return 0;
}
