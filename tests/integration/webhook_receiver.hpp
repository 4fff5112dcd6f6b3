#pragma once
// A webhook receiver for the HTTP tests, on loopback (so the server under test needs
// --webhook-allow 127.0.0.1): fails the first `failures` requests with 503, then accepts; keeps
// all.

#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "server/http_server.hpp"

namespace gongshi::test {

struct Receiver {
  struct Seen {
    std::string idempotency_key, signature, timestamp, event, body;
  };
  std::mutex mu;
  std::vector<Seen> seen;
  int failures = 2;
  server::HttpServer http{server::ServerOptions{}, [this](server::HttpRequest& req) {
                            std::lock_guard lock(mu);
                            seen.push_back({req.header("idempotency-key").value_or(""),
                                            req.header("x-gongshi-signature").value_or(""),
                                            req.header("x-gongshi-timestamp").value_or(""),
                                            req.header("x-gongshi-event").value_or(""), req.body});
                            server::HttpResponse res;
                            res.status = static_cast<int>(seen.size()) <= failures ? 503 : 200;
                            return res;
                          }};
  unsigned short port = http.listen("127.0.0.1", 0).value();
  std::thread thread{[this] { http.run(1); }};
  ~Receiver() {
    http.stop();
    thread.join();
  }
  std::size_t count() {
    std::lock_guard lock(mu);
    return seen.size();
  }
};

}  // namespace gongshi::test
