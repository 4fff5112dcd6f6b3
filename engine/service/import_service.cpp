#include "engine/service/import_service.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include "engine/exchange/work_files.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {
namespace {

std::string host_name() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return "localhost";
  return name;
}

// Is the job's process gone? Only a process of this host can be asked; "" (a job from before
// workers were recorded) counts as gone.
bool worker_gone(const std::string& worker, const std::string& host) {
  if (worker.empty()) return true;
  const auto colon = worker.rfind(':');
  if (colon == std::string::npos || worker.substr(0, colon) != host) return false;
  const long pid = std::strtol(worker.c_str() + colon + 1, nullptr, 10);
  if (pid <= 0 || pid == ::getpid()) return true;  // this process has not started a job yet
  return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

}  // namespace

ImportService::ImportService(std::shared_ptr<Database> db, Engine& engine,
                             const AccessPolicy& access, Clock clock,
                             std::filesystem::path work_dir, int batch)
    : db_(std::move(db)),
      engine_(engine),
      access_(access),
      clock_(clock),
      work_dir_(std::move(work_dir)),
      batch_(batch),
      instance_(host_name() + ":" + std::to_string(::getpid())),
      worker_([this] { work(); }) {}

Result<int> ImportService::recover(TimePoint now) {
  auto running = in_read_transaction<std::vector<ImportJob>>(
      *db_, [](Tx& tx) { return running_import_jobs(tx); });
  if (!running) return running.error();
  const std::string host = instance_.substr(0, instance_.rfind(':'));
  int failed = 0;
  for (ImportJob j : *running) {
    if (!worker_gone(j.worker, host)) continue;
    auto full = in_read_transaction<std::optional<ImportJob>>(
        *db_, [&](Tx& tx) { return find_import_job(tx, j.id); });
    if (!full || !*full || (*full)->status != "running") continue;
    ImportJob job = **full;
    job.status = "failed";
    job.message =
        "服务器在执行中停止（如崩溃或断电），任务未完成，请重新上传 / the server stopped "
        "while this job ran: upload the file again";
    job.finished_at = format_utc(now);
    auto done =
        in_transaction<std::monostate>(*db_, [&](Tx& tx) { return update_import_job(tx, job); });
    if (!done) return done.error();
    ++failed;
    if (!j.work_file.empty() && std::filesystem::path(j.work_file).parent_path() == work_dir_) {
      std::error_code ec;
      std::filesystem::remove(j.work_file, ec);
    }
  }
  // Uploads cut off or left by a crash: an upload is read within its timeout, so an hour-old
  // one belongs to no request.
  std::error_code ec;
  const auto cutoff = std::filesystem::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& e : std::filesystem::directory_iterator(work_dir_, ec)) {
    const std::string name = e.path().filename().string();
    if (!name.starts_with("gongshi-upload-")) continue;
    std::error_code ec2;
    if (e.last_write_time(ec2) < cutoff && !ec2) std::filesystem::remove(e.path(), ec2);
  }
  return failed;
}

ImportService::~ImportService() {
  stop();
}

void ImportService::request_stop() {
  {
    std::lock_guard lock(mu_);
    stop_.request_stop();
  }
  cv_.notify_all();
}

void ImportService::stop() {
  request_stop();
  if (worker_.joinable()) worker_.join();
  std::deque<std::pair<ImportJob, ImportSpec>> left;
  {
    std::lock_guard lock(mu_);
    left.swap(queue_);
  }
  for (auto& [job, spec] : left) {
    job.status = "failed";
    job.message = "服务器停止，任务未执行，请重新上传 / the server stopped before this job ran";
    job.finished_at = format_utc(clock_.now());
    (void)in_transaction<std::monostate>(*db_, [&](Tx& tx) { return update_import_job(tx, job); });
    std::error_code ec;
    std::filesystem::remove(spec.file, ec);
  }
}

