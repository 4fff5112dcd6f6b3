#pragma once
// Runs import jobs one after another on a worker thread of their own, so an upload answers at once
// (202 with the job) and the HTTP threads never wait for a long file.

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "engine/service/import.hpp"

namespace gongshi::server {

struct AppContext;

class ImportRunner {
 public:
  explicit ImportRunner(AppContext& app);
  ~ImportRunner();  // finishes the job running; queued ones end "failed" (server stopping)
  ImportRunner(const ImportRunner&) = delete;
  ImportRunner& operator=(const ImportRunner&) = delete;

  // Creates the job and queues it. The runner owns `spec.file` from now on and removes it.
  Result<ImportJob> submit(ImportSpec spec);

 private:
  void work();

  AppContext& app_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::pair<ImportJob, ImportSpec>> queue_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace gongshi::server
