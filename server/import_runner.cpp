#include "server/import_runner.hpp"

#include "engine/store/time_text.hpp"
#include "server/app_context.hpp"

namespace gongshi::server {

ImportRunner::ImportRunner(AppContext& app) : app_(app), worker_([this] { work(); }) {}

ImportRunner::~ImportRunner() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  worker_.join();
  for (auto& [job, spec] : queue_) {
    job.status = "failed";
    job.message = "服务器停止，任务未执行，请重新上传 / the server stopped before this job ran";
    job.finished_at = format_utc(app_.now());
    (void)in_transaction<std::monostate>(*app_.db,
                                         [&](Tx& tx) { return update_import_job(tx, job); });
    std::error_code ec;
    std::filesystem::remove(spec.file, ec);
  }
}

Result<ImportJob> ImportRunner::submit(ImportSpec spec) {
  auto job = create_import_job(*app_.db, spec, app_.now());
  if (!job) return job.error();
  {
    std::lock_guard lock(mu_);
    queue_.emplace_back(*job, std::move(spec));
  }
  cv_.notify_one();
  return job;
}

void ImportRunner::work() {
  while (true) {
    std::pair<ImportJob, ImportSpec> next;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      next = std::move(queue_.front());
      queue_.pop_front();
    }
    auto& [job, spec] = next;
    const auto done = run_import(app_.engine, *app_.db, job, spec, app_.clock, {});
    app_.metrics.add_counter("gongshi_import_rows_total", "Rows read by import jobs.",
                             done.rows_done);
    std::error_code ec;
    std::filesystem::remove(spec.file, ec);
  }
}

}  // namespace gongshi::server
