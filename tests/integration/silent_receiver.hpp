#pragma once
// A receiver for the HTTP tests that accepts every connection on loopback and never reads or
// answers: what a hung platform or subscriber looks like to the server's clients.

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <thread>
#include <vector>

namespace gongshi::test {

struct SilentReceiver {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor{io, {boost::asio::ip::address_v4::loopback(), 0}};
  unsigned short port = acceptor.local_endpoint().port();
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> accepted{0};
  std::vector<boost::asio::ip::tcp::socket> held;  // the accepting thread's alone
  std::thread thread{[this] {
    while (!stopping) {
      boost::asio::ip::tcp::socket s(io);
      boost::system::error_code ec;
      acceptor.accept(s, ec);
      if (ec || stopping) return;
      held.push_back(std::move(s));
      ++accepted;
    }
  }};
  ~SilentReceiver() {
    stopping = true;
    boost::asio::ip::tcp::socket wake(io);  // unblocks accept()
    boost::system::error_code ec;
    wake.connect(acceptor.local_endpoint(), ec);
    thread.join();
  }
};

}  // namespace gongshi::test
