#pragma once
// A fixed number of threads for the work that blocks — database transactions and rule
// evaluation — so that the I/O threads only parse and write. Its queue is bounded: submit()
// refuses at once when it is full (the server answers 503 with Retry-After), never queues without
// end.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace gongshi::server {

class WorkerPool {
 public:
  WorkerPool(std::size_t threads, std::size_t queue_limit);
  ~WorkerPool();  // runs what is queued, then joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // false when the queue is full (nothing queued).
  bool submit(std::function<void()> job);
  // Waits until every queued and running job is done (used when the server stops).
  void drain();
  std::size_t queued() const;
  std::size_t threads() const { return threads_.size(); }

 private:
  void work();

  std::size_t limit_;
  mutable std::mutex mu_;
  std::condition_variable cv_, idle_;
  std::deque<std::function<void()>> queue_;
  std::size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace gongshi::server
