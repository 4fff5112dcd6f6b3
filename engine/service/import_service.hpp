#pragma once
// Imports as use cases: a department's upload becomes a job run by a worker thread of its own (so
// an upload answers at once and no request thread waits for a long file); its progress and the
// refused rows with their problems; or a file imported right away (the command line).

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>
#include <utility>
#include <vector>

#include "engine/service/access.hpp"
#include "engine/service/import.hpp"

namespace gongshi {

struct ImportInput {
  std::string region;                         // "" = the caller's
  std::optional<std::int64_t> department_id;  // none: the caller's
  RecordKind kind = RecordKind::license;
  std::filesystem::path file;  // submit moves it into the work directory; it is removed after
  std::string file_name;       // as the user named it
  bool backfill = false;
};

class ImportService {
 public:
  ImportService(std::shared_ptr<Database> db, Engine& engine, const AccessPolicy& access,
                Clock clock, std::filesystem::path work_dir, int batch = 500);
  ~ImportService();  // stop()
  ImportService(const ImportService&) = delete;
  ImportService& operator=(const ImportService&) = delete;

  // Creates the job and queues it.
  Result<ImportJob> submit(const Principal& who, ImportInput in, TimePoint now);
  // Imports now, on this thread, calling `progress` after each batch (the command line).
  Result<ImportJob> run_now(const Principal& who, ImportInput in, TimePoint now,
                            const std::function<void(const ImportJob&)>& progress);
  Result<ImportJob> job(const Principal& who, std::int64_t id);
  Result<std::pair<ImportJob, std::vector<ImportRowError>>> errors(const Principal& who,
                                                                   std::int64_t id);
  // After a crash: the jobs still "running" whose process on this host is gone (or that name no
  // process) are marked failed and their files removed, and uploads left in the work directory
  // for over an hour are removed. Returns the jobs failed.
  Result<int> recover(TimePoint now);
  // host:pid of this process, as its jobs record it.
  const std::string& instance() const { return instance_; }
  // Rows read by each finished job (for metrics). Called on the job thread, which stop() joins:
  // whatever it uses must outlive that call.
  std::function<void(int rows)> on_rows;
  // The server is stopping: the job running ends at its next row ("failed", saying how far it
  // came: the same file uploaded again goes on). Returns at once; thread-safe.
  void request_stop();
  // request_stop(), then waits for the job thread to end; queued jobs end "failed" and their
  // files are removed. Idempotent. Nothing runs on the job thread afterwards.
  void stop();

 private:
  Result<ImportSpec> spec_for(const Principal& who, ImportInput& in) const;
  void work();

  std::shared_ptr<Database> db_;
  Engine& engine_;
  const AccessPolicy& access_;
  Clock clock_;
  std::filesystem::path work_dir_;
  int batch_;
  std::string instance_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::pair<ImportJob, ImportSpec>> queue_;
  std::stop_source stop_;
  std::thread worker_;
};

}  // namespace gongshi