Result<ImportSpec> ImportService::spec_for(const Principal& who, ImportInput& in) const {
  ImportSpec spec;
  spec.region = in.region.empty() ? who.region : in.region;
  spec.department_id = in.department_id ? in.department_id : who.department_id;
  if (auto st = access_.may_create_records(who, spec.region, spec.department_id); !st) {
    std::error_code ec;
    std::filesystem::remove(in.file, ec);
    return st.error();
  }
  spec.kind = in.kind;
  spec.file = in.file;
  spec.file_name = in.file_name.empty() ? "upload" : in.file_name;
  spec.backfill = in.backfill;
  spec.actor = Actor{who.login, access_.creating_role(who)};
  spec.batch = batch_;
  spec.worker = instance_;
  return spec;
}

Result<ImportJob> ImportService::submit(const Principal& who, ImportInput in, TimePoint now) {
  if (stop_.stop_requested()) {
    std::error_code ec;
    std::filesystem::remove(in.file, ec);
    Error e = make_error(ErrorCode::unavailable, "服务器正在停止，请稍后重新上传",
                         "the server is stopping: upload again in a moment");
    e.retry_after = 30;
    return e;
  }
  // The job keeps its own copy in the work directory: the caller's file may go away.
  const auto kept = unique_path(work_dir_, "gongshi-import-");
  std::error_code ec;
  std::filesystem::rename(in.file, kept, ec);
  if (ec) {
    std::filesystem::remove(in.file, ec);
    return make_error(ErrorCode::io_error, "无法保存上传文件：" + ec.message(),
                      "cannot keep the upload: " + ec.message());
  }
  in.file = kept;
  auto spec = spec_for(who, in);
  if (!spec) return spec.error();
  auto job = create_import_job(*db_, *spec, now);
  if (!job) {
    std::error_code ec;
    std::filesystem::remove(spec->file, ec);
    return job.error();
  }
  {
    std::lock_guard lock(mu_);
    queue_.emplace_back(*job, std::move(spec).value());
  }
  cv_.notify_one();
  return job;
}

Result<ImportJob> ImportService::run_now(const Principal& who, ImportInput in, TimePoint now,
                                         const std::function<void(const ImportJob&)>& progress) {
  auto spec = spec_for(who, in);
  if (!spec) return spec.error();
  auto job = create_import_job(*db_, *spec, now);
  if (!job) return job.error();
  return run_import(engine_, *db_, *job, *spec, clock_, progress);
}

void ImportService::work() {
  while (true) {
    std::pair<ImportJob, ImportSpec> next;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stop_.stop_requested() || !queue_.empty(); });
      if (stop_.stop_requested()) return;
      next = std::move(queue_.front());
      queue_.pop_front();
    }
    auto& [job, spec] = next;
    spec.stop = stop_.get_token();
    const auto done = run_import(engine_, *db_, job, spec, clock_, {});
    if (on_rows) on_rows(done.rows_done);
    std::error_code ec;
    std::filesystem::remove(spec.file, ec);
  }
}

Result<ImportJob> ImportService::job(const Principal& who, std::int64_t id) {
  auto job = in_read_transaction<std::optional<ImportJob>>(
      *db_, [&](Tx& tx) { return find_import_job(tx, id); });
  if (!job) return job.error();
  if (!*job || !access_.may_act_for_department(who, (*job)->region, (*job)->department_id)) {
    return not_found("导入任务不存在", "no such import job");
  }
  return **job;
}

Result<std::pair<ImportJob, std::vector<ImportRowError>>> ImportService::errors(
    const Principal& who, std::int64_t id) {
  auto j = job(who, id);
  if (!j) return j.error();
  auto rows = in_read_transaction<std::vector<ImportRowError>>(
      *db_, [&](Tx& tx) { return import_errors_of(tx, j->id); });
  if (!rows) return rows.error();
  return std::make_pair(*j, std::move(rows).value());
}

}  // namespace gongshi
